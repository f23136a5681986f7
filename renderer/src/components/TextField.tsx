import type { InputHTMLAttributes, ReactNode } from 'react';

export interface TextFieldProps {
  id: string;
  label: ReactNode;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  multiline?: boolean;
  type?: 'text' | 'password';
  width?: 'short' | 'medium' | 'full';
  autoComplete?: string;
  inputMode?: InputHTMLAttributes<HTMLInputElement>['inputMode'];
  spellCheck?: boolean;
}

/**
 * One labelled input in the GOV.UK pattern: label, hint, then the error (prefixed "Error:" for
 * screen readers), all tied to the input with aria-describedby. dir="auto" lets a name written
 * in a right-to-left script display the right way round.
 */
export function TextField(props: TextFieldProps) {
  const { id, label, hint, error, value, onChange, onBlur, multiline = false, type = 'text', width = 'full' } = props;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: id,
    value,
    dir: 'auto' as const,
    'aria-describedby': describedBy,
    'aria-invalid': error ? true : undefined,
    onBlur,
    spellCheck: props.spellCheck ?? false,
    className: `input input--${width}${error ? ' input--error' : ''}`,
  };
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={hintId} className="hint">
          {hint}
        </div>
      )}
      {error && (
        <p id={errorId} className="error-message">
          <span className="visually-hidden">Error: </span>
          {error}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={5} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          autoComplete={props.autoComplete ?? 'off'}
          inputMode={props.inputMode}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </div>
  );
}
