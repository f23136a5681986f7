import type { Block, DocumentModel, Notice } from '../../domain/documents/model';
import { text } from '../../domain/documents/model';
import { redactRestricted } from '../../domain/documents/redact';
import type { ConferenceRecord } from '../../domain/record/conference';
import { documentOf, type LayoutOptions, withRecordRestrictions } from './common';
import { minutesBlocks } from './full-minutes';

/**
 * The family copy: the full minutes' own blocks with everything restricted taken out (or
 * replaced by the chair's family version), and a notice near the top that says whether
 * anything was withheld and why. Built from the same blocks so it cannot drift from the minutes.
 */

export const FAMILY_COPY = 'Family copy';

export function familyCopy(record: ConferenceRecord, given: LayoutOptions = {}): DocumentModel {
  const options = withRecordRestrictions(record, given);
  const redacted = redactRestricted(minutesBlocks(record, options));
  const blocks: Block[] = [...redacted.blocks];
  // After the title and the line saying when the conference was held.
  const at = Math.min(2, blocks.length);
  blocks.splice(at, 0, withheldNotice(redacted.reasons, redacted.removed));
  return documentOf({
    record,
    options,
    documentName: FAMILY_COPY,
    subject: 'Minutes of a child protection conference for the family, with restricted information removed',
    blocks,
  });
}

export function withheldNotice(reasons: readonly string[], removed: number): Notice {
  if (removed === 0) {
    return {
      kind: 'notice',
      title: 'Nothing has been withheld',
      runs: [text('No information has been withheld from this copy: it contains everything in the full minutes.')],
    };
  }
  const pieces = removed === 1 ? 'one piece of information' : `${removed} pieces of information`;
  return {
    kind: 'notice',
    title: 'Some information has been withheld',
    runs: [
      text(`Some information has been withheld from this copy. It leaves out ${pieces} that the full minutes contain, because ${reasons.join('; and because ')}. `),
      text('If you want to know more about why, ask the chair or your lead social worker.'),
    ],
  };
}
