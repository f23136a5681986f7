import { DEFAULT_SCALE_DEFINITION } from '../../../templates/sections/meeting';
import { describe, expect, it } from 'vitest';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { ASHDOWN, createConference, expectFailure, FakeClock, openStore, snapshotFolder } from './helpers';

type Saved = { revision: number; savedAt: string };
type Got = { conference: ConferenceRecord; problems: unknown[] };

describe('conferences', () => {
  it('creates a record with the meeting date and one list item per child', async () => {
    const clock = new FakeClock();
    const h = await openStore({ now: clock.now });
    const record = await createConference(h);
    expect(record).toMatchObject({
      schemaVersion: 1,
      type: 'initial',
      revision: 1,
      createdAt: '2025-06-02T09:00:00.000Z',
      updatedAt: '2025-06-02T09:00:00.000Z',
      sections: { meeting: { kind: 'single', values: { date: '2025-05-14' } } },
    });
    const children = record.sections['children'];
    expect(children?.kind).toBe('list');
    if (children?.kind !== 'list') return;
    expect(children.items.map((item) => item.values['name'])).toEqual(['Ruby Ashdown', 'Tobias Ashdown']);
    expect(new Set(children.items.map((item) => item.id)).size).toBe(2);
    expect((await h.ok<Got>('conferences.get', { id: record.id })).conference).toEqual(record);
  });

  it('starts with the template’s defaults, so the safety scale is defined before any score is given', async () => {
    const h = await openStore();
    const record = await createConference(h);
    expect(record.sections['meeting']).toEqual({
      kind: 'single',
      values: { date: '2025-05-14', scaleDefinition: DEFAULT_SCALE_DEFINITION, blindScaling: false },
    });
  });

  it('merges saved sections into the record, bumps the revision and the time, and keeps the rest', async () => {
    const clock = new FakeClock();
    const h = await openStore({ now: clock.now });
    const record = await createConference(h);
    clock.advanceMinutes(3);
    const risk = { kind: 'single', values: { harm: 'Bruising seen by the school nurse.' } } as const;
    const saved = await h.ok<Saved>('conferences.save', { id: record.id, baseRevision: 1, sections: { risk } });
    expect(saved).toEqual({ revision: 2, savedAt: '2025-06-02T09:03:00.000Z' });
    const { conference } = await h.ok<Got>('conferences.get', { id: record.id });
    expect(conference.revision).toBe(2);
    expect(conference.updatedAt).toBe('2025-06-02T09:03:00.000Z');
    expect(conference.createdAt).toBe(record.createdAt);
    expect(conference.sections['risk']).toEqual(risk);
    expect(conference.sections['children']).toEqual(record.sections['children']);
  });

  it('refuses a save based on an older revision, with a sentence that says the text is safe, and changes nothing', async () => {
    const h = await openStore();
    const record = await createConference(h);
    const sections = { risk: { kind: 'single', values: { harm: 'first wording' } } };
    await h.ok('conferences.save', { id: record.id, baseRevision: 1, sections });
    const before = await snapshotFolder(h.dir);
    const message = await expectFailure(
      h.call('conferences.save', { id: record.id, baseRevision: 1, sections: { risk: { kind: 'single', values: { harm: 'other' } } } }),
      'CONFLICT',
    );
    expect(message).toMatch(/changed elsewhere/);
    expect(message).toMatch(/still on screen/);
    expect(await snapshotFolder(h.dir)).toEqual(before);
  });

  it('treats a save that changes nothing as already saved, adding no revision', async () => {
    const h = await openStore();
    const record = await createConference(h);
    const same = { meeting: record.sections['meeting'] };
    expect(await h.ok<Saved>('conferences.save', { id: record.id, baseRevision: 1, sections: same })).toEqual({
      revision: 1,
      savedAt: record.updatedAt,
    });
  });

  it('refuses a section id the record cannot hold and changes nothing', async () => {
    const h = await openStore();
    const record = await createConference(h);
    const before = await snapshotFolder(h.dir);
    await expectFailure(
      h.call('conferences.save', { id: record.id, baseRevision: 1, sections: { 'not a key!': { kind: 'single', values: {} } } }),
      'INVALID_INPUT',
    );
    expect(await snapshotFolder(h.dir)).toEqual(before);
  });

  it('answers NOT_FOUND for an unknown id', async () => {
    const h = await openStore();
    const id = '0b7c5a6e-1f0d-4a57-9a55-5d8f4c1e2b3a';
    await expectFailure(h.call('conferences.get', { id }), 'NOT_FOUND');
    await expectFailure(h.call('conferences.save', { id, baseRevision: 1, sections: {} }), 'NOT_FOUND');
  });

  it('lists summaries newest conference first, with each save reflected', async () => {
    const h = await openStore();
    const older = await createConference(h, { ...ASHDOWN, date: '2024-11-01' });
    const newer = await createConference(h, { type: 'review', date: '2025-02-20', children: [{ name: 'Idris Calloway' }] });
    await h.ok('conferences.save', {
      id: older.id,
      baseRevision: 1,
      sections: { meeting: { kind: 'single', values: { date: '2024-11-01', chair: 'Harriet Quennell' } } },
    });
    const { conferences, problems } = await h.ok<{ conferences: ConferenceSummary[]; problems: unknown[] }>('conferences.list');
    expect(problems).toEqual([]);
    expect(conferences.map((c) => c.id)).toEqual([newer.id, older.id]);
    expect(conferences[1]).toMatchObject({ revision: 2, chair: 'Harriet Quennell', conferenceDate: '2024-11-01' });
    expect(conferences[0]?.children.map((child) => child.name)).toEqual(['Idris Calloway']);
  });

  it('keeps saves made in quick succession in order: none is lost and none conflicts wrongly', async () => {
    const h = await openStore();
    const record = await createConference(h);
    const results = await Promise.all(
      [1, 2, 3].map((n) => h.call('conferences.save', { id: record.id, baseRevision: n, sections: { opening: { kind: 'single', values: { notes: `Save ${n}` } } } })),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect((await h.ok<Got>('conferences.get', { id: record.id })).conference.revision).toBe(4);
  });
});
