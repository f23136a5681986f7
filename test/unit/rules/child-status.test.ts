import { describe, expect, it } from 'vitest';
import { decisionFindings } from '../../../domain/rules/decision-rules';
import { timescaleRules } from '../../../domain/rules/timescales';
import { collate } from '../../../domain/collation/collate';
import { presentField, type FieldContext } from '../../../domain/template/conditions';
import { optionsFor } from '../../../domain/template/options';
import { validateAgainstTemplate } from '../../../domain/template/validate';
import type { FieldDef } from '../../../domain/template/types';
import type { ConferenceRecord, Values } from '../../../domain/record/conference';
import { forChildren, RecordBuilder } from '../../../main/demo/record-builder';
import { templateFor } from '../../../templates/conference-templates';
import { childSection, describeFindings, listOf } from '../template/fixture-helpers';

/**
 * A review where one child comes already on a plan (Ava, four) and her brother, born since
 * the last conference, is considered for the first time (Finn). Fictional names and dates:
 * the review is on Wednesday 11/03/2026.
 */
function reviewWithNewborn(finnStatus: string | null = 'new') {
  const b = new RecordBuilder('review', { createdAt: '2026-03-11T09:00:00.000Z' });
  b.single('meeting', { date: '2026-03-11', previousConferenceDate: '2025-12-11', previousConferenceType: 'initial' });
  const ava = b.addChild({ name: 'Ava Brennan', planStatus: 'on-plan', dateOfBirth: '2022-02-27' });
  const finnValues: Values = { name: 'Finn Brennan', dateOfBirth: '2026-01-20' };
  if (finnStatus !== null) finnValues['planStatus'] = finnStatus;
  const finn = b.addChild(finnValues);
  const socialCare = b.addItem('agencies', {
    agency: 'social-care',
    recommendations: forChildren({ [ava]: { recommendation: 'continue-plan' }, [finn]: { recommendation: 'cp-plan' } }),
  });
  const police = b.addItem('agencies', {
    agency: 'police',
    recommendations: forChildren({ [ava]: { recommendation: 'continue-plan' }, [finn]: { recommendation: 'cin-plan' } }),
  });
  const decided = { limbA: 'yes', limbB: 'yes', likelySignificantHarm: 'yes', categories: ['neglect'] };
  b.forChild('decision', ava, { ...decided, outcome: 'continue-plan', rationale: 'Children’s social care and the police agree the plan must continue.' });
  b.forChild('decision', finn, { ...decided, outcome: 'cp-plan', rationale: 'Children’s social care recommended a plan for Finn.' });
  b.forChild('plan', ava, { reviewDate: '2026-09-10' });
  b.forChild('plan', finn, { firstCoreGroupDate: '2026-03-26', reviewDate: '2026-07-01' });
  return { record: b.build(), ava, finn, socialCare, police };
}

const decisionField = (id: string): FieldDef => {
  const found = templateFor('review').sections.find((s) => s.id === 'decision')?.fields.find((f) => f.id === id);
  if (!found) throw new Error(`no decision field ${id}`);
  return found;
};
const ctxFor = (record: ConferenceRecord, childId: string): FieldContext => ({ record, values: childSection(record, 'decision', childId), childId });
const labels = (record: ConferenceRecord, childId: string) => optionsFor(decisionField('outcome'), record, childId).map((o) => o.label);

describe('outcomes follow each child’s status, not the conference type', () => {
  it('at a review, the child on a plan is offered continue or end; the newborn a plan', () => {
    const { record, ava, finn } = reviewWithNewborn();
    expect(labels(record, ava)).toEqual([
      'Continue the child protection plan',
      'Continue the plan under a different category',
      'End the plan: child in need plan',
      'End the plan: contextual safeguarding plan',
      'End the plan: other multi-agency plan',
      'End the plan: early help',
      'End the plan: no further action',
    ]);
    expect(labels(record, finn)).toEqual([
      'Child protection plan',
      'Child in need plan (section 17)',
      'Contextual safeguarding plan (extra-familial harm)',
      'Other multi-agency plan',
      'Early help',
      'No further action',
    ]);
  });

  it('each agency’s recommendation for the newborn is chosen from the newborn’s outcomes', () => {
    const { record, finn } = reviewWithNewborn();
    const recommendation = templateFor('review')
      .sections.find((s) => s.id === 'agencies')
      ?.fields.find((f) => f.id === 'recommendations')
      ?.fields?.find((f) => f.id === 'recommendation');
    if (!recommendation) throw new Error('no recommendation field');
    expect(optionsFor(recommendation, record, finn).map((o) => o.value)).toEqual([
      'cp-plan',
      'cin-plan',
      'contextual-plan',
      'multi-agency-plan',
      'early-help',
      'no-further-action',
      'no-view',
    ]);
  });

  it('a plan made for the newborn at a review is a valid choice, and “continue” is not', () => {
    const { record, finn } = reviewWithNewborn();
    const decisionProblems = () =>
      validateAgainstTemplate(templateFor('review'), record).findings.filter((f) => f.ref.section === 'decision' && f.ref.childId === finn);
    expect(decisionProblems(), describeFindings(decisionProblems())).toEqual([]);
    childSection(record, 'decision', finn)['outcome'] = 'continue-plan';
    expect(decisionProblems().map((f) => f.message)).toEqual([
      'Decision for each child, Finn Brennan: “Outcome” has a choice that is no longer available. Choose again.',
    ]);
  });

  it('the significant-harm question is asked as each child stands', () => {
    const { record, ava, finn } = reviewWithNewborn();
    expect(presentField(decisionField('likelySignificantHarm'), ctxFor(record, ava)).label).toBe('Is the child still likely to suffer significant harm?');
    expect(presentField(decisionField('likelySignificantHarm'), ctxFor(record, finn)).label).toBe('Is the child likely to suffer significant harm?');
    expect(presentField(decisionField('outcome'), ctxFor(record, finn)).hint).toBe(
      'This child is new to conference (see Children): the decision is whether to make a child protection plan.',
    );
  });

  it('departures are judged against each child’s outcome: the police view of Finn differs, of Ava agrees', () => {
    const { record, finn } = reviewWithNewborn();
    expect(decisionFindings(record).map((f) => f.message)).toEqual([
      'Finn Brennan: Police recommended “Child in need plan (section 17)”, which differs from the decision. Record how their view was weighed, under “How each differing view was weighed”, or record their dissent.',
    ]);
    const finnViews = collate(record).find((c) => c.childId === finn)?.views ?? [];
    expect(finnViews.map((v) => [v.agency, v.departs])).toEqual([
      ['Children’s social care', false],
      ['Police', true],
    ]);
  });

  it('a recommendation in a review’s words agrees with the same destination for a new child', () => {
    const { record, finn, socialCare } = reviewWithNewborn();
    const item = listOf(record, 'agencies').find((a) => a.id === socialCare);
    const recs = item?.values['recommendations'];
    if (!recs || typeof recs !== 'object' || !('perChild' in recs)) throw new Error('no recommendations');
    // Recorded before the chair set Finn's status: "continue" means "keep a plan".
    recs.perChild[finn] = { recommendation: 'continue-plan' };
    expect(collate(record).find((c) => c.childId === finn)?.views[0]?.departs).toBe(false);
  });

  it('the newborn’s plan starts here: first core group in 10 working days, review in 3 months; Ava’s in 6', () => {
    const { record, finn } = reviewWithNewborn();
    // 10 working days after Wed 11/03/2026: Thu 12 … Wed 25/03/2026 (no bank holiday).
    // 3 months after 11/03/2026: 11/06/2026. Ava's review 10/09/2026 is within 6 months.
    expect(timescaleRules()(record).map((f) => [f.rule, f.ref.childId, f.message])).toEqual([
      [
        'timescale.core-group-beyond-limit',
        finn,
        'For Finn Brennan, the first core group on 26/03/2026 is 11 working days after the conference; it should be by 25/03/2026 (10 working days after the conference on 11/03/2026).',
      ],
      [
        'timescale.review-date-beyond-limit',
        finn,
        'For Finn Brennan, the review conference on 01/07/2026 is too late: it must be by 11/06/2026 (within 3 months of the conference on 11/03/2026, where the plan started). Set an earlier date.',
      ],
    ]);
  });

  it('the template asks the first core group date only of the child whose plan starts here', () => {
    const { record, ava, finn } = reviewWithNewborn();
    delete childSection(record, 'plan', finn)['firstCoreGroupDate'];
    const asked = validateAgainstTemplate(templateFor('review'), record).findings.filter((f) => f.ref.field === 'firstCoreGroupDate');
    expect(asked.map((f) => f.ref.childId)).toEqual([finn]);
    expect(asked.map((f) => f.ref.childId)).not.toContain(ava);
  });

  it('bad input: a new child at a review with no status chosen is asked for it, linking to the field', () => {
    const { record, finn } = reviewWithNewborn(null);
    const found = validateAgainstTemplate(templateFor('review'), record).findings.filter((f) => f.ref.field === 'planStatus');
    expect(found).toEqual([
      {
        rule: 'template.required',
        severity: 'blocking',
        message: 'Children, Finn Brennan: answer “Status at this conference”.',
        ref: { section: 'children', itemId: finn, field: 'planStatus' },
      },
    ]);
    // Nothing typed is lost: the plan chosen for him stays, flagged until his status is known.
    expect(childSection(record, 'decision', finn)['outcome']).toBe('cp-plan');
  });
});
