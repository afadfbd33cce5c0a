/** The login part: the workspace's page frame with the login page (its own chunk). */
import '../styles.css';
import type { ApiError } from '../api';
import { Layout } from '../components/Layout';
import { ErrorAlert } from '../components/Status';
import type { Me } from '../types';
import { LoginPage } from './LoginPage';

export default function LoginApp({ onLoggedIn, notice, error }: { onLoggedIn: (me: Me) => void; notice: string | null; error: ApiError | null }) {
  return (
    <Layout session={null}>
      <ErrorAlert error={error} />
      {notice && (
        <div className="alert alert-info" role="status">
          <p>{notice}</p>
        </div>
      )}
      <LoginPage onLoggedIn={onLoggedIn} />
    </Layout>
  );
}
