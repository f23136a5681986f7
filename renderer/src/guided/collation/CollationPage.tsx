import type { ChildCollation } from '../../../../domain/collation/collate';
import { CollationView } from './CollationView';

/** The standalone collation: every child's view across all agencies, full texts. */
export function CollationPage({ collations }: { collations: readonly ChildCollation[] }) {
  return (
    <section className="g-section" aria-labelledby="h--collation">
      <h2 id="h--collation" tabIndex={-1} className="g-section__title">
        Collation of agency views
      </h2>
      <p className="g-section__purpose">
        Each agency’s view of each child side by side: the evidence the risk analysis and each decision must engage with.
      </p>
      {collations.length === 0 && <p className="g-empty">Add the children first: the collation is made for each child.</p>}
      {collations.map((collation) => (
        <CollationView key={collation.childId} collation={collation} headingLevel={3} compact={false} chartWidth={400} />
      ))}
    </section>
  );
}
