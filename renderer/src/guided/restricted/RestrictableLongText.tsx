import { memo } from 'react';
import { PRACTICE_ALERTS_SECTION } from '../../../../domain/alerts/practice-alerts';
import { sameAnswer, type RestrictedMark } from '../../../../domain/restricted/marks';
import { FAMILY_RATIONALE_FIELD } from '../../../../domain/restricted/restricted-information';
import { CHILD_LETTER_FIELD } from '../../../../domain/letters/child-letters';
import { ChildLetterField } from '../../letters/ChildLetterField';
import { LongTextField } from '../fields/TextField';
import type { FieldProps } from '../fields/types';
import { fieldDomId } from '../scope';
import { useRestrictedMarks, type RestrictedMarksApi } from './marks-context';

/**
 * A long answer with a tick to mark it restricted (third-party or confidential police
 * information), which keeps it out of the family copy. The text itself is untouched: the
 * mark is stored apart from it, so ticking and unticking never lose what was typed.
 */
export const RestrictableLongText = memo(function RestrictableLongText(props: FieldProps) {
  const api = useRestrictedMarks();
  const { field, scope } = props;
  const domId = fieldDomId(scope, field.id);
  // Issue 8: the letter to a child has its reading age beside it, and no restricted tick.
  if (field.id === CHILD_LETTER_FIELD) return <ChildLetterField {...props} />;
  // The family version is what the family reads, practice alerts are not in the minutes, and the
  // scale's definition is read with every score: a tick would mean nothing.
  if (!api || field.restrictable === false || field.id === FAMILY_RATIONALE_FIELD || scope.section === PRACTICE_ALERTS_SECTION) return <LongTextField {...props} />;
  if (field.restricted) {
    return (
      <div className="g-restrictable g-restrictable--on">
        <LongTextField {...props} />
        <p className="g-restricted-note">Restricted: always left out of the family copy.</p>
      </div>
    );
  }
  const mark: RestrictedMark = { section: scope.section, field: field.id };
  if (scope.childId) mark.childId = scope.childId;
  if (scope.itemId) mark.itemId = scope.itemId;
  if (scope.subItemId) mark.subItemId = scope.subItemId;
  const marked = api.marks.some((m) => sameAnswer(m, mark));
  return (
    <div className={marked ? 'g-restrictable g-restrictable--on' : 'g-restrictable'}>
      <LongTextField {...props} />
      <RestrictedTick toggleId={`${domId}--restricted`} label={field.label} mark={mark} marked={marked} setMarked={api.setMarked} />
    </div>
  );
});

interface TickProps {
  toggleId: string;
  label: string;
  mark: RestrictedMark;
  marked: boolean;
  setMarked: RestrictedMarksApi['setMarked'];
}

/**
 * The tick itself, apart from the answer so typing in the answer does not re-render it (React
 * rewrites a checkbox's name and type attributes whenever it renders). The mark is rebuilt on
 * each keystroke, so it is compared by what it names, not by identity.
 */
const RestrictedTick = memo(
  function RestrictedTick({ toggleId, label, mark, marked, setMarked }: TickProps) {
    return (
      <div className="g-choice g-restricted-toggle">
        <input id={toggleId} type="checkbox" checked={marked} onChange={(event) => setMarked(mark, event.target.checked)} />
        <label htmlFor={toggleId}>
          Restricted: leave out of the family copy<span className="visually-hidden"> ({label})</span>
        </label>
      </div>
    );
  },
  (before, after) =>
    before.toggleId === after.toggleId && before.label === after.label && before.marked === after.marked && before.setMarked === after.setMarked && sameAnswer(before.mark, after.mark),
);
