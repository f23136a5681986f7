import { memo, useEffect, useRef, useState } from 'react';
import { useGuided } from '../context';
import { fieldDomId } from '../scope';
import { TextField } from '../../components/TextField';
import { DATE_ENTRY, TIME_ENTRY, type TypedEntryFormat } from '../../../../domain/template/typed-entry';
import type { FieldProps } from './types';

/**
 * A date (dd/mm/yyyy) or a time (hh:mm) typed as text: the operating system's own date
 * picker can show a US order, and a typed date is quicker during a meeting. A value that
 * parses is stored at once (yyyy-mm-dd or hh:mm). One that does not is explained on leaving
 * the field and listed in the readiness panel, and saved exactly as typed, so that closing the
 * app loses nothing; the template's validation keeps it blocking signing until it is fixed.
 */
function FormattedTextField({ field, value, setField, scope, required, problem, format }: FieldProps & { format: TypedEntryFormat }) {
  const guided = useGuided();
  const domId = fieldDomId(scope, field.id);
  const stored = typeof value === 'string' ? value : '';
  const [text, setText] = useState(() => guided.getDraft(domId)?.text ?? format.show(stored));
  const [error, setError] = useState(() => guided.getDraft(domId)?.message);
  const committed = useRef(stored);

  // Undo or another window can change the stored value: show it, unless it is what we stored.
  useEffect(() => {
    if (stored === committed.current) return;
    committed.current = stored;
    setText(format.show(stored));
    setError(undefined);
    guided.setDraft(domId, null);
  }, [stored, format, guided, domId]);

  const store = (next: string) => {
    committed.current = next;
    setField(field.id, () => next);
  };

  const onChange = (typed: string) => {
    setText(typed);
    const parsed = format.parse(typed);
    if (parsed.ok && parsed.value !== committed.current) store(parsed.value);
    if (parsed.ok && error) {
      setError(undefined);
      guided.setDraft(domId, null);
    }
  };

  const onBlur = () => {
    if (text.trim() === '') {
      if (committed.current !== '') store('');
      setError(undefined);
      guided.setDraft(domId, null);
      return;
    }
    const parsed = format.parse(text);
    if (parsed.ok) {
      setText(format.show(parsed.value));
      return;
    }
    if (committed.current !== text) store(text);
    setError(parsed.message);
    guided.setDraft(domId, { ref: { ...scope, field: field.id }, label: field.label, text, message: parsed.message });
  };

  const hint = [field.hint, format.example].filter(Boolean).join(' ');
  const shown = error ?? problem;
  return (
    <TextField
      id={domId}
      label={field.label}
      hint={hint}
      required={required}
      error={shown}
      width="short"
      inputMode={format === TIME_ENTRY ? 'numeric' : 'text'}
      value={text}
      onChange={onChange}
      onBlur={onBlur}
    />
  );
}

export const DateField = memo(function DateField(props: FieldProps) {
  return <FormattedTextField {...props} format={DATE_ENTRY} />;
});

export const TimeField = memo(function TimeField(props: FieldProps) {
  return <FormattedTextField {...props} format={TIME_ENTRY} />;
});
