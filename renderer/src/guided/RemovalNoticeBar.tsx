import type { RemovalNotice } from './context';
import { useStickyClearance } from './use-sticky-clearance';

export const UNDO_BUTTON_ID = 'g-undo-removal';

/**
 * The undo for an accidental removal. The live region is always in the page (an added
 * region is often not announced); only its text changes.
 */
export function RemovalNoticeBar({ notice, onUndo, onDismiss }: { notice: RemovalNotice | null; onUndo: () => void; onDismiss: () => void }) {
  // Sticky at the bottom while shown: focus is kept clear of it as of the save bar at the top.
  const bar = useStickyClearance<HTMLDivElement>('--notice-height', 'bottom');
  return (
    <div className={notice ? 'g-notice' : 'g-notice g-notice--empty'} ref={bar}>
      <p role="status" className="g-notice__text">
        {notice?.message}
      </p>
      {notice && (
        <div className="g-button-row">
          <button type="button" id={UNDO_BUTTON_ID} className="g-button g-button--secondary" onClick={onUndo}>
            {notice.undoLabel}
          </button>
          <button type="button" className="g-link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
