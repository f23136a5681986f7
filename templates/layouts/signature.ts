import type { Block, SignatureBlock } from '../../domain/documents/model';
import { heading } from '../../domain/documents/model';
import { meetingValues, textOf } from '../../domain/record/access';
import type { ConferenceRecord } from '../../domain/record/conference';
import { documentDateTime, type LayoutOptions } from './common';

/** The closing signature block: who signed, when, and the code to check; or a plain statement that nobody has yet. */
export function signatureBlock(record: ConferenceRecord, options: LayoutOptions): SignatureBlock {
  const signature = options.signature ?? null;
  if (signature) {
    return {
      kind: 'signature',
      signature,
      lines: [
        signature.signer,
        `${signature.role}, ${signature.council}`,
        `Signed on ${documentDateTime(signature.signedAt)}: version ${signature.version}, verification code ${signature.verificationCode}.`,
      ],
    };
  }
  const chair = textOf(meetingValues(record)['chair']) || 'the chair';
  return { kind: 'signature', signature: null, lines: ['DRAFT — not signed.', `To be signed by ${chair}.`] };
}

export function signatureBlocks(record: ConferenceRecord, options: LayoutOptions): Block[] {
  return [heading(1, 'Signature'), signatureBlock(record, options)];
}
