import { focusById } from '../components/focus';
import { formatDateTime, formatTimeOfDay, isSameLocalDay } from '../format/dates';
import { useTeamConnection } from '../team/connection-state';
import type { AutosaveStatus } from './useAutosave';

export interface HeldField {
  inputId: string;
  label: string;
}

function savedText(savedAt: string | null): string {
  if (!savedAt) return 'All changes saved';
  return isSameLocalDay(savedAt, new Date())
    ? `All changes saved at ${formatTimeOfDay(savedAt)}`
    : `All changes saved on ${formatDateTime(savedAt)}`;
}

/**
 * The visible, announced save state. It is a polite live region whose text changes only when
 * the state does, so a screen reader hears "Saving…", "All changes saved at 10:42" without
 * being interrupted on every keystroke.
 */
export function SaveStatus({ status, held, onRetry }: { status: AutosaveStatus; held: readonly HeldField[]; onRetry: () => void }) {
  // Kept on this computer until the team server takes it; once nothing waits, it is saved there.
  const connection = useTeamConnection();
  const sent = status.kind === 'queued' && connection.state === 'online' && connection.waiting === 0;
  // A screen opened while changes wait (they are shown on top of the server's copy) is not saved there yet.
  const kept = (status.kind === 'queued' && !sent) || (status.kind === 'saved' && connection.waiting > 0);
  return (
    <div className={`save-status save-status--${status.kind}`}>
      <p className="save-status__text" role="status" id="save-status">
        {status.kind === 'saved' && !kept && savedText(status.savedAt)}
        {kept && 'Kept on this computer, encrypted, to be sent when the team server is back'}
        {sent && 'All changes saved to the team server'}
        {status.kind === 'unsaved' && 'Unsaved changes'}
        {status.kind === 'saving' && 'Saving…'}
        {/* The reason, then what it means for the chair's text, each said once. */}
        {status.kind === 'retrying' && `Not saved yet. ${status.message} Your text is still on screen and will be saved when the app answers; trying again automatically.`}
        {status.kind === 'failed' && `Could not save: ${status.message}`}
        {status.kind === 'held' && held.length === 0 && 'Not saved yet: an answer needs correcting. Everything else is saved.'}
        {status.kind === 'held' && held.length > 0 && (
          <>
            Not saved yet: check{' '}
            {held.map((field, index) => (
              <span key={field.inputId}>
                {index > 0 && (index === held.length - 1 ? ' and ' : ', ')}
                <a
                  href={`#${field.inputId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusById(field.inputId);
                  }}
                >
                  {field.label}
                </a>
              </span>
            ))}
            . Everything else is saved.
          </>
        )}
      </p>
      {(status.kind === 'failed' || status.kind === 'retrying') && (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          {status.kind === 'retrying' ? 'Try now' : 'Try saving again'}
        </button>
      )}
    </div>
  );
}
