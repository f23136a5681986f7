import type { ReactNode } from 'react';

export const MAIN_HEADING_ID = 'main-heading';

/**
 * The page's one h1. It can take focus (tabIndex -1) because the app moves focus here on every
 * change of screen, so screen reader users hear where they are, as after a page load.
 */
export function PageHeading({ caption, children }: { caption?: ReactNode; children: ReactNode }) {
  return (
    <>
      {caption && <span className="caption">{caption}</span>}
      <h1 id={MAIN_HEADING_ID} className="heading-xl" tabIndex={-1}>
        {children}
      </h1>
    </>
  );
}
