import type { ConferenceRecord, FieldValue } from '../../../../domain/record/conference';
import type { FieldDef, Option } from '../../../../domain/template/types';
import type { FieldScope } from '../scope';
import type { SetField } from '../values';

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
}
