import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readReturnedDocx, ReturnedFileError } from '../../../main/services/review/import-docx';

/** Hostile or broken files: each refused with a plain reason before it can take time or memory. */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const docx = (documentXml: string | Uint8Array) => zipSync({ 'word/document.xml': typeof documentXml === 'string' ? strToU8(documentXml) : documentXml });

function refusal(bytes: Uint8Array): ReturnedFileError {
  try {
    readReturnedDocx(bytes);
  } catch (error) {
    if (error instanceof ReturnedFileError) return error;
    throw error;
  }
  throw new Error('The file was read.');
}

describe('returned files that must not be read', () => {
  it('an entity-expansion ("billion laughs") document is refused before parsing', () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document ${W}><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`;
    const error = refusal(docx(lol));
    expect(error.reason).toBe('damaged');
    expect(error.message).toBe('This file contains markup Word never writes, so it has not been read. Nothing has been imported.');
  });

  it('a zip bomb (a part that inflates far past any minutes) is refused by its declared size, before inflating', () => {
    const huge = new Uint8Array(80 * 1024 * 1024); // 80 MB of zeros compresses to about 80 kB
    const bytes = docx(huge);
    expect(bytes.length).toBeLessThan(200_000);
    const error = refusal(bytes);
    expect(error.reason).toBe('too-large');
  });

  it('not a zip, a zip without a Word body, and broken XML each get their own sentence', () => {
    expect(refusal(strToU8('%PDF-1.7')).reason).toBe('not-docx');
    expect(refusal(zipSync({ 'content.xml': strToU8('<office:document/>') })).reason).toBe('not-docx');
    expect(refusal(docx(`<w:document ${W}><w:body><w:p>`)).message).toContain('This Word file is damaged');
  });
});
