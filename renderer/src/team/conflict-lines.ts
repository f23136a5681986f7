import { childNameAmong, childrenOf } from '../../../domain/record/access';
import type { ConferenceRecord, FieldValue, SectionValue, Values } from '../../../domain/record/conference';
import type { FieldDef, SectionDef } from '../../../domain/template/types';

/**
 * lease9: a section's answers as "label → text", so two versions of it can be set side by side
 * when a save is refused as a conflict. Labels come from the template; children are named as the
 * record names them; nothing here is sent anywhere (it only draws what is already on screen).
 */

export type AnswerLines = Map<string, string>;

const BLANK = '(blank)';

function textOf(field: FieldDef | undefined, value: FieldValue | undefined): string {
  if (value === undefined || value === null || value === '') return BLANK;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return field?.options?.find((o) => o.value === value)?.label ?? value;
  if (Array.isArray(value)) {
    const strings = value.filter((v): v is string => typeof v === 'string');
    return strings.length === 0 ? BLANK : strings.map((v) => field?.options?.find((o) => o.value === v)?.label ?? v).join(', ');
  }
  if ('score' in value) return `${value.score}: ${value.definition}`;
  return BLANK;
}

function isItems(value: FieldValue | undefined): value is { id: string; values: Values }[] {
  return Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null && 'values' in v);
}

function addValues(into: AnswerLines, prefix: string, fields: readonly FieldDef[], values: Values, childName: (id: string) => string): void {
  for (const field of fields) {
    const value = values[field.id];
    const label = `${prefix}${field.label}`;
    if (isItems(value)) {
      value.forEach((item, index) => addValues(into, `${label} ${index + 1}: `, field.fields ?? [], item.values, childName));
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'perChild' in value) {
      for (const [childId, childValues] of Object.entries(value.perChild)) {
        into.set(`${label} (${childName(childId)})`, Object.values(childValues).map((v) => textOf(field, v)).join(', '));
      }
    } else {
      into.set(label, textOf(field, value));
    }
  }
}

export function answerLines(section: SectionDef, value: SectionValue | undefined, record: ConferenceRecord): AnswerLines {
  const lines: AnswerLines = new Map();
  const children = childrenOf(record);
  const childName = (id: string) => childNameAmong(record.type, children, id) || 'a child';
  if (value === undefined) return lines;
  if (value.kind === 'single') addValues(lines, '', section.fields, value.values, childName);
  else if (value.kind === 'perChild') {
    for (const [childId, values] of Object.entries(value.perChild)) addValues(lines, `${childName(childId)}: `, section.fields, values, childName);
  } else {
    value.items.forEach((item, index) => addValues(lines, `${section.title} ${index + 1}: `, section.fields, item.values, childName));
  }
  return lines;
}

/** The answers that differ between the two versions, in the order they appear. */
export function differingAnswers(mine: AnswerLines, theirs: AnswerLines): { label: string; mine: string; theirs: string }[] {
  const labels = [...new Set([...mine.keys(), ...theirs.keys()])];
  return labels
    .map((label) => ({ label, mine: mine.get(label) ?? BLANK, theirs: theirs.get(label) ?? BLANK }))
    .filter((row) => row.mine !== row.theirs);
}
