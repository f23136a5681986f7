import './review.css';
import { useEffect, useState } from 'react';
import type { ReviewState } from '../../../domain/review/state';
import { useSession } from '../session/SessionContext';
import { routeHref } from '../session/routes';

/**
 * One line on the conference page while agencies are reviewing the draft: how many were sent
 * it, and which are overdue (named, so the chair knows whom to chase). Nothing before a draft
 * is approved; a failure to read it is not worth interrupting the page for.
 */
export function ReviewSummary({ id }: { id: string }) {
  const { client } = useSession();
  const [state, setState] = useState<ReviewState | null>(null);
  useEffect(() => {
    let live = true;
    client['review.get']({ id }).then(
      (value) => {
        if (live) setState(value);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, id]);
  if (state === null || state.drafts.length === 0 || state.signed) return null;
  const overdue = state.recipients.filter((r) => r.status === 'overdue').map((r) => r.organisation);
  const open = state.recipients.filter((r) => r.status === 'comments-received').length;
  return (
    <p className={`body${overdue.length > 0 ? ' review-item__warning' : ''}`} data-testid="review-summary">
      Accuracy review: draft {state.drafts.at(-1)?.version} sent to {state.recipients.length === 1 ? '1 agency' : `${state.recipients.length} agencies`}
      {overdue.length > 0 ? `; overdue: ${overdue.join(', ')}` : ''}
      {open > 0 ? `; ${open === 1 ? '1 agency has' : `${open} agencies have`} comments to answer` : ''}.{' '}
      <a href={routeHref({ name: 'review', id })}>Open the accuracy review</a>
    </p>
  );
}
