import './review.css';
import { useCallback, useEffect, useId, useState } from 'react';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { formatUkDate, parseUkDate } from '../../../domain/calendar/dates';
import type { ReviewItem, ReviewDocument, ReturnedCopy } from '../../../domain/review/schemas';
import { declineReasonProblem } from '../../../domain/review/decline-reason';
import type { ReviewState } from '../../../domain/review/state';
import { ApiFailure } from '../../../domain/api/result';
import { errorMessage } from '../api';
import { PageHeading } from '../components/PageHeading';
import { usePageTitle } from '../components/usePageTitle';
import { formatDateTime } from '../format/dates';
import { useSession } from '../session/SessionContext';
import { routeHref } from '../session/routes';
import { download, fileToBase64 } from '../components/files';

/**
 * The chair's accuracy review: approve the draft, send each agency its copy, import what comes
 * back, accept or decline each comment and change, answer each agency, then sign the final
 * minutes. Every action is one call; the page then shows what the store now holds.
 */

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const DOCUMENT_WORDS: Record<ReviewDocument, string> = { 'full-minutes': 'Full minutes', 'family-copy': 'Family copy' };
const KIND_WORDS: Record<ReviewItem['kind'], string> = { comment: 'Comment', 'tracked-change': 'Tracked change', 'untracked-edit': 'Change made without tracking' };

type Loaded = { record: ConferenceRecord; review: ReviewState };
type Notice = { text: string; error: boolean } | null;

export function ReviewScreen({ id }: { id: string }) {
  const { client } = useSession();
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  usePageTitle('Accuracy review');

  // Each action bumps `loads`; the page is then read again from the store.
  const [loads, setLoads] = useState(0);
  useEffect(() => {
    let live = true;
    Promise.all([client['conferences.get']({ id }), client['review.get']({ id })]).then(
      ([{ conference }, review]) => {
        if (live) setData({ record: conference, review });
      },
      (error: unknown) => {
        if (live) setLoadError(errorMessage(error));
      },
    );
    return () => {
      live = false;
    };
  }, [client, id, loads]);

  /** Runs one action, then reads the page again; a refusal is shown as the service said it. */
  const act = useCallback(
    async (work: () => Promise<string | null>) => {
      setBusy(true);
      setNotice(null);
      try {
        const done = await work();
        if (done) setNotice({ text: done, error: false });
      } catch (error) {
        setNotice({ text: errorMessage(error), error: true });
      } finally {
        setBusy(false);
        setLoads((n) => n + 1);
      }
    },
    [],
  );

  return (
    <>
      <div className="page-links">
        <a className="back-link" href={routeHref({ name: 'conference', id })}>
          Back to the conference
        </a>
        <a className="page-links__item" href={routeHref({ name: 'history', id })}>
          Change history
        </a>
      </div>
      <PageHeading caption="Conference">Accuracy review of the draft minutes</PageHeading>
      {loadError && <p className="error-message">{loadError}</p>}
      {notice && (
        <div className={notice.error ? 'warning-panel' : 'banner banner--success'} role={notice.error ? 'alert' : 'status'}>
          <p className="body">{notice.text}</p>
        </div>
      )}
      {data && <ReviewBody id={id} data={data} busy={busy} act={act} />}
    </>
  );
}

function ReviewBody({ id, data, busy, act }: { id: string; data: Loaded; busy: boolean; act: (work: () => Promise<string | null>) => Promise<void> }) {
  const { client } = useSession();
  const { review, record } = data;
  const latest = review.drafts.at(-1);
  const needsApproval = latest === undefined || review.changedSinceDraft;

  return (
    <>
      {review.minutesDue && (
        <p className={`body${review.minutesDue.late ? ' review-item__warning' : ''}`} data-testid="minutes-due">
          {review.minutesDue.sentence}
        </p>
      )}

      <section className="review-block" aria-labelledby="draft-title">
        <h2 className="heading-m" id="draft-title">
          Approved draft
        </h2>
        {review.drafts.length === 0 ? (
          <p className="body">The draft has not been approved yet. Approving signs it as a draft; you can still correct it afterwards.</p>
        ) : (
          <ul className="list">
            {review.drafts.map((d) => (
              <li key={d.version}>
                Draft {d.version}, approved by {d.signer} on {formatDateTime(d.signedAt)} (code {d.verificationCode}){d.valid ? '' : ' — does not verify'}
              </li>
            ))}
          </ul>
        )}
        {review.changedSinceDraft && <p className="body">The minutes have changed since the last approved draft (accepted corrections). Approve the corrected draft before sending further copies.</p>}
        {needsApproval && !review.signed && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const next = await client['review.approveDraft']({ id, baseRevision: record.revision });
                return `Draft ${next.drafts.at(-1)?.version ?? ''} approved and signed as a draft. You can now send it to the agencies.`;
              })
            }
          >
            Approve the draft for circulation
          </button>
        )}
      </section>

      <Circulation id={id} review={review} busy={busy} act={act} />
      {!review.signed && latest !== undefined && !review.changedSinceDraft && <AddRecipient id={id} review={review} busy={busy} act={act} />}
      <Returns id={id} review={review} busy={busy} act={act} />
      <FinalSignature id={id} review={review} record={record} busy={busy} act={act} />
    </>
  );
}

function Circulation({ id, review, busy, act }: { id: string; review: ReviewState; busy: boolean; act: (work: () => Promise<string | null>) => Promise<void> }) {
  const { client } = useSession();
  const overdue = review.recipients.filter((r) => r.status === 'overdue').length;
  async function importFor(recipientId: string, organisation: string, file: File) {
    await act(async () => {
      if (file.size > MAX_FILE_BYTES) {
        throw new ApiFailure('INVALID_INPUT', `“${file.name}” is ${Math.round(file.size / (1024 * 1024))} MB; a returned copy of the minutes is well under 10 MB. Check it is the right file. Nothing has been imported.`);
      }
      const { state, returnId } = await client['review.import']({ id, recipientId, base64: await fileToBase64(file) });
      const items = state.returns.find((r) => r.id === returnId)?.items.length ?? 0;
      return `Imported the copy returned by ${organisation}: ${items === 1 ? '1 comment or change' : `${items} comments and changes`} to look at below.`;
    });
  }
  return (
    <section className="review-block" aria-labelledby="circulation-title">
      <h2 className="heading-m" id="circulation-title">
        Circulation
      </h2>
      {review.recipients.length === 0 ? (
        <p className="body">No agency has been sent the draft yet.</p>
      ) : (
        <>
          {overdue > 0 && (
            <p className="body review-item__warning" data-testid="overdue-summary">
              {overdue === 1 ? '1 agency is overdue with its comments.' : `${overdue} agencies are overdue with their comments.`}
            </p>
          )}
          <table className="table review-table">
            <caption className="table__caption">Who was sent the draft, and where each stands on {formatUkDate(review.today)}</caption>
            <thead>
              <tr>
                <th scope="col">Agency</th>
                <th scope="col">Sent</th>
                <th scope="col">Comments due</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {review.recipients.map((r) => (
                <tr
                  key={r.id}
                  className={r.status === 'overdue' ? 'review-row--overdue' : undefined}
                  data-testid={`recipient-${r.organisation}`}
                  // A returned file can also be dropped on the agency's row (the button does the same from the keyboard).
                  onDragOver={(event) => {
                    if (!review.signed) event.preventDefault();
                  }}
                  onDrop={(event) => {
                    const file = event.dataTransfer.files[0];
                    if (review.signed || !file) return;
                    event.preventDefault();
                    void importFor(r.id, r.organisation, file);
                  }}
                >
                  <th scope="row">
                    {r.organisation}
                    <div className="hint">
                      {r.name} · {r.email} · {DOCUMENT_WORDS[r.document]}, draft {r.draftVersion}
                    </div>
                  </th>
                  <td>{formatUkDate(r.sentOn)}</td>
                  <td>{formatUkDate(r.dueOn)}</td>
                  <td>
                    <strong className={`tag ${r.status === 'overdue' ? 'tag--overdue' : r.status === 'sent' || r.status === 'comments-received' ? 'tag--waiting' : r.status === 'superseded' ? 'tag--superseded' : 'tag--ready'}`}>{r.statusLabel}</strong>
                  </td>
                  <td>
                    <div className="review-actions">
                      {!review.signed && (
                        <label className="button button--secondary button--small review-file-label">
                          Import returned file<span className="visually-hidden"> from {r.organisation}</span>
                          <input
                            type="file"
                            className="visually-hidden"
                            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                            disabled={busy}
                            onChange={(event) => {
                              const file = event.currentTarget.files?.[0];
                              event.currentTarget.value = '';
                              if (file) void importFor(r.id, r.organisation, file);
                            }}
                          />
                        </label>
                      )}
                      {!review.signed && (r.status === 'sent' || r.status === 'overdue') && (
                        <button
                          type="button"
                          className="button button--secondary button--small"
                          disabled={busy}
                          onClick={() =>
                            void act(async () => {
                              await client['review.noComments']({ id, recipientId: r.id, on: review.today });
                              return `${r.organisation} recorded as having no comments.`;
                            })
                          }
                        >
                          No comments<span className="visually-hidden"> from {r.organisation}</span>
                        </button>
                      )}
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        disabled={busy}
                        onClick={() =>
                          void act(async () => {
                            const file = await client['review.copy']({ id, recipientId: r.id });
                            download(file.fileName, file.mimeType, file.base64);
                            return `Downloaded “${file.fileName}”.`;
                          })
                        }
                      >
                        Review copy<span className="visually-hidden"> for {r.organisation}</span>
                      </button>
                      {(r.status === 'answered' || r.status === 'no-comments') &&
                        (['docx', 'pdf'] as const).map((format) => (
                          <button
                            key={format}
                            type="button"
                            className="button button--secondary button--small"
                            disabled={busy}
                            onClick={() =>
                              void act(async () => {
                                const file = await client['review.letter']({ id, recipientId: r.id, format });
                                download(file.fileName, file.mimeType, file.base64);
                                return `Downloaded “${file.fileName}”.`;
                              })
                            }
                          >
                            Response letter ({format === 'docx' ? 'Word' : 'PDF'})<span className="visually-hidden"> to {r.organisation}</span>
                          </button>
                        ))}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

function AddRecipient({ id, review, busy, act }: { id: string; review: ReviewState; busy: boolean; act: (work: () => Promise<string | null>) => Promise<void> }) {
  const { client } = useSession();
  const base = useId();
  const [name, setName] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [email, setEmail] = useState('');
  const [document, setDocument] = useState<ReviewDocument>('full-minutes');
  const [sentOn, setSentOn] = useState(formatUkDate(review.today));
  const [error, setError] = useState<string | null>(null);

  function choose(index: string) {
    const agency = review.agencies[Number(index)];
    if (!agency) return;
    setOrganisation(agency.organisation);
    setName(agency.representative.split(',')[0]?.trim() ?? '');
  }

  async function submit() {
    const date = parseUkDate(sentOn);
    const problems = [!name.trim() && 'Enter the name of the person sent the draft.', !organisation.trim() && 'Enter their organisation.', !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()) && 'Enter a secure email address, like name@police.example.gov.uk.', !date.ok && date.message].filter(Boolean) as string[];
    if (problems.length > 0 || !date.ok) {
      setError(problems.join(' '));
      return;
    }
    setError(null);
    await act(async () => {
      const { copy } = await client['review.addRecipient']({ id, recipient: { name: name.trim(), organisation: organisation.trim(), email: email.trim(), document, sentOn: date.date } });
      download(copy.fileName, copy.mimeType, copy.base64);
      setName('');
      setOrganisation('');
      setEmail('');
      return `Recorded. “${copy.fileName}” has been downloaded: send it to ${organisation.trim()} by secure email.`;
    });
  }

  return (
    <section className="review-block" aria-labelledby="send-title">
      <h2 className="heading-m" id="send-title">
        Send the draft to an agency
      </h2>
      {error && (
        <p className="error-message" role="alert">
          {error}
        </p>
      )}
      {review.agencies.length > 0 && (
        <div className="g-field">
          <label className="label" htmlFor={`${base}-agency`}>
            Agency in the minutes (fills in the organisation and name)
          </label>
          <select id={`${base}-agency`} className="input" defaultValue="" onChange={(e) => choose(e.currentTarget.value)}>
            <option value="">Choose an agency</option>
            {review.agencies.map((a, i) => (
              <option key={`${a.organisation}-${i}`} value={String(i)}>
                {a.organisation}
                {a.representative ? ` — ${a.representative}` : ''}
              </option>
            ))}
          </select>
        </div>
      )}
      <TextInput id={`${base}-org`} label="Organisation" value={organisation} onChange={setOrganisation} />
      <TextInput id={`${base}-name`} label="Name of the person sent the draft" value={name} onChange={setName} />
      <TextInput id={`${base}-email`} label="Secure email address (recorded for the log)" value={email} onChange={setEmail} type="email" />
      <fieldset className="fieldset g-field">
        <legend className="fieldset__legend">Which document</legend>
        {(['full-minutes', 'family-copy'] as const).map((d) => (
          <div className="checkbox" key={d}>
            <input className="checkbox__input" type="radio" id={`${base}-${d}`} name={`${base}-document`} checked={document === d} onChange={() => setDocument(d)} />
            <label className="checkbox__label" htmlFor={`${base}-${d}`}>
              {d === 'full-minutes' ? 'Full minutes' : 'Family copy (restricted information left out)'}
            </label>
          </div>
        ))}
      </fieldset>
      <TextInput id={`${base}-sent`} label="Date sent" hint="For example, 19/02/2026" value={sentOn} onChange={setSentOn} />
      <button type="button" className="button" disabled={busy} onClick={() => void submit()}>
        Record and download the review copy
      </button>
    </section>
  );
}

function TextInput({ id, label, hint, value, onChange, type = 'text' }: { id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; type?: string }) {
  return (
    <div className="g-field">
      <label className="label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <input id={id} className="input" type={type} value={value} aria-describedby={hint ? `${id}-hint` : undefined} onChange={(e) => onChange(e.currentTarget.value)} />
    </div>
  );
}

function Returns({ id, review, busy, act }: { id: string; review: ReviewState; busy: boolean; act: (work: () => Promise<string | null>) => Promise<void> }) {
  if (review.returns.length === 0) return null;
  return (
    <section className="review-block" aria-labelledby="returns-title">
      <h2 className="heading-m" id="returns-title">
        Comments and changes
      </h2>
      {review.returns.map((returned) => (
        <ReturnedCopyView key={returned.id} id={id} returned={returned} review={review} busy={busy} act={act} />
      ))}
    </section>
  );
}

function ReturnedCopyView({ id, returned, review, busy, act }: { id: string; returned: ReturnedCopy; review: ReviewState; busy: boolean; act: (work: () => Promise<string | null>) => Promise<void> }) {
  const recipient = review.recipients.find((r) => r.id === returned.recipientId);
  const [confirmed, setConfirmed] = useState(false);
  const checkId = useId();
  const sections = [...new Set(returned.items.map((i) => i.section))];
  return (
    <div className="review-block">
      <h3 className="heading-s">
        From {recipient ? `${recipient.name}, ${recipient.organisation}` : 'an agency'} — imported {formatDateTime(returned.importedAt)}
      </h3>
      {returned.identifier === 'unknown' && (
        <div className="warning-panel" role="region" aria-label="Copy not recognised">
          <p className="body">This file’s identifier was removed, so the app cannot confirm it is the copy sent to {recipient?.organisation ?? 'this agency'}. Its comments are shown; nothing from it is accepted until you confirm you have checked it.</p>
          <div className="checkbox">
            <input className="checkbox__input" type="checkbox" id={checkId} checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
            <label className="checkbox__label" htmlFor={checkId}>
              I have checked this is the copy we sent to {recipient?.organisation ?? 'this agency'}
            </label>
          </div>
        </div>
      )}
      {returned.items.length === 0 && <p className="body">No comments or changes in this file.</p>}
      {sections.map((section) => (
        <div key={section}>
          <h4 className="heading-s">{section}</h4>
          {returned.items
            .filter((i) => i.section === section)
            .map((item) => (
              <ItemView key={item.id} id={id} returnId={returned.id} item={item} organisation={recipient?.organisation ?? 'the agency'} confirmUnknown={confirmed} busy={busy || review.signed} act={act} />
            ))}
        </div>
      ))}
    </div>
  );
}

function ItemView({ id, returnId, item, organisation, confirmUnknown, busy, act }: { id: string; returnId: string; item: ReviewItem; organisation: string; confirmUnknown: boolean; busy: boolean; act: (work: () => Promise<string | null>) => Promise<void> }) {
  const { client } = useSession();
  const [reason, setReason] = useState('');
  const [reasonProblem, setReasonProblem] = useState<string | null>(null);
  const reasonId = useId();
  const decide = (status: 'accepted' | 'declined') => {
    // The service refuses a lazy reason too (decline-reason.ts); said here first, beside the box, so nothing is lost.
    const problem = status === 'declined' ? declineReasonProblem(reason) : null;
    setReasonProblem(problem);
    if (problem !== null) {
      document.getElementById(reasonId)?.focus();
      return Promise.resolve();
    }
    return act(async () => {
      const out = await client['review.decide']({ id, returnId, itemId: item.id, status, reason, confirmUnknown });
      if (status === 'declined') return `Declined ${organisation}’s ${KIND_WORDS[item.kind].toLowerCase()}; the reason will be in the letter to them.`;
      return out.applied ? `Accepted: the draft now reads as ${organisation} suggested. This is recorded in the history.` : `Accepted.${out.note ? ` ${out.note}` : ''}`;
    });
  };
  return (
    <article className={`review-item${item.decision ? ' review-item--decided' : ''}`} aria-label={`${KIND_WORDS[item.kind]} by ${item.author}`} data-testid="review-item">
      <p className="review-item__meta">
        <strong>{KIND_WORDS[item.kind]}</strong> by {item.author}
        {item.date ? ` on ${formatDateTime(item.date)}` : ''}
        {item.paragraphId ? ` · paragraph ${item.paragraphId}` : ''}
      </p>
      {item.kind === 'comment' ? (
        <>
          {item.before && <blockquote className="review-item__quote">{item.before}</blockquote>}
          <p className="body" dir="auto">
            {item.text}
          </p>
        </>
      ) : (
        <div className="review-item__change">
          <p className="body">
            <span className="visually-hidden">Was: </span>
            <del>{item.before || '(new paragraph)'}</del>
          </p>
          <p className="body">
            <span className="visually-hidden">Would read: </span>
            <ins>{item.after || '(paragraph deleted)'}</ins>
          </p>
          <p className="hint">{item.text}</p>
        </div>
      )}
      {item.placement && <p className="review-item__warning">{item.placement}</p>}
      {item.decision ? (
        <p className="body" data-testid="decision">
          <strong>{item.decision.status === 'accepted' ? (item.decision.applied ? 'Accepted — written into the draft' : 'Accepted') : 'Declined'}</strong>
          {item.decision.reason ? `: ${item.decision.reason}` : ''}
        </p>
      ) : (
        <div className="review-decision">
          <div className={reasonProblem ? 'g-field g-field--error' : 'g-field'}>
            <label className="label" htmlFor={reasonId}>
              Reason (needed to decline; goes in the letter to {organisation})
            </label>
            {reasonProblem && (
              <p className="g-error" id={`${reasonId}-error`}>
                <span className="visually-hidden">Error: </span>
                {reasonProblem}
              </p>
            )}
            <textarea
              id={reasonId}
              className="input"
              rows={2}
              value={reason}
              aria-describedby={reasonProblem ? `${reasonId}-error` : undefined}
              aria-invalid={reasonProblem ? true : undefined}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
          </div>
          <div className="review-decision__buttons">
            <button type="button" className="button" disabled={busy} onClick={() => void decide('accepted')}>
              Accept
            </button>
            <button type="button" className="button button--secondary" disabled={busy} onClick={() => void decide('declined')}>
              Decline
            </button>
          </div>
        </div>
      )}
    </article>
  );
}

function FinalSignature({ id, review, record, busy, act }: { id: string; review: ReviewState; record: ConferenceRecord; busy: boolean; act: (work: () => Promise<string | null>) => Promise<void> }) {
  const { client } = useSession();
  if (review.drafts.length === 0) return null;
  return (
    <section className="review-block" aria-labelledby="final-title">
      <h2 className="heading-m" id="final-title">
        Final minutes
      </h2>
      {review.signed ? (
        <p className="body">The final minutes are signed. Corrections now are signed addenda, on the conference page.</p>
      ) : review.final.ready ? (
        <>
          <p className="body">Every agency has answered or has passed its due date. Signing locks the minutes; the full minutes, family copy and actions list are made from the signed version.</p>
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const { signed } = await client['conferences.sign']({ id, baseRevision: record.revision });
                return `The final minutes are signed (version ${signed.version}, code ${signed.verificationCode}).`;
              })
            }
          >
            Sign the final minutes
          </button>
        </>
      ) : (
        <>
          <p className="body">The final minutes can be signed when every agency has answered or has passed its due date. Waiting for:</p>
          <ul className="list">
            {review.final.waiting.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
