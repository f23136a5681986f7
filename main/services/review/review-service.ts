import { createHash, randomUUID } from 'node:crypto';
import { ApiFailure } from '../../../domain/api/result';
import { formatUkDate } from '../../../domain/calendar/dates';
import { agencyLabel } from '../../../domain/agencies/agency-label';
import { listItems, meetingValues, textOf } from '../../../domain/record/access';
import { ConferenceRecordSchema, type ConferenceRecord } from '../../../domain/record/conference';
import { applyCorrection, placementNow } from '../../../domain/review/apply';
import { commentsDueOn, finalReadiness, minutesDue, recipientStatus, STATUS_LABELS } from '../../../domain/review/circulation';
import { reviewItems } from '../../../domain/review/returned';
import type { Recipient, RecipientInput, ReturnedCopy, ReviewDocument } from '../../../domain/review/schemas';
import type { ReviewState } from '../../../domain/review/state';
import type { LocalSettings } from '../../../domain/rules/local-settings';
import { assessReadiness } from '../../../domain/rules/readiness';
import type { HistoryEntry } from '../../../domain/api/contract';
import { templateForRecord } from '../../../templates/conference-templates';
import type { ChairProfileStore } from '../signing/chair-profile-store';
import { checkChain, signStatement, verificationCode, versionHash, type SignedVersion } from '../signing/signed-version';
import type { LoadedConference } from '../store/conference-file';
import { isSigned, type ConferenceContext, type Conferences } from '../store/conferences';
import { nextEntry, recordHash } from '../store/history';
import { indexEntryAfterWrite } from '../store/index-entry';
import { identifierSignatureValid, parseIdentifier } from './identifier';
import { readReturnedDocx, ReturnedFileError } from './import-docx';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const documents = () => import('./documents');
import { responseLetter } from '../../../domain/review/letter';
import { safeFileNamePart } from '../../../domain/signoff/file-name';
import { EMPTY_REVIEW, type ReviewBlock } from './review-block';

/**
 * The agencies' accuracy review of the draft minutes: the chair approves (signs) a draft, sends
 * each agency its review copy, imports what comes back, and accepts or declines each comment or
 * change. Each step is one commit of the conference document (record + review block + history
 * entry together, as conferences.ts orders it), so the history records every step, and nothing
 * reaches the record until the chair accepts a change.
 */

export interface ReviewContext extends ConferenceContext {
  conferences: Conferences;
  profile: ChairProfileStore;
  localSettings: () => LocalSettings;
}

export interface CopyFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

/** Today in England, which decides "overdue" (not the UTC date, which is yesterday's for an hour each summer night). */
export function londonDate(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export class ReviewService {
  constructor(private readonly c: ReviewContext) {}

  async state(id: string): Promise<ReviewState> {
    const { loaded } = await this.c.conferences.load(id);
    return this.#state(loaded);
  }

  /** The chair approves the draft as it stands: a signed 'draft' version that does not lock the record. */
  async approveDraft(id: string, baseRevision: number): Promise<ReviewState> {
    const loaded = await this.#forChange(id);
    const { record } = loaded;
    if (baseRevision !== record.revision) {
      throw new ApiFailure('CONFLICT', 'This conference was changed elsewhere since you opened it. Reload it and check it before approving the draft; nothing has been approved.');
    }
    const review = this.#review(loaded);
    const latest = review.drafts.at(-1);
    if (latest !== undefined && latest.statement.recordHash === recordHash(record)) {
      throw new ApiFailure('NOT_READY', `Draft ${latest.statement.version} already is these minutes, unchanged. Nothing has been approved again.`);
    }
    const report = assessReadiness(templateForRecord(record), record, undefined, this.c.localSettings());
    if (!report.ready) {
      const blocking = report.findings.filter((f) => f.severity === 'blocking').length;
      throw new ApiFailure('NOT_READY', `The draft cannot be approved yet: ${blocking === 1 ? '1 item still needs' : `${blocking} items still need`} finishing (see “Ready to sign?”). Nothing has been approved.`);
    }
    const { signer, privateKey } = this.c.profile.signer();
    const at = this.c.now().toISOString();
    const version = signStatement(
      {
        format: 1,
        conferenceId: id,
        version: review.drafts.length + 1,
        kind: 'draft',
        revision: record.revision,
        recordHash: recordHash(record),
        previousHash: latest === undefined ? null : versionHash(latest),
        signer,
        signedAt: at,
      },
      privateKey,
    );
    const next: ReviewBlock = { ...review, drafts: [...review.drafts, version] };
    return this.#state(await this.#commit(loaded, record, next, { action: 'draft-approved', detail: `Draft ${version.statement.version} approved for accuracy review`, signedVersionHash: versionHash(version) }));
  }

  /** Records a recipient of the current draft and makes their review copy. */
  async addRecipient(id: string, input: RecipientInput): Promise<{ state: ReviewState; copy: CopyFile }> {
    const loaded = await this.#forChange(id);
    const review = this.#review(loaded);
    const draft = this.#currentDraft(loaded, review);
    const settings = this.c.localSettings();
    const recipient: Recipient = {
      ...input,
      id: randomUUID(),
      draftVersion: draft.statement.version,
      dueOn: commentsDueOn(input.sentOn, settings),
      noCommentsOn: null,
    };
    const copy = await this.#copy(loaded.record, recipient);
    const hasCopy = review.copies.some((c) => c.draftVersion === recipient.draftVersion && c.document === recipient.document);
    const next: ReviewBlock = {
      ...review,
      recipients: [...review.recipients, recipient],
      copies: hasCopy ? review.copies : [...review.copies, { draftVersion: recipient.draftVersion, document: recipient.document, paragraphs: copy.paragraphs }],
    };
    const after = await this.#commit(loaded, loaded.record, next, {
      action: 'circulated',
      detail: `Draft ${recipient.draftVersion} (${documentWords(recipient.document)}) sent to ${recipient.organisation} on ${formatUkDate(recipient.sentOn)}; comments due ${formatUkDate(recipient.dueOn)}`,
    });
    return { state: this.#state(after), copy: { fileName: copy.fileName, mimeType: DOCX_MIME, base64: copy.bytes.toString('base64') } };
  }

  /** The same review copy again (e.g. to resend it), while the draft it was made from is unchanged. */
  async copy(id: string, recipientId: string): Promise<CopyFile> {
    const { loaded } = await this.c.conferences.load(id);
    const review = this.#review(loaded);
    const recipient = this.#recipient(review, recipientId);
    const draft = review.drafts[recipient.draftVersion - 1];
    if (draft === undefined || draft.statement.recordHash !== recordHash(loaded.record)) {
      throw new ApiFailure('NOT_READY', `The draft has changed since draft ${recipient.draftVersion} was sent to ${recipient.organisation}, so that copy cannot be made again. Approve the corrected draft and send it as a new copy if they need it.`);
    }
    const copy = await this.#copy(loaded.record, recipient);
    return { fileName: copy.fileName, mimeType: DOCX_MIME, base64: copy.bytes.toString('base64') };
  }

  async noComments(id: string, recipientId: string, on: string): Promise<ReviewState> {
    const loaded = await this.#forChange(id);
    const review = this.#review(loaded);
    const recipient = this.#recipient(review, recipientId);
    const next: ReviewBlock = { ...review, recipients: review.recipients.map((r) => (r.id === recipient.id ? { ...r, noCommentsOn: on } : r)) };
    return this.#state(await this.#commit(loaded, loaded.record, next, { action: 'no-comments', detail: `${recipient.organisation} replied on ${formatUkDate(on)} with no comments` }));
  }

  /** Reads a returned copy and lists its comments and changes; the record is not touched. */
  async importReturn(id: string, recipientId: string, bytes: Buffer): Promise<{ state: ReviewState; returnId: string }> {
    const loaded = await this.#forChange(id);
    const review = this.#review(loaded);
    const recipient = this.#recipient(review, recipientId);
    const fileHash = createHash('sha256').update(bytes).digest('hex');
    const earlier = review.returns.find((r) => r.fileHash === fileHash);
    if (earlier !== undefined) {
      const whose = this.#recipient(review, earlier.recipientId).organisation;
      throw new ApiFailure('CONFLICT', `This file was already imported on ${earlier.importedAt.slice(0, 10).split('-').reverse().join('/')} (from ${whose}). Nothing has been imported again.`);
    }
    let returned;
    try {
      returned = readReturnedDocx(bytes);
    } catch (error) {
      if (error instanceof ReturnedFileError) throw new ApiFailure('INVALID_INPUT', error.message);
      throw error;
    }
    let identifier: ReturnedCopy['identifier'] = 'unknown';
    if (returned.identifier !== null) {
      const parsed = parseIdentifier(returned.identifier.text);
      const draft = parsed === null ? undefined : review.drafts[parsed.draftVersion - 1];
      const signedByChair = draft !== undefined && identifierSignatureValid(returned.identifier.text, returned.identifier.signature, draft.statement.signer.publicKey);
      if (parsed === null || parsed.conferenceId !== id || !signedByChair) {
        throw new ApiFailure('INVALID_INPUT', 'This file is a review copy of another conference’s minutes (or its identifier has been altered). Nothing has been imported.');
      }
      if (parsed.recipientId !== recipient.id) {
        const other = review.recipients.find((r) => r.id === parsed.recipientId);
        throw new ApiFailure('INVALID_INPUT', `This is the copy sent to ${other ? `${other.name}, ${other.organisation}` : 'another recipient'}, not to ${recipient.name}, ${recipient.organisation}. Import it against that recipient. Nothing has been imported.`);
      }
      if (parsed.draftVersion !== recipient.draftVersion || parsed.document !== recipient.document) {
        throw new ApiFailure('INVALID_INPUT', `This copy is of draft ${parsed.draftVersion}, but ${recipient.organisation} was sent draft ${recipient.draftVersion}. Nothing has been imported.`);
      }
      identifier = 'verified';
    }
    const sent = review.copies.find((c) => c.draftVersion === recipient.draftVersion && c.document === recipient.document);
    // A paragraph whose words are nowhere in the draft now was changed after the copy went out
    // (an accepted correction from another agency): the comment is still listed, and said to be so.
    const now = await this.#draftTexts(loaded.record, recipient, review);
    const items = reviewItems(returned, sent?.paragraphs ?? [], recipient.name).map((item) => ({
      ...item,
      placement:
        item.placement ??
        (item.paragraphId !== null && item.before !== '' && !now.has(item.before)
          ? 'The paragraph it sits on is no longer in the draft: it has been changed since this copy was sent.'
          : item.kind === 'comment'
            ? null
            : placementNow(loaded.record, item.before)),
    }));
    const copy: ReturnedCopy = { id: randomUUID(), recipientId: recipient.id, fileHash, importedAt: this.c.now().toISOString(), identifier, items };
    const next: ReviewBlock = { ...review, returns: [...review.returns, copy] };
    const unknown = identifier === 'unknown' ? ' (identifier missing: nothing applied without confirmation)' : '';
    const after = await this.#commit(loaded, loaded.record, next, {
      action: 'review-imported',
      detail: `Returned copy from ${recipient.organisation}: ${items.filter((i) => i.kind === 'comment').length} comments, ${items.filter((i) => i.kind !== 'comment').length} changes${unknown}`,
    });
    return { state: this.#state(after), returnId: copy.id };
  }

  /**
   * Accepts or declines one comment or change. Accepting a change writes it into the draft when
   * the paragraph can be found in the record as sent; otherwise it is recorded as accepted, to
   * be made by hand. A copy whose identifier was removed needs the chair's confirmation first.
   */
  async decide(id: string, input: { returnId: string; itemId: string; status: 'accepted' | 'declined'; reason: string; confirmUnknown: boolean }): Promise<{ state: ReviewState; applied: boolean; note: string | null }> {
    const loaded = await this.#forChange(id);
    const review = this.#review(loaded);
    const returned = review.returns.find((r) => r.id === input.returnId);
    const item = returned?.items.find((i) => i.id === input.itemId);
    if (returned === undefined || item === undefined) throw new ApiFailure('NOT_FOUND', 'That comment is not in this conference’s review. Nothing has been changed.');
    if (item.decision !== null) throw new ApiFailure('CONFLICT', `This was already ${item.decision.status}. Nothing has been changed.`);
    const reason = input.reason.trim();
    if (input.status === 'declined' && reason === '') throw new ApiFailure('INVALID_INPUT', 'Give a reason for declining: it goes in the letter to the agency. Nothing has been changed.');
    if (returned.identifier === 'unknown' && input.status === 'accepted' && !input.confirmUnknown) {
      throw new ApiFailure('NOT_READY', 'This file’s identifier was removed, so the app cannot confirm it is the copy that agency was sent. Confirm that you have checked it before accepting anything from it. Nothing has been changed.');
    }
    const recipient = this.#recipient(review, returned.recipientId);
    let record = loaded.record;
    let applied = false;
    let note: string | null = null;
    let sections: string[] = [];
    if (input.status === 'accepted' && item.kind !== 'comment') {
      const result = applyCorrection(record, item.before, item.after);
      if (result.ok) {
        record = ConferenceRecordSchema.parse({ ...result.record, revision: record.revision + 1, updatedAt: this.c.now().toISOString() });
        sections = result.sections;
        applied = true;
      } else {
        note = `${result.problem} Accepted, to be made by hand.`;
      }
    }
    const decision = { status: input.status, reason, at: this.c.now().toISOString(), applied };
    const next: ReviewBlock = {
      ...review,
      returns: review.returns.map((r) => (r.id !== returned.id ? r : { ...r, items: r.items.map((i) => (i.id === item.id ? { ...i, decision } : i)) })),
    };
    const what = item.kind === 'comment' ? 'comment' : item.kind === 'tracked-change' ? 'tracked change' : 'change made without tracking';
    const where = item.paragraphId ? ` on ${item.section} (${item.paragraphId})` : '';
    const after = await this.#commit(loaded, record, next, {
      action: input.status === 'accepted' ? 'review-accepted' : 'review-declined',
      detail: `${input.status === 'accepted' ? 'Accepted' : 'Declined'} ${recipient.organisation}’s ${what}${where}${applied ? ', written into the draft' : ''}`,
      sections,
    });
    return { state: this.#state(after), applied, note };
  }

  /** The chair's reply to one agency, as Word or PDF. */
  async letter(id: string, recipientId: string, format: 'docx' | 'pdf'): Promise<CopyFile> {
    const { loaded } = await this.c.conferences.load(id);
    const review = this.#review(loaded);
    const recipient = this.#recipient(review, recipientId);
    const { signer } = this.c.profile.signer();
    const family = textOf(listItems(loaded.record, 'children')[0]?.values['name']).split(/\s+/).at(-1) ?? '';
    const date = textOf(meetingValues(loaded.record)['date']);
    const model = responseLetter({
      recipient,
      returns: review.returns,
      conferenceTitle: `conference of ${date ? date.split('-').reverse().join('/') : 'no date'}${family ? ` (${family})` : ''}`,
      chair: signer,
      today: londonDate(this.c.now()),
    });
    const { renderDocx, renderPdf } = await documents();
    const bytes = format === 'pdf' ? await renderPdf(model) : await renderDocx(model);
    return {
      fileName: `${date} ${safeFileNamePart(family)} - response to ${safeFileNamePart(recipient.organisation)}.${format}`.replace(/\s+/g, ' ').trim(),
      mimeType: format === 'pdf' ? 'application/pdf' : DOCX_MIME,
      base64: bytes.toString('base64'),
    };
  }

  /** Refuses the final signature while any agency is still within time or has undecided comments. */
  async assertFinalAllowed(id: string): Promise<void> {
    const { loaded } = await this.c.conferences.load(id);
    const review = loaded.stored.review;
    if (review === undefined || review.drafts.length === 0) return;
    const final = finalReadiness(this.#currentRecipients(review), review.returns, londonDate(this.c.now()));
    if (!final.ready) {
      throw new ApiFailure('NOT_READY', `The final minutes cannot be signed yet: the accuracy review is still open. ${final.waiting.join(' ')} Nothing has been signed.`);
    }
  }

  // ── internals ──────────────────────────────────────────────────────────

  /** The last draft's paragraph texts, kept while the record is unchanged: rendering the minutes is the slow part of an import. */
  #lastDraft: { key: string; texts: Set<string> } | null = null;

  async #draftTexts(record: ConferenceRecord, recipient: Recipient, review: ReviewBlock): Promise<Set<string>> {
    const hash = recordHash(record);
    // Unchanged since the copy was made: every paragraph sent is still in the draft, as sent.
    const draft = review.drafts[recipient.draftVersion - 1];
    const sent = review.copies.find((c) => c.draftVersion === recipient.draftVersion && c.document === recipient.document);
    if (draft !== undefined && sent !== undefined && draft.statement.recordHash === hash) return new Set(sent.paragraphs.map((p) => p.text));
    const key = `${record.id}:${hash}:${recipient.document}`;
    if (this.#lastDraft?.key !== key) this.#lastDraft = { key, texts: new Set((await (await documents()).draftParagraphs(record, recipient.document)).map((p) => p.text)) };
    return this.#lastDraft.texts;
  }

  #review(loaded: LoadedConference): ReviewBlock {
    return loaded.stored.review ?? EMPTY_REVIEW;
  }

  async #forChange(id: string): Promise<LoadedConference> {
    const loaded = await this.c.conferences.loadForChange(id, { allowSigned: true });
    if (isSigned(loaded.stored)) {
      throw new ApiFailure('SIGNED', 'The final minutes are signed, so the accuracy review is closed. Corrections now are signed addenda. Nothing has been changed.');
    }
    return loaded;
  }

  #currentDraft(loaded: LoadedConference, review: ReviewBlock): SignedVersion {
    const draft = review.drafts.at(-1);
    if (draft === undefined) throw new ApiFailure('NOT_READY', 'Approve the draft minutes first: agencies are sent the draft you have approved. Nothing has been sent.');
    if (draft.statement.recordHash !== recordHash(loaded.record)) {
      throw new ApiFailure('NOT_READY', `The minutes have changed since draft ${draft.statement.version} was approved. Approve the corrected draft before sending it. Nothing has been sent.`);
    }
    return draft;
  }

  #recipient(review: ReviewBlock, recipientId: string): Recipient {
    const recipient = review.recipients.find((r) => r.id === recipientId);
    if (recipient === undefined) throw new ApiFailure('NOT_FOUND', 'That recipient is not in this conference’s circulation list. Nothing has been changed.');
    return recipient;
  }

  /** Each organisation's latest recipient entry counts: a copy of a newer draft replaces an older one. */
  #currentRecipients(review: ReviewBlock): Recipient[] {
    return review.recipients;
  }

  async #copy(record: ConferenceRecord, recipient: Recipient) {
    const { signer, privateKey } = this.c.profile.signer();
    return (await documents()).buildReviewCopy(record, recipient, { privateKey, replyTo: `${signer.name}, ${signer.role}, ${signer.council}` });
  }

  #state(loaded: LoadedConference): ReviewState {
    const review = this.#review(loaded);
    const today = londonDate(this.c.now());
    const record = loaded.record;
    const chain = checkChain(record.id, review.drafts);
    const date = textOf(meetingValues(record)['date']);
    const firstSent = review.recipients.map((r) => r.sentOn).sort()[0] ?? null;
    const recipients = this.#currentRecipients(review).map((r) => {
      const status = recipientStatus(r, review.returns, today);
      return { ...r, status, statusLabel: STATUS_LABELS[status] };
    });
    return {
      drafts: review.drafts.map((d, i) => ({
        version: d.statement.version,
        signedAt: d.statement.signedAt,
        signer: d.statement.signer.name,
        revision: d.statement.revision,
        verificationCode: verificationCode(versionHash(d)),
        valid: chain.ok || chain.version > i + 1,
      })),
      changedSinceDraft: review.drafts.length > 0 && review.drafts.at(-1)!.statement.recordHash !== recordHash(record),
      minutesDue: /^\d{4}-\d{2}-\d{2}$/.test(date) ? minutesDue(date, this.c.localSettings(), firstSent, today) : null,
      recipients,
      returns: review.returns,
      final: review.drafts.length === 0 ? { ready: false, waiting: ['The draft has not been approved yet.'] } : finalReadiness(recipients, review.returns, today),
      signed: isSigned(loaded.stored),
      agencies: listItems(record, 'agencies').map((a, i) => ({ organisation: agencyLabel(a, i), representative: textOf(a.values['representative']) })),
      today,
    };
  }

  async #commit(
    loaded: LoadedConference,
    record: ConferenceRecord,
    review: ReviewBlock,
    fields: { action: HistoryEntry['action']; detail: string; signedVersionHash?: string; sections?: string[] },
  ): Promise<LoadedConference> {
    const id = record.id;
    const { signer } = this.c.profile.signer();
    const entry = nextEntry(id, loaded.stored.entry, {
      at: this.c.now().toISOString(),
      actor: `${signer.name} (${this.c.actor})`,
      action: fields.action,
      sections: fields.sections ?? [],
      revision: record.revision,
      recordHash: recordHash(record),
      detail: fields.detail,
      ...(fields.signedVersionHash ? { signedVersionHash: fields.signedVersionHash } : {}),
    });
    await this.c.index.noteIntent(id);
    const stamp = await this.c.files.commit(id, loaded.db, loaded.adapter, loaded.stored.entry, { record, entry, review });
    await this.c.index.record(await indexEntryAfterWrite(this.c, id, { record, stored: loaded.stored, head: entry.hash, stamp }));
    // The document as now written (commit replaced db.data): the answer is drawn from it without reading the file again.
    const stored = loaded.db.data;
    if (stored === null) throw new Error('The conference was not kept.');
    return { ...loaded, stored, record };
  }
}

function documentWords(document: ReviewDocument): string {
  return document === 'family-copy' ? 'family copy' : 'full minutes';
}
