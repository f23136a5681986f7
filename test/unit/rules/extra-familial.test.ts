import { describe, expect, it } from 'vitest';
import { recommendationAgrees } from '../../../domain/decision/outcomes';
import { timescaleRules } from '../../../domain/rules/timescales';
import { isVisible, presentField } from '../../../domain/template/conditions';
import { validateAgainstTemplate } from '../../../domain/template/validate';
import type { FieldDef } from '../../../domain/template/types';
import { oseiRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { templateFor } from '../../../templates/conference-templates';
import { blocking, childId, childSection, describeFindings, readiness, singleOf } from '../template/fixture-helpers';

/** Harm outside the family: Osei (exploitation by a county line) against Whitfield (domestic abuse). */

const riskField = (id: string): FieldDef => {
  const found = templateFor('initial').sections.find((s) => s.id === 'risk')?.fields.find((f) => f.id === id);
  if (!found) throw new Error(`no risk field ${id}`);
  return found;
};
const EFH_FIELDS = ['places', 'peersAssociates', 'missingEpisodes', 'onlineHarm', 'parentsAsPartners'];

describe('a conference about harm outside the family', () => {
  it('Osei is ready to sign with its places, peers, missing episodes, online harm and parents as partners', () => {
    const report = readiness(oseiRecord());
    expect(blocking(report), describeFindings(blocking(report))).toEqual([]);
  });

  it('asks about places, peers, missing episodes, online harm and the parents as partners only then', () => {
    const osei = oseiRecord();
    const whitfield = whitfieldRecord();
    for (const id of EFH_FIELDS) {
      expect(isVisible(riskField(id), { record: osei, values: singleOf(osei, 'risk') }), id).toBe(true);
      expect(isVisible(riskField(id), { record: whitfield, values: singleOf(whitfield, 'risk') }), id).toBe(false);
    }
  });

  it('requires the places, the peers and the parents’ part, each in a sentence naming the field', () => {
    const record = oseiRecord();
    const risk = singleOf(record, 'risk');
    delete risk['places'];
    delete risk['parentsAsPartners'];
    expect(validateAgainstTemplate(templateFor('initial'), record).findings.map((f) => [f.ref.field, f.message])).toEqual([
      ['places', 'Risk analysis: enter “Places and spaces where the child is at risk”.'],
      ['parentsAsPartners', 'Risk analysis: enter “The parents as partners in protection”.'],
    ]);
  });

  it('the danger statement’s hint turns from what the adults might do to the dangers outside the family', () => {
    const statement = riskField('dangerStatements').fields?.find((f) => f.id === 'statement');
    if (!statement) throw new Error('no statement field');
    const osei = oseiRecord();
    const whitfield = whitfieldRecord();
    expect(presentField(statement, { record: osei, values: {} }).hint).toMatch(/^Who is worried, about what might happen to the child outside the family/);
    expect(presentField(statement, { record: whitfield, values: {} }).hint).toMatch(/^Who is worried, about what the adults might do/);
  });
});

describe('the contextual safeguarding plan', () => {
  it('records its own lead, forum and review date like the other plans that are not child protection plans', () => {
    const record = oseiRecord();
    const daniel = childId(record, 'Daniel Osei');
    const plan = childSection(record, 'plan', daniel);
    delete plan['forum'];
    delete plan['lead'];
    delete plan['reviewDate'];
    expect(
      validateAgainstTemplate(templateFor('initial'), record)
        .findings.filter((f) => f.ref.section === 'plan')
        .map((f) => f.message),
    ).toEqual([
      'Plan, Daniel Osei: enter “Lead social worker or lead professional”.',
      'Plan, Daniel Osei: enter “Forum that oversees the contextual safeguarding plan”.',
      'Plan, Daniel Osei: enter “Review by”.',
    ]);
  });

  it('its review dated on the conference day is caught, named as the contextual safeguarding plan', () => {
    const record = oseiRecord();
    const daniel = childId(record, 'Daniel Osei');
    childSection(record, 'plan', daniel)['reviewDate'] = '2026-02-03';
    expect(timescaleRules()(record).map((f) => f.message)).toEqual([
      'For Daniel Osei, the review of the contextual safeguarding plan is dated 03/02/2026, which is not after this conference on 03/02/2026.',
    ]);
  });

  it('agrees with a recommendation of another multi-agency plan, and differs from a child protection plan', () => {
    expect(recommendationAgrees('multi-agency-plan', 'contextual-plan')).toBe(true);
    expect(recommendationAgrees('cp-plan', 'contextual-plan')).toBe(false);
  });
});
