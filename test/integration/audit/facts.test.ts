import { describe, expect, it } from 'vitest';
import { buildCohort, type AuditStore, type CohortAnswer } from '../../../main/services/audit/cohort-service';
import { brennanRecord, oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { AuditPeriod } from '../../../domain/audit/types';
import { ConferenceStore } from '../../../main/services/store/store';
import { seedStore } from '../../../bench/lib/seed-store';
import { openStore, tempDir, type Harness } from '../../unit/store/helpers';
import { CHAIR } from '../signoff/ready';

/**
 * The cohort worked out from the index's facts must be exactly the cohort worked out by opening
 * every record: same rows, same indicators and sentences, same judgements. Checked on the three
 * demo families (signed, judged, a variant against the majority) and on a generated set, and
 * again after the council's rules change and after deadlines pass, which the facts must not
 * have frozen. Fictional throughout.
 */

async function enter(h: Harness, record: ConferenceRecord): Promise<ConferenceRecord> {
  const children = record.sections['children'];
  const names = children?.kind === 'list' ? children.items.map((item) => ({ name: String(item.values['name']) })) : [];
  const meeting = record.sections['meeting'];
  const date = meeting?.kind === 'single' ? String(meeting.values['date']) : '';
  const created = await h.ok<ConferenceRecord>('conferences.create', { type: record.type, date, children: names });
  await h.ok('conferences.save', { id: created.id, baseRevision: created.revision, sections: record.sections });
  return (await h.ok<{ conference: ConferenceRecord }>('conferences.get', { id: created.id })).conference;
}

function childId(record: ConferenceRecord, index = 0): string {
  const children = record.sections['children'];
  if (children?.kind !== 'list') throw new Error('no children');
  return children.items[index]!.id;
}

function whitfieldChildInNeed(): ConferenceRecord {
  const record = whitfieldRecord();
  const decision = record.sections['decision'];
  if (decision?.kind !== 'perChild') throw new Error('no decision');
  for (const values of Object.values(decision.perChild)) values['outcome'] = 'cin-plan';
  return record;
}

/** The store as the audit sees it, two ways: from the facts (never opening), or opening every record. */
function views(store: ConferenceStore): { fromFacts: AuditStore; fromRecords: AuditStore } {
  const getSettings = () => store.getSettings();
  return {
    fromFacts: {
      auditIndex: () => store.auditIndex(),
      auditSource: (id) => Promise.reject(new Error(`Conference ${id} was opened, though its facts are in the index.`)),
      getSettings,
    },
    fromRecords: {
      auditIndex: async () => ({ conferences: (await store.auditIndex()).conferences, facts: () => undefined }),
      auditSource: (id) => store.auditSource(id),
      getSettings,
    },
  };
}

async function both(store: ConferenceStore, period: AuditPeriod, now: Date): Promise<{ facts: CohortAnswer; records: CohortAnswer }> {
  const { fromFacts, fromRecords } = views(store);
  return { facts: await buildCohort(fromFacts, period, null, now), records: await buildCohort(fromRecords, period, null, now) };
}

const PERIOD = { from: '2025-06-01', to: '2026-12-31' };

describe('the cohort from the index’s facts', () => {
  it('equals the cohort from the records for the demo families: signed, judged, against the majority, and after the rules and the date move on', async () => {
    const h = await openStore();
    const osei = await enter(h, oseiRecord());
    await enter(h, whitfieldRecord());
    const variant = await enter(h, whitfieldChildInNeed());
    await enter(h, brennanRecord());
    await h.ok('profile.set', CHAIR);
    await h.ok('conferences.sign', { id: osei.id, baseRevision: osei.revision });
    await h.ok('audit.judge', { conferenceId: osei.id, childId: childId(osei), rating: 'requires-improvement', comment: 'The rationale should say how the panel answers the police.' });
    await h.ok('audit.judge', { conferenceId: variant.id, childId: childId(variant, 1), rating: 'inadequate', comment: 'Three agencies wanted a plan and the rationale does not say why not.' });

    const early = new Date('2026-02-05T10:00:00Z');
    const first = await both(h.store, PERIOD, early);
    expect(first.facts.rows.map((r) => r.childName)).toEqual(['Leo Whitfield', 'Maya Whitfield', 'Daniel Osei']);
    expect(first.facts.rows.map((r) => r.judgements.length)).toEqual([1, 0, 1]);
    expect(first.facts.rows[2]!.indicators.find((i) => i.id === 'minutes-signed')?.status).toBe('met');
    expect(first.facts.rows.map((r) => r.primaryConcern)).toEqual(['Domestic abuse', 'Domestic abuse', 'Child sexual or criminal exploitation']);
    expect(first.facts).toEqual(first.records);

    // A year on the Whitfield minutes (never signed) are past their deadline: worked out today, not at the save.
    const late = await both(h.store, PERIOD, new Date('2026-11-30T10:00:00Z'));
    expect(late.facts).toEqual(late.records);
    const timescales = (answer: CohortAnswer) => answer.rows[0]!.indicators.find((i) => i.id === 'timescales')!;
    expect(timescales(first.facts).status).not.toBe('not-met');
    expect(timescales(late.facts)).toMatchObject({ status: 'not-met' });
    expect(timescales(late.facts).explanation).toContain('minutes not signed, and their deadline');

    // The council asks for more agencies in the room: the quorum follows the new rule.
    const settings = await h.ok<{ local: { quorum: Record<string, unknown> } }>('settings.get');
    await h.ok('settings.update', { local: { ...settings.local, quorum: { ...settings.local.quorum, minOtherAgencies: 9 } } });
    const stricter = await both(h.store, PERIOD, early);
    expect(stricter.facts).toEqual(stricter.records);
    const quorum = (answer: CohortAnswer) => answer.rows[2]!.indicators.find((i) => i.id === 'quorum')!;
    expect(quorum(stricter.facts).explanation).toContain('at least 9');
    expect(quorum(first.facts).explanation).not.toContain('at least 9');
  });

  it('equals the cohort from the records for a generated set, and older entries without facts are opened instead', async () => {
    const passphrase = 'orchard lantern violin pebble seed';
    for (const withoutAuditFacts of [false, true]) {
      const dir = await tempDir();
      await seedStore(dir, passphrase, 600, '2026-01-01T09:00:00.000Z', undefined, { withoutAuditFacts });
      const store = new ConferenceStore({ dataDir: dir });
      await store.unlock(passphrase);
      try {
        const period = { from: '2022-01-01', to: '2024-12-31' };
        const now = new Date('2026-03-01T10:00:00Z');
        const { fromFacts, fromRecords } = views(store);
        const records = await buildCohort(fromRecords, period, null, now);
        expect(records.rows.length).toBeGreaterThan(20);
        if (withoutAuditFacts) {
          // Saved by an older version: the index has no facts, so asking for facts alone fails, and the
          // ordinary path opens those conferences and gives the same answer.
          await expect(buildCohort(fromFacts, period, null, now)).rejects.toThrow(/was opened/);
          let opened = 0;
          const counting: AuditStore = { ...fromRecords, auditIndex: () => store.auditIndex(), auditSource: (id) => ((opened += 1), store.auditSource(id)) };
          expect(await buildCohort(counting, period, null, now)).toEqual(records);
          expect(opened).toBeGreaterThan(0);
        } else {
          expect(await buildCohort(fromFacts, period, null, now)).toEqual(records);
        }
      } finally {
        await store.lock();
      }
    }
  }, 60_000);
});
