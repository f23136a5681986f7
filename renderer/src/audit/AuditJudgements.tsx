import './audit.css';
import { useEffect, useState } from 'react';
import { JUDGEMENT_RATING_LABELS, type JudgementView } from '../../../domain/audit/types';
import { missingJudgementsMessage } from '../../../domain/audit/judgement-rules';
import { childName } from '../../../domain/record/access';
import type { ConferenceRecord } from '../../../domain/record/conference';
import { formatDateTime } from '../format/dates';
import { useSession } from '../session/SessionContext';

/**
 * What the quality assurance manager judged of this conference's non-plan decisions, on the
 * chair's own conference page. Shown only when there is a judgement, or when the history records
 * one that is gone; a read that fails says so rather than passing for "none".
 */
export function AuditJudgements({ id, record }: { id: string; record: ConferenceRecord }) {
  const { client } = useSession();
  const [state, setState] = useState<{ kind: 'loading' } | { kind: 'failed' } | { kind: 'loaded'; judgements: JudgementView[]; missing: number }>({ kind: 'loading' });
  useEffect(() => {
    let active = true;
    client['audit.judgements']({ id })
      .then(({ judgements, missing }) => active && setState({ kind: 'loaded', judgements, missing }))
      .catch(() => active && setState({ kind: 'failed' }));
    return () => {
      active = false;
    };
  }, [client, id]);
  // Shown when a judgement is missing even if none is left: an empty list must not read as "never judged".
  if (state.kind === 'loading' || (state.kind === 'loaded' && state.judgements.length === 0 && state.missing === 0)) return null;
  return (
    <section className="audit-judgements" aria-labelledby="audit-judgements-title">
      <h2 className="heading-s" id="audit-judgements-title">
        Audit judgements
      </h2>
      {state.kind === 'failed' ? (
        <p className="body error-text">The audit judgements for this conference could not be read.</p>
      ) : (
        <>
          {state.missing > 0 && (
            <p className="body error-text" role="alert">
              {missingJudgementsMessage(state.missing)}
            </p>
          )}
          <ul className="list">
            {state.judgements.map((j) => (
              <li key={j.number}>
                <strong>
                  {childName(record, j.childId)}: {JUDGEMENT_RATING_LABELS[j.rating]}
                </strong>{' '}
                — {j.comment}
                {j.actionForChair && (
                  <>
                    {' '}
                    <strong>Action for you:</strong> {j.actionForChair}
                  </>
                )}{' '}
                <span className="muted">
                  ({j.author}, {formatDateTime(j.at)}; {j.signed ? `signed, code ${j.verificationCode}` : `not signed, recorded with a hash, code ${j.verificationCode}`}
                  {j.valid ? '' : '; this judgement does not verify'})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
