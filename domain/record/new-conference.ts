import { z } from 'zod';
import { ConferenceTypeSchema, IsoDateSchema, PRE_BIRTH_TYPES, type ConferenceType, type Values } from './conference';

/**
 * What the chair gives to create a conference: its type, its date and its children.
 *
 * An unborn baby has no name or date of birth of their own, so the app never asks for one: at a
 * pre-birth conference each child is marked born or unborn, and an unborn baby may be left
 * unnamed (the record then calls them "Unborn baby") and given the expected date of delivery
 * instead of a date of birth. Only a pre-birth conference asks whether a child is born (see
 * isUnbornValues), so "unborn" is refused elsewhere rather than stored where no rule reads it.
 */
export const BORN_STATUSES = ['born', 'unborn'] as const;

export const NewChildSchema = z.strictObject({
  /** Blank only for an unborn baby; trimmed, as the chair sees it in the list. */
  name: z.string().trim().max(500),
  bornStatus: z.enum(BORN_STATUSES).optional(),
  expectedDeliveryDate: IsoDateSchema.optional(),
});
export type NewChild = z.infer<typeof NewChildSchema>;

export function isPreBirthType(type: ConferenceType): boolean {
  return (PRE_BIRTH_TYPES as readonly ConferenceType[]).includes(type);
}

/** What a child of a new conference is missing or has that does not fit; null when it fits. */
export function newChildProblem(type: ConferenceType, child: NewChild, position: number): string | null {
  const unborn = child.bornStatus === 'unborn';
  if ((child.bornStatus !== undefined || child.expectedDeliveryDate !== undefined) && !isPreBirthType(type)) {
    return `Child ${position} is given a born or unborn status, which only a pre-birth conference asks.`;
  }
  if (child.expectedDeliveryDate !== undefined && !unborn) {
    return `Child ${position} has an expected date of delivery but is not recorded as unborn.`;
  }
  if (child.name === '' && !unborn) return `Enter the name of child ${position}`;
  return null;
}

export const NewConferenceSchema = z
  .strictObject({
    type: ConferenceTypeSchema,
    date: IsoDateSchema,
    children: z.array(NewChildSchema).min(1).max(20),
  })
  .superRefine((input, context) => {
    input.children.forEach((child, index) => {
      const problem = newChildProblem(input.type, child, index + 1);
      if (problem) context.addIssue({ code: 'custom', message: problem, path: ['children', index] });
    });
  });
export type NewConference = z.infer<typeof NewConferenceSchema>;

/** A new child's first values in the children section: only what the chair gave. */
export function newChildValues(child: NewChild): Values {
  const values: Values = { name: child.name };
  if (child.bornStatus !== undefined) values['bornStatus'] = child.bornStatus;
  if (child.expectedDeliveryDate !== undefined) values['expectedDeliveryDate'] = child.expectedDeliveryDate;
  return values;
}
