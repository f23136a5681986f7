import { childName } from '../../../domain/record/access';
import type { ConferenceRecord, FieldValue, GroupItem } from '../../../domain/record/conference';
import { citationsOfAgency } from '../../../domain/rules/decision-rules';
import { isFilled } from '../../../domain/record/access';
import type { ConferenceTemplate } from '../../../domain/template/types';
import type { FieldScope } from './scope';
import { SECTION } from '../../../domain/template/field-names';

/**
 * What would lose its meaning if an item went. Agencies: the domain's own list of places
 * that cite one (dissent, rationales). Children: every section holding answers for the
 * child, found by walking the record, so a new per-child section is covered without code.
 */
export function removalWarnings(template: ConferenceTemplate, record: ConferenceRecord, scope: FieldScope, item: GroupItem): string[] {
  const topLevel = !scope.itemId && !scope.childId;
  if (topLevel && scope.section === SECTION.agencies) return citationsOfAgency(record, item.id);
  if (topLevel && scope.section === 'children') {
    const titles = template.sections
      .filter((section) => section.id !== 'children' && holdsAnswersFor(record.sections[section.id], item.id))
      .map((section) => `“${section.title}”`);
    return titles.length ? [`the answers for ${childName(record, item.id)} in ${titles.join(', ')}`] : [];
  }
  return [];
}

function holdsAnswersFor(value: unknown, childId: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((v) => holdsAnswersFor(v, childId));
  const object = value as Record<string, unknown>;
  const perChild = object['perChild'];
  if (typeof perChild === 'object' && perChild !== null && childId in perChild) {
    const mine = (perChild as Record<string, Record<string, FieldValue>>)[childId] ?? {};
    if (Object.values(mine).some((v) => isFilled(v))) return true;
  }
  return Object.values(object).some((v) => holdsAnswersFor(v, childId));
}
