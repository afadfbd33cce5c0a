/** "Opgaver": my open tasks, earliest deadline first, each with its citizen. */
import { MyTasksSection } from '../components/MyTasksSection';
import type { Caseload } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';

export function TasksPage() {
  usePageTitle('Opgaver');
  const caseload = useResource<Caseload>('/api/caseload');
  const citizenByCase = new Map((caseload.data?.items ?? []).map((c) => [c.id, c.citizenName]));
  return (
    <>
      <h1 tabIndex={-1}>Opgaver</h1>
      <MyTasksSection citizenByCase={citizenByCase} />
    </>
  );
}
