/**
 * "Min plan", the citizen portal (its own chunk), on Det Fælles Designsystem:
 * header with the municipality, skip link, one main landmark, plain Danish,
 * built for a phone first.
 */
import 'dkfds-dist/css/dkfds.min.css';
import './citizen.css';
import type { Session } from '../App';
import { seg } from '../api';
import { Link } from '../router';
import type { Citizen } from '../types';
import { useFocusOnNavigate } from '../useFocusOnNavigate';
import { usePageTitle } from '../usePageTitle';
import { useResource, type Resource } from '../useResource';
import { ConsentsPage } from './ConsentsPage';
import { HomePage } from './HomePage';
import { LookupsPage } from './LookupsPage';
import { PENDING_PAGES, PendingPage } from './PendingPage';
import { ProblemAlert } from './ui';

export type CitizenContext = { session: Session; citizen: Resource<Citizen> };

export default function CitizenApp({ session, path }: { session: Session; path: string }) {
  useFocusOnNavigate(path);
  const citizen = useResource<Citizen>(`/api/citizens/${seg(session.me.id)}`);
  const ctx: CitizenContext = { session, citizen };
  const { me } = session;
  return (
    <div className="citizen">
      <a className="skipnav" href="#main-content">
        Gå til sidens indhold
      </a>
      <header className="header">
        <div className="portal-info">
          <div className="portal-info-inner container">
            <Link href="/borger" className="municipality">
              {me.municipalityName || 'Kommunen'}
            </Link>
            <div className="portal-user">
              <p className="user">
                <span className="sr-only">Logget ind som </span>
                {me.name}
              </p>
              <button type="button" className="function-link log-off" onClick={session.onLogout} disabled={session.loggingOut}>
                {session.loggingOut ? 'Logger af …' : 'Log af'}
              </button>
            </div>
          </div>
        </div>
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <Link href="/borger">Min plan</Link>
            </div>
            <div className="additional-info">
              <p>Den helhedsorienterede indsats</p>
            </div>
          </div>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="container citizen-main">
        <ProblemAlert error={session.logoutError} />
        <Routes path={path} ctx={ctx} />
      </main>
      <footer className="footer">
        <div className="container citizen-footer">
          <p>
            {me.municipalityName || 'Kommunen'} · Helhed. Har du brug for hjælp, så kontakt din kontaktperson.
          </p>
        </div>
      </footer>
    </div>
  );
}

function Routes({ path, ctx }: { path: string; ctx: CitizenContext }) {
  if (path === '/borger') return <HomePage ctx={ctx} />;
  if (path === '/borger/samtykker') return <ConsentsPage ctx={ctx} />;
  if (path === '/borger/hvem-har-set') return <LookupsPage />;
  const pending = PENDING_PAGES.find((p) => p.href === path);
  if (pending) return <PendingPage page={pending} ctx={ctx} />;
  return <NotFound />;
}

function NotFound() {
  usePageTitle('Siden findes ikke');
  return (
    <>
      <h1 tabIndex={-1}>Siden findes ikke</h1>
      <p>
        <Link href="/borger">Gå til Min plan</Link>
      </p>
    </>
  );
}
