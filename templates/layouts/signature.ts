import type { Block } from '../../domain/documents/model';
import { heading } from '../../domain/documents/model';
import { meetingValues, textOf } from '../../domain/record/access';
import type { ConferenceRecord } from '../../domain/record/conference';
import type { LayoutOptions } from './common';

/** The closing signature block: who signed and when, or a plain statement that nobody has yet. */
export function signatureBlocks(record: ConferenceRecord, options: LayoutOptions): Block[] {
  return [
    heading(1, 'Signature'),
    { kind: 'signature', chair: textOf(meetingValues(record)['chair']) || 'The chair', signature: options.signature ?? null },
  ];
}
