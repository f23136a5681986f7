import type { Block, Cell } from '../../domain/documents/model';
import { cell, heading, label as labelBlock, paragraphsOf } from '../../domain/documents/model';
import { childName, childrenOf, isFilled, isScaleScore, itemsOf, perChildOf, stringsOf } from '../../domain/record/access';
import type { ConferenceRecord, FieldValue, Values } from '../../domain/record/conference';
import { isVisible } from '../../domain/template/conditions';
import { optionsFor } from '../../domain/template/options';
import type { FieldDef } from '../../domain/template/types';
import { documentDate, type LayoutOptions, type RestrictionQuery } from './common';

/**
 * Lays out a group of template fields generically, so that a field added to a template
 * appears in the minutes without touching the layouts: short answers gather into a
 * label/value table, long answers become labelled paragraphs, repeating groups become
 * tables with a header row. Labels always come from the template.
 */

export const RESTRICTED_REASON =
  'it is restricted information, such as information about other people or confidential police information heard in a closed part of the meeting';

export interface FieldScope {
  record: ConferenceRecord;
  options: LayoutOptions;
  sectionId: string;
  childId?: string;
  itemId?: string;
}

/** Per-field replacements: return blocks to use instead of the generic layout, or undefined. */
export type FieldOverride = (field: FieldDef, value: FieldValue, values: Values, scope: FieldScope) => Block[] | undefined;

export function isRestrictedField(field: FieldDef, scope: FieldScope): boolean {
  if (field.restricted === true) return true;
  const query: RestrictionQuery = { sectionId: scope.sectionId, fieldId: field.id };
  if (scope.childId !== undefined) query.childId = scope.childId;
  if (scope.itemId !== undefined) query.itemId = scope.itemId;
  return scope.options.isRestricted?.(query) ?? false;
}

const SHORT_TYPES = new Set(['text', 'date', 'time', 'select', 'multiselect', 'yesno', 'scale']);

/** A short answer as the words a reader sees: option labels, British dates, "Yes"/"No", "3 out of 10". */
export function shortValue(field: FieldDef, value: FieldValue | undefined, record: ConferenceRecord): string {
  if (value === undefined || value === null) return '';
  switch (field.type) {
    case 'date':
      return typeof value === 'string' ? documentDate(value) : '';
    case 'yesno':
      return value === true ? 'Yes' : value === false ? 'No' : '';
    case 'scale':
      return isScaleScore(value) ? `${value.score} out of 10` : '';
    case 'select': {
      const option = optionsFor(field, record).find((o) => o.value === value);
      return option?.label ?? (typeof value === 'string' ? value : '');
    }
    case 'multiselect': {
      const options = optionsFor(field, record);
      return stringsOf(value)
        .map((v) => options.find((o) => o.value === v)?.label ?? v)
        .join('; ');
    }
    default:
      return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  }
}

export function fieldBlocks(fields: readonly FieldDef[], values: Values, scope: FieldScope, override?: FieldOverride): Block[] {
  const blocks: Block[] = [];
  let pending: Cell[][] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push({ kind: 'table', header: ['Question', 'Answer'], rows: pending, widths: [2, 3], keyValue: true });
    pending = [];
  };

  // A yes/no that only switches on a restricted answer says nothing the restricted block does not, and would tell the family it exists.
  const gates = new Set(
    fields.flatMap((f) => (f.restricted && f.visibleWhen && 'field' in f.visibleWhen && !f.visibleWhen.section ? [f.visibleWhen.field] : [])),
  );
  for (const field of fields) {
    if (gates.has(field.id) && field.type === 'yesno') continue;
    if (!isVisible(field, { record: scope.record, values, ...(scope.childId ? { childId: scope.childId } : {}) })) continue;
    const value = values[field.id];
    if (!isFilled(value) || value === undefined) continue;
    const restricted = isRestrictedField(field, scope);
    const replaced = override?.(field, value, values, scope);
    if (replaced) {
      flush();
      // An override that placed its own restricted block has already decided what the family sees (e.g. a family version).
      const decided = replaced.some((block) => block.kind === 'restricted');
      blocks.push(...(restricted && !decided ? [restrictedBlock(replaced)] : replaced));
      continue;
    }
    if (SHORT_TYPES.has(field.type)) {
      pending.push([cell(field.label), cell(shortValue(field, value, scope.record), restricted)]);
      continue;
    }
    flush();
    const own = longBlocks(field, value, scope);
    blocks.push(...(restricted ? [restrictedBlock(own)] : own));
  }
  flush();
  return blocks;
}

export function restrictedBlock(blocks: Block[], replacement?: Block[], reason = RESTRICTED_REASON): Block {
  return replacement ? { kind: 'restricted', reason, blocks, replacement } : { kind: 'restricted', reason, blocks };
}

export function labelled(label: string, body: string): Block[] {
  return [labelBlock(label), ...paragraphsOf(body)];
}

function longBlocks(field: FieldDef, value: FieldValue, scope: FieldScope): Block[] {
  switch (field.type) {
    case 'longtext':
      return typeof value === 'string' ? labelled(field.label, value) : [];
    case 'list':
      return nestedList(field, value, scope);
    case 'perChild':
      return perChildTable(field, value, scope);
    default:
      return [];
  }
}

/** A repeating group inside a section (visits, danger statements, actions…) as one table. */
function nestedList(field: FieldDef, value: FieldValue, scope: FieldScope): Block[] {
  const items = itemsOf(value);
  const subfields = (field.fields ?? []).filter((sub) =>
    items.some((it) => isVisible(sub, { record: scope.record, values: it.values, ...(scope.childId ? { childId: scope.childId } : {}) })),
  );
  if (items.length === 0 || subfields.length === 0) return [];
  const rows = items.map((it) =>
    subfields.map((sub) => {
      const inner = { ...scope, itemId: it.id };
      const visible = isVisible(sub, { record: scope.record, values: it.values, ...(scope.childId ? { childId: scope.childId } : {}) });
      const raw = it.values[sub.id];
      const shown = !visible || !isFilled(raw) ? '' : sub.type === 'longtext' ? (typeof raw === 'string' ? raw : '') : shortValue(sub, raw, scope.record);
      return cell(shown, shown !== '' && isRestrictedField(sub, inner));
    }),
  );
  return [heading(3, field.label), { kind: 'table', header: subfields.map((s) => s.label), rows }];
}

/** An answer given for each child inside a list item (an agency's recommendation for each child). */
function perChildTable(field: FieldDef, value: FieldValue, scope: FieldScope): Block[] {
  const subfields = field.fields ?? [];
  const rows = childrenOf(scope.record)
    .map((child) => ({ child, values: perChildOf(value, child.id) }))
    .filter(({ values }) => Object.values(values).some((v) => isFilled(v)))
    .map(({ child, values }) => [
      cell(childName(scope.record, child.id)),
      ...subfields.map((sub) => {
        const raw = values[sub.id];
        const shown = !isFilled(raw) ? '' : sub.type === 'longtext' ? (typeof raw === 'string' ? raw : '') : shortValue(sub, raw, scope.record);
        return cell(shown, shown !== '' && isRestrictedField(sub, { ...scope, childId: child.id }));
      }),
    ]);
  if (rows.length === 0) return [];
  return [heading(3, field.label), { kind: 'table', header: ['Child', ...subfields.map((s) => s.label)], rows, ...(subfields.length === 2 ? { widths: [2, 2, 5] } : {}) }];
}
