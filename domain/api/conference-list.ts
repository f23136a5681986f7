import { z } from 'zod';
import { ConferenceSummarySchema, type ConferenceSummary } from '../record/summary';
import { StoreProblemSchema, type OperationName } from './contract';
import { ListCursorSchema } from '../record/list-page';

/**
 * How the page reads the conference list: each entry on its own, so one entry it cannot
 * read (written by a newer version, or damaged) is counted and reported instead of making
 * every other conference disappear behind "an answer it did not understand".
 */
export const TolerantConferenceListSchema = z
  .strictObject({
    conferences: z.array(z.unknown()),
    problems: z.array(StoreProblemSchema),
    unreadable: z.number().int().nonnegative().optional(),
    next: ListCursorSchema.nullable().optional(),
  })
  .transform(({ conferences, problems, unreadable = 0, next }) => {
    const readable: ConferenceSummary[] = [];
    let skipped = unreadable;
    for (const entry of conferences) {
      const parsed = ConferenceSummarySchema.safeParse(entry);
      if (parsed.success) readable.push(parsed.data);
      else skipped += 1;
    }
    return { conferences: readable, problems, unreadable: skipped, ...(next === undefined ? {} : { next }) };
  });

/** The output schema the page checks an answer against (the contract's, or the tolerant list's). */
export function pageOutputSchema<K extends OperationName>(operation: K, contractSchema: z.ZodType): z.ZodType {
  return operation === 'conferences.list' ? TolerantConferenceListSchema : contractSchema;
}

/** The sentence shown above the list when some entries could not be read. */
export function unreadableNotice(count: number): string | null {
  if (count === 0) return null;
  return count === 1
    ? '1 conference could not be shown because its entry in the list could not be read. The others are listed below; your saved work has not been changed.'
    : `${count.toLocaleString('en-GB')} conferences could not be shown because their entries in the list could not be read. The others are listed below; your saved work has not been changed.`;
}
