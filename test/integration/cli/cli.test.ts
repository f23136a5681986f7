import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore, PASSPHRASE, tempDir, type Harness } from '../../unit/store/helpers';
import { CHAIR, enterWhitfield } from '../signoff/ready';
import { pdfsig, withByteChanged } from '../verify/helpers';

/**
 * The `conference-recorder` command, spawned as a records officer would run it (through the
 * package's bin, from source so a stale build is never what is tested), against a temp store.
 */

const BIN = resolve(__dirname, '../../../bin/conference-recorder.mjs');

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      // The head anchor goes to a temp folder: never the real user's config.
      env: { PATH: process.env['PATH'], HOME: process.env['HOME'], CONFERENCE_RECORDER_FROM_SOURCE: '1', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdin.end();
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A store with the Whitfield conference signed and a second one left as a draft, locked (as when the app is closed). */
async function closedStore(): Promise<{ h: Harness; signedId: string; draftId: string; env: NodeJS.ProcessEnv }> {
  const h = await openStore();
  await h.ok('profile.set', CHAIR);
  const signed = await enterWhitfield(h);
  await h.ok('conferences.sign', { id: signed.id, baseRevision: signed.revision });
  const draft = await enterWhitfield(h);
  await h.ok('vault.lock');
  return { h, signedId: signed.id, draftId: draft.id, env: { CONFERENCE_RECORDER_PASSPHRASE: PASSPHRASE, CPC_HEAD_DIR: await tempDir() } };
}

describe('conference-recorder export', () => {
  it('exports one conference’s chosen documents and formats to a folder with a progress bar on stderr; the PDFs are signed', async () => {
    const { h, signedId, env } = await closedStore();
    const out = join(await tempDir(), 'exports');
    const ran = await cli(['export', signedId, '--documents', 'minutes,family', '--formats', 'pdf,docx', '--out', out, '--data', h.dir], env);
    expect(ran.stderr).toContain('[############------------] 2/4 conference 1 of 1: full minutes (DOCX)');
    expect(ran.stderr).toContain('[########################] 4/4 conference 1 of 1: family copy (DOCX)');
    expect(ran.code, ran.stderr).toBe(0);
    expect(ran.stderr).toContain(`Wrote 4 files to ${out}.`);
    expect(readdirSync(out).sort()).toEqual([
      '2026-01-15 ICPC Whitfield - family copy.docx',
      '2026-01-15 ICPC Whitfield - family copy.pdf',
      '2026-01-15 ICPC Whitfield - minutes.docx',
      '2026-01-15 ICPC Whitfield - minutes.pdf',
    ]);
    const pdf = join(out, '2026-01-15 ICPC Whitfield - minutes.pdf');
    expect(statSync(pdf).mode & 0o777).toBe(0o600);
    expect(pdfsig(readFileSync(pdf))).toContain('Signature is Valid.');
    // The progress names documents, never the family.
    expect(ran.stderr).not.toContain('Whitfield - ');

    const again = await cli(['export', signedId, '--documents', 'minutes', '--formats', 'pdf', '--out', out, '--data', h.dir], env);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('1 file was already there and left as they were (use --overwrite to replace them).');
  }, 240_000);

  it('--all-signed exports every signed conference and leaves drafts out', async () => {
    const { h, env } = await closedStore();
    const out = join(await tempDir(), 'all');
    const ran = await cli(['export', '--all-signed', '--documents', 'letter,actions', '--formats', 'docx', '--out', out, '--data', h.dir], env);
    expect(ran.code, ran.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['2026-01-15 ICPC Whitfield - actions list.docx', '2026-01-15 ICPC Whitfield - decision letter.docx']);
  }, 240_000);
});

describe('conference-recorder verify', () => {
  it('says valid / altered / unknown in a sentence, with exit codes 0 / 1 / 2', async () => {
    const { h, signedId, env } = await closedStore();
    const out = join(await tempDir(), 'exports');
    expect((await cli(['export', signedId, '--documents', 'minutes', '--formats', 'pdf', '--out', out, '--data', h.dir], env)).code).toBe(0);
    const pdf = join(out, '2026-01-15 ICPC Whitfield - minutes.pdf');
    const valid = await cli(['verify', pdf, '--data', h.dir], env);
    expect(valid.code, valid.stderr).toBe(0);
    expect(valid.stdout).toMatch(/^VALID: This file matches the full minutes, signed version 1 of the initial child protection conference of 15 January 2026 \(conference [0-9a-f-]{36}\), the latest signed version\.\n/);

    const bytes = readFileSync(pdf);
    const changed = join(out, 'changed.pdf');
    writeFileSync(changed, withByteChanged(bytes, bytes.indexOf('\n(Conference Recorder)') + 3));
    const altered = await cli(['verify', changed, '--data', h.dir], env);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toMatch(/^ALTERED: This PDF has been altered\./);

    const notes = join(out, 'notes.pdf');
    writeFileSync(notes, 'Not minutes.');
    const unknown = await cli(['verify', notes, '--data', h.dir], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toMatch(/^UNKNOWN \(not a conference document\): This file is named \.pdf but is not a PDF inside/);

    const missing = await cli(['verify', join(out, 'nowhere.pdf'), '--data', h.dir], env);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('There is no file at');
  }, 240_000);
});

describe('the passphrase and the store', () => {
  it('refuses a passphrase given as an argument, before touching the store, and says why', async () => {
    const { h, env } = await closedStore();
    for (const args of [['verify', 'x.pdf', '--passphrase', PASSPHRASE], ['export', '--all-signed', `--passphrase=${PASSPHRASE}`], ['verify', '-p', PASSPHRASE, 'x.pdf']]) {
      const ran = await cli([...args, '--data', h.dir], env);
      expect(ran.code).toBe(3);
      expect(ran.stderr).toContain('The passphrase is never taken as an argument: arguments can be read by other users of this computer and are kept in shell history.');
      expect(ran.stderr).not.toContain(PASSPHRASE);
    }
  }, 240_000);

  it('a wrong passphrase, no passphrase without a terminal, and the app holding the folder each get a plain message and exit 3', async () => {
    const { h, signedId, env } = await closedStore();
    const out = join(await tempDir(), 'x');
    const wrong = await cli(['export', signedId, '--out', out, '--data', h.dir], { ...env, CONFERENCE_RECORDER_PASSPHRASE: 'not the passphrase at all' });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).toMatch(/passphrase/i);
    const none = await cli(['export', signedId, '--out', out, '--data', h.dir], { CPC_HEAD_DIR: env['CPC_HEAD_DIR'] });
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('No passphrase: set CONFERENCE_RECORDER_PASSPHRASE, or run the command in a terminal to be asked for it.');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    const busy = await cli(['export', signedId, '--out', out, '--data', h.dir], env);
    expect(busy.code).toBe(3);
    expect(busy.stderr.length).toBeGreaterThan(20);
    expect(busy.stderr).not.toContain('Something went wrong');
  }, 240_000);
});
