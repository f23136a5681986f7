import { describe, expect, it } from 'vitest';
import { auditChild, type AuditContext, type SignOffFacts } from '../../../domain/audit/indicators';
import { cohortChildIds, checkPeriod, cohortCandidates, inCohort } from '../../../domain/audit/cohort';
import type { IndicatorId } from '../../../domain/audit/types';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { summarise } from '../../../domain/record/summary';
import { templateForRecord } from '../../../templates/conference-templates';
import { brennanRecord } from '../../../main/demo/scenarios';
import { items, osei, removeFromChild, setChild, setItems, setSingle, updateChildItem, whitfield } from './records';

const NOT_SIGNED: SignOffFacts = { signedAt: null, intact: true };

function context(record: ConferenceRecord, signOff: SignOffFacts = NOT_SIGNED, today = '2026-02-04'): AuditContext {
  return { template: templateForRecord(record), signOff, today };
}

function indicator(record: ConferenceRecord, childId: string, id: IndicatorId, signOff?: SignOffFacts, today?: string) {
  const found = auditChild(record, childId, context(record, signOff, today)).indicators.find((i) => i.id === id);
  if (!found) throw new Error(`no indicator ${id}`);
  return found;
}

describe('the cohort: children considered for a plan for the first time who did not get one', () => {
  it('takes Daniel Osei (contextual safeguarding plan at an initial conference) and not the Whitfield children (plans)', () => {
    const { record, daniel } = osei();
    expect(cohortChildIds(record)).toEqual([daniel]);
    expect(cohortChildIds(whitfield().record)).toEqual([]);
  });

  it('leaves out a child already on a plan at a review, even when the plan ends', () => {
    expect(cohortChildIds(brennanRecord())).toEqual([]);
  });

  it('takes a sibling new to conference at a review who is given a child in need plan', () => {
    expect(inCohort('review', true, 'cin-plan')).toBe(true);
    expect(inCohort('review', null, 'cin-plan')).toBe(false);
    expect(inCohort('pre-birth-initial', false, 'early-help')).toBe(true);
    expect(inCohort('transfer-in', false, 'cin-plan')).toBe(false);
    expect(inCohort('initial', false, '')).toBe(false);
  });

  it('chooses conferences in the period from the index alone', () => {
    const { record } = osei();
    const summary = summarise(record, templateForRecord(record));
    expect(cohortCandidates([summary], { from: '2026-02-01', to: '2026-02-28' })).toEqual([record.id]);
    expect(cohortCandidates([summary], { from: '2026-02-04', to: '2026-02-28' })).toEqual([]);
  });

  it('says plainly when a period is back to front or ten years long', () => {
    expect(checkPeriod({ from: '2026-03-01', to: '2026-01-01' })).toEqual({ ok: false, message: expect.stringContaining('after its end') });
    const ten = checkPeriod({ from: '2016-01-01', to: '2025-12-31' });
    expect(ten.ok).toBe(false);
    expect(!ten.ok && ten.message).toContain('about 9 years long');
    expect(checkPeriod({ from: '2025-04-01', to: '2026-03-31' })).toEqual({ ok: true });
  });
});

describe('the row for Daniel Osei', () => {
  it('shows the agencies’ recommendations, the outcome, the plan and the police dissent with its escalation', () => {
    const { record, daniel } = osei();
    const row = auditChild(record, daniel, context(record));
    expect(row.outcomeLabel).toBe('Contextual safeguarding plan (extra-familial harm)');
    expect(row.alternativePlan).toEqual({ name: 'contextual safeguarding plan', lead: 'Leah Carter, social worker (adolescent safeguarding team)', reviewDate: '2026-03-03' });
    expect(row.recommendations.filter((r) => r.stance === 'differs').map((r) => r.agency)).toEqual(['Police']);
    expect(row.dissent).toEqual([{ agency: 'Police', escalation: 'will-escalate', label: 'Police dissents; will escalate through the professional resolution process' }]);
    expect(row.concern).toBe('Outside the family (extra-familial harm)');
    expect(row.templateVersion).toBeGreaterThanOrEqual(1);
    expect(row.departsFromMajority.departs).toBe(false);
    expect(row.departsFromMajority.explanation).toBe(
      'The decision agrees with the majority: 1 of the 4 agencies giving a view recommended otherwise (Police: Child protection plan).',
    );
  });
});

describe('rationale engages every agency that recommended otherwise', () => {
  it('is met when the differing police view has its dissent recorded', () => {
    const { record, daniel } = osei();
    expect(indicator(record, daniel, 'rationale-engages').status).toBe('met');
  });

  it('is not met, naming the police, when neither a weighing nor dissent answers them — naming them in the rationale is not enough', () => {
    const { record, daniel } = osei();
    setItems(record, 'dissent', []);
    const result = indicator(record, daniel, 'rationale-engages');
    expect(result.status).toBe('not-met');
    expect(result.explanation).toBe('Police recommended otherwise, and the record neither weighs that view in the chair’s words nor records their dissent.');
  });

  it('is not met for a weighing too thin to say anything ("Noted.") and met for a real one', () => {
    const { record, daniel } = osei();
    setItems(record, 'dissent', []);
    const police = items(record, 'agencies').find((a) => a.values['agency'] === 'police')!;
    const weigh = (text: string) => setChild(record, 'decision', daniel, { weighings: [{ id: crypto.randomUUID(), values: { agency: police.id, weighing: text } }] });
    weigh('Police noted.');
    expect(indicator(record, daniel, 'rationale-engages').status).toBe('not-met');
    weigh('The police wanted more grip; the exploitation panel gives them a formal route to disrupt the line.');
    expect(indicator(record, daniel, 'rationale-engages').status).toBe('met');
  });

  it('is not applicable when every agency agreed', () => {
    const { record, daniel } = osei();
    const agencies = items(record, 'agencies').filter((a) => a.values['agency'] !== 'police');
    setItems(record, 'agencies', agencies);
    setItems(record, 'dissent', []);
    expect(indicator(record, daniel, 'rationale-engages').status).toBe('not-applicable');
  });
});

describe('departs from the majority (shown, not judged)', () => {
  it('is shown when the chair chose a child in need plan where three of five agencies giving a view recommended a plan', () => {
    const { record, maya } = whitfield();
    setChild(record, 'decision', maya, { outcome: 'cin-plan' });
    const row = auditChild(record, maya, context(record));
    expect(row.departsFromMajority.departs).toBe(true);
    expect(row.departsFromMajority.explanation).toMatch(/^The decision departs from the majority: 3 of the 5 agencies giving a view recommended otherwise/);
  });

  it('is not shown on an even split', () => {
    const { record, daniel } = osei();
    const [socialCare, police] = items(record, 'agencies');
    setItems(record, 'agencies', [socialCare!, police!]);
    expect(auditChild(record, daniel, context(record)).departsFromMajority.departs).toBe(false);
  });
});

describe('significant-harm finding and outcome coherent', () => {
  it('is met for harm found likely with a contextual safeguarding plan', () => {
    const { record, daniel } = osei();
    expect(indicator(record, daniel, 'harm-coherent').status).toBe('met');
  });

  it('is not met for harm found likely and only early help, in the readiness rule’s own words', () => {
    const { record, daniel } = osei();
    setChild(record, 'decision', daniel, { outcome: 'early-help' });
    const result = indicator(record, daniel, 'harm-coherent');
    expect(result.status).toBe('not-met');
    expect(result.explanation).toContain('needs a child protection plan, or another multi-agency plan that gives sufficient safeguards');
  });

  it('says "not recorded" when the finding is missing', () => {
    const { record, daniel } = osei();
    removeFromChild(record, 'decision', daniel, 'likelySignificantHarm');
    expect(indicator(record, daniel, 'harm-coherent').status).toBe('not-recorded');
  });
});

describe('non-plan fields complete', () => {
  it('is met for Osei: safeguards reasoning, lead, review date and triggers all recorded', () => {
    const { record, daniel } = osei();
    const result = indicator(record, daniel, 'non-plan-fields');
    expect(result.status).toBe('met');
    expect(result.explanation).toBe(
      'Recorded: why the alternative gives sufficient safeguards, the plan’s lead, its review date and what would lead to a re-referral; nothing this outcome needs is missing.',
    );
  });

  it('names what is missing', () => {
    const { record, daniel } = osei();
    removeFromChild(record, 'decision', daniel, 'sufficientSafeguards');
    removeFromChild(record, 'plan', daniel, 'reviewDate');
    const result = indicator(record, daniel, 'non-plan-fields');
    expect(result.status).toBe('not-met');
    expect(result.explanation).toMatch(/^Missing for this outcome: why the alternative gives sufficient safeguards and its review date\./);
  });
});

describe('the child’s voice', () => {
  it('is met when Daniel was seen alone, his own words are quoted and how they informed the decision is said', () => {
    const { record, daniel } = osei();
    const result = indicator(record, daniel, 'voice');
    expect(result).toEqual({
      id: 'voice',
      status: 'met',
      explanation: 'Seen once (seen alone); own words recorded; how the views informed the decision recorded.',
    });
  });

  it('is not met without the child’s words or how they counted', () => {
    const { record, daniel } = osei();
    removeFromChild(record, 'voice', daniel, 'ownWords', 'informedDecision');
    const result = indicator(record, daniel, 'voice');
    expect(result.status).toBe('not-met');
    expect(result.explanation).toContain('no own words or observations');
  });

  it('is not applicable for an unborn baby', () => {
    const { record, daniel } = osei();
    const unborn = { ...record, type: 'pre-birth-initial' as const };
    updateChildItem(unborn, daniel, { bornStatus: 'unborn', expectedDeliveryDate: '2026-05-01' });
    expect(indicator(unborn, daniel, 'voice').status).toBe('not-applicable');
  });
});

describe('dissent and its escalation', () => {
  it('is met with the escalation stated', () => {
    const { record, daniel } = osei();
    expect(indicator(record, daniel, 'dissent').explanation).toBe('Police dissents; will escalate through the professional resolution process; reasons recorded.');
  });

  it('is not met when it will escalate but not how, by whom and by when', () => {
    const { record, daniel } = osei();
    setItems(record, 'dissent', items(record, 'dissent').map((d) => ({ ...d, values: { ...d.values, escalationDetail: '' } })));
    expect(indicator(record, daniel, 'dissent').status).toBe('not-met');
  });

  it('is not applicable when nobody dissented', () => {
    const { record, daniel } = osei();
    setItems(record, 'dissent', []);
    expect(indicator(record, daniel, 'dissent').status).toBe('not-applicable');
  });
});

describe('quorate, or the reason recorded', () => {
  const inquorate = (record: ConferenceRecord) =>
    setItems(record, 'agencies', items(record, 'agencies').map((a) => (a.values['agency'] === 'social-care' ? a : { ...a, values: { ...a.values, attendance: 'apologies' } })));

  it('is met for Osei (social care and three agencies with direct contact)', () => {
    const { record, daniel } = osei();
    expect(indicator(record, daniel, 'quorum').status).toBe('met');
  });

  it('is not met when the conference went ahead inquorate without a reason, and met with one', () => {
    const { record, daniel } = osei();
    inquorate(record);
    expect(indicator(record, daniel, 'quorum').status).toBe('not-met');
    setSingle(record, 'attendance', { inquorateReason: 'Delay would leave Daniel without a plan over half-term.' });
    const result = indicator(record, daniel, 'quorum');
    expect(result.status).toBe('met');
    expect(result.explanation).toMatch(/^Not quorate: .*The reason for going ahead is recorded\.$/);
  });
});

describe('timescales met', () => {
  it('is met when held on time and signed within the minutes deadline; the decision letter and accuracy comments are "not recorded"', () => {
    const { record, daniel } = osei();
    const result = indicator(record, daniel, 'timescales', { signedAt: '2026-02-10T10:00:00.000Z', intact: true });
    expect(result.status).toBe('met');
    expect(result.explanation).toContain('decision letter and accuracy comments: not recorded');
  });

  it('is not met when the minutes were signed after their deadline', () => {
    const { record, daniel } = osei();
    const result = indicator(record, daniel, 'timescales', { signedAt: '2026-05-10T10:00:00.000Z', intact: true });
    expect(result.status).toBe('not-met');
    expect(result.explanation).toContain('minutes signed 10/05/2026, after their deadline');
  });

  it('is not recorded while the minutes are unsigned and not yet due, and not met once the deadline has passed', () => {
    const { record, daniel } = osei();
    expect(indicator(record, daniel, 'timescales', NOT_SIGNED, '2026-02-05').status).toBe('not-recorded');
    expect(indicator(record, daniel, 'timescales', NOT_SIGNED, '2026-06-01').status).toBe('not-met');
  });

  it('is not met when the conference itself was late', () => {
    const { record, daniel } = osei();
    setSingle(record, 'meeting', { strategyDiscussionDate: '2025-12-01' });
    expect(indicator(record, daniel, 'timescales', { signedAt: '2026-02-05T10:00:00.000Z', intact: true }).explanation).toMatch(/^Conference late/);
  });
});

describe('minutes signed and circulated', () => {
  it('is not met before signing, met once signed with a distribution list, and not met if the signatures no longer verify', () => {
    const { record, daniel } = osei();
    expect(indicator(record, daniel, 'minutes-signed').status).toBe('not-met');
    expect(indicator(record, daniel, 'minutes-signed', { signedAt: '2026-02-05T10:00:00.000Z', intact: true })).toEqual({
      id: 'minutes-signed',
      status: 'met',
      explanation: 'Minutes signed on 05/02/2026; a distribution list of 3 recorded.',
    });
    expect(indicator(record, daniel, 'minutes-signed', { signedAt: '2026-02-05T10:00:00.000Z', intact: false }).status).toBe('not-met');
  });
});

describe('older records', () => {
  it('reads a record written before template versions were stored as version 1, through that template', () => {
    const { record, daniel } = osei();
    const old = { ...record };
    delete old.templateVersion;
    const row = auditChild(old, daniel, context(old));
    expect(row.templateVersion).toBe(1);
    expect(row.indicators).toHaveLength(8);
  });
});
