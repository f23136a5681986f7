import { textOf } from '../record/access';
import type { GroupItem } from '../record/conference';
import { agencyKindLabel } from './agency-kinds';

/** How an agency is named to the chair and in the minutes: its own name, else its kind. */
export function agencyLabel(agency: GroupItem, index?: number): string {
  const own = textOf(agency.values['agencyName']).trim();
  if (own) return own;
  const kind = agencyKindLabel(agency.values['agency']);
  if (kind) return kind;
  return index === undefined ? 'An agency' : `Agency ${index + 1}`;
}
