import { memo } from 'react';
import { isScaleScore, meetingValues, textOf } from '../../../../domain/record/access';
import { useGuided } from '../context';
import { fieldDomId } from '../scope';
import { GroupShell } from '../../components/FieldShell';
import type { FieldProps } from './types';

const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/**
 * A safety-scale score. It is always stored as { score, definition } with the scale this
 * conference uses (meeting details), because councils define 0 and 10 differently and a
 * bare number could later be read the wrong way round.
 */
export const ScaleField = memo(function ScaleField({ field, value, setField, scope, scaleDefinition, required, problem }: FieldProps) {
  const guided = useGuided();
  const domId = fieldDomId(scope, field.id);
  const definition = scaleDefinition;
  const score = isScaleScore(value) ? value : null;

  const choose = (chosen: number) => {
    // The definition is read now, not from the display copy, so a just-typed scale is the one stored.
    const current = textOf(meetingValues(guided.getRecord())['scaleDefinition']).trim();
    if (current) setField(field.id, () => ({ score: chosen, definition: current }));
  };

  if (!definition && !score) {
    return (
      <GroupShell domId={`${domId}--group`} label={field.label} hint={field.hint} required={required} error={problem}>
        <p className="g-hint" id={domId} tabIndex={-1}>
          Scores are stored with the scale’s definition, so say what 0 and 10 mean first.{' '}
          <button type="button" className="g-link-button" onClick={() => guided.openRef({ section: 'meeting', field: 'scaleDefinition' })}>
            Set the safety scale in Meeting details
          </button>
        </p>
      </GroupShell>
    );
  }

  const hint = [field.hint, `Scale: ${score && score.definition !== definition ? score.definition : definition}`].filter(Boolean).join(' ');
  return (
    <GroupShell domId={domId} label={field.label} hint={hint} required={required} error={problem}>
      {score && definition && score.definition !== definition && (
        <p className="g-note">This score was given on a different scale from the one now set for the conference. Choose it again to use the new scale.</p>
      )}
      <div className="g-scale">
        {SCORES.map((n) => (
          <div className="g-scale__point" key={n}>
            <input
              id={n === 0 ? domId : `${domId}--${n}`}
              type="radio"
              name={domId}
              checked={score?.score === n}
              disabled={!definition}
              onChange={() => choose(n)}
            />
            <label htmlFor={n === 0 ? domId : `${domId}--${n}`}>{n}</label>
          </div>
        ))}
      </div>
      {score && (
        <button type="button" className="g-link-button" onClick={() => setField(field.id, () => undefined)}>
          Clear the score
        </button>
      )}
    </GroupShell>
  );
});
