import { Link } from '../router';

/** Overblik › the citizen's case › this page. */
export function CaseBreadcrumb({ caseId, citizenName, here }: { caseId: string; citizenName: string | null; here: string }) {
  return (
    <nav aria-label="Brødkrumme" className="breadcrumb">
      <Link href="/">Overblik</Link>
      <span aria-hidden="true"> › </span>
      <Link href={`/sager/${encodeURIComponent(caseId)}`}>{citizenName ?? 'Sagen'}</Link>
      <span aria-hidden="true"> › </span>
      <span aria-current="page">{here}</span>
    </nav>
  );
}
