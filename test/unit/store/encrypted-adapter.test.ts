import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { newDataKey } from '../../../main/services/store/crypto';
import { EncryptedJsonAdapter, openDocument, UnreadableFileError } from '../../../main/services/store/encrypted-adapter';
import { DataKey } from '../../../main/services/store/key';
import { tempDir } from './helpers';

const NoteSchema = z.strictObject({ child: z.string(), notes: z.array(z.string()) });
type Note = z.infer<typeof NoteSchema>;

function adapter(dir: string, key: DataKey, name = 'note.enc', role = `conference:${name}`) {
  return new EncryptedJsonAdapter<Note>(join(dir, name), key, role, NoteSchema);
}

describe('the encrypted lowdb adapter', () => {
  it('stores a lowdb document encrypted and reads it back', async () => {
    const dir = await tempDir();
    const key = new DataKey(newDataKey());
    const db = await openDocument(adapter(dir, key));
    expect(db.data).toBeNull();
    db.data = { child: 'Ellis Marchbank', notes: ['seen alone at school'] };
    await db.write();
    expect((await readFile(join(dir, 'note.enc'))).includes(Buffer.from('Marchbank'))).toBe(false);
    expect((await openDocument(adapter(dir, key))).data).toEqual({ child: 'Ellis Marchbank', notes: ['seen alone at school'] });
  });

  it('reports a damaged file as unreadable and refuses to overwrite it', async () => {
    const dir = await tempDir();
    const key = new DataKey(newDataKey());
    const first = await openDocument(adapter(dir, key));
    first.data = { child: 'Ellis Marchbank', notes: [] };
    await first.write();
    const path = join(dir, 'note.enc');
    const bytes = await readFile(path);
    await writeFile(path, bytes.subarray(0, bytes.length - 5));
    const damaged = adapter(dir, key);
    await expect(damaged.read()).rejects.toBeInstanceOf(UnreadableFileError);
    await expect(damaged.write({ child: 'x', notes: [] })).rejects.toThrow(/not read first/);
    expect((await readFile(path)).length).toBe(bytes.length - 5);
  });

  it('refuses to replace a file it has not read', async () => {
    const dir = await tempDir();
    const key = new DataKey(newDataKey());
    await expect(adapter(dir, key).write({ child: 'x', notes: [] })).rejects.toThrow(/not read first/);
  });

  it('treats well-encrypted data of the wrong shape as unreadable', async () => {
    const dir = await tempDir();
    const key = new DataKey(newDataKey());
    const loose = new EncryptedJsonAdapter(join(dir, 'note.enc'), key, 'conference:note.enc', z.unknown());
    await loose.read();
    await loose.write({ something: 'else' });
    await expect(adapter(dir, key).read()).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it("will not read one conference's file in another's place", async () => {
    const dir = await tempDir();
    const key = new DataKey(newDataKey());
    const a = await openDocument(adapter(dir, key, 'a.enc'));
    a.data = { child: 'Ellis Marchbank', notes: [] };
    await a.write();
    await copyFile(join(dir, 'a.enc'), join(dir, 'b.enc'));
    await expect(adapter(dir, key, 'b.enc').read()).rejects.toBeInstanceOf(UnreadableFileError);
  });

  it('stops working the moment the key is wiped', async () => {
    const dir = await tempDir();
    const raw = newDataKey();
    const key = new DataKey(raw);
    key.wipe();
    expect(raw.every((byte) => byte === 0)).toBe(true);
    await expect(adapter(dir, key).read()).resolves.toBeNull(); // nothing on disk to decrypt
    const db = await openDocument(adapter(dir, key));
    db.data = { child: 'x', notes: [] };
    await expect(db.write()).rejects.toMatchObject({ code: 'LOCKED' });
  });
});
