import { childValues, listItems, perChildOf, stringsOf, textOf } from '../record/access';
import type { ConferenceRecord, GroupItem } from '../record/conference';
import { isOutcome, recommendationAgrees } from './outcomes';
import { AGENCY, DECISION, SECTION } from '../template/field-names';

/**
 * The agencies whose recommendation for a child differs from the outcome chosen for them.
 * Each needs its view weighed, in a few words of the chair's own, or its dissent recorded.
 */
export interface Departure {
  agency: GroupItem;
  /** The agency's position in the list, for its fallback label ("Agency 3"). */
  index: number;
  recommendation: string;
}

export function departuresFor(record: ConferenceRecord, childId: string): Departure[] {
  const outcome = childValues(record, 'decision', childId)['outcome'];
  if (!isOutcome(outcome)) return [];
  const departures: Departure[] = [];
  listItems(record, SECTION.agencies).forEach((agency, index) => {
    const recommendation = textOf(perChildOf(agency.values[AGENCY.recommendations], childId)['recommendation']);
    if (!recommendationAgrees(recommendation, outcome)) departures.push({ agency, index, recommendation });
  });
  return departures;
}

export function dissentRecorded(record: ConferenceRecord, agencyId: string, childId: string): boolean {
  return listItems(record, 'dissent').some(
    (entry) => entry.values['agency'] === agencyId && stringsOf(entry.values['children']).includes(childId),
  );
}

/** The decision-section field holding, for each child, how each differing view was weighed. */
export const WEIGHINGS_FIELD = 'weighings';

/** The chair's weighing of one agency's view for one child, as typed ('' when none). */
export function weighingOf(record: ConferenceRecord, agencyId: string, childId: string): { itemId: string; text: string } | null {
  const items = childValues(record, 'decision', childId)[WEIGHINGS_FIELD];
  if (!Array.isArray(items)) return null;
  for (const item of items) {
    if (typeof item === 'object' && item !== null && 'values' in item && item.values['agency'] === agencyId) {
      return { itemId: item.id, text: textOf(item.values[DECISION.weighing]) };
    }
  }
  return null;
}
