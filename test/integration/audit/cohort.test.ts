import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { openJson, sealJson } from '../../../main/services/store/crypto';
import { roles } from '../../../main/services/store/paths';
import { readVaultFile, unwrapDataKey } from '../../../main/services/store/vault-file';
import { cohortRowOf, NO_FILTERS, type AuditRow, type CohortRow, type JudgementView } from '../../../domain/audit/types';
import type { CohortView } from '../../../domain/audit/view';
import type { HistoryEntry } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { canonicalJson } from '../../../main/services/store/canonical';
import { pdfPages, squash } from '../export/extract';
import { expectFailure, openStore, PASSPHRASE, type Harness } from '../../unit/store/helpers';
import { CHAIR } from '../signoff/ready';

/**
 * The audit through the API over the real local store: the demo's Osei family, a Whitfield
 * variant where the chair chose a child in need plan against most agencies, and Daniel Osei at
 * a new conference six months on with no case number (a possible match). Fictional throughout.
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

/** Whitfield, but the chair chose a child in need plan for both children: three of five agencies giving a view wanted a plan. */
function whitfieldChildInNeed(): ConferenceRecord {
  const record = whitfieldRecord();
  const decision = record.sections['decision'];
  if (decision?.kind !== 'perChild') throw new Error('no decision');
  for (const values of Object.values(decision.perChild)) values['outcome'] = 'cin-plan';
  return record;
}

/** Daniel again, at a new initial conference in August, given a plan; this record has no case number either. */
function oseiAgain(): ConferenceRecord {
  const record = oseiRecord();
  const meeting = record.sections['meeting'];
  if (meeting?.kind === 'single') Object.assign(meeting.values, { date: '2026-08-04', strategyDiscussionDate: '2026-07-28' });
  const decision = record.sections['decision'];
  if (decision?.kind === 'perChild') for (const values of Object.values(decision.perChild)) Object.assign(values, { outcome: 'cp-plan', categories: ['physical-abuse'] });
  return record;
}

const PERIOD = { from: '2026-01-01', to: '2026-06-30' };

async function cohort(h: Harness, filters?: unknown) {
  return h.ok<{ rows: CohortRow[]; total: number; unreadable: number; message: string | null }>('audit.cohort', { period: PERIOD, ...(filters ? { filters } : {}) });
}

describe('the audit cohort over the local store', () => {
  it('holds Daniel Osei with the police dissent and its escalation, and the Whitfield children who depart from the majority', async () => {
    const h = await openStore();
    const osei = await enter(h, oseiRecord());
    await enter(h, whitfieldRecord()); // plans: not in the cohort
    const variant = await enter(h, whitfieldChildInNeed());
    await enter(h, oseiAgain());
    const answer = await cohort(h);
    // By date, then name: the Whitfield variant (15/01/2026) before Osei (03/02/2026).
    expect(answer.rows.map((r) => r.childName)).toEqual(['Leo Whitfield', 'Maya Whitfield', 'Daniel Osei']);
    const daniel = answer.rows.find((r) => r.conferenceId === osei.id)!;
    expect(daniel.dissent).toEqual([{ agency: 'Police', escalation: 'will-escalate', label: 'Police dissents; will escalate through the professional resolution process' }]);
    expect(daniel.departsFromMajority.departs).toBe(false);
    expect(daniel.cameBack.status).toBe('possible-match');
    // The table's rows leave the sentences to the drill-down, which has the child's whole row.
    expect(daniel).not.toHaveProperty('cameBack.explanation');
    expect(JSON.stringify(answer.rows)).not.toContain('explanation');
    const whole = await h.ok<{ row: AuditRow | null }>('audit.child', { period: PERIOD, conferenceId: daniel.conferenceId, childId: daniel.childId });
    expect(whole.row?.cameBack.explanation).toContain('04/08/2026');
    expect(whole.row && cohortRowOf(whole.row)).toEqual(daniel);
    // A child not in the cohort (a Whitfield child on a plan, or an id nobody has): null, not a guess.
    expect((await h.ok<{ row: AuditRow | null }>('audit.child', { period: PERIOD, conferenceId: osei.id, childId: randomUUID() })).row).toBeNull();
    const departing = await cohort(h, { departsFromMajority: true });
    expect(departing.rows.map((r) => r.conferenceId)).toEqual([variant.id, variant.id]);
    expect(departing.total).toBe(3);
    // Locking drops the rows kept for the drill-down with the keys: nothing is answered from memory.
    await h.ok('vault.lock');
    await expectFailure(h.call('audit.child', { period: PERIOD, conferenceId: daniel.conferenceId, childId: daniel.childId }), 'LOCKED');
  });

  it('answers the screen’s filters, sorting and “Show more” from the cohort it kept, and only a fresh look sees a new conference', async () => {
    const h = await openStore();
    const osei = await enter(h, oseiRecord());
    await enter(h, whitfieldChildInNeed());
    type View = CohortView & { total: number };
    const view = (input: object) => h.ok<View>('audit.cohort', { period: PERIOD, fromLastLook: true, ...input });
    const first = await h.ok<View>('audit.cohort', { period: PERIOD });
    expect([first.total, first.shown, first.rows.length]).toEqual([3, 3, 3]);
    expect(first.figures.months.months.map((m) => [m.month, m.total])).toEqual([
      ['2026-01', 2],
      ['2026-02', 1],
    ]);
    // One row at a time, by child, last first: the count says how many there are to show.
    const page = await view({ sort: { key: 'child', direction: 'descending' }, limit: 1 });
    expect(page.rows.map((r) => r.childName)).toEqual(['Maya Whitfield']);
    expect([page.shown, page.total]).toEqual([3, 3]);
    expect((await view({ sort: { key: 'child', direction: 'descending' }, limit: 2 })).rows.map((r) => r.childName)).toEqual(['Maya Whitfield', 'Leo Whitfield']);
    // Filtered: the charts count the children shown; the filters' choices and the progress stay the whole cohort's.
    const departing = await view({ filters: { ...NO_FILTERS, departsFromMajority: true } });
    expect([departing.shown, departing.figures.months.months.map((m) => m.total)]).toEqual([2, [2]]);
    expect(departing.choices.outcomes.map((o) => o.value).sort()).toEqual(first.choices.outcomes.map((o) => o.value).sort());
    expect(departing.progress).toEqual({ judged: 0, total: 3 });
    // A judgement shows in the kept cohort's next view without working the period out again.
    await h.ok('audit.judge', { conferenceId: osei.id, childId: childId(osei), rating: 'good', comment: 'Clear and well reasoned, each agency answered.' });
    expect((await view({})).progress).toEqual({ judged: 1, total: 3 });
    // A conference entered since is not in the kept cohort's views; the next look (“Show the cohort”) has it.
    await enter(h, whitfieldChildInNeed());
    expect((await view({})).total).toBe(3);
    // The CSV holds the cohort on the screen (what the manager filtered and judged), until the next look.
    const leoRows = async () => {
      const { base64 } = await h.ok<{ base64: string }>('audit.export', { period: PERIOD, format: 'csv' });
      return Buffer.from(base64, 'base64').toString('utf8').split('Leo Whitfield').length - 1;
    };
    expect(await leoRows()).toBe(1);
    expect((await h.ok<View>('audit.cohort', { period: PERIOD })).total).toBe(5);
    expect(await leoRows()).toBe(2);
    // A view of another period than the one kept is worked out afresh, not answered from the wrong cohort.
    expect((await view({ period: { from: '2026-02-01', to: '2026-02-28' } })).rows.map((r) => r.childName)).toEqual(['Daniel Osei']);
    // Names the screen does not have are refused in plain words, not guessed at.
    const refused = (input: object) => expectFailure(h.call('audit.cohort', { period: PERIOD, fromLastLook: true, ...input }), 'INVALID_INPUT');
    expect(await refused({ sort: { key: 'age', direction: 'ascending' } })).toContain('sort.key');
    await refused({ limit: 0 });
    expect(await refused({ filters: { ...NO_FILTERS, indicator: 'mood' } })).toContain('filters.indicator');
    // Locking drops the kept cohort with the keys: no view of it is answered from memory after.
    await h.ok('vault.lock');
    await expectFailure(h.call('audit.cohort', { period: PERIOD, fromLastLook: true }), 'LOCKED');
  });

  it('says so for an empty period, and refuses a ten-year one in plain words', async () => {
    const h = await openStore();
    await enter(h, oseiRecord());
    const empty = await h.ok<{ rows: AuditRow[]; message: string | null }>('audit.cohort', { period: { from: '2025-01-01', to: '2025-12-31' } });
    expect(empty.rows).toEqual([]);
    expect(empty.message).toBe(
      'No child left an initial conference (or was new to conference at a review) without a child protection plan between 01/01/2025 and 31/12/2025. Choose another period to audit.',
    );
    const message = await expectFailure(h.call('audit.cohort', { period: { from: '2016-01-01', to: '2025-12-31' } }), 'INVALID_INPUT');
    expect(message).toContain('An audit covers at most 3 years');
  });
});

describe('the manager’s judgement', () => {
  it('is recorded in the conference’s history; the record, its revision and its history up to then are unchanged', async () => {
    const h = await openStore();
    const osei = await enter(h, oseiRecord());
    const daniel = childId(osei);
    await cohort(h); // the manager looks at the period first, as the screen does (the service keeps the whole rows)
    const before = await h.ok<{ conference: ConferenceRecord }>('conferences.get', { id: osei.id });
    const historyBefore = await h.ok<{ entries: HistoryEntry[] }>('conferences.history', { id: osei.id });
    const { judgement } = await h.ok<{ judgement: JudgementView }>('audit.judge', {
      conferenceId: osei.id,
      childId: daniel,
      rating: 'requires-improvement',
      comment: 'The police view is answered through dissent, but the rationale should say how the panel gives the grip the police asked for.',
      actionForChair: 'Add how the exploitation panel answers the police’s worry at the review.',
    });
    // No signing profile on this computer: recorded with a hash, and it says it is not signed.
    expect(judgement).toMatchObject({ number: 1, rating: 'requires-improvement', signed: false, valid: true });
    // The drill-down's whole row, answered from what the service kept, shows it too.
    expect((await h.ok<{ row: AuditRow | null }>('audit.child', { period: PERIOD, conferenceId: osei.id, childId: daniel })).row?.judgements).toEqual([judgement]);
    const after = await h.ok<{ conference: ConferenceRecord }>('conferences.get', { id: osei.id });
    expect(canonicalJson(after.conference)).toBe(canonicalJson(before.conference));
    const history = await h.ok<{ entries: HistoryEntry[]; intact: boolean }>('conferences.history', { id: osei.id });
    expect(history.intact).toBe(true);
    expect(history.entries.slice(0, -1)).toEqual(historyBefore.entries);
    expect(history.entries.at(-1)).toMatchObject({ action: 'judgement', revision: before.conference.revision, sections: [] });
    // The chair sees it on the conference, and the cohort shows the progress.
    const shown = await h.ok<{ judgements: JudgementView[] }>('audit.judgements', { id: osei.id });
    expect(shown.judgements).toEqual([judgement]);
    expect((await cohort(h, { judged: 'judged' })).rows.map((r) => r.childName)).toEqual(['Daniel Osei']);
    // A later save keeps the judgement, and chains on from it.
    await h.ok('conferences.save', { id: osei.id, baseRevision: before.conference.revision, sections: { opening: { kind: 'single', values: { notes: 'Added after the audit.' } } } });
    expect((await h.ok<{ judgements: JudgementView[] }>('audit.judgements', { id: osei.id })).judgements).toEqual([judgement]);
    expect((await h.ok<{ intact: boolean }>('conferences.history', { id: osei.id })).intact).toBe(true);
  });

  it('is signed with the profile’s key where there is one, on signed minutes too, which still verify', async () => {
    const h = await openStore();
    const osei = await enter(h, oseiRecord());
    await h.ok('profile.set', CHAIR);
    await h.ok('conferences.sign', { id: osei.id, baseRevision: osei.revision });
    const { judgement } = await h.ok<{ judgement: JudgementView }>('audit.judge', { conferenceId: osei.id, childId: childId(osei), rating: 'good', comment: 'Clear and well reasoned, each agency answered.' });
    expect(judgement).toMatchObject({ signed: true, valid: true, author: CHAIR.name, actionForChair: '' });
    expect((await h.ok<{ intact: boolean }>('conferences.signatures', { id: osei.id })).intact).toBe(true);
    const row = (await cohort(h)).rows[0]!;
    expect(row.indicators.find((i) => i.id === 'minutes-signed')?.status).toBe('met');
    expect(row.judgements).toHaveLength(1);
  });

  it('is refused for a child who is not in the cohort, and nothing is written', async () => {
    const h = await openStore();
    const whitfield = await enter(h, whitfieldRecord());
    const message = await expectFailure(
      h.call('audit.judge', { conferenceId: whitfield.id, childId: childId(whitfield), rating: 'good', comment: 'Fine, the plan answers every agency.' }),
      'INVALID_INPUT',
    );
    expect(message).toContain('not in the audit cohort');
    expect((await h.ok<{ entries: HistoryEntry[] }>('conferences.history', { id: whitfield.id })).entries.map((e) => e.action)).toEqual(['created', 'saved']);
  });

  it('is refused without a comment', async () => {
    const h = await openStore();
    const osei = await enter(h, oseiRecord());
    await expectFailure(h.call('audit.judge', { conferenceId: osei.id, childId: childId(osei), rating: 'good', comment: '   ' }), 'INVALID_INPUT');
  });

  it('is refused with a comment too thin to act on, in plain words, and nothing is written', async () => {
    const h = await openStore();
    const osei = await enter(h, oseiRecord());
    const before = await h.ok<{ entries: HistoryEntry[] }>('conferences.history', { id: osei.id });
    for (const lazy of ['x', 'Good.', 'Fine by me - ok', '- - - - - -']) {
      const message = await expectFailure(h.call('audit.judge', { conferenceId: osei.id, childId: childId(osei), rating: 'good', comment: lazy }), 'INVALID_INPUT');
      expect(message).toMatch(/^(Say why in at least 5 words|Write a comment saying why)/);
      expect(message).toContain('Nothing has been recorded.');
    }
    expect((await h.ok<{ entries: HistoryEntry[] }>('conferences.history', { id: osei.id })).entries).toEqual(before.entries);
    expect((await h.ok<{ judgements: JudgementView[] }>('audit.judgements', { id: osei.id })).judgements).toEqual([]);
    // Five real words are enough.
    await h.ok('audit.judge', { conferenceId: osei.id, childId: childId(osei), rating: 'good', comment: 'Police dissent answered with reasons.' });
  });
});

describe('out of the app', () => {
  it('exports the filtered cohort as an Excel-safe CSV and as a PDF summary', async () => {
    const h = await openStore();
    await enter(h, oseiRecord());
    await enter(h, whitfieldChildInNeed());
    const csv = await h.ok<{ fileName: string; base64: string; mimeType: string }>('audit.export', { period: PERIOD, filters: { departsFromMajority: true }, format: 'csv' });
    expect(csv.fileName).toBe('audit-non-plan-2026-01-01-to-2026-06-30.csv');
    const bytes = Buffer.from(csv.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines.filter((l) => l !== '')).toHaveLength(3);
    expect(lines.some((l) => l.includes('Daniel Osei'))).toBe(false);
    expect(lines[1]).toContain('"Leo Whitfield"');

    const pdf = await h.ok<{ fileName: string; base64: string }>('audit.export', { period: PERIOD, format: 'pdf' });
    const text = squash(pdfPages(Buffer.from(pdf.base64, 'base64')).join(' '));
    expect(text).toContain('Audit of children who left a conference without a child protection plan');
    expect(text).toContain('3 children in the cohort');
    expect(text).toContain('Quality indicators met (the chart as a table)');
    expect(text).toContain('Police dissents; will escalate');
  });
});

describe('a judgement altered afterwards', () => {
  /** Someone holding the data key rewrites the document: what no outsider can do, and still caught. */
  async function reseal(h: Harness, id: string, change: (doc: { judgements: { statement: Record<string, unknown> }[] }) => void) {
    const vault = await readVaultFile(h.store.paths.vault);
    if (vault === null) throw new Error('No vault.');
    const key = await unwrapDataKey(vault, PASSPHRASE);
    const path = h.store.paths.conference(id);
    const doc = openJson(key, await readFile(path), roles.conference(id)) as Parameters<typeof change>[0];
    change(doc);
    await writeFile(path, sealJson(key, doc, roles.conference(id)));
  }

  it('no longer verifies, even unsigned (the history holds its hash), and nothing more can be added to it', async () => {
    const h = await openStore();
    const osei = await enter(h, oseiRecord());
    await h.ok('audit.judge', { conferenceId: osei.id, childId: childId(osei), rating: 'inadequate', comment: 'The rationale does not answer the police.' });
    await reseal(h, osei.id, (doc) => {
      doc.judgements[0]!.statement['rating'] = 'good';
    });
    const { judgements } = await h.ok<{ judgements: JudgementView[] }>('audit.judgements', { id: osei.id });
    expect(judgements).toMatchObject([{ rating: 'good', valid: false }]);
    await expectFailure(h.call('audit.judge', { conferenceId: osei.id, childId: childId(osei), rating: 'good', comment: 'Covering it over with a new one.' }), 'TAMPERED');
  });

  it('removed from the document is noticed: nothing more can be added', async () => {
    const h = await openStore();
    const osei = await enter(h, oseiRecord());
    await h.ok('audit.judge', { conferenceId: osei.id, childId: childId(osei), rating: 'inadequate', comment: 'The rationale does not answer the police.' });
    await reseal(h, osei.id, (doc) => {
      doc.judgements.splice(0, 1);
    });
    await expectFailure(h.call('audit.judge', { conferenceId: osei.id, childId: childId(osei), rating: 'good', comment: 'A fresh start after the removal.' }), 'TAMPERED');
  });

  it('removed from the end is shown as missing to the chair and in the cohort, though the judgements left still verify', async () => {
    const h = await openStore();
    const osei = await enter(h, oseiRecord());
    const daniel = childId(osei);
    await h.ok('audit.judge', { conferenceId: osei.id, childId: daniel, rating: 'good', comment: 'The police dissent is answered with reasons.' });
    await h.ok('audit.judge', { conferenceId: osei.id, childId: daniel, rating: 'inadequate', comment: 'On reflection the rationale does not answer the police.' });
    // The unfavourable one is taken off the end: what is left chains and verifies by itself.
    await reseal(h, osei.id, (doc) => {
      doc.judgements.pop();
    });
    const chairSees = await h.ok<{ judgements: JudgementView[]; missing: number }>('audit.judgements', { id: osei.id });
    expect(chairSees.judgements.map((j) => [j.rating, j.valid])).toEqual([['good', true]]);
    expect(chairSees.missing).toBe(1);
    // The changed file is read again at the next unlock, so the index (and the cohort) say so too.
    await h.ok('vault.lock');
    await h.ok('vault.unlock', { passphrase: PASSPHRASE });
    const row = (await cohort(h)).rows.find((r) => r.conferenceId === osei.id)!;
    expect(row.judgements.map((j) => j.rating)).toEqual(['good']);
    expect(row.judgementsMissing).toBe(1);
    const csv = await h.ok<{ base64: string }>('audit.export', { period: PERIOD, format: 'csv' });
    const lines = Buffer.from(csv.base64, 'base64').toString('utf8').split('\r\n');
    expect(lines[1]?.endsWith(',"1"')).toBe(true);
  });
});

describe('the cohort from the index', () => {
  it('opens no conference, yet follows a judgement, a save, a new conference and the lock', async () => {
    const h = await openStore();
    const osei = await enter(h, oseiRecord());
    const daniel = childId(osei);
    let reads = 0;
    const original = h.store.auditSource.bind(h.store);
    h.store.auditSource = (id: string) => {
      reads += 1;
      return original(id);
    };
    await cohort(h);
    await cohort(h);

    await h.ok('audit.judge', { conferenceId: osei.id, childId: daniel, rating: 'good', comment: 'Clear, and every agency is answered.' });
    expect((await cohort(h)).rows[0]?.judgements).toHaveLength(1);

    const current = (await h.ok<{ conference: ConferenceRecord }>('conferences.get', { id: osei.id })).conference;
    await h.ok('conferences.save', { id: osei.id, baseRevision: current.revision, sections: { dissent: { kind: 'list', items: [] } } });
    const saved = (await cohort(h)).rows[0]!;
    expect(saved.dissent).toEqual([]);
    // The save carried the judgement on in the index.
    expect(saved.judgements).toHaveLength(1);

    // Came back is worked out afresh from the index.
    await enter(h, oseiAgain());
    expect((await cohort(h)).rows[0]?.cameBack.status).toBe('possible-match');
    expect(reads).toBe(0);

    // Rows worked out are kept while the store is open, and let go at lock.
    const memo = await h.store.auditMemo();
    expect(memo.get(osei.id)).toBeDefined();
    await h.ok('vault.lock');
    expect(memo.size).toBe(0);
  });
});
