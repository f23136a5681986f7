import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { oseiRecord } from '../../../main/demo/scenarios';
import { open, seal } from '../../../main/services/store/crypto';
import { summariseConference } from '../../../main/services/store/summary';
import { openDigest, sealDigest, type DigestEntry } from '../../../main/services/team/audit-digests';

/** A manager's month digest (migrations/009): what opens, and what is set aside to be written again. */

const manager = { login: 'cpc_mg.lindqvist', personalKey: randomBytes(32) };
const record = oseiRecord();
const { summary, audit } = summariseConference({ record, historySeq: 2 });
const entries: DigestEntry[] = [
  { id: record.id, revision: 4, summary, audit },
  { id: '5b0f7a52-1f55-4a43-9d9a-3c1e4e7f0a11', revision: 1, summary: { ...summary, id: '5b0f7a52-1f55-4a43-9d9a-3c1e4e7f0a11' }, audit: undefined },
];

describe('a manager’s audit digest', () => {
  test('opens for the member and month it was sealed for, entry for entry', () => {
    const sealed = sealDigest(manager, '2026-02-01', entries);
    expect(openDigest(manager, '2026-02-01', sealed)).toEqual(entries);
    // gzipped before sealing: the summaries' repeated keys cost little on the server.
    expect(sealed.length).toBeLessThan(JSON.stringify(entries).length / 2);
  });

  test('does not open for another member, another month, or once a byte is changed', () => {
    const sealed = sealDigest(manager, '2026-02-01', entries);
    expect(openDigest({ ...manager, login: 'cpc_mg.okonjo' }, '2026-02-01', sealed)).toBeNull();
    expect(openDigest({ ...manager, personalKey: randomBytes(32) }, '2026-02-01', sealed)).toBeNull();
    expect(openDigest(manager, '2026-03-01', sealed)).toBeNull();
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 20] = (flipped[flipped.length - 20] ?? 0) ^ 1;
    expect(openDigest(manager, '2026-02-01', flipped)).toBeNull();
  });

  test('one written by a build whose summaries had another shape, or with a malformed entry, is set aside', () => {
    const role = 'team-audit-digest:cpc_mg.lindqvist:2026-02-01';
    const sealedAs = (content: unknown) => seal(manager.personalKey, gzipSync(Buffer.from(JSON.stringify(content), 'utf8')), role);
    const ours = JSON.parse(gunzipSync(open(manager.personalKey, sealDigest(manager, '2026-02-01', entries), role)).toString('utf8')) as Record<string, unknown>;
    expect(openDigest(manager, '2026-02-01', sealedAs({ ...ours }))).toEqual(entries);
    expect(openDigest(manager, '2026-02-01', sealedAs({ ...ours, shape: 'an-older-build' }))).toBeNull();
    expect(openDigest(manager, '2026-02-01', sealedAs({ ...ours, format: 0 }))).toBeNull();
    // Format 1 was UTF-8 JSON, before digests were written as ASCII: written again, not trusted as it is.
    expect(openDigest(manager, '2026-02-01', sealedAs({ ...ours, format: 1 }))).toBeNull();
    expect(openDigest(manager, '2026-02-01', sealedAs({ ...ours, entries: [{ id: record.id, revision: '4', summary }] }))).toBeNull();
    expect(openDigest(manager, '2026-02-01', sealedAs({ ...ours, entries: [null] }))).toBeNull();
  });
});
