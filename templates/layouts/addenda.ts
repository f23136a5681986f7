import type { Block, DocumentModel } from '../../domain/documents/model';
import { heading, paragraph, paragraphsOf, text } from '../../domain/documents/model';
import type { Addendum } from '../../domain/signoff/schemas';
import { documentDateTime } from './common';

/**
 * Corrections made after sign-off. Every export of a signed conference carries all of them,
 * in order, just before the signature block: a reader of any copy sees what was corrected,
 * by whom, when and why, beside the minutes as they were signed (which are never rewritten).
 */
export function addendaBlocks(addenda: readonly Addendum[]): Block[] {
  if (addenda.length === 0) return [];
  const blocks: Block[] = [heading(1, addenda.length === 1 ? 'Addendum' : 'Addenda')];
  for (const addendum of addenda) {
    blocks.push(
      heading(2, `Addendum (signed version ${addendum.version})`),
      paragraph(text('Reason: ', { bold: true }), text(addendum.reason)),
      paragraph(text('Added by ', { bold: true }), text(`${addendum.author} on ${documentDateTime(addendum.at)}.`)),
      ...paragraphsOf(addendum.text),
    );
  }
  return blocks;
}

/** The model with the addenda placed before its signature (its heading too, where it has one), or at the end. */
export function withAddenda(model: DocumentModel, addenda: readonly Addendum[]): DocumentModel {
  const extra = addendaBlocks(addenda);
  if (extra.length === 0) return model;
  const blocks = [...model.blocks];
  let at = blocks.findIndex((block) => block.kind === 'signature');
  if (at < 0) at = blocks.length;
  const before = blocks[at - 1];
  if (before?.kind === 'heading' && before.text === 'Signature') at -= 1;
  blocks.splice(at, 0, ...extra);
  return { ...model, blocks };
}
