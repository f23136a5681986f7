import type { ReactNode } from 'react';
import { FindingsList } from './FindingsList';
import type { GuidedReadiness } from './use-readiness';

/**
 * Ready to sign, or exactly what stands in the way: blocking findings first (each a link to
 * its field), then warnings that need a look but do not stop signing.
 */
export function ReadinessPanel({ readiness, action }: { readiness: GuidedReadiness; action?: ReactNode }) {
  const blocking = readiness.findings.filter((f) => f.severity === 'blocking');
  const warnings = readiness.findings.filter((f) => f.severity === 'warning');
  const notes = readiness.findings.filter((f) => f.severity === 'info');
  return (
    <section className="g-section g-readiness" aria-labelledby="h--readiness">
      <h2 id="h--readiness" tabIndex={-1} className="g-section__title">
        Ready to sign?
      </h2>
      {readiness.ready ? (
        <div className="g-panel g-panel--ready">
          <p className="g-panel__title">Ready to sign</p>
          <p>Every rule for a defensible record is met: each child has a decision with a rationale, agencies’ views are engaged with, and the children’s voices are recorded.</p>
          {action}
        </div>
      ) : (
        <div className="g-panel g-panel--blocking">
          <p className="g-panel__title">
            Not ready to sign: {blocking.length === 1 ? '1 thing needs' : `${blocking.length} things need`} doing first
          </p>
          <FindingsList findings={blocking} />
        </div>
      )}
      {warnings.length > 0 && (
        <section className="g-panel g-panel--warning" aria-labelledby="h--readiness-warnings">
          <h3 id="h--readiness-warnings" className="g-panel__title">
            {warnings.length === 1 ? '1 warning' : `${warnings.length} warnings`} to check (these do not stop signing)
          </h3>
          <FindingsList findings={warnings} />
        </section>
      )}
      {notes.length > 0 && (
        <section className="g-panel" aria-labelledby="h--readiness-notes">
          <h3 id="h--readiness-notes" className="g-panel__title">
            For the record
          </h3>
          <FindingsList findings={notes} />
        </section>
      )}
    </section>
  );
}
