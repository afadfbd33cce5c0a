/** The page frame: skip link, header with the logged-in person and "Log ud", main, footer. */
import type { ReactNode } from 'react';
import { Link } from '../router';
import type { Me } from '../types';
import { homeFor } from '../session';

type Props = { me: Me | null | undefined; onLogout: () => void; loggingOut: boolean; children: ReactNode };

export function Layout({ me, onLogout, loggingOut, children }: Props) {
  const area = me?.kind === 'citizen' ? 'Min plan' : me?.kind === 'employee' ? 'Sagsbehandling' : null;
  return (
    <>
      <a className="skip-link" href="#indhold">
        Gå til indhold
      </a>
      <header className="site-header">
        <div className="wrap header-inner">
          <p className="brand">
            <Link href={me ? homeFor(me) : '/'}>Helhed</Link>
            {area && <span className="brand-area">{area}</span>}
          </p>
          {me && (
            <div className="user">
              <span className="user-name">
                <span className="visually-hidden">Logget ind som </span>
                {me.name}
              </span>
              <button type="button" className="button button-quiet" onClick={onLogout} disabled={loggingOut}>
                {loggingOut ? 'Logger ud …' : 'Log ud'}
              </button>
            </div>
          )}
        </div>
      </header>
      <main id="indhold" tabIndex={-1} className="wrap">
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
