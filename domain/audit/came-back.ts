import { addMonths, formatUkDate, isValidIsoDate } from '../calendar/dates';
import { isOutcome, isPlanOutcome } from '../decision/outcomes';
import { INITIAL_TYPES, REVIEW_TYPES, type ConferenceType } from '../record/conference';
import type { ConferenceSummary } from '../record/summary';
import type { CameBack, CameBackMatch } from './types';

/**
 * "Came back": the same child at a new initial conference, or on a child protection plan,
 * within 12 months of the conference that gave them no plan. The council's case number is the
 * match; where either conference lacks one, the same name and date of birth is offered as a
 * "possible match" for the manager to confirm — never as a certainty, because two children can
 * share both. Two different case numbers are two children, whatever the names say.
 */

export const CAME_BACK_MONTHS = 12;

/** One child at one conference, as the index holds it. */
export interface Appearance {
  conferenceId: string;
  childId: string;
  type: ConferenceType;
  date: string;
  name: string;
  caseNumber: string;
  dateOfBirth: string;
  outcome: string | null;
  planStatus: string;
}

export function appearancesFrom(summaries: readonly ConferenceSummary[]): Appearance[] {
  const all: Appearance[] = [];
  for (const summary of summaries) {
    if (summary.conferenceDate === null) continue;
    for (const child of summary.children) {
      all.push({
        conferenceId: summary.id,
        childId: child.id,
        type: summary.type,
        date: summary.conferenceDate,
        name: child.name,
        caseNumber: child.caseNumber ?? '',
        dateOfBirth: child.dateOfBirth ?? '',
        outcome: child.outcome,
        planStatus: child.planStatus ?? '',
      });
    }
  }
  return all;
}

/** Case numbers are compared without case, spaces or dashes ("ns-204 417" is "NS204417"). */
export function normaliseCaseNumber(value: string): string {
  return value.toUpperCase().replace(/[\s\-–/]+/g, '');
}

/** Names are compared without case, accents, punctuation or extra spaces. */
export function normaliseName(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en-GB')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function whyBack(appearance: Appearance): CameBackMatch['reason'] | null {
  if ((INITIAL_TYPES as readonly ConferenceType[]).includes(appearance.type)) return 'initial-conference';
  if (isOutcome(appearance.outcome) && isPlanOutcome(appearance.outcome)) return 'plan';
  // A review with the child already on a plan (recorded as such) means a plan was made in between.
  if ((REVIEW_TYPES as readonly ConferenceType[]).includes(appearance.type) && appearance.planStatus === 'on-plan') return 'plan';
  return null;
}

/** An appearance that can be a return, with what matching compares worked out once. */
interface Candidate {
  appearance: Appearance;
  reason: CameBackMatch['reason'];
  caseKey: string;
  nameKey: string;
}

/** The subject's side of a match, worked out once per child. */
interface Subject {
  appearance: Appearance;
  caseKey: string;
  nameKey: string;
  hasBirthDate: boolean;
}

function matchBy(subject: Subject, other: Candidate): CameBackMatch['by'] | null {
  if (subject.caseKey !== '' && other.caseKey !== '') return subject.caseKey === other.caseKey ? 'case-number' : null;
  const sameName = subject.nameKey !== '' && subject.nameKey === other.nameKey;
  const sameBirth = subject.hasBirthDate && subject.appearance.dateOfBirth === other.appearance.dateOfBirth;
  return sameName && sameBirth ? 'name-and-date-of-birth' : null;
}

/**
 * Later appearances by an index built once per cohort: by case number and by name, each list
 * in date order, so that each child looks only at the appearances of the same key inside its
 * twelve months (found by binary search) — not at every child in the store, nor at every
 * conference a common name has had in ten years.
 */
export class CameBackIndex {
  readonly #byCase = new Map<string, Candidate[]>();
  readonly #byName = new Map<string, Candidate[]>();

  constructor(appearances: readonly Appearance[]) {
    for (const appearance of appearances) {
      const reason = whyBack(appearance);
      // Only real calendar dates take part: yyyy-mm-dd strings then sort and compare as dates.
      if (reason === null || !isValidIsoDate(appearance.date)) continue;
      const candidate: Candidate = { appearance, reason, caseKey: normaliseCaseNumber(appearance.caseNumber), nameKey: normaliseName(appearance.name) };
      if (candidate.caseKey !== '') push(this.#byCase, candidate.caseKey, candidate);
      if (candidate.nameKey !== '') push(this.#byName, candidate.nameKey, candidate);
    }
    for (const list of [...this.#byCase.values(), ...this.#byName.values()]) list.sort((a, b) => (a.appearance.date < b.appearance.date ? -1 : a.appearance.date > b.appearance.date ? 1 : 0));
  }

  cameBack(appearance: Appearance): CameBack {
    const subject: Subject = {
      appearance,
      caseKey: normaliseCaseNumber(appearance.caseNumber),
      nameKey: normaliseName(appearance.name),
      hasBirthDate: isValidIsoDate(appearance.dateOfBirth),
    };
    if (!isValidIsoDate(appearance.date)) return describe(appearance, []);
    // After the conference, and no later than the same date a year on (12 months + 1 day is not within).
    const until = addMonths(appearance.date, CAME_BACK_MONTHS);
    const seen = new Set<Candidate>();
    const matches: CameBackMatch[] = [];
    for (const list of [this.#byCase.get(subject.caseKey), this.#byName.get(subject.nameKey)]) {
      if (list === undefined) continue;
      for (let i = firstAfter(list, appearance.date); i < list.length && list[i]!.appearance.date <= until; i += 1) {
        const other = list[i]!;
        if (seen.has(other) || other.appearance.conferenceId === appearance.conferenceId) continue;
        seen.add(other);
        const by = matchBy(subject, other);
        if (by === null) continue;
        matches.push({ conferenceId: other.appearance.conferenceId, childId: other.appearance.childId, date: other.appearance.date, reason: other.reason, by });
      }
    }
    matches.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return describe(appearance, matches);
  }
}

/** The index of the first appearance dated after `date` in a list in date order. */
function firstAfter(list: readonly Candidate[], date: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.appearance.date <= date) low = middle + 1;
    else high = middle;
  }
  return low;
}

function push(map: Map<string, Candidate[]>, key: string, value: Candidate): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function describe(subject: Appearance, matches: CameBackMatch[]): CameBack {
  const certain = matches.find((match) => match.by === 'case-number');
  if (certain) {
    return {
      status: 'came-back',
      matches,
      explanation: `Came back within ${CAME_BACK_MONTHS} months: ${certain.reason === 'plan' ? 'on a child protection plan' : 'at a new initial conference'} on ${formatUkDate(certain.date)}, matched by case number.`,
    };
  }
  const possible = matches[0];
  if (possible) {
    return {
      status: 'possible-match',
      matches,
      explanation: `Possible match for you to confirm: a child of the same name and date of birth was ${possible.reason === 'plan' ? 'on a child protection plan' : 'at a new initial conference'} on ${formatUkDate(possible.date)}; ${normaliseCaseNumber(subject.caseNumber) === '' ? 'this record has no case number' : 'that record has no case number'}.`,
    };
  }
  return {
    status: 'not-back',
    matches,
    explanation:
      normaliseCaseNumber(subject.caseNumber) === '' && !isValidIsoDate(subject.dateOfBirth)
        ? `Not found again within ${CAME_BACK_MONTHS} months, but this record has neither a case number nor a date of birth to match by.`
        : `Not found at a new initial conference or on a plan within ${CAME_BACK_MONTHS} months (to ${formatUkDate(addMonths(subject.date, CAME_BACK_MONTHS))}).`,
  };
}
