import { addMonths, compareDates, formatUkDate, isValidIsoDate } from '../calendar/dates';
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

function matchBy(subject: Appearance, other: Appearance): CameBackMatch['by'] | null {
  const a = normaliseCaseNumber(subject.caseNumber);
  const b = normaliseCaseNumber(other.caseNumber);
  if (a !== '' && b !== '') return a === b ? 'case-number' : null;
  const sameName = normaliseName(subject.name) !== '' && normaliseName(subject.name) === normaliseName(other.name);
  const sameBirth = isValidIsoDate(subject.dateOfBirth) && subject.dateOfBirth === other.dateOfBirth;
  return sameName && sameBirth ? 'name-and-date-of-birth' : null;
}

/**
 * Later appearances by an index built once per cohort: by case number and by name, so that
 * each child looks at a handful of candidates rather than every child in the store.
 */
export class CameBackIndex {
  readonly #byCase = new Map<string, Appearance[]>();
  readonly #byName = new Map<string, Appearance[]>();

  constructor(appearances: readonly Appearance[]) {
    for (const appearance of appearances) {
      if (whyBack(appearance) === null) continue;
      const caseKey = normaliseCaseNumber(appearance.caseNumber);
      if (caseKey !== '') push(this.#byCase, caseKey, appearance);
      const nameKey = normaliseName(appearance.name);
      if (nameKey !== '') push(this.#byName, nameKey, appearance);
    }
  }

  cameBack(subject: Appearance): CameBack {
    const until = addMonths(subject.date, CAME_BACK_MONTHS);
    const candidates = new Set([
      ...(this.#byCase.get(normaliseCaseNumber(subject.caseNumber)) ?? []),
      ...(this.#byName.get(normaliseName(subject.name)) ?? []),
    ]);
    const matches: CameBackMatch[] = [];
    for (const other of candidates) {
      if (other.conferenceId === subject.conferenceId) continue;
      // After the conference, and no later than the same date a year on (12 months + 1 day is not within).
      if (compareDates(other.date, subject.date) <= 0 || compareDates(other.date, until) > 0) continue;
      const by = matchBy(subject, other);
      const reason = whyBack(other);
      if (by === null || reason === null) continue;
      matches.push({ conferenceId: other.conferenceId, childId: other.childId, date: other.date, reason, by });
    }
    matches.sort((a, b) => compareDates(a.date, b.date));
    return describe(subject, matches);
  }
}

function push(map: Map<string, Appearance[]>, key: string, value: Appearance): void {
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
