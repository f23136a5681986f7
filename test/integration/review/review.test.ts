import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../domain/api/contract';
import type { ConferenceRecord } from '../../../domain/record/conference';
import type { ReviewState } from '../../../domain/review/state';
import type { ConferenceSummary } from '../../../domain/record/summary';
import { overdueLines } from '../../../domain/review/list-overdue';
import { DEFAULT_LOCAL_SETTINGS } from '../../../domain/rules/local-settings';
import { ID_PROPERTY, parseIdentifier, SIGNATURE_PROPERTY } from '../../../main/services/review/identifier';
import { CHAIR } from '../signoff/ready';
import { pdfPages, squash } from '../export/extract';
import { expectFailure, FakeClock, openStore, type Harness } from '../../unit/store/helpers';
import { enterScenario, HEALTH, POLICE, SCHOOL, send } from './osei-review';
import { bookmarkOf, WordFile } from './word-edits';

/**
 * The accuracy review end to end through the API: the Osei draft approved and sent to three
 * agencies; the police return a Word file with a comment and a tracked change written as Word
 * writes them; one accepted (into the draft), one declined with a reason; CAMHS says nothing and
 * becomes overdue; the final minutes are signed with the accepted change in them.
 */

const day = (iso: string) => Date.parse(`${iso}T10:00:00Z`);

async function setUp() {
  const clock = new FakeClock(day('2026-02-18'));
  const h = await openStore({ now: clock.now });
  // The clock jumps days at a time here: auto-lock would lock the store between steps.
  await h.ok('settings.update', { autoLockMinutes: 0 });
  await h.ok('profile.set', CHAIR);
  const entered = await enterScenario(h);
  const id = entered.id;
  await h.ok<ReviewState>('review.approveDraft', { id, baseRevision: entered.revision });
  clock.ms = day('2026-02-19');
  const police = await send(h, id, POLICE);
  const school = await send(h, id, SCHOOL);
  const health = await send(h, id, HEALTH);
  return { h, clock, id, police, school, health };
}

const record = async (h: Harness, id: string) => (await h.ok<{ conference: ConferenceRecord }>('conferences.get', { id })).conference;
const importFile = (h: Harness, id: string, recipientId: string, bytes: Buffer) => h.call('review.import', { id, recipientId, base64: bytes.toString('base64') });

describe('the accuracy review of the Osei draft', () => {
  it('approving the draft signs it without locking the record', async () => {
    const { h, id, police } = await setUp();
    const state = await h.ok<ReviewState>('review.get', { id });
    expect(state.drafts).toHaveLength(1);
    expect(state.drafts[0]).toMatchObject({ version: 1, signer: CHAIR.name, valid: true });
    expect(state.signed).toBe(false);
    expect(police.recipient).toMatchObject({ status: 'sent', dueOn: '2026-03-05', draftVersion: 1 });
    expect(state.minutesDue?.sentence).toBe('The draft minutes were sent on 19/02/2026, in time: they were due by 24/02/2026 (15 working days after the conference on 03/02/2026).');
    // Not locked: the chair can still save (and must then approve the corrected draft before sending it).
    const current = await record(h, id);
    await h.ok('conferences.save', { id, baseRevision: current.revision, sections: { opening: current.sections['opening']! } });
  });

  it('each review copy bookmarks every paragraph and carries an identifier signed with the chair’s key', async () => {
    const { id, police, school } = await setUp();
    const files = unzipSync(new Uint8Array(police.copy));
    const xml = strFromU8(files['word/document.xml']!);
    const names = [...xml.matchAll(/<w:bookmarkStart w:id="\d+" w:name="(s\d+_p\d+)"\/>/g)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(80);
    expect(new Set(names).size).toBe(names.length);
    expect(xml).toContain('How to comment');
    expect(xml).toContain('Please reply by 05/03/2026');
    const custom = strFromU8(files['docProps/custom.xml']!);
    const text = new RegExp(`name="${ID_PROPERTY}"><vt:lpwstr>([^<]+)<`).exec(custom)?.[1] ?? '';
    const signature = new RegExp(`name="${SIGNATURE_PROPERTY}"><vt:lpwstr>([^<]+)<`).exec(custom)?.[1] ?? '';
    expect(parseIdentifier(text)).toEqual({ conferenceId: id, draftVersion: 1, recipientId: police.recipient.id, document: 'full-minutes' });
    expect(text.length).toBeLessThan(255);
    expect(signature.length).toBeLessThan(255);
    // The family copy leaves restricted information out; the full minutes have it.
    const schoolXml = strFromU8(unzipSync(new Uint8Array(school.copy))['word/document.xml']!);
    expect(xml).toContain('Restricted');
    expect(schoolXml).not.toContain('not included in the family copy');
  });

  it('the police’s comment and tracked change land on the right section with their author; one accepted, one declined', async () => {
    const { h, clock, id, police, health } = await setUp();
    const word = new WordFile(police.copy);
    const worries = bookmarkOf(word, 'Daniel is at serious risk of violence');
    const info = bookmarkOf(word, 'Daniel was found 40 miles from home carrying cash');
    word.comment(worries, 'PC Ryan Holt', 'Please add that Daniel was found with a knife in November.');
    word.trackedReplace(info, '40 miles', '35 miles', 'PC Ryan Holt');
    clock.ms = day('2026-02-26');
    const imported = await h.ok<{ state: ReviewState; returnId: string }>('review.import', { id, recipientId: police.recipient.id, base64: word.bytes().toString('base64') });
    const back = imported.state.returns[0]!;
    expect(back.identifier).toBe('verified');
    const comment = back.items.find((i) => i.kind === 'comment')!;
    const change = back.items.find((i) => i.kind === 'tracked-change')!;
    expect(back.items).toHaveLength(2);
    expect(comment).toMatchObject({ author: 'PC Ryan Holt', paragraphId: worries, section: 'Agency contributions', text: 'Please add that Daniel was found with a knife in November.', placement: null });
    expect(change).toMatchObject({ author: 'PC Ryan Holt', paragraphId: info, section: 'Agency contributions', date: '2026-02-24T10:20:00Z', placement: null });
    expect(change.before).toContain('found 40 miles from home');
    expect(change.after).toContain('found 35 miles from home');
    expect(change.text).toBe('Deleted “40 miles”; Inserted “35 miles”');
    expect(imported.state.recipients.find((r) => r.id === police.recipient.id)?.status).toBe('comments-received');

    // Nothing has reached the record yet.
    expect(JSON.stringify((await record(h, id)).sections)).toContain('Daniel was found 40 miles from home carrying cash');

    const accepted = await h.ok<{ applied: boolean; state: ReviewState }>('review.decide', { id, returnId: back.id, itemId: change.id, status: 'accepted', reason: '' });
    expect(accepted.applied).toBe(true);
    const after = JSON.stringify((await record(h, id)).sections);
    expect(after).toContain('Daniel was found 35 miles from home carrying cash');
    expect(after).not.toContain('Daniel was found 40 miles from home carrying cash');
    await expectFailure(h.call('review.decide', { id, returnId: back.id, itemId: comment.id, status: 'declined', reason: '  ' }), 'INVALID_INPUT');
    const declined = await h.ok<{ state: ReviewState }>('review.decide', { id, returnId: back.id, itemId: comment.id, status: 'declined', reason: 'The knife was not mentioned at the conference; it can go in the next review.' });
    expect(declined.state.recipients.find((r) => r.id === police.recipient.id)?.status).toBe('answered');

    // The final minutes wait for the agencies still within time…
    let state = await h.ok<ReviewState>('review.get', { id });
    expect(state.final.ready).toBe(false);
    const current = await record(h, id);
    expect(await expectFailure(h.call('conferences.sign', { id, baseRevision: current.revision }), 'NOT_READY')).toContain('CAMHS (Dr Ruth Ellis): comments are due by 05/03/2026.');
    // …the school has no comments; CAMHS sends nothing and is overdue after 05/03/2026.
    const school = state.recipients.find((r) => r.organisation === 'Castlegate Academy')!;
    await h.ok('review.noComments', { id, recipientId: school.id, on: '2026-02-27' });
    clock.ms = day('2026-03-06');
    state = await h.ok<ReviewState>('review.get', { id });
    expect(state.recipients.find((r) => r.id === health.recipient.id)?.status).toBe('overdue');
    expect(state.final).toEqual({ ready: true, waiting: [] });

    // Signed final minutes hold the accepted change; the draft approval did not count as the signature.
    const signed = await h.ok<{ signed: { version: number; kind: string } }>('conferences.sign', { id, baseRevision: current.revision });
    expect(signed.signed.kind).toBe('minutes');
    const exported = await h.ok<{ base64: string }>('conferences.export', { id, document: 'full-minutes', format: 'docx' });
    const finalXml = strFromU8(unzipSync(new Uint8Array(Buffer.from(exported.base64, 'base64')))['word/document.xml']!);
    expect(finalXml).toContain('Daniel was found 35 miles from home carrying cash');
    expect(finalXml).not.toContain('Daniel was found 40 miles from home carrying cash');

    // The review is closed once signed.
    await expectFailure(h.call('review.noComments', { id, recipientId: health.recipient.id, on: '2026-03-06' }), 'SIGNED');

    // The history shows it all, in order, with the agency named and no comment's words.
    const history = await h.ok<{ entries: HistoryEntry[]; intact: boolean }>('conferences.history', { id });
    expect(history.intact).toBe(true);
    const review = history.entries.filter((e) => e.detail !== undefined).map((e) => [e.action, e.detail]);
    expect(review).toEqual([
      ['draft-approved', 'Draft 1 approved for accuracy review'],
      ['circulated', 'Draft 1 (full minutes) sent to Police on 19/02/2026; comments due 05/03/2026'],
      ['circulated', 'Draft 1 (family copy) sent to Castlegate Academy on 19/02/2026; comments due 05/03/2026'],
      ['circulated', 'Draft 1 (full minutes) sent to CAMHS on 19/02/2026; comments due 05/03/2026'],
      ['review-imported', 'Returned copy from Police: 1 comments, 1 changes'],
      ['review-accepted', `Accepted Police’s tracked change on Agency contributions (${info}), written into the draft`],
      ['review-declined', `Declined Police’s comment on Agency contributions (${worries})`],
      ['no-comments', 'Castlegate Academy replied on 27/02/2026 with no comments'],
    ]);
    expect(history.entries.at(-1)?.action).toBe('signed');
    expect(JSON.stringify(history.entries)).not.toContain('knife');

    // The letter to the police answers both.
    const letter = await h.ok<{ base64: string; fileName: string }>('review.letter', { id, recipientId: police.recipient.id, format: 'docx' });
    const letterXml = strFromU8(unzipSync(new Uint8Array(Buffer.from(letter.base64, 'base64')))['word/document.xml']!);
    expect(letterXml).toContain('Accepted: the minutes now read as you suggested.');
    expect(letterXml).toContain('Not accepted. The knife was not mentioned at the conference; it can go in the next review.');
    const letterPdf = await h.ok<{ base64: string; fileName: string }>('review.letter', { id, recipientId: police.recipient.id, format: 'pdf' });
    expect(letterPdf.fileName).toBe('2026-02-03 Osei - response to Police.pdf');
    expect(squash(pdfPages(Buffer.from(letterPdf.base64, 'base64')).join(' '))).toContain('Not accepted. The knife was not mentioned at the conference; it can go in the next review.');
  });
});

describe('bad returned files', () => {
  it('the same file twice is recognised, and nothing is imported again', async () => {
    const { h, id, police } = await setUp();
    const word = new WordFile(police.copy).comment(bookmarkOf(new WordFile(police.copy), 'Daniel is at serious risk of violence'), 'PC Ryan Holt', 'A comment.');
    const bytes = word.bytes();
    await h.ok('review.import', { id, recipientId: police.recipient.id, base64: bytes.toString('base64') });
    const message = await expectFailure(importFile(h, id, police.recipient.id, bytes), 'CONFLICT');
    expect(message).toBe('This file was already imported on 19/02/2026 (from Police). Nothing has been imported again.');
    expect((await h.ok<ReviewState>('review.get', { id })).returns).toHaveLength(1);
  });

  it('another recipient’s copy, another conference’s copy, a file that is not a DOCX, a 200 MB file: each refused plainly', async () => {
    const { h, id, police, school } = await setUp();
    expect(await expectFailure(importFile(h, id, police.recipient.id, school.copy), 'INVALID_INPUT')).toBe(
      'This is the copy sent to Ms Fiona Grant, Castlegate Academy, not to PC Ryan Holt, Police. Import it against that recipient. Nothing has been imported.',
    );
    const other = await enterScenario(h, 'whitfield');
    await h.ok('review.approveDraft', { id: other.id, baseRevision: other.revision });
    const theirs = await send(h, other.id, POLICE);
    expect(await expectFailure(importFile(h, id, police.recipient.id, theirs.copy), 'INVALID_INPUT')).toBe(
      'This file is a review copy of another conference’s minutes (or its identifier has been altered). Nothing has been imported.',
    );
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n');
    expect(await expectFailure(importFile(h, id, police.recipient.id, pdf), 'INVALID_INPUT')).toContain('This file is not a Word document (.docx).');
    const huge = Buffer.alloc(200 * 1024 * 1024);
    await expect(h.store.withReview((r) => r.importReturn(id, police.recipient.id, huge))).rejects.toThrow(
      'This file is 200 MB; a returned copy of the minutes is well under 10 MB.',
    );
    expect((await h.ok<ReviewState>('review.get', { id })).returns).toHaveLength(0);
  });

  it('an identifier edited to name another recipient no longer matches its signature and is refused', async () => {
    const { h, id, police, school } = await setUp();
    const forged = new WordFile(school.copy);
    const custom = strFromU8(forged.files['docProps/custom.xml']!);
    forged.files['docProps/custom.xml'] = strToU8(custom.replace(school.recipient.id, police.recipient.id).replace('family-copy', 'full-minutes'));
    expect(await expectFailure(importFile(h, id, police.recipient.id, forged.bytes()), 'INVALID_INPUT')).toBe(
      'This file is a review copy of another conference’s minutes (or its identifier has been altered). Nothing has been imported.',
    );
  });

  it('a copy whose identifier was removed: comments shown, nothing accepted without the chair’s confirmation', async () => {
    const { h, id, police } = await setUp();
    const word = new WordFile(police.copy);
    word.trackedReplace(bookmarkOf(word, 'Daniel was found 40 miles from home carrying cash'), '40 miles', '35 miles', 'PC Ryan Holt').removeIdentifier();
    const { state, returnId } = await h.ok<{ state: ReviewState; returnId: string }>('review.import', { id, recipientId: police.recipient.id, base64: word.bytes().toString('base64') });
    const back = state.returns[0]!;
    expect(back.identifier).toBe('unknown');
    const change = back.items[0]!;
    expect(change.kind).toBe('tracked-change');
    const message = await expectFailure(h.call('review.decide', { id, returnId, itemId: change.id, status: 'accepted', reason: '' }), 'NOT_READY');
    expect(message).toContain('Confirm that you have checked it');
    expect(JSON.stringify((await record(h, id)).sections)).toContain('Daniel was found 40 miles from home carrying cash');
    const ok = await h.ok<{ applied: boolean }>('review.decide', { id, returnId, itemId: change.id, status: 'accepted', reason: '', confirmUnknown: true });
    expect(ok.applied).toBe(true);
  });

  it('an edit made without track changes is found; a comment on a paragraph changed since is said to be so', async () => {
    const { h, id, police, health } = await setUp();
    const policeWord = new WordFile(police.copy);
    policeWord.trackedReplace(bookmarkOf(policeWord, 'Daniel was found 40 miles from home carrying cash'), '40 miles', '35 miles', 'PC Ryan Holt');
    const first = await h.ok<{ state: ReviewState; returnId: string }>('review.import', { id, recipientId: police.recipient.id, base64: policeWord.bytes().toString('base64') });
    await h.ok('review.decide', { id, returnId: first.returnId, itemId: first.state.returns[0]!.items[0]!.id, status: 'accepted', reason: '' });

    const healthWord = new WordFile(health.copy);
    const info = bookmarkOf(healthWord, 'Daniel was found 40 miles from home carrying cash');
    healthWord.comment(info, 'Dr Ruth Ellis', 'Is this right?');
    healthWord.plainReplace(bookmarkOf(healthWord, 'Daniel has low mood and problems sleeping'), 'problems sleeping', 'difficulty sleeping');
    const second = await h.ok<{ state: ReviewState; returnId: string }>('review.import', { id, recipientId: health.recipient.id, base64: healthWord.bytes().toString('base64') });
    const items = second.state.returns.find((r) => r.id === second.returnId)!.items;
    const edit = items.find((i) => i.kind === 'untracked-edit')!;
    expect(edit).toMatchObject({ author: 'Dr Ruth Ellis', section: 'Agency contributions', placement: null });
    expect(edit.before).toContain('problems sleeping');
    expect(edit.after).toContain('difficulty sleeping');
    const comment = items.find((i) => i.kind === 'comment')!;
    expect(comment.paragraphId).toBe(info);
    expect(comment.placement).toBe('The paragraph it sits on is no longer in the draft: it has been changed since this copy was sent.');
  });
});

describe('the gaps closed after the first build', () => {
  it('a lazy reason for declining is refused by the service, and nothing reaches the record, the history or the letter', async () => {
    const { h, id, police } = await setUp();
    const word = new WordFile(police.copy);
    word.comment(bookmarkOf(word, 'Daniel is at serious risk of violence'), 'PC Ryan Holt', 'Please add the knife.');
    const imported = await h.ok<{ state: ReviewState; returnId: string }>('review.import', { id, recipientId: police.recipient.id, base64: word.bytes().toString('base64') });
    const itemId = imported.state.returns[0]!.items[0]!.id;
    const before = (await h.ok<{ entries: HistoryEntry[] }>('conferences.history', { id })).entries.length;
    for (const reason of ['no', 'n/a', 'declined', 'see above']) {
      const message = await expectFailure(h.call('review.decide', { id, returnId: imported.returnId, itemId, status: 'declined', reason }), 'INVALID_INPUT');
      expect(message).toBe(`“${reason}” does not tell the agency why. Say in at least 5 words why the minutes stay as they are (for example, what the conference heard): it goes in the letter to them. Nothing has been changed.`);
    }
    expect((await h.ok<{ entries: HistoryEntry[] }>('conferences.history', { id })).entries).toHaveLength(before);
    expect((await h.ok<ReviewState>('review.get', { id })).returns[0]!.items[0]!.decision).toBeNull();
    const letter = await h.ok<{ base64: string }>('review.letter', { id, recipientId: police.recipient.id, format: 'docx' });
    expect(strFromU8(unzipSync(new Uint8Array(Buffer.from(letter.base64, 'base64')))['word/document.xml']!)).toContain('Not yet answered.');
    // A real reason is taken.
    await h.ok('review.decide', { id, returnId: imported.returnId, itemId, status: 'declined', reason: 'The knife was not mentioned at the conference.' });
  });

  it('after a newer draft is approved, the agencies sent the older one are superseded: not overdue, not holding the final minutes', async () => {
    const { h, clock, id, police, school, health } = await setUp();
    // The police correct a figure; the chair accepts it and approves draft 2.
    const word = new WordFile(police.copy);
    word.trackedReplace(bookmarkOf(word, 'Daniel was found 40 miles from home carrying cash'), '40 miles', '35 miles', 'PC Ryan Holt');
    const imported = await h.ok<{ state: ReviewState; returnId: string }>('review.import', { id, recipientId: police.recipient.id, base64: word.bytes().toString('base64') });
    await h.ok('review.decide', { id, returnId: imported.returnId, itemId: imported.state.returns[0]!.items[0]!.id, status: 'accepted', reason: '' });
    const current = await record(h, id);
    await h.ok('review.approveDraft', { id, baseRevision: current.revision });
    clock.ms = day('2026-03-06');
    let state = await h.ok<ReviewState>('review.get', { id });
    const status = (recipientId: string) => state.recipients.find((r) => r.id === recipientId);
    // CAMHS and the school, sent draft 1 and due 05/03/2026, are not overdue: their copy is superseded.
    expect(status(health.recipient.id)).toMatchObject({ status: 'superseded', statusLabel: 'Superseded by draft 2' });
    expect(status(school.recipient.id)).toMatchObject({ status: 'superseded', statusLabel: 'Superseded by draft 2' });
    expect(status(police.recipient.id)).toMatchObject({ status: 'answered' });
    expect(state.final.waiting).toEqual(['Draft 2 has not been sent to any agency yet: send it to the agencies that had the earlier draft.']);
    // The list does not count them as overdue either.
    let listed = (await h.ok<{ conferences: ConferenceSummary[] }>('conferences.list', {})).conferences.find((c) => c.id === id)!;
    expect(listed.review).toEqual({ firstSentOn: '2026-02-19', commentsDueOn: [] });
    expect(overdueLines(listed, DEFAULT_LOCAL_SETTINGS, '2026-03-06')).toEqual([]);

    // The chair re-circulates draft 2 to CAMHS: only that copy holds the final minutes up now.
    const again = await send(h, id, { ...HEALTH, sentOn: '2026-03-06' });
    expect(again.recipient).toMatchObject({ draftVersion: 2, dueOn: '2026-03-20', status: 'sent' });
    state = await h.ok<ReviewState>('review.get', { id });
    expect(state.final.waiting).toEqual(['CAMHS (Dr Ruth Ellis): comments are due by 20/03/2026.']);
    listed = (await h.ok<{ conferences: ConferenceSummary[] }>('conferences.list', {})).conferences.find((c) => c.id === id)!;
    expect(listed.review).toEqual({ firstSentOn: '2026-02-19', commentsDueOn: ['2026-03-20'] });
    expect(overdueLines(listed, DEFAULT_LOCAL_SETTINGS, '2026-03-23')).toEqual(['Accuracy comments overdue: 1 agency']);
    clock.ms = day('2026-03-23');
    await h.ok('conferences.sign', { id, baseRevision: (await record(h, id)).revision });
  });

  it('the list’s due dates follow every step, and a save of the record keeps them', async () => {
    const { h, id, police } = await setUp();
    const listed = async () => (await h.ok<{ conferences: ConferenceSummary[] }>('conferences.list', {})).conferences.find((c) => c.id === id)!;
    expect((await listed()).review).toEqual({ firstSentOn: '2026-02-19', commentsDueOn: ['2026-03-05', '2026-03-05', '2026-03-05'] });
    expect(overdueLines(await listed(), DEFAULT_LOCAL_SETTINGS, '2026-03-06')).toEqual(['Accuracy comments overdue: 3 agencies']);
    await h.ok('review.noComments', { id, recipientId: police.recipient.id, on: '2026-02-20' });
    const current = await record(h, id);
    await h.ok('conferences.save', { id, baseRevision: current.revision, sections: { opening: { kind: 'single', values: { ...(current.sections['opening'] as { values: object }).values, interpreter: 'Not needed: the family chose English.' } } } });
    expect((await listed()).review).toEqual({ firstSentOn: '2026-02-19', commentsDueOn: ['2026-03-05', '2026-03-05'] });
    expect(overdueLines(await listed(), DEFAULT_LOCAL_SETTINGS, '2026-03-06')).toEqual(['Accuracy comments overdue: 2 agencies']);
  });
});
