import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The PDF's fonts, read from npm packages the app depends on — never from the system, so a
 * PDF looks the same on every machine and nothing outside the app is read. Roboto (shipped
 * with pdfmake) covers Latin including Polish, Greek and Cyrillic; Noto Sans Hebrew, Noto
 * Sans Arabic and Noto Emoji (from @fontsource) cover what Roboto lacks. pdfmake sets each
 * piece of text in one font, so text is split into runs by script and each run names the
 * font that has its characters.
 *
 * Limits, said plainly: pdfkit does not reorder right-to-left text, so Hebrew and Arabic
 * appear as the right letters (Arabic joined by the font's shaping) but in typing order,
 * left to right; emoji appear as black-and-white outlines. The Word file has neither limit.
 */

// Not named `require`: the app bundle (electron-vite) declares its own at the top level.
const requireHere = createRequire(import.meta.url);

export interface FontFile {
  /** The name pdfmake knows the file by, in its in-memory file system. */
  name: string;
  data: Buffer;
}

export interface FallbackFace {
  family: string;
  file: FontFile;
  ranges: [number, number][];
}

export const BODY_FAMILY = 'Roboto';

function packageDir(pkg: string): string {
  // Each package's main entry sits at its root (pdfmake's js/index.js one folder down).
  const entry = requireHere.resolve(pkg);
  return pkg === 'pdfmake' ? dirname(dirname(entry)) : dirname(entry);
}

function fontFile(path: string, name: string): FontFile {
  return { name, data: readFileSync(path) };
}

export function bodyFonts(): Record<'normal' | 'bold' | 'italics' | 'bolditalics', FontFile> {
  const dir = join(packageDir('pdfmake'), 'fonts', 'Roboto');
  return {
    normal: fontFile(join(dir, 'Roboto-Regular.ttf'), 'Roboto-Regular.ttf'),
    bold: fontFile(join(dir, 'Roboto-Medium.ttf'), 'Roboto-Medium.ttf'),
    italics: fontFile(join(dir, 'Roboto-Italic.ttf'), 'Roboto-Italic.ttf'),
    bolditalics: fontFile(join(dir, 'Roboto-MediumItalic.ttf'), 'Roboto-MediumItalic.ttf'),
  };
}

/**
 * The fallback faces with the characters each covers, read from the packages' own CSS
 * `unicode-range` lines (the packages split big fonts into pieces by range). Only the
 * pieces for the scripts Roboto lacks are used: the packages' Latin pieces would otherwise
 * take over ordinary letters.
 */
export function fallbackFaces(): FallbackFace[] {
  const wanted: { pkg: string; family: string; piece: RegExp }[] = [
    { pkg: '@fontsource/noto-sans-hebrew', family: 'NotoSansHebrew', piece: /-hebrew-400-normal$/ },
    { pkg: '@fontsource/noto-sans-arabic', family: 'NotoSansArabic', piece: /-arabic-400-normal$/ },
    { pkg: '@fontsource/noto-emoji', family: 'NotoEmoji', piece: /^noto-emoji-\d+-400-normal$/ },
  ];
  const faces: FallbackFace[] = [];
  for (const { pkg, family, piece } of wanted) {
    const dir = packageDir(pkg);
    const css = readFileSync(join(dir, '400.css'), 'utf8');
    for (const match of css.matchAll(/\/\*\s*([\w[\]-]+)\s*\*\/\s*@font-face\s*{([^}]*)}/g)) {
      const name = (match[1] ?? '').replace(/[[\]]/g, '');
      if (!piece.test(name)) continue;
      const body = match[2] ?? '';
      const url = /url\(\.\/files\/([\w.-]+\.woff)\)/.exec(body)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
      if (!url || !range) continue;
      faces.push({ family: `${family}-${faces.length}`, file: fontFile(join(dir, 'files', url), url), ranges: parseRanges(range) });
    }
  }
  return faces;
}

function parseRanges(value: string): [number, number][] {
  return value.split(',').map((part) => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(from ?? '', 16);
    return [start, to ? Number.parseInt(to, 16) : start];
  });
}

/** Characters that join onto the emoji before them (zero-width joiner, variation selector, skin tones, tags). */
function joinsPrevious(cp: number): boolean {
  return cp === 0x200d || cp === 0xfe0f || cp === 0x20e3 || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f);
}

/**
 * Which family draws a character: Roboto for everything it has (all of Latin, Greek,
 * Cyrillic and the common punctuation below U+0590 and in U+2000–U+206F), else the first
 * fallback face whose ranges hold it, else Roboto (which shows its missing-glyph box).
 */
export function familyFor(cp: number, faces: readonly FallbackFace[]): string {
  if (cp < 0x0590 || (cp >= 0x2000 && cp <= 0x206f)) return BODY_FAMILY;
  for (const face of faces) {
    for (const [from, to] of face.ranges) if (cp >= from && cp <= to) return face.family;
  }
  return BODY_FAMILY;
}

/** Splits text into runs that each need one font; the common case (all Roboto) allocates nothing extra. */
export function splitByFont(text: string, faces: readonly FallbackFace[]): { text: string; family: string }[] {
  const parts: { text: string; family: string }[] = [];
  let current = BODY_FAMILY;
  let start = 0;
  let index = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const family = joinsPrevious(cp) && current !== BODY_FAMILY ? current : familyFor(cp, faces);
    if (family !== current) {
      if (index > start) parts.push({ text: text.slice(start, index), family: current });
      current = family;
      start = index;
    }
    index += ch.length;
  }
  if (index > start || parts.length === 0) parts.push({ text: text.slice(start), family: current });
  return parts;
}
