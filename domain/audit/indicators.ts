import { agencyLabel } from '../agencies/agency-label';
import { compareDates, formatUkDate, isValidIsoDate } from '../calendar/dates';
import { isUnborn } from '../decision/child-status';
import { departuresFor, dissentRecorded, weighingOf } from '../decision/departures';
import { CATEGORIES, isOutcome, NO_VIEW, OUTCOMES, outcomeLabel, recommendationAgrees, recommendationLabel } from '../decision/outcomes';
import { childName, childValues, isFilled, itemsOf, listItems, perChildOf, singleValues, stringsOf, textOf } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import { templateVersionOf } from '../record/template-version';
import { decisionFindings } from '../rules/decision-rules';
import type { RuleFinding } from '../rules/finding';
import { DEFAULT_LOCAL_SETTINGS, type LocalSettings } from '../rules/local-settings';
import { attendanceRecorded, checkQuorum, quorumFactsFromRecord } from '../rules/quorum';
import { checkTimescales, timescaleFactsFromRecord, type ConferenceFacts } from '../rules/timescales';
import { localRulesKey } from '../record/summary';
import { voiceFindings } from '../rules/voice-rules';
import { validateAgainstTemplate } from '../template/validate';
import type { ConferenceTemplate, FieldDef } from '../template/types';
import { AGENCY, DECISION, REASON, SECTION } from '../template/field-names';
import type { ChildFacts, ConferenceAuditFacts, RecordAuditFacts } from './facts';
import { conferenceDateOf } from './cohort';
import { NOT_RECORDED, type AuditRow, type DissentView, type Indicator, type RecommendationView } from './types';

/**
 * Each quality indicator for one child of the cohort, with one sentence saying why. The rules a
 * chair meets before signing (decision-rules, quorum, timescales, the template's required
 * fields) are called, never re-written here, so the audit and "Ready to sign?" always agree
 * on what a defensible non-plan decision needs. The record is read through the template it was
 * written under (the caller passes templateForRecord's answer).
 */

/** What the store knows about sign-off, which the record itself does not hold. */
export interface SignOffFacts {
  /** When the minutes were signed (version 1), or null if not signed. */
  signedAt: string | null;
  /** Every signed version verifies (signature, chain, history). */
  intact: boolean;
}

export interface AuditContext {
  template: ConferenceTemplate;
  settings?: LocalSettings;
  signOff: SignOffFacts;
  /** Today (yyyy-mm-dd): a deadline not yet passed is not a deadline missed. */
  today: string;
}

/** Everything in a row that comes from the record itself (came-back and judgements are added by the caller). */
export type ChildAudit = Omit<AuditRow, 'cameBack' | 'judgements' | 'judgementsMissing'>;

export function auditChild(record: ConferenceRecord, childId: string, context: AuditContext): ChildAudit {
  return auditChildren(record, [childId], context)[0]!;
}

/**
 * The cohort's rows for a record. Always in two steps — the facts read off the record
 * (recordAuditFacts, what the store keeps in its index at each save), then the rows worked out
 * from them under today's date and the council's current rules (auditFromFacts) — so a cohort
 * built from the index and one built by opening every record cannot come out differently.
 */
export function auditChildren(record: ConferenceRecord, childIds: readonly string[], context: AuditContext): ChildAudit[] {
  return auditFromFacts(recordAuditFacts(record, childIds, context.template), context);
}

/** Whole-record checks worked out once, then read for each child (a conference may have several). */
interface RecordChecks {
  decision: RuleFinding[];
  template: RuleFinding[];
}

/**
 * What the audit needs of a record, worked out once at save time. Nothing here depends on
 * today's date or on the council's local rules: the indicators that do (quorum, timescales,
 * minutes signed) are kept as the dates and answers they are worked out from, and decided by
 * auditFromFacts when the cohort is built.
 */
export function recordAuditFacts(record: ConferenceRecord, childIds: readonly string[], template: ConferenceTemplate, settings?: LocalSettings): RecordAuditFacts {
  // Most conferences have no child in the cohort: nothing is worked out or kept for them, so a
  // save costs no more and the index (decrypted whole at unlock) stays small.
  if (childIds.length === 0) return { children: [], conference: null };
  const checks: RecordChecks = {
    decision: decisionFindings(record),
    // Only the decision and plan sections hold the non-plan fields: validating just those (their
    // conditions still read the whole record) is a third of the cost of the whole template.
    // None of their conditions reads the local rules (only the meeting's late reason does), so
    // the answer is the same under every council's settings and can be kept.
    template: validateAgainstTemplate(
      { ...template, sections: template.sections.filter((section) => NON_PLAN_FIELDS.some((n) => n.section === section.id)) },
      record,
    ).findings,
  };
  const timescales = timescaleFactsFromRecord(record);
  return {
    children: childIds.map((childId) => childFacts(record, childId, template, checks)),
    conference: {
      attendanceRecorded: attendanceRecorded(record),
      quorum: quorumFactsFromRecord(record),
      timescales,
      lateReason: textOf(singleValues(record, SECTION.meeting)['lateReason']).trim(),
      distribution: listItems(record, SECTION.distribution).length,
      // Working days are the costly part of a cohort: worked out once here, under the rules of the save.
      ...(settings ? { decided: decideDeadlines(timescales, settings) } : {}),
    },
  };
}

/** The deadlines the timescale indicator reads, under the given rules. */
function decideDeadlines(facts: ConferenceFacts, settings: LocalSettings): NonNullable<ConferenceAuditFacts['decided']> {
  const { deadlines } = checkTimescales(facts, settings);
  return { rules: localRulesKey(settings), conferenceLate: deadlines.conference?.held?.late ?? null, minutesDue: deadlines.minutes?.due ?? null };
}

/** The rows from the facts, under the council's rules and today's date. */
export function auditFromFacts(facts: RecordAuditFacts, context: Omit<AuditContext, 'template'>): ChildAudit[] {
  return auditFromFactsUntil(facts, context).children;
}

/**
 * The rows from the facts, and the last day they stay as they are with no save (null: for ever).
 * Only the minutes' deadline passing changes a row with the date alone ("timescales" turns from
 * not recorded to not met the day after it): a kept copy of the cohort is used no longer.
 */
export function auditFromFactsUntil(facts: RecordAuditFacts, context: Omit<AuditContext, 'template'>): { children: ChildAudit[]; stableUntil: string | null } {
  const settings = context.settings ?? DEFAULT_LOCAL_SETTINGS;
  const { conference } = facts;
  if (conference === null) return { children: [], stableUntil: null };
  const deadlines = deadlinesOf(conference, settings);
  const quorum = quorumIndicator(conference, settings);
  const timescales = timescalesIndicator(conference, deadlines, context);
  const signed = minutesSigned(conference.distribution, context.signOff);
  return {
    children: facts.children.map(({ child, fixed }) => ({ ...child, indicators: [...fixed, quorum, timescales, signed] })),
    stableUntil: minutesPending(deadlines, context),
  };
}

function childFacts(record: ConferenceRecord, childId: string, template: ConferenceTemplate, checks: RecordChecks): ChildFacts {
  const decision = childValues(record, SECTION.decision, childId);
  const outcome = textOf(decision[DECISION.outcome]);
  const plan = childValues(record, SECTION.plan, childId);
  const child = listItems(record, SECTION.children).find((item) => item.id === childId);
  const findings = checks.decision.filter((finding) => finding.ref.childId === childId);
  const reason = singleValues(record, SECTION.reason);
  return {
    child: {
      conferenceId: record.id,
      childId,
      childName: childName(record, childId),
      caseNumber: textOf(child?.values['caseNumber']).trim(),
      conferenceDate: conferenceDateOf(record),
      conferenceType: record.type,
      templateVersion: templateVersionOf(record),
      chair: textOf(singleValues(record, SECTION.meeting)['chair']).trim(),
      primaryConcern: optionLabel(template, SECTION.reason, REASON.primaryConcern, textOf(reason[REASON.primaryConcern])) || NOT_RECORDED,
      concern: optionLabel(template, SECTION.reason, REASON.harmSource, textOf(reason[REASON.harmSource])),
      categories: stringsOf(decision['categories']).map((value) => CATEGORIES.find((c) => c.value === value)?.label ?? value),
      recommendations: recommendationsFor(record, childId, outcome),
      outcome,
      outcomeLabel: outcomeLabel(outcome),
      alternativePlan: {
        name: isOutcome(outcome) ? (OUTCOMES[outcome].planName ?? OUTCOMES[outcome].label) : '',
        lead: textOf(plan['lead']).trim(),
        reviewDate: textOf(plan['reviewDate']),
      },
      departsFromMajority: departsFromMajority(record, childId, outcome),
      dissent: dissentFor(record, childId),
    },
    fixed: [
      rationaleEngages(record, childId, findings),
      harmCoherent(decision[DECISION.likelySignificantHarm], findings),
      nonPlanFields(record, childId, template, checks.template),
      voiceRecorded(record, childId),
      dissentIndicator(record, childId),
    ],
  };
}

function recommendationsFor(record: ConferenceRecord, childId: string, outcome: string): RecommendationView[] {
  return listItems(record, SECTION.agencies).map((agency, index) => {
    const recommendation = textOf(perChildOf(agency.values[AGENCY.recommendations], childId)['recommendation']);
    const noView = recommendation === '' || recommendation === NO_VIEW;
    return {
      agency: agencyLabel(agency, index),
      recommendation: noView ? recommendationLabel(NO_VIEW) : recommendationLabel(recommendation) || recommendation,
      stance: noView ? 'no-view' : isOutcome(outcome) && recommendationAgrees(recommendation, outcome) ? 'agrees' : 'differs',
    };
  });
}

/** Shown, not judged: a chair may rightly decide against most agencies, and the audit says so plainly. */
export function departsFromMajority(record: ConferenceRecord, childId: string, outcome: string): AuditRow['departsFromMajority'] {
  const views = recommendationsFor(record, childId, outcome).filter((view) => view.stance !== 'no-view');
  const differing = views.filter((view) => view.stance === 'differs');
  if (views.length === 0) return { departs: false, explanation: 'No agency gave a recommendation for this child.' };
  const departs = differing.length * 2 > views.length;
  const who = differing.length > 0 ? ` (${differing.map((view) => `${view.agency}: ${view.recommendation}`).join('; ')})` : '';
  return {
    departs,
    explanation: departs
      ? `The decision departs from the majority: ${differing.length} of the ${views.length} agencies giving a view recommended otherwise${who}.`
      : `The decision agrees with the majority: ${differing.length} of the ${views.length} agencies giving a view recommended otherwise${who}.`,
  };
}

const list = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

function rationaleEngages(record: ConferenceRecord, childId: string, findings: readonly RuleFinding[]): Indicator {
  const id = 'rationale-engages';
  const departures = departuresFor(record, childId);
  if (departures.length === 0) {
    return { id, status: 'not-applicable', explanation: 'Every agency that gave a recommendation agreed with the outcome, so no differing view needed answering.' };
  }
  // The readiness rule decides whether a weighing is enough; a finding on a weighing names its item.
  const thin = new Set(findings.filter((f) => f.rule === 'decision.weighing-too-thin').map((f) => f.ref.itemId));
  const unanswered = departures.filter(({ agency }) => {
    if (dissentRecorded(record, agency.id, childId)) return false;
    const weighing = weighingOf(record, agency.id, childId);
    return weighing === null || weighing.text.trim() === '' || thin.has(weighing.itemId);
  });
  const names = departures.map(({ agency, index }) => agencyLabel(agency, index));
  if (unanswered.length === 0) {
    return {
      id,
      status: 'met',
      explanation: `Each agency that recommended otherwise (${list(names)}) has its view weighed in the chair’s words or its dissent recorded.`,
    };
  }
  return {
    id,
    status: 'not-met',
    explanation: `${list(unanswered.map(({ agency, index }) => agencyLabel(agency, index)))} recommended otherwise, and the record neither weighs that view in the chair’s words nor records their dissent.`,
  };
}

const HARM_RULES = new Set(['decision.test-inconsistent', 'decision.plan-without-risk', 'decision.risk-without-safeguards', 'decision.end-reason-inconsistent']);

function harmCoherent(likely: unknown, findings: readonly RuleFinding[]): Indicator {
  const id = 'harm-coherent';
  const problem = findings.find((finding) => HARM_RULES.has(finding.rule));
  if (problem) return { id, status: 'not-met', explanation: problem.message };
  if (likely === 'yes') {
    return { id, status: 'met', explanation: 'Found likely to suffer significant harm, and given another multi-agency plan, which the rationale must show gives sufficient safeguards.' };
  }
  if (likely === 'no') {
    return { id, status: 'met', explanation: 'Not found likely to suffer significant harm, which agrees with an outcome other than a child protection plan.' };
  }
  return { id, status: 'not-recorded', explanation: 'The finding on whether the child is likely to suffer significant harm is not recorded.' };
}

/** The fields a non-plan outcome must carry, where the template asks for them for this child. */
const NON_PLAN_FIELDS: readonly { section: string; field: string; label: string }[] = [
  { section: SECTION.decision, field: 'sufficientSafeguards', label: 'why the alternative gives sufficient safeguards' },
  { section: SECTION.plan, field: 'lead', label: 'the plan’s lead' },
  { section: SECTION.plan, field: 'reviewDate', label: 'its review date' },
  { section: SECTION.decision, field: 'reReferralTriggers', label: 'what would lead to a re-referral' },
];

/** A choice as the record's own template labelled it; the stored value when the template has no label for it. */
function optionLabel(template: ConferenceTemplate, section: string, field: string, value: string): string {
  if (value === '') return '';
  const def = template.sections.find((s) => s.id === section)?.fields.find((f: FieldDef) => f.id === field);
  return def?.options?.find((option) => option.value === value)?.label ?? value;
}

function templateHasField(template: ConferenceTemplate, section: string, field: string): boolean {
  const def = template.sections.find((s) => s.id === section);
  return def?.fields.some((f: FieldDef) => f.id === field) ?? false;
}

function nonPlanFields(record: ConferenceRecord, childId: string, template: ConferenceTemplate, templateFindings: readonly RuleFinding[]): Indicator {
  const id = 'non-plan-fields';
  // The template's own required-field check, as the chair's "Ready to sign?" runs it.
  const missing = templateFindings.filter(
    (f) => f.rule === 'template.required' && f.ref.childId === childId && NON_PLAN_FIELDS.some((n) => n.section === f.ref.section && n.field === f.ref.field),
  );
  const asked = NON_PLAN_FIELDS.filter((n) => templateHasField(template, n.section, n.field));
  const missingLabels = asked.filter((n) => missing.some((f) => f.ref.section === n.section && f.ref.field === n.field)).map((n) => n.label);
  const recorded = asked.filter((n) => isFilled(childValues(record, n.section, childId)[n.field])).map((n) => n.label);
  if (missingLabels.length > 0) {
    return { id, status: 'not-met', explanation: `Missing for this outcome: ${list(missingLabels)}.${recorded.length > 0 ? ` Recorded: ${list(recorded)}.` : ''}` };
  }
  return {
    id,
    status: 'met',
    explanation: recorded.length > 0 ? `Recorded: ${list(recorded)}; nothing this outcome needs is missing.` : 'This outcome (with no harm found likely) asks for none of these, and none is missing.',
  };
}

function voiceRecorded(record: ConferenceRecord, childId: string): Indicator {
  const id = 'voice';
  if (isUnborn(record, childId)) {
    return { id, status: 'not-applicable', explanation: 'An unborn baby has no voice of their own to record.' };
  }
  const voice = childValues(record, SECTION.voice, childId);
  const visits = itemsOf(voice['visits']);
  const seenRule = voiceFindings(record).some((finding) => finding.ref.childId === childId);
  const alone = visits.some((visit) => visit.values['seenAlone'] === true);
  const words = isFilled(voice['ownWords']) ? 'own words' : isFilled(voice['observations']) ? 'observations' : null;
  const informed = isFilled(voice['informedDecision']);
  const seen = visits.length > 0 ? `Seen ${visits.length === 1 ? 'once' : `${visits.length} times`} (${alone ? 'seen alone' : 'never alone'})` : isFilled(voice['notSeenReason']) ? 'Not seen, with the reason recorded' : 'Not recorded as seen';
  const parts = [seen, words ? `${words} recorded` : 'no own words or observations', informed ? 'how the views informed the decision recorded' : 'not how the views informed the decision'];
  const met = !seenRule && (words !== null || isFilled(voice['notSeenReason'])) && informed;
  return { id, status: met ? 'met' : 'not-met', explanation: `${parts.join('; ')}.` };
}

const ESCALATION_LABELS: Record<DissentView['escalation'], string> = {
  'will-escalate': 'will escalate through the professional resolution process',
  'not-escalating': 'does not wish to escalate',
  'not-recorded': 'escalation not recorded',
};

export function dissentFor(record: ConferenceRecord, childId: string): DissentView[] {
  const agencies = listItems(record, SECTION.agencies);
  return listItems(record, SECTION.dissent)
    .filter((entry) => stringsOf(entry.values['children']).includes(childId))
    .map((entry) => {
      const index = agencies.findIndex((agency) => agency.id === entry.values['agency']);
      const agency = index >= 0 ? agencyLabel(agencies[index]!, index) : 'An agency no longer listed';
      const value = textOf(entry.values['escalation']);
      const escalation = value === 'will-escalate' || value === 'not-escalating' ? value : 'not-recorded';
      return { agency, escalation, label: `${agency} dissents; ${ESCALATION_LABELS[escalation]}` };
    });
}

function dissentIndicator(record: ConferenceRecord, childId: string): Indicator {
  const id = 'dissent';
  const entries = listItems(record, SECTION.dissent).filter((entry) => stringsOf(entry.values['children']).includes(childId));
  if (entries.length === 0) return { id, status: 'not-applicable', explanation: 'No agency’s dissent is recorded for this child.' };
  const views = dissentFor(record, childId);
  const incomplete = entries.some((entry, index) => {
    const escalation = views[index]?.escalation;
    return !isFilled(entry.values['reasons']) || escalation === 'not-recorded' || (escalation === 'will-escalate' && !isFilled(entry.values['escalationDetail']));
  });
  const said = views.map((view) => view.label).join('; ');
  return incomplete
    ? { id, status: 'not-met', explanation: `${said}; the reasons or how it will escalate are not fully recorded.` }
    : { id, status: 'met', explanation: `${said}; reasons recorded.` };
}

function quorumIndicator(conference: ConferenceAuditFacts, settings: LocalSettings): Indicator {
  const id = 'quorum';
  if (!conference.attendanceRecorded) return { id, status: 'not-recorded', explanation: 'Attendance is not recorded for every agency, so the quorum cannot be judged.' };
  const facts = conference.quorum;
  const result = checkQuorum(facts, settings.quorum);
  if (result.quorate) return { id, status: 'met', explanation: result.explanation };
  if (facts.inquorateReason?.trim()) return { id, status: 'met', explanation: `${result.explanation} The reason for going ahead is recorded.` };
  return { id, status: 'not-met', explanation: `${result.explanation} No reason for going ahead is recorded.` };
}

type Deadlines = NonNullable<ConferenceAuditFacts['decided']>;

/** The deadlines as worked out at the save under the same rules, or again now that the rules have changed. */
function deadlinesOf(conference: ConferenceAuditFacts, settings: LocalSettings): Deadlines {
  const kept = conference.decided;
  return kept !== undefined && kept.rules === localRulesKey(settings) ? kept : decideDeadlines(conference.timescales, settings);
}

/** The minutes' deadline while it is still to come and the minutes unsigned (see auditFromFactsUntil); null otherwise. */
function minutesPending({ minutesDue }: Deadlines, { signOff, today }: Pick<AuditContext, 'signOff' | 'today'>): string | null {
  const signed = signOff.signedAt?.slice(0, 10) ?? null;
  if (signed !== null && isValidIsoDate(signed)) return null;
  if (minutesDue === null || !isValidIsoDate(today) || compareDates(today, minutesDue) > 0) return null;
  return minutesDue;
}

function timescalesIndicator(conference: ConferenceAuditFacts, { conferenceLate, minutesDue }: Deadlines, context: Pick<AuditContext, 'signOff' | 'today'>): Indicator {
  const id = 'timescales';
  const parts: string[] = [];
  let late = false;
  let unknown = false;
  if (conferenceLate !== null) {
    late ||= conferenceLate;
    const reason = conference.lateReason;
    parts.push(conferenceLate ? `Conference late${reason ? ' (reason recorded)' : ' with no reason recorded'}` : 'Conference on time');
  } else {
    unknown = true;
    parts.push('conference timescale cannot be worked out (a start date is missing)');
  }
  const minutes = minutesDue === null ? null : { due: minutesDue };
  const signed = context.signOff.signedAt?.slice(0, 10) ?? null;
  if (minutes && signed && isValidIsoDate(signed)) {
    const inTime = compareDates(signed, minutes.due) <= 0;
    late ||= !inTime;
    parts.push(`minutes signed ${formatUkDate(signed)}, ${inTime ? 'within' : 'after'} their deadline of ${formatUkDate(minutes.due)}`);
  } else if (minutes && isValidIsoDate(context.today) && compareDates(context.today, minutes.due) > 0) {
    late = true;
    parts.push(`minutes not signed, and their deadline of ${formatUkDate(minutes.due)} has passed`);
  } else {
    unknown = true;
    parts.push(minutes ? `minutes due by ${formatUkDate(minutes.due)}, not signed yet` : 'minutes deadline unknown');
  }
  // The record holds no date for these; saying "met" would be invented.
  parts.push('decision letter and accuracy comments: not recorded');
  const explanation = `${parts.join('; ')}.`.replace(/^./, (c) => c.toUpperCase());
  return { id, status: late ? 'not-met' : unknown ? 'not-recorded' : 'met', explanation };
}

function minutesSigned(recipients: number, signOff: SignOffFacts): Indicator {
  const id = 'minutes-signed';
  const circulated = recipients > 0 ? `a distribution list of ${recipients} recorded` : 'no distribution list recorded';
  if (signOff.signedAt === null) return { id, status: 'not-met', explanation: `Minutes not signed; ${circulated}.` };
  if (!signOff.intact) return { id, status: 'not-met', explanation: 'The minutes were signed, but the signed versions no longer verify: report this to your information governance lead.' };
  const on = isValidIsoDate(signOff.signedAt.slice(0, 10)) ? ` on ${formatUkDate(signOff.signedAt.slice(0, 10))}` : '';
  return { id, status: recipients > 0 ? 'met' : 'not-met', explanation: `Minutes signed${on}; ${circulated}.` };
}
