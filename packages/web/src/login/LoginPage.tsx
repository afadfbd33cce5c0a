/** Login: the development login with the demo people, or the real identity providers (OIDC). */
import { useState } from 'react';
import { ApiError, post } from '../api';
import { Section } from '../components/Section';
import { ErrorAlert, Loading } from '../components/Status';
import { roleLabel } from '../labels';
import type { DevUsers, Me } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';

type DevLogin = { kind: 'employee'; username: string; municipalityCode: string } | { kind: 'citizen'; citizenId: string };

export function LoginPage({ onLoggedIn }: { onLoggedIn: (me: Me) => void }) {
  usePageTitle('Log ind');
  const devUsers = useResource<DevUsers>('/auth/dev-users');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function login(key: string, body: DevLogin) {
    setBusy(key);
    setError(null);
    try {
      onLoggedIn(await post<Me>('/auth/dev-login', body));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', 'Du blev ikke logget ind. Prøv igen.'));
      setBusy(null);
    }
  }

  const oidc = devUsers.error?.status === 404;
  return (
    <>
      <h1 tabIndex={-1}>Log ind i Helhed</h1>
      {devUsers.loading && <Loading />}
      {oidc && <RealLogin />}
      {devUsers.error && !oidc && <ErrorAlert error={devUsers.error} />}
      {devUsers.data && (
        <>
          <div className="alert alert-info">
            <p>
              <strong>Udviklingslogin.</strong> Her kan du prøve Helhed som en af demokommunens medarbejdere eller borgere. Alle personer er
              opdigtede.
            </p>
          </div>
          <ErrorAlert error={error} />
          <div className="login-grid">
            <Section title="Medarbejdere">
              <ul className="choice-list">
                {devUsers.data.employees.map((e) => {
                  const key = `e:${e.municipalityCode}:${e.username}`;
                  return (
                    <li key={key}>
                      <button
                        type="button"
                        className="choice"
                        disabled={busy !== null}
                        aria-busy={busy === key}
                        onClick={() => login(key, { kind: 'employee', username: e.username, municipalityCode: e.municipalityCode })}
                      >
                        <span className="choice-name">{e.name}</span>
                        <span className="choice-detail">{e.title}</span>
                        <span className="choice-detail">
                          {e.roles.map(roleLabel).join(', ')} · kommune {e.municipalityCode}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </Section>
            <Section title="Borgere">
              <ul className="choice-list">
                {devUsers.data.citizens.map((c) => {
                  const key = `c:${c.id}`;
                  return (
                    <li key={key}>
                      <button
                        type="button"
                        className="choice"
                        disabled={busy !== null}
                        aria-busy={busy === key}
                        onClick={() => login(key, { kind: 'citizen', citizenId: c.id })}
                      >
                        <span className="choice-name">{c.name}</span>
                        <span className="choice-detail">Borger · kommune {c.municipalityCode}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </Section>
          </div>
        </>
      )}
    </>
  );
}

/** With an identity provider configured: ordinary links that start the OpenID Connect login. */
function RealLogin() {
  return (
    <div className="login-real">
      <p>Vælg, hvordan du vil logge ind.</p>
      <ul className="button-row">
        <li>
          <a className="button" href="/auth/login/employee">
            Log ind som medarbejder
          </a>
        </li>
        <li>
          <a className="button" href="/auth/login/citizen">
            Log ind med MitID
          </a>
        </li>
      </ul>
    </div>
  );
}
