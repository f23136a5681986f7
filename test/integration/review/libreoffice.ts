import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A second, real editor of review copies: LibreOffice, headless, running a Basic macro that
 * opens the DOCX, adds a comment on a paragraph (a text annotation spanning the words), turns on
 * change recording, replaces words, and saves as Word 2007–365. The macro is written into a
 * throwaway profile's Standard library (python-uno is not installed here); the tracked changes'
 * author is the profile's user name, as it is for a person using LibreOffice.
 */

const run = promisify(execFile);

export interface LibreOfficeEdit {
  user: { given: string; surname: string };
  comment: { on: string; author: string; text: string };
  replace: { from: string; to: string };
}

const basic = (value: string) => `"${value.replace(/"/g, '""')}"`;
const xml = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function macro(edit: LibreOfficeEdit): string {
  const body = `REM  *****  BASIC  *****
Sub Edit(inPath As String, outPath As String)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, load())
  search = doc.createSearchDescriptor()
  search.SearchString = ${basic(edit.comment.on)}
  found = doc.findFirst(search)
  note = doc.createInstance("com.sun.star.text.textfield.Annotation")
  note.Author = ${basic(edit.comment.author)}
  note.Content = ${basic(edit.comment.text)}
  found.getText().insertTextContent(found, note, True)
  doc.RecordChanges = True
  search.SearchString = ${basic(edit.replace.from)}
  found = doc.findFirst(search)
  found.setString(${basic(edit.replace.to)})
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = "FilterName"
  save(0).Value = "MS Word 2007 XML"
  doc.storeToURL(ConvertToURL(outPath), save())
  doc.close(True)
End Sub`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${xml(body)}</script:module>`;
}

export async function editWithLibreOffice(docx: Buffer, edit: LibreOfficeEdit): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'cpc-review-lo-'));
  try {
    const profile = `file://${join(dir, 'profile')}`;
    await run('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, '--terminate_after_init'], { timeout: 120_000 });
    const user = join(dir, 'profile', 'user');
    await writeFile(join(user, 'basic', 'Standard', 'Module1.xba'), macro(edit));
    const registry = join(user, 'registrymodifications.xcu');
    const names = `<item oor:path="/org.openoffice.UserProfile/Data"><prop oor:name="givenname" oor:op="fuse"><value>${xml(edit.user.given)}</value></prop></item><item oor:path="/org.openoffice.UserProfile/Data"><prop oor:name="sn" oor:op="fuse"><value>${xml(edit.user.surname)}</value></prop></item>`;
    await writeFile(registry, (await readFile(registry, 'utf8')).replace('</oor:items>', `${names}</oor:items>`));
    const input = join(dir, 'in.docx');
    const output = join(dir, 'out.docx');
    await writeFile(input, docx);
    const args = ['--headless', '--norestore', `-env:UserInstallation=${profile}`, `macro:///Standard.Module1.Edit(${JSON.stringify(input)},${JSON.stringify(output)})`];
    // The headless (nogui) LibreOffice lacks the UI files of Writer's comment margin window: when
    // its view handles the new comment before the document closes, soffice aborts ("Unspecified
    // Application Error", NoSuchElementException) — about 1 run in 2 here, a race in soffice and
    // not in the file. That crash alone is tried again, up to six times; any other failure fails.
    for (let attempt = 1; ; attempt += 1) {
      try {
        await run('soffice', args, { timeout: 120_000 });
        break;
      } catch (error) {
        const said = `${String((error as { stderr?: unknown }).stderr ?? '')}`;
        if (attempt >= 6 || !said.includes('Unspecified Application Error')) throw error;
      }
    }
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
