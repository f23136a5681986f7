import type { InputHTMLAttributes, ReactNode } from 'react';
import { describedBy, FieldShell } from './FieldShell';
import { Paragraphs } from './Paragraphs';

export interface TextFieldProps {
  id: string;
  label: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  /** Shows "(required)" after the label and sets aria-required. */
  required?: boolean;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  /** Paragraphs: a textarea that grows with its text (CSS field-sizing) up to a cap, then scrolls. */
  multiline?: boolean;
  /** A very long text: the box stops sizing itself to the text (see LongTextField). */
  fixedHeight?: boolean;
  type?: 'text' | 'password';
  width?: 'short' | 'medium' | 'full';
  autoComplete?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  spellCheck?: boolean;
}

/**
 * One labelled text input or textarea, used by the app's screens and the guided form alike
 * (see FieldShell for the pattern). dir="auto" lets a name written in a right-to-left script
 * display the right way round.
 */
export function TextField(props: TextFieldProps) {
  const { id, label, hint, error, value, onChange, onBlur, required = false, multiline = false, type = 'text', width = 'full' } = props;
  const common = {
    id,
    name: id,
    value,
    dir: 'auto' as const,
    'aria-describedby': describedBy(id, hint, error),
    'aria-required': required || undefined,
    'aria-invalid': error ? true : undefined,
    onBlur,
  };
  return (
    <FieldShell domId={id} label={label} hint={hint} required={required} error={error}>
      {multiline ? (
        <Paragraphs
          id={id}
          value={value}
          onChange={onChange}
          onBlur={onBlur}
          className={props.fixedHeight ? 'g-textarea g-textarea--long' : 'g-textarea'}
          // Narrative is spell-checked: the page is lang="en-GB" and Electron's checker is set to en-GB.
          spellCheck={props.spellCheck ?? true}
          describedBy={common['aria-describedby']}
          required={required}
          invalid={Boolean(error)}
        />
      ) : (
        <input
          {...common}
          className={width === 'full' ? 'g-input' : `g-input g-input--${width}`}
          type={type}
          spellCheck={props.spellCheck ?? false}
          autoComplete={props.autoComplete ?? 'off'}
          inputMode={props.inputMode}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}
