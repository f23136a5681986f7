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

function progressText(progress: SectionProgress | undefined): string {
  if (!progress || progress.requiredTotal === 0) return 'Nothing required';
  return `${progress.requiredFilled} of ${progress.requiredTotal} answered`;
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
                  {progressText(progress[section.id])}
                  {blocking > 0 && <span className="g-nav__blocking">, {blocking} blocking</span>}
                  {blocking === 0 && progress[section.id] && <span className="visually-hidden">, nothing blocking</span>}
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
