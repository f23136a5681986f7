import { agencyLabel } from '../agencies/agency-label';
import { AGENCY_ALIASES, agencyKindLabel, type AgencyKind } from '../agencies/agency-kinds';
import { isUnborn } from '../decision/child-status';
import { departuresFor, dissentRecorded, weighingOf, WEIGHINGS_FIELD } from '../decision/departures';
import { isOutcome, OUTCOMES, recommendationLabel } from '../decision/outcomes';
import { childName, childrenOf, childValues, listItems, textOf } from '../record/access';
import type { ConferenceRecord, GroupItem } from '../record/conference';
import type { RuleFinding } from './finding';
import { AGENCY, DECISION, SECTION } from '../template/field-names';

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
    const outcome = decision[DECISION.outcome];
    if (!isOutcome(outcome)) continue;
    const name = childName(record, child.id);
    const ref = { section: SECTION.decision, childId: child.id };
    const likely = decision[DECISION.likelySignificantHarm];
    // An unborn baby is asked only the second limb (harm likely after birth).
    const limbs = isUnborn(record, child.id) ? [decision[DECISION.limbB]] : [decision[DECISION.limbA], decision[DECISION.limbB]];
    const facts = OUTCOMES[outcome];

    if (likely === 'yes' && limbs.every((limb) => limb === 'no')) {
      findings.push({
        rule: 'decision.test-inconsistent',
        severity: 'blocking',
        message:
          limbs.length === 1
            ? `${name}: the conference found significant harm likely after birth, but answered “no” to the professional judgement that it is. Check the answers.`
            : `${name}: the conference found significant harm likely, but answered “no” to both parts of the test. Check the answers.`,
        ref: { ...ref, field: DECISION.likelySignificantHarm },
      });
    }
    if (likely === 'no' && limbs.some((limb) => limb === 'yes')) {
      findings.push({
        rule: 'decision.test-inconsistent',
        severity: 'blocking',
        message: `${name}: a part of the significant-harm test is answered “yes”, but the conclusion is that harm is not likely. Check the answers.`,
        ref: { ...ref, field: DECISION.likelySignificantHarm },
      });
    }
    if (facts.plan && likely === 'no') {
      findings.push({
        rule: 'decision.plan-without-risk',
        severity: 'blocking',
        message: `${name}: a child protection plan needs the conference to find the child likely to suffer significant harm.`,
        ref: { ...ref, field: DECISION.outcome },
      });
    }
    if (!facts.plan && !facts.alternative && likely === 'yes') {
      findings.push({
        rule: 'decision.risk-without-safeguards',
        severity: 'blocking',
        message: `${name}: a child likely to suffer significant harm needs a child protection plan, or another multi-agency plan that gives sufficient safeguards — not “${facts.label}”.`,
        ref: { ...ref, field: DECISION.outcome },
      });
    }
    if (facts.endsPlan && likely === 'yes' && decision[DECISION.endReason] === 'no-longer-at-risk') {
      findings.push({
        rule: 'decision.end-reason-inconsistent',
        severity: 'blocking',
        message: `${name}: the plan is ending because the child is no longer at risk, but the conference found significant harm likely.`,
        ref: { ...ref, field: DECISION.endReason },
      });
    }
    findings.push(...departureFindings(record, child.id, textOf(decision[DECISION.rationale])));
  }
  return findings;
}

/** Fewer words than this, besides the agency's name, cannot say what a view was and why the decision differs. */
export const MIN_WEIGHING_WORDS = 5;

/**
 * Every agency whose recommendation differs from the outcome has its view weighed in the
 * chair's own words (a weighing beside the decision) or its dissent recorded. Naming the
 * agency in the rationale is not weighing it: the rationale's mention is only offered as a
 * hint of where the weighing might come from.
 */
function departureFindings(record: ConferenceRecord, childId: string, rationale: string): RuleFinding[] {
  const findings: RuleFinding[] = [];
  const name = childName(record, childId);
  for (const { agency, index, recommendation } of departuresFor(record, childId)) {
    if (dissentRecorded(record, agency.id, childId)) continue;
    const label = agencyLabel(agency, index);
    const weighing = weighingOf(record, agency.id, childId);
    const text = weighing?.text.trim() ?? '';
    if (weighing && text !== '') {
      if (wordsBesidesName(text, agency, index) >= MIN_WEIGHING_WORDS) continue;
      findings.push({
        rule: 'decision.weighing-too-thin',
        severity: 'blocking',
        message: `${name}: “${clip(text)}” does not show how ${label}’s view was weighed. Say in at least ${MIN_WEIGHING_WORDS} words, besides the agency’s name, what their view was and why the decision differs.`,
        ref: { section: SECTION.decision, childId, itemId: weighing.itemId, field: DECISION.weighing },
      });
      continue;
    }
    const mention = sentenceNaming(rationale, agency, index);
    findings.push({
      rule: 'decision.departure-not-weighed',
      severity: 'blocking',
      message:
        `${name}: ${label} recommended “${recommendationLabel(recommendation)}”, which differs from the decision. Record how their view was weighed, under “How each differing view was weighed”, or record their dissent.` +
        (mention ? ` The rationale mentions them (“${clip(mention)}”); naming an agency is not weighing its view.` : ''),
      ref: { section: SECTION.decision, field: WEIGHINGS_FIELD, childId },
    });
  }
  return findings;
}

function clip(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** The words of a weighing that are not the agency's own name or its everyday names. */
function wordsBesidesName(text: string, agency: GroupItem, index: number): number {
  let rest = normalise(text);
  for (const alias of namesOf(agency, index).sort((a, b) => b.length - a.length)) {
    rest = rest.replace(new RegExp(`(^|[^\\p{L}\\p{N}])${escape(normalise(alias))}(?=$|[^\\p{L}\\p{N}])`, 'gu'), '$1 ');
  }
  return rest.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/**
 * The first sentence of the rationale that names the agency: a hint, never the check. It runs
 * for every differing agency of every child whenever readiness is worked out, so on a long
 * rationale (60,000 characters) it must not split and re-read the text per agency: the whole
 * text is normalised once and tested with one pattern per agency, and only a rationale that
 * does name the agency is split into sentences to find which one.
 */
function sentenceNaming(rationale: string, agency: GroupItem, index: number): string | null {
  const pattern = namePattern(agency, index);
  if (!pattern.test(normalise(rationale))) return null;
  const sentences = rationale.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim() !== '');
  return sentences.find((sentence) => pattern.test(normalise(sentence))) ?? null;
}

function namesOf(agency: GroupItem, index: number): string[] {
  const kind = textOf(agency.values[AGENCY.agency]);
  const names = [agencyLabel(agency, index), agencyKindLabel(kind), ...(AGENCY_ALIASES[kind as AgencyKind] ?? [])];
  // The representative's name as written before any role: "DC Hannah Briggs, public protection".
  const representative = textOf(agency.values[AGENCY.representative]).split(/[,(]/)[0]?.trim();
  if (representative) names.push(representative);
  return names.filter((n) => n.trim() !== '');
}

/** Any of the agency's names, as a whole word or phrase (one pattern, so one pass over the text). */
function namePattern(agency: GroupItem, index: number): RegExp {
  const names = namesOf(agency, index).map((name) => escape(normalise(name)));
  return new RegExp(`(^|[^\\p{L}\\p{N}])(?:${names.join('|')})($|[^\\p{L}\\p{N}])`, 'u');
}

function rationaleNames(rationale: string, agency: GroupItem, index: number): boolean {
  return namePattern(agency, index).test(normalise(rationale));
}

/** The last few texts normalised: the same rationale is read for each agency and each rule. */
const normalised = new Map<string, string>();
const NORMALISED_KEPT = 16;

/** Case and apostrophe style must not decide whether an agency was engaged with. */
function normalise(text: string): string {
  const known = normalised.get(text);
  if (known !== undefined) return known;
  const result = text.toLocaleLowerCase('en-GB').replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\s+/g, ' ');
  // Short texts (names, sentences) are cheap to redo; only long ones are worth keeping.
  if (text.length >= 1_000) {
    if (normalised.size >= NORMALISED_KEPT) normalised.delete(normalised.keys().next().value ?? '');
    normalised.set(text, result);
  }
  return result;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Places that would lose their meaning if an agency were deleted: dissent entries and rationales naming it. */
export function citationsOfAgency(record: ConferenceRecord, agencyId: string): string[] {
  const agencies = listItems(record, SECTION.agencies);
  const index = agencies.findIndex((a) => a.id === agencyId);
  const agency = agencies[index];
  if (!agency) return [];
  const places: string[] = [];
  if (listItems(record, 'dissent').some((entry) => entry.values['agency'] === agencyId)) places.push('a dissent record');
  for (const child of childrenOf(record)) {
    if (weighingOf(record, agencyId, child.id)) places.push(`the weighing of their view for ${childName(record, child.id)}`);
    if (rationaleNames(textOf(childValues(record, SECTION.decision, child.id)[DECISION.rationale]), agency, index)) {
      places.push(`the rationale for ${childName(record, child.id)}`);
    }
  }
  return places;
}
