/** Login: MitID for citizens and the municipality's login for employees (OIDC), or the development login with the demo people. */
import { useState } from 'react';
import { ApiError, post } from '../api';
import { Alert, Loading, ProblemAlert } from '../citizen/ui';
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
      {devUsers.error && !oidc && <ProblemAlert error={devUsers.error} />}
      {devUsers.data && (
        <>
          <Alert variant="info" heading="Udviklingslogin">
            <p>Her kan du prøve Helhed som en af demokommunens borgere eller medarbejdere. Alle personer er opdigtede.</p>
          </Alert>
          <ProblemAlert error={error} />
          <div className="login-columns">
            <section aria-labelledby="login-citizens">
              <h2 id="login-citizens">Borgere</h2>
              <p>Se »Min plan« som borger.</p>
              <ul className="login-choices">
                {devUsers.data.citizens.map((c) => {
                  const key = `c:${c.id}`;
                  return (
                    <li key={key}>
                      <button type="button" className="login-choice" disabled={busy !== null} aria-busy={busy === key} onClick={() => login(key, { kind: 'citizen', citizenId: c.id })}>
                        <span className="login-choice-name">{c.name}</span>
                        <span className="login-choice-detail">Borger · kommune {c.municipalityCode}</span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
            <section aria-labelledby="login-employees">
              <h2 id="login-employees">Medarbejdere</h2>
              <p>Arbejd i kommunens sagsbehandling.</p>
              <ul className="login-choices">
                {devUsers.data.employees.map((e) => {
                  const key = `e:${e.municipalityCode}:${e.username}`;
                  return (
                    <li key={key}>
                      <button
                        type="button"
                        className="login-choice"
                        disabled={busy !== null}
                        aria-busy={busy === key}
                        onClick={() => login(key, { kind: 'employee', username: e.username, municipalityCode: e.municipalityCode })}
                      >
                        <span className="login-choice-name">{e.name}</span>
                        <span className="login-choice-detail">{e.title}</span>
                        <span className="login-choice-detail">
                          {e.roles.map(roleLabel).join(', ')} · kommune {e.municipalityCode}
                        </span>
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
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
      <section aria-labelledby="login-mitid">
        <h2 id="login-mitid">Er du borger?</h2>
        <p>Log ind med MitID for at se din plan, dine aftaler og dine afgørelser.</p>
        <a className="button button-primary" href="/auth/login/citizen">
          Log ind med MitID
        </a>
      </section>
      <section aria-labelledby="login-staff">
        <h2 id="login-staff">Er du medarbejder i kommunen?</h2>
        <p>Log ind med kommunens login.</p>
        <a className="button button-secondary" href="/auth/login/employee">
          Log ind som medarbejder
        </a>
      </section>
    </div>
  );
}
