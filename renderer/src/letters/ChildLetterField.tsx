import './letters.css';
import { memo, useMemo } from 'react';
import { readingAge, readingAgeSentence } from '../../../domain/letters/reading-age';
import { LongTextField } from '../guided/fields/TextField';
import type { FieldProps } from '../guided/fields/types';
import { fieldDomId } from '../guided/scope';
import { useSettled } from '../guided/use-settled';

/**
 * Wait this long after the last keystroke before measuring: the measure is cheap (a few ms
 * for a long letter, the syllable counts are remembered) but a screen reader announcing a new
 * reading age at every word would drown out what the chair is typing.
 */
const MEASURE_AFTER_MS = 700;

/**
 * The chair's letter to a child, with its reading age beside it. The reading age is advice
 * only: it never blocks, and it is announced politely, after a pause, so it never interrupts.
 * No restricted tick: the letter goes to the child, never to the family copy's readers alone.
 */
export const ChildLetterField = memo(function ChildLetterField(props: FieldProps) {
  const text = typeof props.value === 'string' ? props.value : '';
  const settled = useSettled(text, MEASURE_AFTER_MS);
  const sentence = useMemo(() => readingAgeSentence(readingAge(settled)), [settled]);
  const id = `${fieldDomId(props.scope, props.field.id)}--reading-age`;
  return (
    <div className="letter-field">
      <LongTextField {...props} />
      <p className="letter-field__reading-age" id={id} role="status" aria-live="polite" aria-atomic="true">
        {sentence}
      </p>
    </div>
  );
});
