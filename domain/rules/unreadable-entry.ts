import { childName } from '../record/access';
import type { ConferenceRecord } from '../record/conference';
import type { ConferenceTemplate } from '../template/types';
import type { FieldRef, RuleFinding } from './finding';

/**
 * A date or time the chair typed that cannot be read (see template/typed-entry.ts). The record
 * keeps the text exactly as typed, so nothing is lost; until it is fixed it blocks signing.
 */
export interface UnreadableEntry {
  ref: FieldRef;
  /** The field's label as the chair saw it. */
  label: string;
  /** The parser's own sentence ("2026 is not a leap year…"). */
  message: string;
}

export const UNREADABLE_ENTRY_RULE = 'form.unreadable-entry';

/** One key per field reference, whatever order its parts were written in. */
export function refKey(ref: FieldRef): string {
  return [ref.section, ref.childId ?? '', ref.itemId ?? '', ref.subItemId ?? '', ref.field ?? ''].join('\u0000');
}

/** The finding for one unreadable entry: where it is (section, child, field) and what is wrong. */
export function unreadableEntryFinding(template: ConferenceTemplate, record: ConferenceRecord, entry: UnreadableEntry): RuleFinding {
  const section = template.sections.find((s) => s.id === entry.ref.section)?.title;
  const where = [section, entry.ref.childId ? childName(record, entry.ref.childId) : '', `“${entry.label}”`].filter(Boolean).join(', ');
  return { rule: UNREADABLE_ENTRY_RULE, severity: 'blocking', message: `${where}: ${entry.message}`, ref: entry.ref };
}

/**
 * The readiness findings with the unreadable entries added, in template order. An entry's own
 * message is more precise ("2026 is not a leap year") than the template's "is not a real date"
 * for the same field, so that field is listed once, with the entry's.
 */
export function withUnreadableEntries(
  template: ConferenceTemplate,
  record: ConferenceRecord,
  findings: readonly RuleFinding[],
  entries: readonly UnreadableEntry[],
): RuleFinding[] {
  const order = new Map(template.sections.map((section, index) => [section.id, index]));
  const entered = new Set(entries.map((entry) => refKey(entry.ref)));
  const kept = findings.filter((f) => !(f.rule === 'template.invalid' && entered.has(refKey(f.ref))));
  return [...kept, ...entries.map((entry) => unreadableEntryFinding(template, record, entry))].sort(
    (a, b) => (order.get(a.ref.section) ?? 99) - (order.get(b.ref.section) ?? 99),
  );
}
