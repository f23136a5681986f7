/**
 * Run by crash.test.ts and killed (SIGKILL) at random moments: opens the store and saves
 * conferences in a loop, printing "ACK <id> <revision>" only after each save has resolved.
 * stdout is a pipe, and Node writes to pipes synchronously on Linux, so a printed line means
 * the save returned before the process died.
 */
import { TEST_KDF } from '../../../main/services/store/kdf';
import { ConferenceStore } from '../../../main/services/store/store';
import { FileHeadAnchor } from '../../../main/services/store/store-head';

const [dataDir, passphrase, headPath] = process.argv.slice(2);
if (dataDir === undefined || passphrase === undefined || headPath === undefined) {
  throw new Error('usage: crash-child <dataDir> <passphrase> <headPath>');
}

const SURNAMES = ['Ashdown', 'Penhallow', 'Quennell', 'Marchbank', 'Calloway', 'Fairbrother'];
const FORENAMES = ['Ruby', 'Tobias', 'Idris', 'Ottoline', 'Ellis', 'Nell'];
const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)] as T;

function filler(): string {
  // Varying sizes make the kill land inside writes of different lengths.
  const words = ['school', 'nurse', 'visit', 'worried', 'safety', 'plan', 'strengths', 'contact', 'review'];
  return Array.from({ length: 10 + Math.floor(Math.random() * 3000) }, () => pick(words)).join(' ');
}

const print = (line: string) => process.stdout.write(`${line}\n`);

// The head anchored outside the folder is written at every save and checkpoint too, so kills
// land between the folder's writes and the anchor's: none may later read as a rollback.
const store = new ConferenceStore({ dataDir, kdf: TEST_KDF, actor: 'crash test', headAnchor: new FileHeadAnchor(headPath) });
print('UNLOCKING');
const found = await store.unlock(passphrase);
// A false rollback alarm at any unlock would otherwise be hidden by later rounds.
if (found.some((problem) => problem.kind === 'rolledBack')) throw new Error('rollback reported after a kill');
const revisions = new Map((await store.list()).conferences.map((c) => [c.id, c.revision]));
print('READY');

for (let n = 0; ; n += 1) {
  if (revisions.size < 6 || Math.random() < 0.1) {
    const record = await store.createConference({
      type: pick(['initial', 'review', 'pre-birth-initial'] as const),
      date: `2025-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 10)}`,
      children: [{ name: `${pick(FORENAMES)} ${pick(SURNAMES)}` }],
    });
    revisions.set(record.id, record.revision);
    print(`ACK ${record.id} ${record.revision}`);
  } else {
    const id = pick([...revisions.keys()]);
    const saved = await store.save({
      id,
      baseRevision: revisions.get(id) ?? 0,
      // Sections and fields the template has (the store refuses any other name).
      sections: (([section, text, short]) => ({ [section]: { kind: 'single' as const, values: { [text]: filler(), [short]: `Save ${n}` } } }))(
        pick([
          ['risk', 'harm', 'greyAreas'],
          ['opening', 'notes', 'interpreter'],
          ['reason', 'reasonForConference', 'progressSinceLast'],
        ] as const),
      ),
    });
    revisions.set(id, saved.revision);
    print(`ACK ${id} ${saved.revision}`);
  }
}
