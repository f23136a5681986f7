import './team.css';
import type { EditLeases } from '../../../domain/api/contract';
import { formatTimeOfDay } from '../format/dates';

/**
 * lease9: "Being edited by …" above a conference someone else has open. Polite, not an alert:
 * it is advice (saves are still checked by revision, and a conflict keeps the typed text).
 */
export function EditLeaseBanner({ others, editing }: { others: EditLeases['others']; editing: boolean }) {
  if (others.length === 0) return null;
  const who = others.map((o) => `${o.name} since ${formatTimeOfDay(o.since)}`);
  const named = who.length === 1 ? who[0] : `${who.slice(0, -1).join(', ')} and ${who.at(-1)}`;
  return (
    <div className="edit-lease" role="status" aria-live="polite">
      <p className="body">
        <strong>
          Being edited by {named}
          {editing ? ' — your changes may conflict' : ''}
        </strong>
        {editing ? '. Keep typing: every save is checked, and if theirs landed first you will see both versions before anything is replaced.' : '.'}
      </p>
    </div>
  );
}
