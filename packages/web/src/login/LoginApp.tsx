/**
 * The way in (its own chunk, loaded before anyone is logged in), on Det Fælles
 * Designsystem like the citizen portal: the citizen meets the same look from
 * the first page. The caseworker's workspace has its own styles, so every
 * login reloads the page into the part it leads to (decisions.md §70).
 */
import 'dkfds-dist/css/dkfds.min.css';
import './login.css';
import type { ApiError } from '../api';
import { Alert, ProblemAlert } from '../citizen/ui';
import type { Me } from '../types';
import { LoginPage } from './LoginPage';

export default function LoginApp({ onLoggedIn, notice, error }: { onLoggedIn: (me: Me) => void; notice: string | null; error: ApiError | null }) {
  return (
    <div className="login">
      <a className="skipnav" href="#main-content">
        Gå til sidens indhold
      </a>
      <header className="header">
        <div className="solution-info">
          <div className="solution-info-inner container">
            <div className="solution-heading">
              <a href="/">Helhed</a>
            </div>
            <div className="additional-info">
              <p>Den helhedsorienterede indsats for borgere med komplekse problemer</p>
            </div>
          </div>
        </div>
      </header>
      <main id="main-content" tabIndex={-1} className="container login-main">
        <ProblemAlert error={error} />
        {notice && <Alert variant="info">{notice}</Alert>}
        <LoginPage onLoggedIn={onLoggedIn} />
      </main>
      <footer className="footer">
        <div className="container login-footer">
          <p>Helhed – én indgang, én plan og én afgørelse for borgere med komplekse problemer.</p>
        </div>
      </footer>
    </div>
  );
}
