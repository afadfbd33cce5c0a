import { Link } from '../router';
import { usePageTitle } from '../usePageTitle';

export function NotFoundPage() {
  usePageTitle('Siden findes ikke');
  return (
    <>
      <h1 tabIndex={-1}>Siden findes ikke</h1>
      <p>Adressen er forkert, eller siden er flyttet.</p>
      <p>
        <Link href="/">Gå til forsiden</Link>
      </p>
    </>
  );
}
