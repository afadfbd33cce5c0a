/**
 * The shell: who is logged in decides which part of the app is loaded. The
 * login page, the caseworker's workspace and the citizen's "Min plan" are
 * separate chunks (dynamic imports), so each person downloads only their part.
 * The shell itself has no styles: the workspace brings its own, the citizen
 * portal brings Det Fælles Designsystem.
 */
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { ApiError, setUnauthorizedHandler } from './api';
import { navigate, usePath } from './router';
import { fetchMe, homeFor, logout } from './session';
import type { Me } from './types';

const LoginApp = lazy(() => import('./login/LoginApp'));
const WorkspaceApp = lazy(() => import('./workspace/WorkspaceApp'));
const CitizenApp = lazy(() => import('./citizen/CitizenApp'));

const NOTICE_KEY = 'helhed:notice';

/** Reload the page at `to`, with a message for the next page (the parts' styles must not mix). */
export function reloadTo(to: string, notice?: string): void {
  if (notice) sessionStorage.setItem(NOTICE_KEY, notice);
  window.location.assign(to);
}

export type Session = { me: Me; onLogout: () => void; loggingOut: boolean; logoutError: ApiError | null };

export function App() {
  const path = usePath();
  /** undefined while we ask the server, null when nobody is logged in */
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice] = useState<string | null>(() => {
    const n = sessionStorage.getItem(NOTICE_KEY);
    sessionStorage.removeItem(NOTICE_KEY);
    return n;
  });
  const [loggingOut, setLoggingOut] = useState(false);
  const [logoutError, setLogoutError] = useState<ApiError | null>(null);

  useEffect(() => {
    fetchMe().then(setMe, (e: unknown) => {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', 'Helhed kunne ikke starte. Genindlæs siden.'));
      setMe(null);
    });
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => reloadTo('/', 'Din session er udløbet. Log ind igen.'));
    return () => setUnauthorizedHandler(null);
  }, []);

  // Citizens live under /borger; employees have no use for it.
  useEffect(() => {
    if (me?.kind === 'citizen' && !path.startsWith('/borger')) navigate('/borger', { replace: true });
    if (me?.kind === 'employee' && path.startsWith('/borger')) navigate('/', { replace: true });
  }, [me, path]);

  const onLoggedIn = useCallback((who: Me) => {
    // A fresh page: the login is on the design system, the workspace has its own styles, and they must not meet.
    const here = window.location.pathname;
    reloadTo(who.kind === 'employee' && !here.startsWith('/borger') ? here + window.location.search : homeFor(who));
  }, []);

  const onLogout = useCallback(async () => {
    setLoggingOut(true);
    setLogoutError(null);
    try {
      const logoutUrl = await logout();
      reloadTo(logoutUrl ?? '/', logoutUrl ? undefined : 'Du er logget ud.');
    } catch (e) {
      setLogoutError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', 'Du blev ikke logget ud. Prøv igen.'));
      setLoggingOut(false);
    }
  }, []);

  if (me === undefined) return <p role="status">Henter Helhed …</p>;
  return (
    <Suspense fallback={<p role="status">Henter Helhed …</p>}>
      {me === null ? (
        <LoginApp onLoggedIn={onLoggedIn} notice={notice} error={error} />
      ) : me.kind === 'citizen' ? (
        <CitizenApp session={{ me, onLogout, loggingOut, logoutError }} path={path} />
      ) : (
        <WorkspaceApp session={{ me, onLogout, loggingOut, logoutError }} path={path} notice={notice} />
      )}
    </Suspense>
  );
}
