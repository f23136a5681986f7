import { useCallback, useRef, useState } from 'react';
import type { ConferenceRecord, SectionValue } from '../../../domain/record/conference';
import { errorCode, errorMessage, type ApiClient } from '../api';
import type { SaveOutcome, Sections } from '../autosave/useAutosave';

export interface SaveConflict {
  /** The conference as saved by someone else, read when the save was refused. */
  theirs: ConferenceRecord;
  /** This person's unsaved sections at that moment (still on screen, still queued). */
  mine: Sections;
  /** Set when keeping mine failed too (someone saved yet again). */
  problem: string | null;
}

/**
 * lease9: two people, one record. A save refused as CONFLICT (someone else's landed first) keeps
 * the typed text (autosave puts it back in its queue) and here also reads the saved version, so
 * the page can set both versions of each section side by side. "Keep my version" sends this
 * person's unsaved sections on top of the saved revision; "Use the saved version" reopens the page.
 * Nothing is merged silently: the person chooses, seeing both.
 */
export function useSaveConflict(client: ApiClient, id: string, save: (sections: Sections, base: number) => Promise<SaveOutcome>, reopen: () => void) {
  const [conflict, setConflict] = useState<SaveConflict | null>(null);
  /** Every section changed here and not yet saved, at its latest value. */
  const unsaved = useRef(new Map<string, SectionValue>());

  const track = useCallback((sectionId: string, value: SectionValue) => {
    unsaved.current.set(sectionId, value);
  }, []);

  const readTheirs = useCallback(
    async (problem: string | null) => {
      try {
        const { conference } = await client['conferences.get']({ id });
        setConflict({ theirs: conference, mine: Object.fromEntries(unsaved.current), problem });
      } catch {
        // The refusal itself is still shown by the save status; the text stays on screen.
      }
    },
    [client, id],
  );

  const guardedSave = useCallback(
    async (sections: Sections, base: number): Promise<SaveOutcome> => {
      try {
        const outcome = await save(sections, base);
        // Saved as sent: no longer unsaved, unless typed over since.
        for (const [sectionId, value] of Object.entries(sections)) if (unsaved.current.get(sectionId) === value) unsaved.current.delete(sectionId);
        return outcome;
      } catch (error) {
        if (errorCode(error) === 'CONFLICT') await readTheirs(null);
        throw error;
      }
    },
    [save, readTheirs],
  );

  const keepMine = useCallback(async () => {
    if (conflict === null) return;
    try {
      await client['conferences.save']({ id, baseRevision: conflict.theirs.revision, sections: Object.fromEntries(unsaved.current) });
      unsaved.current.clear();
      reopen();
    } catch (error) {
      await readTheirs(errorCode(error) === 'CONFLICT' ? 'It was saved again in the meantime: here is the latest. Your text is still here.' : errorMessage(error));
    }
  }, [client, id, conflict, readTheirs, reopen]);

  const takeSaved = useCallback(() => {
    unsaved.current.clear();
    reopen();
  }, [reopen]);

  return { save: guardedSave, track, conflict, keepMine, takeSaved };
}
