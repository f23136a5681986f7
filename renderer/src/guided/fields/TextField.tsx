import { memo } from 'react';
import { TextField as FormTextField } from '../../components/TextField';
import { fieldDomId } from '../scope';
import type { FieldProps } from './types';

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** One line of text: the app's one text field, with the element id the field's reference names. */
export const TextField = memo(function TextField({ field, value, setField, scope, required, problem }: FieldProps) {
  return (
    <FormTextField
      id={fieldDomId(scope, field.id)}
      label={field.label}
      hint={field.hint}
      required={required}
      error={problem}
      value={textOf(value)}
      onChange={(next) => setField(field.id, () => next)}
    />
  );
});

/**
 * Past this length the box is at its tallest anyway, so it stops sizing itself to the text:
 * measuring a very long text's height on every keystroke would cost a full text layout.
 */
const LONG_TEXT = 4_000;

/** Paragraphs. A 60,000-character rationale neither breaks the page nor costs a layout pass in script. */
export const LongTextField = memo(function LongTextField({ field, value, setField, scope, required, problem }: FieldProps) {
  const text = textOf(value);
  return (
    <FormTextField
      id={fieldDomId(scope, field.id)}
      label={field.label}
      hint={field.hint}
      required={required}
      error={problem}
      multiline
      fixedHeight={text.length > LONG_TEXT}
      value={text}
      onChange={(next) => setField(field.id, () => next)}
    />
  );
});
