import {
  CHILDREN_SECTION,
  CURRENT_SCHEMA_VERSION,
  type ConferenceRecord,
  type ConferenceType,
  type GroupItem,
  type PerChildValues,
  type ScaleScore,
  type SectionValue,
  type Values,
} from '../../domain/record/conference';
import { TEMPLATE_VERSION } from '../../templates/conference-templates';

/**
 * A small builder for conference records, so that a fixture reads like the minutes it
 * stands for rather than like nested JSON. It knows nothing of the templates: the fixtures
 * name the template's section and field ids themselves, and the tests check the result
 * against the template, so a fixture that drifts from the template fails a test instead of
 * being silently "fixed" here.
 *
 * Every list item gets a fresh UUID, because ids appear in file names and must never carry
 * personal data, and because two copies of a fixture must never share an id.
 */

export function freshId(): string {
  return globalThis.crypto.randomUUID();
}

/** One item of a repeating group (an action, a visit, an assessment result…). */
export function item(values: Values): GroupItem {
  return { id: freshId(), values };
}

/** Several items of a repeating group, in order. */
export function items(...values: Values[]): GroupItem[] {
  return values.map(item);
}

/** A safety-scale score, never without the definition of the scale it was given on. */
export function scale(score: number, definition: string): ScaleScore {
  return { score, definition };
}

/** A per-child field value (e.g. an agency's recommendation for each child), keyed by child id. */
export function forChildren(byChild: Record<string, Values>): PerChildValues {
  return { perChild: { ...byChild } };
}

export interface BuilderOptions {
  /** When the record was first saved; fixtures pass a fixed time so that output is stable. */
  createdAt: string;
  /** When it was last saved; defaults to `createdAt`. */
  updatedAt?: string;
  /** How many saves the record has had. */
  revision?: number;
}

export class RecordBuilder {
  private readonly sections: Record<string, SectionValue> = {};

  constructor(
    private readonly type: ConferenceType,
    private readonly options: BuilderOptions,
  ) {}

  /** Adds a child and returns the child's id, which keys every per-child value. */
  addChild(values: Values): string {
    return this.addItem(CHILDREN_SECTION, values);
  }

  /** Adds an item to a list section (agencies, family, dissent…) and returns its id. */
  addItem(sectionId: string, values: Values): string {
    const section = this.sections[sectionId] ?? { kind: 'list', items: [] };
    if (section.kind !== 'list') throw new Error(`Section “${sectionId}” is not a list.`);
    const added = item(values);
    section.items.push(added);
    this.sections[sectionId] = section;
    return added.id;
  }

  /** Sets the values of a single section, merging with any already set. */
  single(sectionId: string, values: Values): this {
    const section = this.sections[sectionId] ?? { kind: 'single', values: {} };
    if (section.kind !== 'single') throw new Error(`Section “${sectionId}” is not a single section.`);
    Object.assign(section.values, values);
    this.sections[sectionId] = section;
    return this;
  }

  /** Sets one child's values in a per-child section (voice, decision, plan). */
  forChild(sectionId: string, childId: string, values: Values): this {
    const section = this.sections[sectionId] ?? { kind: 'perChild', perChild: {} };
    if (section.kind !== 'perChild') throw new Error(`Section “${sectionId}” is not a per-child section.`);
    section.perChild[childId] = { ...(section.perChild[childId] ?? {}), ...values };
    this.sections[sectionId] = section;
    return this;
  }

  /**
   * Declares a list section that has no items (e.g. no dissent), so that the record says
   * "none" rather than "not yet looked at".
   */
  emptyList(sectionId: string): this {
    this.sections[sectionId] ??= { kind: 'list', items: [] };
    return this;
  }

  build(): ConferenceRecord {
    return {
      id: freshId(),
      schemaVersion: CURRENT_SCHEMA_VERSION,
      type: this.type,
      templateVersion: TEMPLATE_VERSION,
      revision: this.options.revision ?? 0,
      createdAt: this.options.createdAt,
      updatedAt: this.options.updatedAt ?? this.options.createdAt,
      // A deep copy, so that a test editing one built record cannot change another.
      sections: structuredClone(this.sections),
    };
  }
}
