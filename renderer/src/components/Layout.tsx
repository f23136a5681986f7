import type { ReactNode } from 'react';
import { focusById } from './focus';
import { SERVICE_NAME } from './usePageTitle';

export interface NavItem {
  href: string;
  label: string;
  current: boolean;
}

export interface LayoutProps {
  nav?: readonly NavItem[];
  onLock?: () => void;
  children: ReactNode;
  /** lease9: the footer's sentence on where the records are, and who is signed in (header); this computer by default. */
  where?: string;
  who?: string;
}

/** Skip link, banner, navigation, main landmark and footer shared by every screen. */
export function Layout({ nav, onLock, children, where, who }: LayoutProps) {
  return (
    <>
      <a
        href="#main-content"
        className="skip-link"
        onClick={(event) => {
          // Handled here so the in-page anchor never disturbs the hash routes.
          event.preventDefault();
          focusById('main-content');
        }}
      >
        Skip to main content
      </a>
      <header className="app-header">
        <div className="width-container app-header__inner">
          <span className="app-header__name">
            {SERVICE_NAME}
            {who && <span className="app-header__who">{who}</span>}
          </span>
          {nav && (
            <nav className="app-nav" aria-label="Main">
              <ul className="app-nav__list">
                {nav.map((item) => (
                  <li key={item.href}>
                    <a className="app-nav__link" href={item.href} aria-current={item.current ? 'page' : undefined}>
                      {item.label}
                    </a>
                  </li>
                ))}
              </ul>
              {onLock && (
                <button type="button" className="button button--header" onClick={onLock}>
                  Lock
                </button>
              )}
            </nav>
          )}
        </div>
      </header>
      <div className="width-container">
        <main id="main-content" className="main" tabIndex={-1}>
          {children}
        </main>
      </div>
      <footer className="app-footer">
        <div className="width-container">
          {where ?? 'Conference records are stored encrypted on this computer.'}
        </div>
      </footer>
    </>
  );
}
