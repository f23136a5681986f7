import { describe, expect, it } from 'vitest';
import { ListPageSchema, pageOf } from '../../../domain/record/list-page';

/** The local store's pages (domain/record/list-page.ts): the same order and cursors as the team store's keyset. */

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const entry = (n: number, updatedAt: string) => ({ id: id(n), updatedAt });

describe('the conference list a page at a time', () => {
  const all = [
    entry(1, '2026-03-02T09:00:00.000Z'),
    entry(2, '2026-03-02T10:00:00.000Z'),
    // Three saved in the same millisecond: the id decides, so no page boundary drops or repeats one.
    entry(3, '2026-03-02T09:30:00.000Z'),
    entry(4, '2026-03-02T09:30:00.000Z'),
    entry(5, '2026-03-02T09:30:00.000Z'),
  ];

  it('walks every conference once, most recently saved first, and says when it has ended', () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = pageOf(all, after === undefined ? { limit: 2 } : { limit: 2, after });
      seen.push(...page.items.map((e) => e.id));
      if (page.next === null) break;
      after = page.next;
    }
    expect(seen).toEqual([id(2), id(5), id(4), id(3), id(1)]);
  });

  it('a full last page has no next page', () => {
    expect(pageOf(all, { limit: 5 }).next).toBeNull();
    expect(pageOf(all, { limit: 4 }).next).not.toBeNull();
  });

  it('refuses a cursor that is not one it gave, and a page size out of bounds', () => {
    expect(ListPageSchema.safeParse({ limit: 2, after: "x' OR 1=1 --" }).success).toBe(false);
    expect(ListPageSchema.safeParse({ limit: 0 }).success).toBe(false);
    expect(ListPageSchema.safeParse({ limit: 100_000 }).success).toBe(false);
    expect(ListPageSchema.safeParse({ limit: 2, after: `2026-03-02T09:30:00.000Z|${id(4)}` }).success).toBe(true);
  });
});
