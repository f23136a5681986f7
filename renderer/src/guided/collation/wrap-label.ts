/**
 * Splits a label into at most `maxLines` lines of at most `maxChars` characters, breaking
 * between words; a word longer than a line is cut, and text left over ends the last line
 * with an ellipsis.
 */
export function wrapLabel(label: string, maxChars: number, maxLines: number): string[] {
  const words = label.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  let index = 0;
  while (index < words.length && lines.length < maxLines) {
    const word = words[index]!;
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= maxChars) {
      current = candidate;
      index += 1;
    } else if (current) {
      lines.push(current);
      current = '';
    } else {
      // One word longer than the whole line: cut it.
      lines.push(word.slice(0, maxChars));
      words[index] = word.slice(maxChars);
    }
  }
  if (current && lines.length < maxLines) lines.push(current);
  else if (current) index -= 1;
  const truncated = index < words.length;
  if (truncated && lines.length > 0) {
    const last = lines[lines.length - 1]!;
    lines[lines.length - 1] = `${last.length >= maxChars ? last.slice(0, maxChars - 1).trimEnd() : last}…`;
  }
  return lines;
}
