import { useEffect, useEffectEvent, useRef } from 'react';
import { focusById } from './focus';

export interface ErrorItem {
  /** The input the message is about; omitted for a problem that is not about one field. */
  fieldId?: string;
  message: string;
}

/**
 * The GOV.UK error summary: a list of what to fix, each linked to its field. It is an alert
 * (announced as it appears, even where moving focus is not announced) and takes focus whenever
 * `focusKey` changes (each failed submit), so the problems are read out at once. Every form
 * uses this one component, so every form's errors are announced the same way.
 */
export function ErrorSummary({ errors, focusKey }: { errors: readonly ErrorItem[]; focusKey: number }) {
  const ref = useRef<HTMLDivElement>(null);
  // Only a new submit moves focus, not every keystroke that changes the list.
  const focusIfShown = useEffectEvent(() => {
    if (errors.length > 0) ref.current?.focus();
  });
  useEffect(() => {
    focusIfShown();
  }, [focusKey]);
  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 className="error-summary__title" id="error-summary-title">
        There is a problem
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={`${error.fieldId ?? ''}:${error.message}`}>
            {error.fieldId ? (
              <a
                href={`#${error.fieldId}`}
                onClick={(event) => {
                  event.preventDefault();
                  focusById(error.fieldId ?? '');
                }}
              >
                {error.message}
              </a>
            ) : (
              error.message
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
