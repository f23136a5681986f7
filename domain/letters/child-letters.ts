import { ageAtConference, isUnborn } from '../decision/child-status';
import { childName, childrenOf, childValues, textOf } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import { SECTION } from '../template/field-names';
import type { Condition } from '../template/types';

/**
 * The chair's letter to each child old enough to read one. The letter is the chair's own
 * words, typed in the app (never generated): the export adds only the child's name, the
 * chair's name and the date around them.
 */

/** The per-child answer in the voice section that holds the letter. */
export const CHILD_LETTER_FIELD = 'letterToChild';
export const CHILD_LETTER_SECTION = SECTION.voice;

/**
 * Five and over on the conference date. Working Together asks that the decision be explained
 * to every child in a way they can understand; by five most children are at school and can be
 * read a short letter, or read one with an adult they trust, and it is the age from which
 * Three Houses and similar direct work is normally used. Younger children, and unborn babies,
 * have the decision explained by the people around them, so no letter is offered. When the
 * date of birth (or the conference date) is not recorded yet the age is unknown and the field
 * is shown: the chair knows the child, and a hidden field would hide a letter already written.
 */
export const LETTER_MIN_AGE = 5;

/** The template condition for the letter field, the same rule as `isOldEnoughForLetter`. */
export const OLD_ENOUGH_FOR_LETTER: Condition = { all: [{ childStatus: 'born' }, { not: { childAgeUnder: LETTER_MIN_AGE } }] };

export function isOldEnoughForLetter(record: ConferenceRecord, childId: string): boolean {
  if (isUnborn(record, childId)) return false;
  const age = ageAtConference(record, childId);
  return age === null || age >= LETTER_MIN_AGE;
}

export interface ChildLetter {
  childId: string;
  /** The child's name as recorded, e.g. 'Jayden Whitfield'. */
  childName: string;
  /** The first word of it, for the file name and the greeting line: 'Jayden'. */
  firstName: string;
  /** The chair's text, exactly as typed. */
  text: string;
  /** Who the file name says it is for: the first name, or the full name when another child shares it. */
  recipient: string;
}

/** The child's letter, if the child is old enough and the chair has written one. */
export function childLetter(record: ConferenceRecord, childId: string): ChildLetter | null {
  if (!childrenOf(record).some((child) => child.id === childId)) return null;
  if (!isOldEnoughForLetter(record, childId)) return null;
  const text = textOf(childValues(record, CHILD_LETTER_SECTION, childId)[CHILD_LETTER_FIELD]);
  if (text.trim() === '') return null;
  const name = childName(record, childId);
  const firstName = firstNameOf(name);
  const shared = childrenOf(record).some((other) => other.id !== childId && firstNameOf(childName(record, other.id)) === firstName);
  return { childId, childName: name, firstName, text, recipient: shared ? name : firstName };
}

function firstNameOf(name: string): string {
  return name.trim().split(/\s+/u)[0] ?? name;
}

/** Every letter there is to export, in the children's order. */
export function childLetters(record: ConferenceRecord): ChildLetter[] {
  return childrenOf(record)
    .map((child) => childLetter(record, child.id))
    .filter((letter): letter is ChildLetter => letter !== null);
}
