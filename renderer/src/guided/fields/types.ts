import type { ConferenceRecord, FieldValue } from '../../../../domain/record/conference';
import type { FieldDef } from '../../../../domain/template/types';
import type { FieldScope } from '../scope';
import type { SetField } from '../values';

/** Props every field renderer takes. All are stable between keystrokes elsewhere, so memo works. */
export interface FieldProps {
  field: FieldDef;
  value: FieldValue | undefined;
  setField: SetField;
  scope: FieldScope;
  /** The deferred record: for options and conditions, never for the field's own value. */
  record: ConferenceRecord;
  required: boolean;
  /** A rule's message about this field's value (e.g. a choice that no longer exists). */
  problem: string | undefined;
  headingLevel: number;
  problems: ReadonlyMap<string, string>;
}
