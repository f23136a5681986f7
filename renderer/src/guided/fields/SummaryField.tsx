import { memo } from 'react';
import { summaryLines } from '../../../../domain/rules/summaries';
import { useLocalSettings } from '../local-settings';
import { fieldDomId } from '../scope';
import type { FieldProps } from './types';

/**
 * Sentences the domain works out from the record (timescales, attendance and quorum), shown
 * where the chair is working. Nothing here is typed or stored; a live region would announce
 * every keystroke's recount, so it is read when reached, like the rest of the form.
 */
export const SummaryField = memo(function SummaryField({ field, scope, record }: FieldProps) {
  const settings = useLocalSettings();
  const domId = fieldDomId(scope, field.id);
  if (!record || !field.summary) return null;
  const lines = summaryLines(field.summary, record, settings, { itemId: scope.itemId });
  if (lines.length === 0) return null;
  return (
    <section className="g-field g-summary" id={domId} aria-labelledby={`${domId}--label`}>
      <p className="g-label" id={`${domId}--label`}>
        {field.label}
      </p>
      <ul className="g-summary__lines">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
});
