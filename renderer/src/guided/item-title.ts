import { formatUkDate, isValidIsoDate } from '../../../domain/calendar/dates';
import { agencyLabel } from '../../../domain/agencies/agency-label';
import { childName } from '../../../domain/record/access';
import type { ConferenceRecord, GroupItem } from '../../../domain/record/conference';
import { optionsFor } from '../../../domain/template/options';
import type { FieldDef } from '../../../domain/template/types';
import { SECTION } from '../../../domain/template/field-names';

export function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase('en-GB') + text.slice(1);
}

const SUMMARY_LENGTH = 45;

/**
 * How one item of a list is headed: "Agency 2: Police", "Danger statement 1". Agencies and
 * children are named as the domain names them everywhere else; any other item borrows its
 * first field's answer, so a new list in a template gets useful headings without code.
 */
export function itemTitle(
  listId: string,
  itemLabel: string,
  item: GroupItem,
  index: number,
  fields: readonly FieldDef[],
  record: ConferenceRecord,
): { prefix: string; name: string } {
  const prefix = `${capitalise(itemLabel)} ${index + 1}`;
  if (listId === SECTION.agencies) return { prefix, name: agencyLabel(item, index) === `Agency ${index + 1}` ? '' : agencyLabel(item, index) };
  if (listId === 'children') {
    const name = childName(record, item.id);
    return { prefix, name: name === `Child ${index + 1}` ? '' : name };
  }
  return { prefix, name: summaryOf(fields[0], item, record) };
}

function summaryOf(field: FieldDef | undefined, item: GroupItem, record: ConferenceRecord): string {
  if (!field) return '';
  const value = item.values[field.id];
  if (typeof value !== 'string' || value.trim() === '') return '';
  switch (field.type) {
    case 'select':
      return optionsFor(field, record).find((o) => o.value === value)?.label ?? '';
    case 'date':
      return isValidIsoDate(value) ? formatUkDate(value) : '';
    case 'text':
    case 'longtext': {
      const line = value.trim().split('\n')[0] ?? '';
      return line.length > SUMMARY_LENGTH ? `${line.slice(0, SUMMARY_LENGTH - 1)}…` : line;
    }
    default:
      return '';
  }
}
