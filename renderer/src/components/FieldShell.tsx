import type { ReactNode } from 'react';
import { errorId, hintId } from './field-ids';

/**
 * One family of form fields for the whole app (the screens and the guided form), in the GOV.UK
 * pattern: label (with "(required)"), hint, error message prefixed "Error:" for screen readers,
 * then the control, which lists the hint and error in aria-describedby. The ids follow the
 * control's id, so a rule finding that names a field also names its hint and error.
 */
export { errorId, hintId };

/** The ids a control lists in aria-describedby: its hint and its error, when shown. */
export function describedBy(domId: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? hintId(domId) : '', error ? errorId(domId) : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function RequiredMark({ required }: { required: boolean }) {
  return required ? <span className="g-required"> (required)</span> : null;
}

export function Hint({ domId, hint }: { domId: string; hint: string | undefined }) {
  return hint ? (
    <p className="g-hint" id={hintId(domId)}>
      {hint}
    </p>
  ) : null;
}

export function ErrorText({ domId, error }: { domId: string; error: string | undefined }) {
  return error ? (
    <p className="g-error" id={errorId(domId)}>
      <span className="visually-hidden">Error: </span>
      {error}
    </p>
  ) : null;
}

interface ShellProps {
  domId: string;
  label: ReactNode;
  hint: string | undefined;
  required: boolean;
  error: string | undefined;
  children: ReactNode;
}

/** A labelled single control (text, long text, date, time, select) with its hint and error. */
export function FieldShell({ domId, label, hint, required, error, children }: ShellProps) {
  return (
    <div className={error ? 'g-field g-field--error' : 'g-field'}>
      <label className="g-label" htmlFor={domId}>
        {label}
        <RequiredMark required={required} />
      </label>
      <Hint domId={domId} hint={hint} />
      <ErrorText domId={domId} error={error} />
      {children}
    </div>
  );
}

/** A group of radios or checkboxes: a fieldset whose legend is the question. */
export function GroupShell({ domId, label, hint, required, error, children }: ShellProps) {
  return (
    <fieldset className={error ? 'g-field g-group g-field--error' : 'g-field g-group'} aria-describedby={describedBy(domId, hint, error)}>
      <legend className="g-label">
        {label}
        <RequiredMark required={required} />
      </legend>
      <Hint domId={domId} hint={hint} />
      <ErrorText domId={domId} error={error} />
      {children}
    </fieldset>
  );
}
