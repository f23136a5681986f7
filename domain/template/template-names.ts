import { ApiFailure } from '../api/result';
import type { SectionValue } from '../record/conference';
import type { ConferenceTemplate, FieldDef } from './types';

/**
 * The contract inside sections: a save may only hold the sections and fields its conference
 * type's template names, in the shape the template gives them. The record's schema is generic
 * below the section level (so a new field is one template entry), which is why this check
 * exists: without it any name could be stored, including ones every plain object already
 * answers to (`constructor`, `toString`), which code reading `sections[name]` would mistake
 * for a stored section. Lookups here go through Maps built from the template, never through
 * the input's keys on a plain object.
 */

/** Names every plain object inherits: never a section or field, refused with their own sentence. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

const NOTHING_CHANGED = 'Nothing was changed.';

/** A plain sentence for the first problem found, or null when every name is the template's. */
export function checkSectionsAgainstTemplate(
  template: ConferenceTemplate,
  sections: Readonly<Record<string, SectionValue>>,
): string | null {
  const defs = new Map(template.sections.map((section) => [section.id, section]));
  for (const name of Object.keys(sections)) {
    const reserved = reservedProblem(name);
    if (reserved) return reserved;
    const def = defs.get(name);
    if (def === undefined) {
      return `The changes could not be saved because they include a section that is not part of this conference’s template. ${NOTHING_CHANGED}`;
    }
    const section = sections[name]!;
    if (section.kind !== def.kind) return shapeProblem();
    const problem =
      section.kind === 'single'
        ? fieldsProblem(def.fields, section.values)
        : section.kind === 'perChild'
          ? firstProblem(Object.values(section.perChild), (values) => fieldsProblem(def.fields, values))
          : firstProblem(section.items, (item) => fieldsProblem(def.fields, item.values));
    if (problem) return problem;
  }
  return null;
}

/** The service's form of the check: refuses the whole save, so nothing is half-written. */
export function refuseNamesOutsideTemplate(template: ConferenceTemplate, sections: Readonly<Record<string, SectionValue>>): void {
  const problem = checkSectionsAgainstTemplate(template, sections);
  if (problem !== null) throw new ApiFailure('INVALID_INPUT', problem);
}

function reservedProblem(name: string): string | null {
  return RESERVED_NAMES.has(name)
    ? `The changes could not be saved because “${name}” is a reserved word and cannot name a section or field. ${NOTHING_CHANGED}`
    : null;
}

function shapeProblem(): string {
  return `The changes could not be saved because a section or field is not in the form its template gives it. ${NOTHING_CHANGED}`;
}

function firstProblem<T>(items: readonly T[], check: (item: T) => string | null): string | null {
  for (const item of items) {
    const problem = check(item);
    if (problem) return problem;
  }
  return null;
}

function fieldsProblem(fields: readonly FieldDef[], values: Readonly<Record<string, unknown>>): string | null {
  const defs = new Map(fields.map((field) => [field.id, field]));
  for (const name of Object.keys(values)) {
    const reserved = reservedProblem(name);
    if (reserved) return reserved;
    const field = defs.get(name);
    if (field === undefined) {
      return `The changes could not be saved because they include a field that is not part of this conference’s template. ${NOTHING_CHANGED}`;
    }
    const problem = valueProblem(field, values[name]);
    if (problem) return problem;
  }
  return null;
}

/** Structured values (lists of items, values per child) only where the template has them, checked inside. */
function valueProblem(field: FieldDef, value: unknown): string | null {
  const inner = field.fields ?? [];
  if (isGroupList(value)) {
    return field.type === 'list' ? firstProblem(value, (item) => fieldsProblem(inner, item.values)) : shapeProblem();
  }
  if (isPerChild(value)) {
    return field.type === 'perChild' ? firstProblem(Object.values(value.perChild), (values) => fieldsProblem(inner, values)) : shapeProblem();
  }
  // An empty list is both shapes; anything else in a list or per-child field is the wrong form.
  if ((field.type === 'list' || field.type === 'perChild') && value !== null && !(Array.isArray(value) && value.length === 0)) {
    return shapeProblem();
  }
  return null;
}

function isGroupList(value: unknown): value is { values: Record<string, unknown> }[] {
  return Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'object' && item !== null && Object.hasOwn(item, 'values'));
}

function isPerChild(value: unknown): value is { perChild: Record<string, Record<string, unknown>> } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'perChild');
}
