import { describe, expect, it } from 'vitest';
import { reportFindings } from '../../../domain/rules/report-rules';
import { parseLocalSettings } from '../../../domain/rules/local-settings';
import { presentField } from '../../../domain/template/conditions';
import { validateAgainstTemplate } from '../../../domain/template/validate';
import type { FieldDef } from '../../../domain/template/types';
import { brennanRecord, whitfieldRecord } from '../../../main/demo/scenarios';
import { templateFor } from '../../../templates/conference-templates';
import { agency, singleOf } from '../template/fixture-helpers';

const fieldOf = (section: string, id: string): FieldDef => {
  const found = templateFor('initial').sections.find((s) => s.id === section)?.fields.find((f) => f.id === id);
  if (!found) throw new Error(`no field ${section}.${id}`);
  return found;
};

describe('each agency’s report reaches the family within the local notice', () => {
  it('Brennan’s reports, shared on Wed 04/03/2026, are 5 working days before the review on 11/03/2026: in time', () => {
    expect(reportFindings(brennanRecord())).toEqual([]);
  });

  it('shared on Fri 06/03/2026 they are 3 working days before (9, 10 and 11 March): late for a review', () => {
    const record = brennanRecord();
    const substance = agency(record, 'substance-misuse');
    substance.values['reportSharedDate'] = '2026-03-06';
    expect(reportFindings(record)).toEqual([
      {
        rule: 'reports.shared-late',
        severity: 'warning',
        message: 'Substance misuse service’s report reached the family on 06/03/2026, 3 working days before it; the local notice is 5 working days before a review.',
        ref: { section: 'agencies', itemId: substance.id, field: 'reportSharedDate' },
      },
    ]);
    const three = parseLocalSettings({ timescales: { reportNoticeReviewWorkingDays: 3 } });
    if (!three.ok) throw new Error(three.message);
    expect(reportFindings(record, three.settings)).toEqual([]);
  });

  it('bad input: a report recorded as shared after the conference', () => {
    const record = brennanRecord();
    agency(record, 'substance-misuse').values['reportSharedDate'] = '2026-03-12';
    expect(reportFindings(record).map((f) => [f.rule, f.severity, f.message])).toEqual([
      [
        'reports.shared-after-conference',
        'blocking',
        'Substance misuse service’s report is recorded as shared with the family on 12/03/2026, after the conference on 11/03/2026. Check the date.',
      ],
    ]);
  });
});

describe('parents’ views, one entry per parent', () => {
  it('each parent’s own views answer the question, without the joint box', () => {
    const record = whitfieldRecord();
    const views = singleOf(record, 'familyViews');
    delete views['parentsViews'];
    const asked = () => validateAgainstTemplate(templateFor('initial'), record).findings.filter((f) => f.ref.section === 'familyViews');
    expect(asked().map((f) => f.message)).toEqual(['Family views: enter “Parents’ and carers’ views together”.']);
    views['viewsByParent'] = [
      { id: globalThis.crypto.randomUUID(), values: { who: 'Kerry Whitfield', views: 'She wants help to keep the children safe and agrees Jason should stay away.' } },
      { id: globalThis.crypto.randomUUID(), values: { who: 'Jason Whitfield', views: 'He says the police exaggerate and he wants to come home.' } },
    ];
    expect(asked()).toEqual([]);
  });
});

describe('plan actions that recur, and a scale for each danger statement', () => {
  it('a fortnightly action is due first by its date', () => {
    const due = fieldOf('plan', 'actions').fields?.find((f) => f.id === 'dueDate');
    if (!due) throw new Error('no due date');
    const record = whitfieldRecord();
    expect(presentField(due, { record, values: { recurrence: 'fortnightly' } }).label).toBe('First by');
    expect(presentField(due, { record, values: { recurrence: 'once' } }).label).toBe('By when');
  });

  it('a danger statement can carry its own safety scale, stored with the scale’s definition', () => {
    const scaleField = fieldOf('risk', 'dangerStatements').fields?.find((f) => f.id === 'scale');
    expect(scaleField?.type).toBe('scale');
    const record = whitfieldRecord();
    const statements = singleOf(record, 'risk')['dangerStatements'];
    if (!Array.isArray(statements) || typeof statements[0] !== 'object' || statements[0] === null || !('values' in statements[0])) throw new Error('no statements');
    statements[0].values['scale'] = { score: 3, definition: '' };
    expect(validateAgainstTemplate(templateFor('initial'), record).findings.map((f) => f.message)).toEqual([
      'Risk analysis, danger statement 1: “Safety scale for this danger statement” is stored without the scale’s definition.',
    ]);
  });

  it('every child carries the council’s case number when given, and household members are marked', () => {
    expect(fieldOf('children', 'caseNumber').type).toBe('text');
    expect(fieldOf('family', 'inHousehold').type).toBe('yesno');
  });
});
