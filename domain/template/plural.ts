/**
 * English plurals for the nouns templates use to name an item ("agency", "child"): adding an
 * "s" gave "No agencys yet." and "Childs in this list". Irregular nouns are listed; the rest
 * follow the spelling rules, applied to the last word ("family member" → "family members").
 */
const IRREGULAR: ReadonlyMap<string, string> = new Map([
  ['child', 'children'],
  ['person', 'people'],
  ['man', 'men'],
  ['woman', 'women'],
]);

export function pluralOf(noun: string): string {
  const match = /^(.*?)([A-Za-z]+)$/.exec(noun);
  if (!match) return noun;
  const [, before = '', word = ''] = match;
  const lower = word.toLowerCase();
  const irregular = IRREGULAR.get(lower);
  if (irregular) return before + (word[0] === word[0]?.toUpperCase() ? irregular[0]!.toUpperCase() + irregular.slice(1) : irregular);
  if (/[^aeiou]y$/i.test(word)) return `${before}${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${before}${word}es`;
  return `${before}${word}s`;
}

/** "1 agency", "3 agencies", "no children": a count with its noun. */
export function countOf(count: number, noun: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? noun : pluralOf(noun)}`;
}
