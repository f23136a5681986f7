import { z } from 'zod';
import {
  CHILDREN_SECTION,
  ConferenceTypeSchema,
  IdSchema,
  IsoDateSchema,
  IsoDateTimeSchema,
  MEETING_SECTION,
  type ConferenceRecord,
} from './conference';

/**
 * What the conference list and, later, the manager's audit need without opening each
 * conference: kept in the store's index so that listing 20,000 conferences reads one file.
 */
export const ConferenceSummarySchema = z.strictObject({
  id: IdSchema,
  type: ConferenceTypeSchema,
  revision: z.number().int().nonnegative(),
  conferenceDate: IsoDateSchema.nullable(),
  chair: z.string().max(500),
  children: z.array(
    z.strictObject({
      id: IdSchema,
      name: z.string().max(500),
      /** The outcome decided for this child, once recorded (used by the non-plan audit). */
      outcome: z.string().max(100).nullable(),
    }),
  ),
  updatedAt: IsoDateTimeSchema,
});
export type ConferenceSummary = z.infer<typeof ConferenceSummarySchema>;

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** Derives the index entry from the record, so the two can never disagree. */
export function summarise(record: ConferenceRecord): ConferenceSummary {
  const meeting = record.sections[MEETING_SECTION];
  const meetingValues = meeting?.kind === 'single' ? meeting.values : {};
  const childrenSection = record.sections[CHILDREN_SECTION];
  const children = childrenSection?.kind === 'list' ? childrenSection.items : [];
  const decisions = record.sections['decision'];
  const decisionFor = (childId: string): string | null => {
    if (decisions?.kind !== 'perChild') return null;
    const outcome = decisions.perChild[childId]?.['outcome'];
    return typeof outcome === 'string' && outcome !== '' ? outcome : null;
  };
  const date = text(meetingValues['date']);
  return {
    id: record.id,
    type: record.type,
    revision: record.revision,
    conferenceDate: IsoDateSchema.safeParse(date).success ? date : null,
    chair: text(meetingValues['chair']),
    children: children.map((child) => ({
      id: child.id,
      name: text(child.values['name']),
      outcome: decisionFor(child.id),
    })),
    updatedAt: record.updatedAt,
  };
}
