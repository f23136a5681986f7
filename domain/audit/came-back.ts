import { addMonths, formatUkDate, isValidIsoDate } from '../calendar/dates';
import { isOutcome, isPlanOutcome } from '../decision/outcomes';
import { INITIAL_TYPES, REVIEW_TYPES, type ConferenceType } from '../record/conference';
import type { AuditSummary } from './cohort';
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

export function appearancesFrom(summaries: readonly AuditSummary[]): Appearance[] {
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
}

/**
 * How many returns of each kind (by case number; by name and date of birth) a child's row
 * keeps: the earliest, which the explanation names, and a few after it. A child with a common
 * name can have dozens of namesakes born the same day in a large council's ten years; listing
 * them all would tell the manager nothing more, and cost a scan of every one.
 */
export const MATCHES_KEPT = 5;

/** The key for matching by name and date of birth, or '' when either is missing. */
function nameBirthKey(name: string, dateOfBirth: string, names: Map<string, string>): string {
  // Names repeat across a child's conferences: each distinct spelling is normalised once.
  let nameKey = names.get(name);
  if (nameKey === undefined) names.set(name, (nameKey = normaliseName(name)));
  return nameKey !== '' && isValidIsoDate(dateOfBirth) ? `${nameKey}|${dateOfBirth}` : '';
}

/**
 * Later appearances by an index built once per cohort, each list in date order so a child's
 * twelve months are found by binary search: by case number; by name and date of birth; and by
 * name and date of birth among those with no case number (two case numbers that differ are two
 * children, so a child who has one may only be a possible match for a record without one).
 * Every appearance in a list a child looks at is then a match, so each child reads only the
 * few it keeps — not every child in the store, nor every namesake.
 */
export class CameBackIndex {
  readonly #byCase = new Map<string, Candidate[]>();
  readonly #byNameAndBirth = new Map<string, Candidate[]>();
  readonly #byNameAndBirthWithoutCase = new Map<string, Candidate[]>();
  readonly #names = new Map<string, string>();
  /** Case numbers repeat across a child's conferences too: each distinct spelling normalised once. */
  readonly #cases = new Map<string, string>();

  constructor(appearances: readonly Appearance[]) {
    for (const appearance of appearances) {
      const reason = whyBack(appearance);
      // Only real calendar dates take part: yyyy-mm-dd strings then sort and compare as dates.
      if (reason === null || !isValidIsoDate(appearance.date)) continue;
      const candidate: Candidate = { appearance, reason };
      const caseKey = this.#caseKey(appearance.caseNumber);
      if (caseKey !== '') push(this.#byCase, caseKey, candidate);
      const nameKey = nameBirthKey(appearance.name, appearance.dateOfBirth, this.#names);
      if (nameKey !== '') push(this.#byNameAndBirth, nameKey, candidate);
      if (nameKey !== '' && caseKey === '') push(this.#byNameAndBirthWithoutCase, nameKey, candidate);
    }
    for (const index of [this.#byCase, this.#byNameAndBirth, this.#byNameAndBirthWithoutCase]) {
      for (const list of index.values()) list.sort((a, b) => (a.appearance.date < b.appearance.date ? -1 : a.appearance.date > b.appearance.date ? 1 : 0));
    }
  }

  cameBack(subject: Appearance): CameBack {
    const caseKey = this.#caseKey(subject.caseNumber);
    if (!isValidIsoDate(subject.date)) return describe(subject, caseKey, '', []);
    // Worked out once per child (a cohort asks for thousands): the end of the twelve months.
    const until = addMonths(subject.date, CAME_BACK_MONTHS);
    const nameKey = nameBirthKey(subject.name, subject.dateOfBirth, this.#names);
    const certain = caseKey === '' ? undefined : this.#byCase.get(caseKey);
    const possible = nameKey === '' ? undefined : (caseKey === '' ? this.#byNameAndBirth : this.#byNameAndBirthWithoutCase).get(nameKey);
    const matches = earliestWithin(subject, until, certain, 'case-number');
    if (possible !== undefined) {
      matches.push(...earliestWithin(subject, until, possible, 'name-and-date-of-birth'));
      matches.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    }
    return describe(subject, caseKey, until, matches);
  }

  #caseKey(caseNumber: string): string {
    let key = this.#cases.get(caseNumber);
    if (key === undefined) this.#cases.set(caseNumber, (key = normaliseCaseNumber(caseNumber)));
    return key;
  }
}

/** The first MATCHES_KEPT of a list after the subject's conference and no later than the same date a year on (12 months + 1 day is not within). */
function earliestWithin(subject: Appearance, until: string, list: readonly Candidate[] | undefined, by: CameBackMatch['by']): CameBackMatch[] {
  const found: CameBackMatch[] = [];
  if (list === undefined) return found;
  for (let i = firstAfter(list, subject.date); i < list.length && found.length < MATCHES_KEPT; i += 1) {
    const { appearance: other, reason } = list[i]!;
    if (other.date > until) break;
    if (other.conferenceId === subject.conferenceId) continue;
    found.push({ conferenceId: other.conferenceId, childId: other.childId, date: other.date, reason, by });
  }
  return found;
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

/** `caseKey` is the subject's case number normalised; `until` the end of its twelve months ('' when its date is not a date). */
function describe(subject: Appearance, caseKey: string, until: string, matches: CameBackMatch[]): CameBack {
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
      explanation: `Possible match for you to confirm: a child of the same name and date of birth was ${possible.reason === 'plan' ? 'on a child protection plan' : 'at a new initial conference'} on ${formatUkDate(possible.date)}; ${caseKey === '' ? 'this record has no case number' : 'that record has no case number'}.`,
    };
  }
  return {
    status: 'not-back',
    matches,
    explanation:
      until === ''
        ? `Not checked: this conference’s date is not a calendar date, so the ${CAME_BACK_MONTHS} months after it cannot be counted.`
        : caseKey === '' && !isValidIsoDate(subject.dateOfBirth)
        ? `Not found again within ${CAME_BACK_MONTHS} months, but this record has neither a case number nor a date of birth to match by.`
        : `Not found at a new initial conference or on a plan within ${CAME_BACK_MONTHS} months (to ${formatUkDate(until)}).`,
  };
}
