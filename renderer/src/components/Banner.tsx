import type { ReactNode } from 'react';
import type { StoreProblem } from '../../../domain/api/contract';
import { isFolderRollback } from '../../../domain/api/store-problems';
import { useSession } from '../session/SessionContext';
import { AcceptRolledBackStore } from './AcceptRolledBackStore';

/** A calm notice (information or success) in the GOV.UK notification banner pattern. */
export function Banner({ title, tone = 'info', children }: { title: string; tone?: 'info' | 'success'; children: ReactNode }) {
  const id = `banner-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div className={`banner banner--${tone}`} role={tone === 'success' ? 'status' : 'region'} aria-labelledby={id}>
      <h2 className="banner__title" id={id}>
        {title}
      </h2>
      <div className="banner__body">{children}</div>
    </div>
  );
}

/**
 * Store problems are shown as the store reported them: messages and ids, never record content.
 * The report that the whole folder went back comes only from unlocking, so it is shown only
 * while the session still holds it (accepting it removes it there), with the way to accept it.
 */
export function StoreProblems({ problems }: { problems: readonly StoreProblem[] }) {
  const { unlockProblems } = useSession();
  const shown = problems.filter((problem) => !isFolderRollback(problem) || unlockProblems.some(isFolderRollback));
  if (shown.length === 0) return null;
  return (
    <div className="warning-panel" role="region" aria-labelledby="store-problems-title">
      <h2 className="heading-s" id="store-problems-title">
        Some records need attention
      </h2>
      <ul className="list">
        {shown.map((problem, index) => (
          <li key={`${problem.conferenceId ?? 'store'}-${problem.kind}-${index}`}>{problem.message}</li>
        ))}
      </ul>
      {shown.some(isFolderRollback) && <AcceptRolledBackStore />}
    </div>
  );
}
