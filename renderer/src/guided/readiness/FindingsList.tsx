import type { RuleFinding } from '../../../../domain/rules/finding';
import { useGuided } from '../context';
import { refDomId } from '../scope';

/**
 * Findings as plain sentences, each a link to the field that resolves it (the error-summary
 * pattern). The href names the field's id so the link is meaningful without script; the
 * click opens the section first, because the field is only on screen when its section is.
 */
export function FindingsList({ findings }: { findings: readonly RuleFinding[] }) {
  const guided = useGuided();
  return (
    <ul className="g-findings">
      {findings.map((finding, index) => (
        <li key={`${finding.rule}-${refDomId(finding.ref)}-${index}`}>
          <a
            href={`#${refDomId(finding.ref)}`}
            dir="auto"
            onClick={(event) => {
              event.preventDefault();
              guided.openRef(finding.ref);
            }}
          >
            {finding.message}
          </a>
        </li>
      ))}
    </ul>
  );
}
