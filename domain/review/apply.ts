import type { ConferenceRecord } from '../record/conference';

/**
 * Writing an accepted correction into the draft. A review copy's paragraph is one line of one
 * answer in the record (layouts print each line of a long answer as its own paragraph), so the
 * correction replaces the one line, in the one answer, whose words are the paragraph's as sent.
 * If no line reads that way (the draft has changed since) or several do (a short phrase such as
 * "Yes"), nothing is guessed: the chair is told to make the change by hand.
 */

export type ApplyResult = { ok: true; record: ConferenceRecord; sections: string[] } | { ok: false; problem: string };

const normalise = (value: string) => value.replace(/\s+/g, ' ').trim();

interface Hit {
  section: string;
  path: (string | number)[];
  line: number;
}

export function findParagraph(record: ConferenceRecord, text: string): Hit[] {
  const wanted = normalise(text);
  const hits: Hit[] = [];
  if (wanted === '') return hits;
  const walk = (value: unknown, section: string, path: (string | number)[]): void => {
    if (typeof value === 'string') {
      value.split(/\r?\n/).forEach((line, index) => {
        if (normalise(line) === wanted) hits.push({ section, path, line: index });
      });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, section, [...path, i]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) if (key !== 'id' && key !== 'kind') walk(v, section, [...path, key]);
    }
  };
  for (const [section, value] of Object.entries(record.sections)) walk(value, section, []);
  return hits;
}

export function placementNow(record: ConferenceRecord, before: string): string | null {
  if (normalise(before) === '') return 'It adds a new paragraph: if you accept it, add the words to the right answer yourself.';
  const hits = findParagraph(record, before).length;
  if (hits === 0) return 'These words are not one written answer in the record (a heading, or a line the app puts together), or they have changed since: if you accept, make the change by hand.';
  if (hits > 1) return 'These words appear in more than one answer, so the app cannot tell which one is meant.';
  return null;
}

export function applyCorrection(record: ConferenceRecord, before: string, after: string): ApplyResult {
  const problem = placementNow(record, before);
  if (problem !== null) return { ok: false, problem };
  const hit = findParagraph(record, before)[0]!;
  const sections = JSON.parse(JSON.stringify(record.sections)) as ConferenceRecord['sections'];
  let holder: unknown = sections[hit.section];
  for (const step of hit.path.slice(0, -1)) holder = (holder as Record<string | number, unknown>)[step];
  const last = hit.path.at(-1);
  if (last === undefined) return { ok: false, problem: 'That paragraph is not a written answer the app can change.' };
  const container = holder as Record<string | number, unknown>;
  const lines = String(container[last]).split(/\r?\n/);
  const replacement = normalise(after);
  if (replacement === '') lines.splice(hit.line, 1);
  else lines[hit.line] = replacement;
  container[last] = lines.join('\n');
  return { ok: true, record: { ...record, sections }, sections: [hit.section] };
}
