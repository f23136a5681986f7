import { useEffect, useId, useRef, useState } from 'react';
import {
  INDICATOR_LABELS,
  INDICATOR_STATUS_LABELS,
  JUDGEMENT_RATING_LABELS,
  JUDGEMENT_RATINGS,
  type AuditPeriod,
  type AuditRow,
  type CohortRow,
  type JudgementRating,
  type JudgementView,
} from '../../../domain/audit/types';
import { judgementCommentProblem, missingJudgementsMessage } from '../../../domain/audit/judgement-rules';
import { errorMessage } from '../api';
import { formatDateTime, formatIsoDate } from '../format/dates';
import { useSession } from '../session/SessionContext';
import { routeHref } from '../session/routes';

type Loading = { kind: 'loading' } | { kind: 'loaded'; row: AuditRow } | { kind: 'failed'; message: string };

/**
 * The drill-down for the child chosen in the table. The table holds each row without its
 * sentences (CohortRow: a year of thousands of children is half the size to send), so the whole
 * row is fetched here (audit.child, answered from the rows the service kept from the cohort; after
 * a look drawn from the team store's copy of the cohort, the first one works the cohort out in full).
 */
export function ChildDetailLoader({
  period,
  chosen,
  onJudged,
  onClose,
}: {
  period: AuditPeriod;
  chosen: CohortRow;
  onJudged: (judgement: JudgementView) => void;
  onClose: () => void;
}) {
  const { client } = useSession();
  const [state, setState] = useState<Loading>({ kind: 'loading' });
  const id = useId();
  const { conferenceId, childId } = chosen;
  useEffect(() => {
    let current = true;
    client['audit.child']({ period, conferenceId, childId }).then(
      ({ row }) => {
        if (current) setState(row === null ? { kind: 'failed', message: 'This child is no longer in the period’s cohort: show the period again.' } : { kind: 'loaded', row });
      },
      (error: unknown) => {
        if (current) setState({ kind: 'failed', message: errorMessage(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [client, period, conferenceId, childId]);

  if (state.kind === 'loaded') {
    const judged = (judgement: JudgementView) => {
      setState((now) => (now.kind === 'loaded' ? { kind: 'loaded', row: { ...now.row, judgements: [...now.row.judgements, judgement] } } : now));
      onJudged(judgement);
    };
    return <ChildDetail row={state.row} onJudged={judged} onClose={onClose} />;
  }
  return (
    <section className="audit-detail" aria-labelledby={`${id}-h`}>
      <h2 className="heading-m" id={`${id}-h`}>
        {chosen.childName}, {formatIsoDate(chosen.conferenceDate)}
      </h2>
      <div role="status" aria-live="polite">
        <p className={state.kind === 'failed' ? 'body error-text' : 'body'}>
          {state.kind === 'loading' ? 'Opening this child’s indicators…' : `This child’s indicators could not be opened. ${state.message}`}
        </p>
      </div>
      <button type="button" className="button button--secondary" onClick={onClose}>
        Close
      </button>
    </section>
  );
}

/**
 * One child of the cohort: every indicator with its sentence, the drill-down links, and the
 * manager's judgement. Focus moves to its heading when it opens, so a keyboard user lands on it.
 */
export function ChildDetail({ row, onJudged, onClose }: { row: AuditRow; onJudged: (judgement: JudgementView) => void; onClose: () => void }) {
  const { client } = useSession();
  const heading = useRef<HTMLHeadingElement>(null);
  const [rating, setRating] = useState<JudgementRating | ''>('');
  const [comment, setComment] = useState('');
  const [action, setAction] = useState('');
  const [errors, setErrors] = useState<{ rating?: string; comment?: string }>({});
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const key = `${row.conferenceId}:${row.childId}`;

  useEffect(() => {
    heading.current?.focus();
  }, [key]);

  async function record() {
    const found: typeof errors = {};
    if (rating === '') found.rating = 'Choose good, requires improvement or inadequate.';
    const thin = judgementCommentProblem(comment);
    if (thin !== null) found.comment = thin;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setResult(null);
      return;
    }
    setBusy(true);
    try {
      const { judgement } = await client['audit.judge']({
        conferenceId: row.conferenceId,
        childId: row.childId,
        rating: rating as JudgementRating,
        comment,
        actionForChair: action,
      });
      setResult({
        text: judgement.signed
          ? `Judgement recorded and signed by ${judgement.author} (code ${judgement.verificationCode}). The chair sees it on the conference.`
          : `Judgement recorded in the conference’s history under ${judgement.author}, with its hash (code ${judgement.verificationCode}). It is not signed: no signing profile is set up on this computer. The chair sees it on the conference.`,
        error: false,
      });
      setComment('');
      setAction('');
      setRating('');
      onJudged(judgement);
    } catch (error) {
      setResult({ text: `The judgement was not recorded. ${errorMessage(error)}`, error: true });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="audit-detail" aria-labelledby={`${id}-h`}>
      <h2 className="heading-m" id={`${id}-h`} ref={heading} tabIndex={-1}>
        {row.childName}, {formatIsoDate(row.conferenceDate)}
      </h2>
      <p className="body">
        {row.outcomeLabel}
        {row.alternativePlan.lead ? `; lead: ${row.alternativePlan.lead}` : ''}
        {row.alternativePlan.reviewDate ? `; review by ${formatIsoDate(row.alternativePlan.reviewDate)}` : ''}. Chair: {row.chair || 'not recorded'}.
        {` Read through template version ${row.templateVersion}.`}
      </p>
      <p className="body">
        Primary concern: {row.primaryConcern}
        {row.concern ? `; harm ${row.concern.charAt(0).toLowerCase()}${row.concern.slice(1)}` : ''}.
      </p>
      <div className="audit-actions">
        <a className="button button--secondary" href={routeHref({ name: 'conference', id: row.conferenceId })}>
          Open the conference: record, collation and minutes
        </a>
        <a className="button button--secondary" href={routeHref({ name: 'history', id: row.conferenceId })}>
          Change history
        </a>
        <button type="button" className="button button--secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <h3 className="heading-s">Agencies’ recommendations</h3>
      <ul className="list">
        {row.recommendations.map((r, index) => (
          <li key={index}>
            {r.agency}: {r.recommendation}
            {r.stance === 'differs' ? ' (differs from the outcome)' : ''}
          </li>
        ))}
      </ul>
      <p className="body">{row.departsFromMajority.explanation}</p>
      <h3 className="heading-s">Indicators</h3>
      <dl className="audit-indicators">
        {row.indicators.map((indicator) => (
          <div key={indicator.id}>
            <dt>
              {INDICATOR_LABELS[indicator.id]}: <span className={`audit-status--${indicator.status}`}>{INDICATOR_STATUS_LABELS[indicator.status]}</span>
            </dt>
            <dd>{indicator.explanation}</dd>
          </div>
        ))}
        <div>
          <dt>Came back within 12 months</dt>
          <dd>{row.cameBack.explanation}</dd>
        </div>
      </dl>

      <h3 className="heading-s">Judgements</h3>
      {row.judgementsMissing > 0 && (
        <p className="body error-text" role="alert">
          {missingJudgementsMessage(row.judgementsMissing)}
        </p>
      )}
      {row.judgements.length === 0 ? (
        <p className="body">Not judged yet.</p>
      ) : (
        <ul className="list">
          {row.judgements.map((j) => (
            <li key={j.number}>
              {JUDGEMENT_RATING_LABELS[j.rating]} — {j.comment}
              {j.actionForChair ? ` Action for the chair: ${j.actionForChair}` : ''} ({j.author}, {formatDateTime(j.at)}; {j.signed ? 'signed' : 'not signed, recorded with a hash'}
              {j.valid ? '' : '; DOES NOT VERIFY'})
            </li>
          ))}
        </ul>
      )}

      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void record();
        }}
      >
        <fieldset className={`fieldset form-group${errors.rating ? ' form-group--error' : ''}`} aria-describedby={errors.rating ? `${id}-rating-error` : undefined}>
          <legend className="fieldset__legend">Your judgement of this decision</legend>
          {errors.rating && (
            <p className="error-message" id={`${id}-rating-error`}>
              {errors.rating}
            </p>
          )}
          {JUDGEMENT_RATINGS.map((value) => (
            <div className="checkbox" key={value}>
              <input className="checkbox__input" type="radio" id={`${id}-${value}`} name={`${id}-rating`} value={value} checked={rating === value} onChange={() => setRating(value)} />
              <label className="checkbox__label" htmlFor={`${id}-${value}`}>
                {JUDGEMENT_RATING_LABELS[value]}
              </label>
            </div>
          ))}
        </fieldset>
        <div className={`form-group${errors.comment ? ' form-group--error' : ''}`}>
          <label className="label" htmlFor={`${id}-comment`}>
            Comment
          </label>
          {errors.comment && (
            <p className="error-message" id={`${id}-comment-error`}>
              {errors.comment}
            </p>
          )}
          <textarea
            className="input"
            id={`${id}-comment`}
            rows={4}
            value={comment}
            aria-invalid={errors.comment ? true : undefined}
            aria-describedby={errors.comment ? `${id}-comment-error` : undefined}
            onChange={(event) => setComment(event.target.value)}
          />
        </div>
        <div className="form-group">
          <label className="label" htmlFor={`${id}-action`}>
            Action for the chair, if one is needed
          </label>
          <textarea className="input" id={`${id}-action`} rows={2} value={action} onChange={(event) => setAction(event.target.value)} />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Recording…' : 'Record judgement'}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {result && <p className={result.error ? 'body error-text' : 'body'}>{result.text}</p>}
      </div>
    </section>
  );
}
