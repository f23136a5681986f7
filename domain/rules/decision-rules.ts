import { agencyLabel } from '../agencies/agency-label';
import { AGENCY_ALIASES, agencyKindLabel, type AgencyKind } from '../agencies/agency-kinds';
import { isUnborn } from '../decision/child-status';
import { isOutcome, OUTCOMES, recommendationAgrees, recommendationLabel, type Outcome } from '../decision/outcomes';
import { childName, childrenOf, childValues, listItems, perChildOf, stringsOf, textOf } from '../record/access';
import type { ConferenceRecord, GroupItem } from '../record/conference';
import type { RuleFinding } from './finding';

/**
 * The rules that make a decision defensible, beyond "the field is filled": the answer to the
 * significant-harm test agrees with the outcome; a child at risk without a plan has an
 * alternative multi-agency plan; and every agency whose recommendation differs from the
 * outcome is either engaged with in the rationale or has its dissent recorded.
 */
export function decisionFindings(record: ConferenceRecord): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const child of childrenOf(record)) {
    const decision = childValues(record, 'decision', child.id);
    const outcome = decision['outcome'];
    if (!isOutcome(outcome)) continue;
    const name = childName(record, child.id);
    const ref = { section: 'decision', childId: child.id };
    const likely = decision['likelySignificantHarm'];
    // An unborn baby is asked only the second limb (harm likely after birth).
    const limbs = isUnborn(record, child.id) ? [decision['limbB']] : [decision['limbA'], decision['limbB']];
    const facts = OUTCOMES[outcome];

    if (likely === 'yes' && limbs.every((limb) => limb === 'no')) {
      findings.push({
        rule: 'decision.test-inconsistent',
        severity: 'blocking',
        message:
          limbs.length === 1
            ? `${name}: the conference found significant harm likely after birth, but answered “no” to the professional judgement that it is. Check the answers.`
            : `${name}: the conference found significant harm likely, but answered “no” to both parts of the test. Check the answers.`,
        ref: { ...ref, field: 'likelySignificantHarm' },
      });
    }
    if (likely === 'no' && limbs.some((limb) => limb === 'yes')) {
      findings.push({
        rule: 'decision.test-inconsistent',
        severity: 'blocking',
        message: `${name}: a part of the significant-harm test is answered “yes”, but the conclusion is that harm is not likely. Check the answers.`,
        ref: { ...ref, field: 'likelySignificantHarm' },
      });
    }
    if (facts.plan && likely === 'no') {
      findings.push({
        rule: 'decision.plan-without-risk',
        severity: 'blocking',
        message: `${name}: a child protection plan needs the conference to find the child likely to suffer significant harm.`,
        ref: { ...ref, field: 'outcome' },
      });
    }
    if (!facts.plan && !facts.alternative && likely === 'yes') {
      findings.push({
        rule: 'decision.risk-without-safeguards',
        severity: 'blocking',
        message: `${name}: a child likely to suffer significant harm needs a child protection plan, or another multi-agency plan that gives sufficient safeguards — not “${facts.label}”.`,
        ref: { ...ref, field: 'outcome' },
      });
    }
    if (facts.endsPlan && likely === 'yes' && decision['endReason'] === 'no-longer-at-risk') {
      findings.push({
        rule: 'decision.end-reason-inconsistent',
        severity: 'blocking',
        message: `${name}: the plan is ending because the child is no longer at risk, but the conference found significant harm likely.`,
        ref: { ...ref, field: 'endReason' },
      });
    }
    findings.push(...departureFindings(record, child.id, outcome, textOf(decision['rationale'])));
  }
  return findings;
}

/** An agency is engaged with when the rationale names it (or its representative) or its dissent is recorded. */
function departureFindings(record: ConferenceRecord, childId: string, outcome: Outcome, rationale: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const dissent = listItems(record, 'dissent');
  listItems(record, 'agencies').forEach((agency, index) => {
    const recommendation = textOf(perChildOf(agency.values['recommendations'], childId)['recommendation']);
    if (recommendationAgrees(recommendation, outcome)) return;
    const dissentRecorded = dissent.some(
      (entry) => entry.values['agency'] === agency.id && stringsOf(entry.values['children']).includes(childId),
    );
    if (dissentRecorded || rationaleNames(rationale, agency, index)) return;
    findings.push({
      rule: 'decision.departure-not-engaged',
      severity: 'blocking',
      message: `${childName(record, childId)}: ${agencyLabel(agency, index)} recommended “${recommendationLabel(recommendation)}”, which differs from the decision. Say in the rationale how their view was weighed, or record their dissent.`,
      ref: { section: 'decision', field: 'rationale', childId },
    });
  });
  return findings;
}

function rationaleNames(rationale: string, agency: GroupItem, index: number): boolean {
  const text = normalise(rationale);
  const kind = textOf(agency.values['agency']);
  const names = [agencyLabel(agency, index), agencyKindLabel(kind), ...(AGENCY_ALIASES[kind as AgencyKind] ?? [])];
  // The representative's name as written before any role: "DC Hannah Briggs, public protection".
  const representative = textOf(agency.values['representative']).split(/[,(]/)[0]?.trim();
  if (representative) names.push(representative);
  return names.some((name) => name.trim() !== '' && new RegExp(`(^|[^\\p{L}\\p{N}])${escape(normalise(name))}($|[^\\p{L}\\p{N}])`, 'u').test(text));
}

/** Case and apostrophe style must not decide whether an agency was engaged with. */
function normalise(text: string): string {
  return text.toLocaleLowerCase('en-GB').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Places that would lose their meaning if an agency were deleted: dissent entries and rationales naming it. */
export function citationsOfAgency(record: ConferenceRecord, agencyId: string): string[] {
  const agencies = listItems(record, 'agencies');
  const index = agencies.findIndex((a) => a.id === agencyId);
  const agency = agencies[index];
  if (!agency) return [];
  const places: string[] = [];
  if (listItems(record, 'dissent').some((entry) => entry.values['agency'] === agencyId)) places.push('a dissent record');
  for (const child of childrenOf(record)) {
    if (rationaleNames(textOf(childValues(record, 'decision', child.id)['rationale']), agency, index)) {
      places.push(`the rationale for ${childName(record, child.id)}`);
    }
  }
  return places;
}
