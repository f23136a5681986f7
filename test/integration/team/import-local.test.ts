import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { TEST_KDF } from '../../../main/services/store/kdf';
import { LocalConferenceStore } from '../../../main/services/store/store';
import { importLocal } from '../../../main/services/team/import-local';
import { startCluster, type Cluster } from './pg-cluster';
import { newTeam, passphraseOf, type Team } from './team-fixture';

/**
 * A chair's own records moved into the team store: whole (history and signatures), verified on
 * both sides, and idempotent. A conference whose local history does not verify is not sent.
 */

let cluster: Cluster;
let team: Team;
let dir: string;
const PASSPHRASE = 'lantern orchard pebble violin';
const CHAIR = { name: 'Helen Marsh', role: 'Independent Child Protection Chair', council: 'Carrowby Borough Council' };

beforeAll(async () => {
  cluster = await startCluster();
  team = await newTeam(cluster, 'import local');
  dir = await mkdtemp(join(tmpdir(), 'cpc-import-'));
}, 120_000);
afterAll(async () => {
  await team?.close();
  await cluster?.stop();
  await rm(dir, { recursive: true, force: true });
});

test('a chair’s local conferences move in whole and verified; running it again changes nothing; a tampered one is not sent', async () => {
  const local = new LocalConferenceStore({ dataDir: dir, kdf: TEST_KDF });
  await local.create(PASSPHRASE);
  await local.setProfile(CHAIR);
  const ashdown = await local.createConference({ type: 'initial', date: '2025-05-14', children: [{ name: 'Ruby Ashdown' }] });
  await local.save({ id: ashdown.id, baseRevision: 1, sections: { risk: { kind: 'single', values: { harm: 'Worry about supervision at night.' } } } });
  const ready = whitfieldRecord();
  const whitfield = await local.createConference({ type: ready.type, date: '2026-01-15', children: [{ name: 'Maya Whitfield' }] });
  const saved = await local.save({ id: whitfield.id, baseRevision: 1, sections: ready.sections });
  await local.sign(whitfield.id, saved.revision);
  await local.addendum(whitfield.id, 'School corrected', 'Maya attends Carrowby Primary.');
  const tampered = await local.createConference({ type: 'review', date: '2025-09-01', children: [{ name: 'Jonah Ashcombe' }] });
  await local.save({ id: tampered.id, baseRevision: 1, sections: { risk: { kind: 'single', values: { harm: 'First.' } } } });
  const path = local.paths.history(tampered.id);
  const lines = (await readFile(path, 'latin1')).split('\n');
  lines[0] = lines[1] as string;
  await writeFile(path, lines.join('\n'), 'latin1');

  const login = team.login('ch.marsh');
  await team.join(login, 'chair');
  const store = team.storeFor(login);
  await store.unlock(passphraseOf(login));

  const first = await importLocal(local, store);
  expect(first.imported.sort()).toEqual([ashdown.id, whitfield.id].sort());
  expect(first.alreadyThere).toEqual([]);
  expect(first.refused.map((r) => r.id)).toEqual([tampered.id]);
  expect((await team.owner.query('SELECT 1 FROM cpc.conferences WHERE id = $1', [tampered.id])).rowCount).toBe(0);

  for (const id of [ashdown.id, whitfield.id]) {
    expect((await store.get(id)).conference).toEqual((await local.get(id)).conference);
    expect(await store.history(id)).toEqual(await local.history(id));
  }
  const signatures = await store.signatures(whitfield.id);
  expect(signatures.intact).toBe(true);
  expect(signatures.versions.map((v) => [v.kind, v.valid])).toEqual([
    ['minutes', true],
    ['addendum', true],
  ]);

  const counts = async () =>
    (
      await team.owner.query(
        'SELECT (SELECT count(*) FROM cpc.conferences) AS c, (SELECT count(*) FROM cpc.conference_versions) AS v, (SELECT count(*) FROM cpc.history) AS h, (SELECT count(*) FROM cpc.signatures) AS s',
      )
    ).rows[0];
  const before = await counts();
  const again = await importLocal(local, store);
  expect(again.imported).toEqual([]);
  expect(again.alreadyThere.sort()).toEqual([ashdown.id, whitfield.id].sort());
  expect(await counts()).toEqual(before);

  // In the team store they carry on as any other: saved on from their revision; the signed one locked.
  const next = await store.save({ id: ashdown.id, baseRevision: 2, sections: { risk: { kind: 'single', values: { harm: 'Updated in the team store.' } } } });
  expect(next.revision).toBe(3);
  await expect(store.save({ id: whitfield.id, baseRevision: (await store.get(whitfield.id)).conference.revision, sections: { risk: { kind: 'single', values: { harm: 'x' } } } })).rejects.toMatchObject({ code: 'SIGNED' });
  expect(((await store.get(whitfield.id)).conference as ConferenceRecord).revision).toBe((await local.get(whitfield.id)).conference.revision);
  await local.lock();
});

test('a local conference with a manager’s audit judgement is left on this computer, with the reason, and nothing of it is sent', async () => {
  const judgedDir = await mkdtemp(join(tmpdir(), 'cpc-import-judged-'));
  try {
    const local = new LocalConferenceStore({ dataDir: judgedDir, kdf: TEST_KDF });
    await local.create(PASSPHRASE);
    const osei = oseiRecord();
    const children = osei.sections['children'];
    const created = await local.createConference({ type: osei.type, date: '2026-02-03', children: [{ name: 'Daniel Osei' }] });
    await local.save({ id: created.id, baseRevision: 1, sections: osei.sections });
    await local.judge({
      conferenceId: created.id,
      childId: children?.kind === 'list' ? children.items[0]!.id : '',
      rating: 'good',
      comment: 'Clear rationale for the child in need plan.',
      actionForChair: '',
    });
    const login = team.login('ch.okoro');
    await team.join(login, 'chair');
    const store = team.storeFor(login);
    await store.unlock(passphraseOf(login));
    const report = await importLocal(local, store);
    expect(report.imported).toEqual([]);
    expect(report.refused).toEqual([{ id: created.id, reason: expect.stringContaining('audit judgement') }]);
    expect((await team.owner.query('SELECT 1 FROM cpc.conferences WHERE id = $1', [created.id])).rowCount).toBe(0);
    await local.lock();
  } finally {
    await rm(judgedDir, { recursive: true, force: true });
  }
});

test('a local conference under accuracy review moves with its review, and the chair carries on with it on the team store', async () => {
  const reviewDir = await mkdtemp(join(tmpdir(), 'cpc-import-review-'));
  try {
    const local = new LocalConferenceStore({ dataDir: reviewDir, kdf: TEST_KDF });
    await local.create(PASSPHRASE);
    await local.setProfile(CHAIR);
    const osei = oseiRecord();
    const created = await local.createConference({ type: osei.type, date: '2026-02-03', children: [{ name: 'Daniel Osei' }] });
    const saved = await local.save({ id: created.id, baseRevision: 1, sections: osei.sections });
    await local.withReview((r) => r.approveDraft(created.id, saved.revision));
    const sent = await local.withReview((r) => r.addRecipient(created.id, { name: 'PC Ryan Holt', organisation: 'Police', email: 'ryan.holt@police.example.gov.uk', document: 'full-minutes', sentOn: '2026-02-19' }));
    // A save after circulating: the review row must still be recognised after it.
    await local.save({ id: created.id, baseRevision: saved.revision, sections: { risk: { kind: 'single', values: { harm: 'Reworded after circulation.' } } } });
    const login = team.login('ch.adeyemi');
    await team.join(login, 'chair');
    const store = team.storeFor(login);
    await store.unlock(passphraseOf(login));
    const report = await importLocal(local, store);
    expect(report.imported).toEqual([created.id]);
    const there = await store.withReview((r) => r.state(created.id));
    const here = await local.withReview((r) => r.state(created.id));
    expect(there.recipients).toEqual(here.recipients);
    expect(there.drafts).toEqual(here.drafts);
    expect(there.drafts[0]?.valid).toBe(true);
    // The review carries on in the team store (a new step on top of the imported one).
    await store.setProfile(CHAIR);
    await store.withReview((r) => r.noComments(created.id, sent.state.recipients[0]!.id, '2026-02-20'));
    expect((await store.list()).conferences.find((c) => c.id === created.id)?.review).toEqual({ firstSentOn: '2026-02-19', commentsDueOn: [] });
    expect((await store.history(created.id)).intact).toBe(true);
    await local.lock();
  } finally {
    await rm(reviewDir, { recursive: true, force: true });
  }
});
