import { useCallback, useLayoutEffect, useMemo, useRef, type ChangeEvent } from 'react';

export interface ParagraphsProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: (() => void) | undefined;
  className: string;
  spellCheck: boolean;
  describedBy: string | undefined;
  required: boolean;
  invalid: boolean;
}

/**
 * The textarea for paragraphs of narrative. React keeps a controlled textarea's default value
 * (its child text node) equal to its value, so every keystroke in a 60,000-character rationale
 * used to replace that whole text node as well as typing the letter. Here the textarea owns its
 * text while the chair types: React renders it once (the element below is reused while only the
 * value changes) and gives it no default value — after each change React writes the default
 * value back, and an empty one costs nothing. The text is written in before the first paint,
 * and again only when it changes from outside (a restored draft, a conflict resolved).
 */
export function Paragraphs({ id, value, onChange, onBlur, className, spellCheck, describedBy, required, invalid }: ParagraphsProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const latest = useRef({ onChange, onBlur });
  useLayoutEffect(() => {
    latest.current = { onChange, onBlur };
  }, [onChange, onBlur]);
  useLayoutEffect(() => {
    const element = ref.current;
    // Equal after the chair's own typing (the text came from this element); different only when changed from outside.
    if (element && element.value !== value) element.value = value;
  }, [value]);
  const handleChange = useCallback((event: ChangeEvent<HTMLTextAreaElement>) => latest.current.onChange(event.target.value), []);
  const handleBlur = useCallback(() => latest.current.onBlur?.(), []);
  return useMemo(
    () => (
      <textarea
        ref={ref}
        id={id}
        name={id}
        dir="auto"
        className={className}
        spellCheck={spellCheck}
        rows={3}
        aria-describedby={describedBy}
        aria-required={required || undefined}
        aria-invalid={invalid || undefined}
        onChange={handleChange}
        onBlur={handleBlur}
      />
    ),
    [id, className, spellCheck, describedBy, required, invalid, handleChange, handleBlur],
  );
}
