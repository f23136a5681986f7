import { describe, expect, it } from 'vitest';
import { reviewItems, type ReturnedDocx, type ReturnedParagraph } from '../../../domain/review/returned';
import type { SentParagraph } from '../../../domain/review/schemas';

const sent: SentParagraph[] = [
  { id: 's1_p1', section: 'Meeting details', text: 'Meeting details' },
  { id: 's1_p2', section: 'Meeting details', text: 'The conference met at Riverside House.' },
  { id: 's2_p1', section: 'Agency contributions', text: 'Agency contributions' },
  { id: 's2_p2', section: 'Agency contributions', text: 'Daniel was found 40 miles from home.' },
];

const p = (bookmark: string | null, before: string, over: Partial<ReturnedParagraph> = {}): ReturnedParagraph => ({
  bookmark,
  before,
  after: before,
  pieces: [],
  commentStarts: [],
  commentReferences: [],
  ...over,
});

const file = (paragraphs: ReturnedParagraph[], comments: ReturnedDocx['comments'] = []): ReturnedDocx => ({ paragraphs, comments, identifier: null });
const untouched = () => sent.map((s) => p(s.id, s.text));

describe('placing what comes back', () => {
  it('an untouched copy has nothing to list; the cover page before the first bookmark is ignored', () => {
    expect(reviewItems(file([p(null, 'Draft minutes for your accuracy review'), ...untouched()]), sent, 'PC Ryan Holt')).toEqual([]);
  });

  it('a comment Word anchored only by its reference mark still lands on its paragraph', () => {
    const paragraphs = untouched();
    paragraphs[3] = { ...paragraphs[3]!, commentReferences: ['7'] };
    const [item] = reviewItems(file(paragraphs, [{ id: '7', author: 'PC Ryan Holt', date: null, text: 'Check the distance.' }]), sent, 'x');
    expect(item).toMatchObject({ kind: 'comment', paragraphId: 's2_p2', section: 'Agency contributions', author: 'PC Ryan Holt', placement: null });
  });

  it('a paragraph split in two (Enter pressed in the middle) is an edit of the first and a new paragraph after it', () => {
    const paragraphs = untouched();
    paragraphs.splice(3, 1, p('s2_p2', 'Daniel was found'), p(null, '40 miles from home.'));
    const items = reviewItems(file(paragraphs), sent, 'Dr Ruth Ellis');
    expect(items.map((i) => [i.kind, i.paragraphId, i.section])).toEqual([
      ['untracked-edit', 's2_p2', 'Agency contributions'],
      ['untracked-edit', null, 'Agency contributions'],
    ]);
    expect(items[1]!.placement).toBe('It sits on a paragraph that was not in the copy sent (added after paragraph s2_p2).');
  });

  it('a paragraph deleted without tracking is listed as deleted, on its own section', () => {
    const paragraphs = untouched().filter((x) => x.bookmark !== 's1_p2');
    expect(reviewItems(file(paragraphs), sent, 'Ms Fiona Grant')).toEqual([
      expect.objectContaining({ kind: 'untracked-edit', paragraphId: 's1_p2', section: 'Meeting details', before: 'The conference met at Riverside House.', after: '', text: 'Paragraph deleted without tracked changes' }),
    ]);
  });

  it('tracked changes by two people in one paragraph are one item naming both', () => {
    const paragraphs = untouched();
    paragraphs[3] = p('s2_p2', 'Daniel was found 40 miles from home.', {
      after: 'Daniel was found 35 miles from his home.',
      pieces: [
        { kind: 'deletion', author: 'PC Ryan Holt', date: '2026-02-24T10:00:00Z', text: '40' },
        { kind: 'insertion', author: 'PC Ryan Holt', date: '2026-02-24T10:00:00Z', text: '35' },
        { kind: 'insertion', author: 'DS Amy Fox', date: null, text: 'his' },
      ],
    });
    const [item] = reviewItems(file(paragraphs), sent, 'x');
    expect(item).toMatchObject({ kind: 'tracked-change', author: 'PC Ryan Holt; DS Amy Fox', after: 'Daniel was found 35 miles from his home.', text: 'Deleted “40”; Inserted “35”; Inserted “his”' });
  });

  it('a copy that lost its bookmarks (pasted into a new document) is placed by the words of each paragraph', () => {
    const paragraphs = untouched().map((x) => ({ ...x, bookmark: null }));
    paragraphs[3] = { ...paragraphs[3]!, after: 'Daniel was found 35 miles from home.', pieces: [{ kind: 'insertion', author: 'PC Ryan Holt', date: null, text: '35' }, { kind: 'deletion', author: 'PC Ryan Holt', date: null, text: '40' }], commentStarts: ['3'] };
    const items = reviewItems(file(paragraphs, [{ id: '3', author: 'PC Ryan Holt', date: null, text: 'Check.' }]), sent, 'x');
    expect(items.map((i) => [i.kind, i.paragraphId, i.section, i.placement])).toEqual([
      ['tracked-change', 's2_p2', 'Agency contributions', null],
      ['comment', 's2_p2', 'Agency contributions', null],
    ]);
  });
});
