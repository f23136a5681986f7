import { randomBytes } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { oseiRecord } from '../../../main/demo/scenarios';
import { open, seal } from '../../../main/services/store/crypto';
import { summariseConference } from '../../../main/services/store/summary';
import { auditSummaryOf } from '../../../domain/audit/cohort';
import { openDigest, sealDigest, type DigestEntry } from '../../../main/services/team/audit-digests';

/** A manager's month digest (migrations/009): what opens, and what is set aside to be written again. */

const manager = { login: 'cpc_mg.lindqvist', personalKey: randomBytes(32) };
const record = oseiRecord();
const { summary: whole, audit } = summariseConference({ record, historySeq: 2 });
const summary = { ...auditSummaryOf(whole), revision: 4 };
const entries: DigestEntry[] = [
  { id: record.id, revision: 4, summary, audit },
  // A child with no case number, date of birth or status kept (an entry written before they were).
  {
    id: '5b0f7a52-1f55-4a43-9d9a-3c1e4e7f0a11',
    revision: 1,
    summary: { id: '5b0f7a52-1f55-4a43-9d9a-3c1e4e7f0a11', type: 'review', revision: 1, conferenceDate: null, children: [{ id: 'c1', name: 'O’Brien-Łukasiewicz 🌟 مريم', outcome: null }] },
    audit: undefined,
  },
];

describe('a manager’s audit digest', () => {
  test('opens for the member and month it was sealed for, entry for entry', () => {
    const sealed = sealDigest(manager, '2026-02-01', entries);
    expect(openDigest(manager, '2026-02-01', sealed)).toStrictEqual(entries);
    // Only the audit's part of a summary: the list's fields (chair, readiness…) are not kept.
    expect(Object.keys(openDigest(manager, '2026-02-01', sealed)?.[0]?.summary ?? {}).sort()).toEqual(['children', 'conferenceDate', 'id', 'revision', 'type']);
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
    // Format 2 kept whole summaries as objects: written again in the audit's part only.
    expect(openDigest(manager, '2026-02-01', sealedAs({ ...ours, format: 2, entries: [{ id: record.id, revision: 4, summary: whole, audit }] }))).toBeNull();
    const [first] = ours['entries'] as unknown[][];
    expect(openDigest(manager, '2026-02-01', sealedAs({ ...ours, entries: [[record.id, '4', ...(first ?? []).slice(2)]] }))).toBeNull();
    expect(openDigest(manager, '2026-02-01', sealedAs({ ...ours, entries: [(first ?? []).slice(0, 5)] }))).toBeNull();
    expect(openDigest(manager, '2026-02-01', sealedAs({ ...ours, entries: [[...(first ?? []).slice(0, 4), [['c1', 'Name', null, null, null]], 0]] }))).toBeNull();
    expect(openDigest(manager, '2026-02-01', sealedAs({ ...ours, entries: [null] }))).toBeNull();
  });
});
