import { memo } from 'react';
import type { SectionProgress } from '../../../domain/template/validate';
import type { SectionDef } from '../../../domain/template/types';
import { ShortcutsHelp } from './ShortcutsHelp';

export const COLLATION_VIEW = '@collation';
export const READINESS_VIEW = '@readiness';

interface Props {
  sections: readonly SectionDef[];
  current: string;
  progress: Readonly<Record<string, SectionProgress>>;
  blockingBySection: ReadonlyMap<string, number>;
  blockingTotal: number;
  ready: boolean;
  /** The counts are catching up with the latest typing. */
  busy: boolean;
  onOpen: (view: string) => void;
}

/**
 * A section's line under its title. A section with no required answers can still block signing
 * (no agency added yet, a conference not quorate): it then says what blocks, not "Nothing
 * required, 1 blocking", which reads as a contradiction.
 */
export function sectionProgressText(progress: SectionProgress | undefined, blocking: number): string {
  const blocks = blocking === 1 ? '1 item blocks signing' : `${blocking} items block signing`;
  if (!progress || progress.requiredTotal === 0) return blocking > 0 ? blocks : 'Nothing required';
  const answered = `${progress.requiredFilled} of ${progress.requiredTotal} answered`;
  return blocking > 0 ? `${answered}, ${blocking} blocking` : answered;
}

/** The line, with what blocks in the blocking colour. */
function ProgressLine({ progress, blocking }: { progress: SectionProgress | undefined; blocking: number }) {
  const text = sectionProgressText(progress, blocking);
  if (blocking === 0) return <>{text}{progress && <span className="visually-hidden">, nothing blocking</span>}</>;
  const [answered, blocks] = text.includes(', ') ? [text.slice(0, text.indexOf(', ') + 2), text.slice(text.indexOf(', ') + 2)] : ['', text];
  return (
    <>
      {answered}
      <span className="g-nav__blocking">{blocks}</span>
    </>
  );
}

/**
 * The template's sections in order, each with how much of it is answered and how many
 * items in it block signing, then the collation and the readiness check. Buttons, not
 * links: they change the view inside the page, and the app's routes use the address hash.
 */
export const SectionNav = memo(function SectionNav({ sections, current, progress, blockingBySection, blockingTotal, ready, busy, onOpen }: Props) {
  return (
    <nav className="g-nav" aria-label="Conference sections" aria-busy={busy || undefined}>
      <ol className="g-nav__list">
        {sections.map((section, index) => {
          const blocking = blockingBySection.get(section.id) ?? 0;
          return (
            <li key={section.id}>
              <button
                type="button"
                className="g-nav__item"
                aria-current={current === section.id ? 'step' : undefined}
                onClick={() => onOpen(section.id)}
              >
                <span className="g-nav__title">
                  {index + 1}. {section.title}
                </span>
                <span className="g-nav__meta">
                  <ProgressLine progress={progress[section.id]} blocking={blocking} />
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <ul className="g-nav__list g-nav__list--extra">
        <li>
          <button type="button" className="g-nav__item" aria-current={current === COLLATION_VIEW ? 'page' : undefined} onClick={() => onOpen(COLLATION_VIEW)}>
            <span className="g-nav__title">Collation of agency views</span>
            <span className="g-nav__meta">Every agency’s view, side by side</span>
          </button>
        </li>
        <li>
          <button
            type="button"
            className={ready ? 'g-nav__item g-nav__item--ready' : 'g-nav__item'}
            aria-current={current === READINESS_VIEW ? 'page' : undefined}
            onClick={() => onOpen(READINESS_VIEW)}
          >
            <span className="g-nav__title">Ready to sign?</span>
            <span className="g-nav__meta">{ready ? 'Ready to sign' : `${blockingTotal} ${blockingTotal === 1 ? 'item blocks' : 'items block'} signing`}</span>
          </button>
        </li>
      </ul>
      <ShortcutsHelp />
    </nav>
  );
});
