import { memo, type ChangeEvent } from 'react';
import { fieldDomId } from '../scope';
import { describedBy, FieldShell } from './FieldShell';
import type { FieldProps } from './types';

function textOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** One line of text. dir="auto" lets a name in Arabic or Hebrew run right to left on its own. */
export const TextField = memo(function TextField({ field, value, setField, scope, required, problem }: FieldProps) {
  const domId = fieldDomId(scope, field.id);
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const next = event.target.value;
    setField(field.id, () => next);
  };
  return (
    <FieldShell domId={domId} label={field.label} hint={field.hint} required={required} error={problem}>
      <input
        id={domId}
        className="g-input"
        type="text"
        dir="auto"
        autoComplete="off"
        value={textOf(value)}
        onChange={onChange}
        aria-describedby={describedBy(domId, field.hint, problem)}
        aria-required={required || undefined}
        aria-invalid={problem ? true : undefined}
      />
    </FieldShell>
  );
});

/**
 * Past this length the box is at its tallest anyway, so it stops sizing itself to the text:
 * measuring a very long text's height on every keystroke would cost a full text layout.
 */
const LONG_TEXT = 4_000;

/**
 * Paragraphs. The box grows with its text (CSS field-sizing) up to a cap and then scrolls,
 * so a 60,000-character rationale neither breaks the page nor costs a layout pass in script.
 */
export const LongTextField = memo(function LongTextField({ field, value, setField, scope, required, problem }: FieldProps) {
  const domId = fieldDomId(scope, field.id);
  const text = textOf(value);
  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    const next = event.target.value;
    setField(field.id, () => next);
  };
  return (
    <FieldShell domId={domId} label={field.label} hint={field.hint} required={required} error={problem}>
      <textarea
        id={domId}
        className={text.length > LONG_TEXT ? 'g-textarea g-textarea--long' : 'g-textarea'}
        dir="auto"
        // Narrative is spell-checked: the page is lang="en-GB" and Electron's checker is set to en-GB.
        spellCheck
        rows={3}
        value={text}
        onChange={onChange}
        aria-describedby={describedBy(domId, field.hint, problem)}
        aria-required={required || undefined}
        aria-invalid={problem ? true : undefined}
      />
    </FieldShell>
  );
});
