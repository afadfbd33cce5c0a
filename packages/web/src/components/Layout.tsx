/** The workspace's page frame: skip link, header with the logged-in person and "Log ud", navigation, main, footer. */
import type { ReactNode } from 'react';
import type { Session } from '../App';
import { Link } from '../router';
import { ErrorAlert } from './Status';

export type NavItem = { href: string; label: string; current: boolean };

export function Layout({ session, nav = [], children }: { session: Session | null; nav?: NavItem[]; children: ReactNode }) {
  const me = session?.me;
  return (
    <>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <header className="site-header">
        <div className="wrap header-inner">
          <p className="brand">
            <Link href="/">Helhed</Link>
            {me && <span className="brand-area">Sagsbehandling · {me.municipalityName}</span>}
          </p>
          {session && me && (
            <div className="user">
              <span className="user-name">
                <span className="visually-hidden">Logget ind som </span>
                {me.name}
              </span>
              <button type="button" className="button button-quiet" onClick={session.onLogout} disabled={session.loggingOut}>
                {session.loggingOut ? 'Logger ud …' : 'Log ud'}
              </button>
            </div>
          )}
        </div>
        {nav.length > 0 && (
          <nav aria-label="Hovedmenu" className="main-nav">
            <ul className="wrap">
              {nav.map((item) => (
                <li key={item.href}>
                  <Link href={item.href} aria-current={item.current ? 'page' : undefined}>
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="indhold" tabIndex={-1} className="wrap">
        {session && <ErrorAlert error={session.logoutError} />}
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>Helhed – den helhedsorienterede indsats for borgere med komplekse problemer.</p>
        </div>
      </footer>
    </>
  );
}
