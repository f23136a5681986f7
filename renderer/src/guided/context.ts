import { createContext, useContext } from 'react';
import type { ConferenceRecord, GroupItem } from '../../../domain/record/conference';
import type { FieldRef } from '../../../domain/rules/finding';
import type { UnreadableEntry } from '../../../domain/rules/unreadable-entry';
import type { FieldScope } from './scope';

/**
 * A date or time typed in a form the record cannot hold yet; kept so the text is not lost. The
 * domain's UnreadableEntry (ref, label, message) plus the text, keyed by element id on screen.
 */
export interface Draft extends UnreadableEntry {
  text: string;
}

export interface RemovalNotice {
  message: string;
  undoLabel: string;
  undo: () => void;
}

/**
 * What every field may need but that must not re-render them when it changes: reads of
 * the current record, drafts, notices and navigation. The value is created once, so
 * consumers only re-render for their own props.
 */
export interface GuidedApi {
  /** The record as it is now (not the deferred copy used for display and rules). */
  getRecord(): ConferenceRecord;
  getDraft(domId: string): Draft | undefined;
  setDraft(domId: string, draft: Draft | null): void;
  announceRemoval(notice: RemovalNotice): void;
  /** Focus the first of these elements on screen once the next render has put it there. */
  focusSoon(...domIds: string[]): void;
  /** Open the section a ref names and focus its field. */
  openRef(ref: FieldRef): void;
  /** Places that would lose their meaning if the item went, as phrases ("a dissent record"). */
  removalWarnings(scope: FieldScope, item: GroupItem): string[];
}

export const GuidedContext = createContext<GuidedApi | null>(null);

export function useGuided(): GuidedApi {
  const api = useContext(GuidedContext);
  if (!api) throw new Error('useGuided must be used inside <GuidedConference>.');
  return api;
}
