import type { HistoryEntry } from '../../../domain/api/contract';
import { chainIsValid, entryHashIsValid, genesisHash, recordHash, type HistoryRead } from './history';
import type { StoredConference } from './conference-file';

export type HistoryState = 'ok' | 'recovered' | 'tampered';

export interface Assessment {
  /** The history as it should read, including an entry completed from the document after a crash. */
  entries: HistoryEntry[];
  state: HistoryState;
}

/**
 * Checks a conference's history against its document.
 *
 * - 'ok': every line decrypts, the chain verifies, and its last entry is the document's entry,
 *   whose recordHash matches the stored record.
 * - 'recovered': as ok, except that the process stopped mid-save: the history lacks the
 *   document's entry (which chains on exactly) and/or ends in a torn, unterminated line.
 * - 'tampered': anything else — an unreadable complete line, a broken link or hash, a record
 *   that does not match its entry, or a document older or newer than its history allows.
 */
export function assessHistory(conferenceId: string, stored: StoredConference, read: HistoryRead): Assessment {
  const { entry, record } = stored;
  const documentOk =
    entryHashIsValid(entry) && entry.recordHash === recordHash(record) && entry.revision === record['revision'];
  const chainOk = read.unreadableLines === 0 && chainIsValid(conferenceId, read.entries);
  const last = read.entries.at(-1);
  if (last !== undefined && last.hash === entry.hash) {
    return { entries: read.entries, state: documentOk && chainOk ? (read.tornTail ? 'recovered' : 'ok') : 'tampered' };
  }
  const chainEnd = last === undefined ? genesisHash(conferenceId) : last.hash;
  const expectedSeq = last === undefined ? 0 : last.seq + 1;
  const pending = entry.prevHash === chainEnd && entry.seq === expectedSeq;
  const entries = pending ? [...read.entries, entry] : read.entries;
  return { entries, state: documentOk && chainOk && pending ? 'recovered' : 'tampered' };
}
