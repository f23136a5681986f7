import type { ReviewItem, SentParagraph } from './schemas';

/**
 * What a returned review copy says, read out of the DOCX (main/services/review/import-docx.ts),
 * and how it becomes the chair's list of comments and changes. Pure: the rules for placing a
 * comment or finding an untracked edit are tested here without any Word file.
 */

export interface TrackedPiece {
  kind: 'insertion' | 'deletion';
  author: string;
  date: string | null;
  text: string;
}

export interface ReturnedParagraph {
  /** The `s<section>_p<n>` bookmark it carries, or null (a paragraph the agency added). */
  bookmark: string | null;
  /** Its words as they were before the tracked changes (insertions left out, deletions kept). */
  before: string;
  /** Its words with the tracked changes made. */
  after: string;
  pieces: TrackedPiece[];
  commentStarts: string[];
  commentReferences: string[];
}

export interface WordComment {
  id: string;
  author: string;
  date: string | null;
  text: string;
}

export interface ReturnedDocx {
  paragraphs: ReturnedParagraph[];
  comments: WordComment[];
  identifier: { text: string; signature: string } | null;
}

const quote = (value: string, max = 160) => `“${value.length > max ? `${value.slice(0, max - 1)}…` : value}”`;

function describePieces(pieces: readonly TrackedPiece[]): string {
  return pieces.map((p) => `${p.kind === 'insertion' ? 'Inserted' : 'Deleted'} ${quote(p.text)}`).join('; ');
}

const unique = (values: readonly string[]) => [...new Set(values.filter((v) => v.trim() !== ''))];

/**
 * Every comment and every change in a returned copy, each on the paragraph (and section) it sits
 * on. Tracked changes in one paragraph make one item (accepting it makes the paragraph read as
 * the agency has it); words changed without tracking are found by comparing each paragraph with
 * what was sent; a sent paragraph missing from the file was deleted without tracking.
 */
export function reviewItems(returned: ReturnedDocx, sent: readonly SentParagraph[], recipientName: string): ReviewItem[] {
  const sentById = new Map(sent.map((p) => [p.id, p]));
  const items: ReviewItem[] = [];
  const seen = new Set<string>();
  /** Where each comment starts: its range start, else its reference mark. */
  const commentHome = new Map<string, number>();
  returned.paragraphs.forEach((p, index) => {
    for (const id of p.commentStarts) if (!commentHome.has(id)) commentHome.set(id, index);
  });
  returned.paragraphs.forEach((p, index) => {
    for (const id of p.commentReferences) if (!commentHome.has(id)) commentHome.set(id, index);
  });

  let lastKnown: SentParagraph | null = null;
  const placed: { sent: SentParagraph | null; after: SentParagraph | null }[] = [];
  // A copy with no bookmarks at all (its text pasted into a new document) is matched paragraph by
  // paragraph on the words as sent, in order. Only then: in a copy that kept its bookmarks, a
  // paragraph without one is one the agency added, even if it repeats a label such as "Worries".
  const bookmarked = returned.paragraphs.some((p) => p.bookmark !== null);
  const byText = new Map<string, SentParagraph[]>();
  for (const paragraph of sent) byText.set(paragraph.text, [...(byText.get(paragraph.text) ?? []), paragraph]);
  const byWords = (text: string): SentParagraph | null => byText.get(text)?.find((candidate) => !seen.has(candidate.id)) ?? null;
  for (const p of returned.paragraphs) {
    const own = p.bookmark !== null ? (sentById.get(p.bookmark) ?? null) : bookmarked ? null : byWords(p.before);
    // A bookmark Word copied onto a second paragraph (a split) names the same paragraph twice: only the first is it.
    const sentParagraph = own !== null && !seen.has(own.id) ? own : null;
    if (sentParagraph !== null) seen.add(sentParagraph.id);
    placed.push({ sent: sentParagraph, after: lastKnown });
    if (sentParagraph !== null) lastKnown = sentParagraph;
  }

  const notPlaced = (after: SentParagraph | null) =>
    after === null
      ? 'It sits on a paragraph that was not in the copy sent (before the first paragraph).'
      : `It sits on a paragraph that was not in the copy sent (added after paragraph ${after.id}).`;

  returned.paragraphs.forEach((p, index) => {
    const { sent: sentParagraph, after } = placed[index]!;
    const section = sentParagraph?.section ?? after?.section ?? 'Cover page';
    const base = sentParagraph?.text ?? '';
    // Before the first bookmarked paragraph is the cover page, which is not the minutes: only tracked changes there are listed.
    const changedWithoutTracking = sentParagraph !== null ? p.before !== base : after !== null && p.before !== '';
    if (p.pieces.length > 0 || changedWithoutTracking) {
      const tracked = p.pieces.length > 0;
      const parts: string[] = [];
      if (tracked) parts.push(describePieces(p.pieces));
      if (changedWithoutTracking) parts.push(sentParagraph === null ? `Added without tracked changes: ${quote(p.before)}` : 'Words changed without tracked changes');
      items.push({
        id: `c-${items.length + 1}`,
        kind: tracked ? 'tracked-change' : 'untracked-edit',
        author: tracked ? unique(p.pieces.map((x) => x.author)).join('; ') || recipientName : recipientName,
        date: tracked ? (p.pieces.find((x) => x.date !== null)?.date ?? null) : null,
        paragraphId: sentParagraph?.id ?? null,
        section,
        before: base,
        after: p.after,
        text: parts.join('. '),
        placement: sentParagraph === null ? notPlaced(after) : null,
        decision: null,
      });
    }
  });

  for (const paragraph of sent) {
    if (seen.has(paragraph.id)) continue;
    items.push({
      id: `c-${items.length + 1}`,
      kind: 'untracked-edit',
      author: recipientName,
      date: null,
      paragraphId: paragraph.id,
      section: paragraph.section,
      before: paragraph.text,
      after: '',
      text: 'Paragraph deleted without tracked changes',
      placement: null,
      decision: null,
    });
  }

  for (const comment of returned.comments) {
    const home = commentHome.get(comment.id);
    const where = home === undefined ? null : placed[home]!;
    const sentParagraph = where?.sent ?? null;
    items.push({
      id: `c-${items.length + 1}`,
      kind: 'comment',
      author: comment.author || recipientName,
      date: comment.date,
      paragraphId: sentParagraph?.id ?? null,
      section: sentParagraph?.section ?? where?.after?.section ?? 'Unknown',
      before: sentParagraph?.text ?? '',
      after: sentParagraph?.text ?? '',
      text: comment.text,
      placement: sentParagraph !== null ? null : where === null ? 'Word did not record where this comment is anchored.' : notPlaced(where.after),
      decision: null,
    });
  }
  return items;
}
