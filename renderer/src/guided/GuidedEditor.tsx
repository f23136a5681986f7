import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { localRuleSets } from '../../../domain/rules/readiness';
import { CHILDREN_SECTION, type ConferenceRecord, type ConferenceType, type SectionValue } from '../../../domain/record/conference';
import { childNameAmong, isUnbornValues } from '../../../domain/record/access';
import { SaveStatus } from '../autosave/SaveStatus';
import { useAutosave } from '../autosave/useAutosave';
import { fitsKeepalive } from '../api';
import { useSession } from '../session/SessionContext';
import { GuidedConference } from './GuidedConference';
import { LocalSettingsContext } from './local-settings';
import { useStickyClearance } from './use-sticky-clearance';
import { ConflictPanel } from '../team/ConflictPanel';
import { useSaveConflict } from '../team/useSaveConflict';

const noop = () => undefined;

/** The children as the page's heading line names them: an unnamed unborn baby as the record does ("Unborn baby"). */
function childNames(type: ConferenceType, section: SectionValue | undefined): string {
  if (section?.kind !== 'list') return '';
  return section.items
    .map((child) => (isUnbornValues(type, child.values) ? childNameAmong(type, section.items, child.id) : typeof child.values['name'] === 'string' ? child.values['name'].trim() : ''))
    .filter(Boolean)
    .join(', ');
}

/**
 * The conference page's editor: the guided template wired to the app's autosave. Every
 * changed section is queued (only that section is sent, with the revision it was based
 * on), the save state is shown and announced by the app's own SaveStatus, locking first
 * flushes what is queued, and readiness uses the council's local rules from Settings.
 */
export function GuidedEditor({
  record,
  readOnly = false,
  renderSign,
  readOnlyNote,
  reopen,
}: {
  record: ConferenceRecord;
  /** Signed: shown as it was signed, nothing editable. */
  readOnly?: boolean;
  /** lease9: why it is read-only when that is not because it is signed (a manager's view). */
  readOnlyNote?: string;
  /** lease9: reads the conference again (after a save conflict is settled); without it, the conflict panel is not offered. */
  reopen?: () => void;
  /** The sign-off control for the readiness panel; given `flush` so it signs only what is saved. */
  renderSign?: (flush: () => Promise<boolean>) => ReactNode;
}) {
  const { client, setUnsavedWork, handOverUnsaved, settings } = useSession();
  // The council's own quorum and timescale rules, as set in Settings.
  const rules = useMemo(() => localRuleSets(settings.local), [settings.local]);
  const save = useCallback(
    (sections: Record<string, SectionValue>, baseRevision: number) => client['conferences.save']({ id: record.id, baseRevision, sections }),
    [client, record.id],
  );
  const onLocked = useCallback(
    (sections: Record<string, SectionValue>, baseRevision: number) => handOverUnsaved(record.id, sections, baseRevision),
    [handOverUnsaved, record.id],
  );
  const canSendOnLeaving = useCallback(
    (sections: Record<string, SectionValue>) => fitsKeepalive({ id: record.id, baseRevision: record.revision, sections }),
    [record.id, record.revision],
  );
  // lease9: a save refused as a conflict also reads the saved version, to show both side by side.
  const conflicts = useSaveConflict(client, record.id, save, reopen ?? noop);
  const trackChange = conflicts.track;
  const autosave = useAutosave({ revision: record.revision, savedAt: record.updatedAt, save: reopen ? conflicts.save : save, onLocked, canSendOnLeaving });
  const { flush, queue, leave, wouldLoseWork } = autosave;
  // Stable, so the memoised form does not redraw when the save status changes.
  const signAction = useMemo(() => renderSign?.(flush), [renderSign, flush]);
  const type = record.type;
  const [names, setNames] = useState(() => childNames(record.type, record.sections[CHILDREN_SECTION]));
  const saveBar = useStickyClearance<HTMLDivElement>('--savebar-height', 'top');

  useEffect(() => {
    setUnsavedWork({ flush, leave, wouldLoseWork });
    return () => setUnsavedWork(null);
  }, [flush, leave, wouldLoseWork, setUnsavedWork]);

  const onSectionChange = useCallback(
    (sectionId: string, value: SectionValue) => {
      trackChange(sectionId, value);
      queue(sectionId, value);
      if (sectionId === CHILDREN_SECTION) setNames(childNames(type, value));
    },
    [queue, type, trackChange],
  );

  return (
    <>
      <p className="body lead" dir="auto">
        {names || 'No children named yet'}
      </p>
      <div className="g-savebar" ref={saveBar}>
        {readOnly ? (
          <p className="hint">{readOnlyNote ?? 'Signed minutes: shown as they were signed. Corrections are made as an addendum below.'}</p>
        ) : (
          <>
            <SaveStatus status={autosave.status} held={[]} onRetry={() => void flush()} />
            <p className="hint">Changes save automatically as you type.</p>
          </>
        )}
      </div>
      {reopen && conflicts.conflict && (
        <ConflictPanel conflict={conflicts.conflict} record={record} onKeepMine={() => void conflicts.keepMine()} onUseSaved={conflicts.takeSaved} />
      )}
      <LocalSettingsContext.Provider value={settings.local}>
        <GuidedConference
          key={record.id}
          record={record}
          onSectionChange={onSectionChange}
          rules={rules}
          readOnly={readOnly}
          signAction={signAction}
        />
      </LocalSettingsContext.Provider>
    </>
  );
}
