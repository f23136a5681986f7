import type { ConferenceType } from '../record/conference';

/**
 * The shape of a conference template. Templates (in templates/) are plain data of this
 * type: the renderer draws the guided form from them, the domain validates against them
 * and the exports lay out from them, so a new field is one entry in one place.
 */

export type FieldType =
  | 'text' // one line
  | 'longtext' // paragraphs
  | 'date' // yyyy-mm-dd, shown dd/mm/yyyy
  | 'time' // hh:mm
  | 'select' // one of options
  | 'multiselect' // several of options (string[])
  | 'yesno' // boolean
  | 'scale' // a safety-scale score stored with the scale's definition
  | 'list' // a repeating group of items, each with `fields`
  | 'perChild' // one set of `fields` for each child
  | 'summary'; // read-only sentences the domain works out from the record (see `summary`)

/** What a summary field shows: worked out from the record, never typed. */
export type SummaryKind = 'timescales' | 'attendance' | 'gestation' | 'practiceAlert';

export interface Option {
  value: string;
  label: string;
}

/** Where a select's options come from when they are not fixed. */
export type OptionSource = 'children' | 'agencies' | 'outcomes' | 'recommendations';

/**
 * A condition on the record. `field` names a field in the same values (the item, the child's
 * values, or the section); `section` + `field` reaches a single section elsewhere.
 */
export type Condition =
  | { field: string; section?: string; equals: string | boolean }
  | { field: string; section?: string; in: readonly string[] }
  | { field: string; section?: string; filled: boolean }
  | { conferenceType: readonly ConferenceType[] }
  /** True when the outcome chosen for this child (decision section) has the given property. */
  | { outcomeIs: OutcomeKind }
  /**
   * The child's status at this conference (see domain/decision/child-status.ts): `new` is a
   * child considered for a plan for the first time, `on-plan` one already subject to a plan.
   */
  | { childStatus: 'unborn' | 'born' | 'new' | 'on-plan' }
  /** The child (born) is younger than this many whole years on the conference date. */
  | { childAgeUnder: number }
  /** The conference was held outside its timescale (by the council's settings). */
  | { conferenceLate: true }
  /** Some agency's recommendation for this child differs from the outcome chosen. */
  | { viewsDiffer: true }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }
  | { not: Condition };

export type OutcomeKind = 'plan' | 'non-plan' | 'alternative-plan' | 'ends-plan' | 'no-further-action' | 'contextual-plan';

/**
 * The same question put differently for some children: e.g. the significant-harm question
 * for an unborn baby is about harm after birth, and for a child on a plan whether harm is
 * still likely. The first variant whose condition holds replaces the label and hint.
 */
export interface FieldVariant {
  when: Condition;
  label?: string;
  hint?: string;
}

export interface FieldDef {
  id: string;
  type: FieldType;
  label: string;
  /** Short guidance a chair would value, shown under the label. */
  hint?: string;
  variants?: readonly FieldVariant[];
  options?: readonly Option[];
  optionsFrom?: OptionSource;
  /** Required always (true) or when the condition holds. Only visible fields are required. */
  required?: boolean | Condition;
  /** Shown only when the condition holds; hidden fields are neither required nor exported. */
  visibleWhen?: Condition;
  /** For list fields: the fields of each item and how to name one item. */
  fields?: readonly FieldDef[];
  itemLabel?: string;
  /** For list fields: at least this many items (e.g. one danger statement). */
  minItems?: number;
  /** Text limits, number bounds. */
  maxLength?: number;
  /** Dates: must not be after the conference date (e.g. a born child's date of birth). */
  notAfterConference?: boolean;
  /** Restricted (third-party) information: kept out of the family copy. */
  restricted?: boolean;
  /**
   * false: a long answer the chair cannot mark restricted, because the family copy makes no
   * sense without it (the safety scale's definition is read with every score).
   */
  restrictable?: false;
  /** For summary fields: which sentences to show. */
  summary?: SummaryKind;
  /** For the field-level default when a record is created. */
  defaultValue?: string | boolean;
}

export type SectionKind = 'single' | 'perChild' | 'list';

export interface SectionDef {
  id: string;
  title: string;
  /** One line on what the section is for, shown at its top. */
  purpose: string;
  kind: SectionKind;
  fields: readonly FieldDef[];
  itemLabel?: string;
  minItems?: number;
  visibleWhen?: Condition;
}

export interface ConferenceTemplate {
  id: string;
  version: number;
  conferenceType: ConferenceType;
  title: string;
  sections: readonly SectionDef[];
}
