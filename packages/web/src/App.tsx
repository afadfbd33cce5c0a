/** Session and routes: who is logged in decides which part of the app is shown. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, setUnauthorizedHandler } from './api';
import { ErrorAlert, Loading } from './components/Status';
import { Layout } from './components/Layout';
import { CasePage } from './pages/CasePage';
import { CitizenPage } from './pages/CitizenPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { OverviewPage } from './pages/OverviewPage';
import { match, navigate, usePath } from './router';
import { fetchMe, homeFor, logout } from './session';
import type { Me } from './types';

export function App() {
  const path = usePath();
  /** undefined while we ask the server, null when nobody is logged in */
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loggingOut, setLoggingOut] = useState(false);

  useEffect(() => {
    fetchMe().then(setMe, (e: unknown) => {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', 'Helhed kunne ikke starte. Genindlæs siden.'));
      setMe(null);
    });
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setMe(null);
      setNotice('Din session er udløbet. Log ind igen.');
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  // Citizens have their own page; employees have no use for it.
  useEffect(() => {
    if (me?.kind === 'citizen' && path !== '/borger') navigate('/borger', { replace: true });
    if (me?.kind === 'employee' && path === '/borger') navigate('/', { replace: true });
  }, [me, path]);

  // After a navigation or a login, move focus to the new page's heading so
  // keyboard and screen-reader users start at the top of the new content.
  const view = me === undefined ? null : `${me?.id ?? '-'}:${path}`;
  const previousView = useRef<string | null>(null);
  useEffect(() => {
    if (view === null) return;
    if (previousView.current !== null && previousView.current !== view) {
      window.scrollTo(0, 0);
      document.querySelector<HTMLElement>('main h1')?.focus();
    }
    previousView.current = view;
  }, [view]);

  const onLoggedIn = useCallback((who: Me) => {
    setNotice(null);
    setError(null);
    setMe(who);
    if (who.kind === 'citizen' || window.location.pathname === '/borger') navigate(homeFor(who), { replace: true });
  }, []);

  const onLogout = useCallback(async () => {
    setLoggingOut(true);
    try {
      const logoutUrl = await logout();
      if (logoutUrl) {
        window.location.assign(logoutUrl);
        return;
      }
      setMe(null);
      setNotice('Du er logget ud.');
      navigate('/');
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', 'Du blev ikke logget ud. Prøv igen.'));
    } finally {
      setLoggingOut(false);
    }
  }, []);

  return (
    <Layout me={me} onLogout={onLogout} loggingOut={loggingOut}>
      <ErrorAlert error={error} />
      {notice && (
        <div className="alert alert-info" role="status">
          <p>{notice}</p>
        </div>
      )}
      {me === undefined ? <Loading /> : me === null ? <LoginPage onLoggedIn={onLoggedIn} /> : <Routes me={me} path={path} />}
    </Layout>
  );
}

function Routes({ me, path }: { me: Me; path: string }) {
  if (me.kind === 'citizen') return path === '/borger' ? <CitizenPage me={me} /> : null;
  if (path === '/') return <OverviewPage />;
  const casePath = match('/sager/:caseId', path);
  if (casePath) return <CasePage caseId={casePath.caseId!} />;
  if (path === '/borger') return null;
  return <NotFoundPage />;
}
