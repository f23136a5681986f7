import type { ComponentType } from 'react';
import type { ConferenceRecord, FieldValue, Values } from '../../../../domain/record/conference';
import type { FieldDef, Option } from '../../../../domain/template/types';
import type { FieldScope } from '../scope';
import type { SetField, Update } from '../values';

/**
 * Props every field renderer takes. A leaf field gets only plain values that stay equal
 * while other fields change (its options, the scale's definition), never the record, so
 * the deferred pass that re-runs conditions after each keystroke skips it unless its own
 * inputs changed. Only structural fields (lists, per-child groups) get the record.
 */
export interface FieldProps {
  field: FieldDef;
  value: FieldValue | undefined;
  setField: SetField;
  scope: FieldScope;
  required: boolean;
  /** A rule's message about this field's value (e.g. a choice that no longer exists). */
  problem: string | undefined;
  /** Choices for select and multiselect fields (the same array while they are unchanged). */
  options: readonly Option[];
  /** The conference's safety-scale definition, for scale fields. */
  scaleDefinition: string;
  headingLevel: number;
  /** Lists and per-child groups only: the deferred record and all value problems, for their blocks. */
  record?: ConferenceRecord;
  problems?: ReadonlyMap<string, string>;
  /** Lists and per-child groups only: what draws the fields of each item or child (FieldsBlock). */
  Fields?: FieldsRenderer;
}

/** The props of a block of fields (FieldsBlock): an item's, a child's or a section's. */
export interface FieldsBlockProps {
  fields: readonly FieldDef[];
  /** The current values of this block (the item, the child's values or the section). */
  values: Values;
  update: Update<Values>;
  scope: FieldScope;
  /** The deferred record: conditions and options lag a keystroke behind, never the values typed. */
  record: ConferenceRecord;
  headingLevel: number;
  problems: ReadonlyMap<string, string>;
}

/**
 * Draws a block of fields. Handed down to lists and per-child groups rather than imported by
 * them, so FieldsBlock → list → FieldsBlock is not an import cycle (bundled in another order,
 * a cycle leaves one of them undefined: "Element type is invalid").
 */
export type FieldsRenderer = ComponentType<FieldsBlockProps>;
