import { isAscii } from 'node:buffer';
import { describe, expect, test } from 'vitest';
import { asciiJson, parseAsciiJson } from '../../../main/services/store/ascii-json';

/** The audit digests' JSON (audit-digests.ts): ASCII on the way out, the same value on the way back. */

const awkward = {
  names: ['Zoë O’Brien-Łukasiewicz', 'Ayşe 👶🏽 Yıldız', 'مريم الحسن', '<script>alert("x")</script> & \\ "quotes"', 'tab\there\nline\u2028sep\u007f'],
  nested: { note: 'The chair’s rationale — weighed.', n: 3, none: null },
};

describe('ASCII JSON', () => {
  test('is ASCII alone, and parses back to the same value, whatever the names hold', () => {
    const bytes = asciiJson(awkward);
    expect(isAscii(bytes)).toBe(true);
    expect(parseAsciiJson(bytes)).toEqual(awkward);
    // Emoji are two UTF-16 halves, each escaped; they come back whole.
    expect(bytes.toString('latin1')).toContain('\\ud83d\\udc76');
  });

  test('JSON written as UTF-8 (not by asciiJson) is read as UTF-8, never misread as Latin-1', () => {
    const utf8 = Buffer.from(JSON.stringify(awkward), 'utf8');
    expect(isAscii(utf8)).toBe(false);
    expect(parseAsciiJson(utf8)).toEqual(awkward);
  });
});
