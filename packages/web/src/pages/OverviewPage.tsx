/** The caseworker's start page: caseload, open tasks and finding a citizen by CPR number. */
import { CaseloadSection } from '../components/CaseloadSection';
import { CitizenSearch } from '../components/CitizenSearch';
import { MyTasksSection } from '../components/MyTasksSection';
import type { Caseload } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';

export function OverviewPage() {
  usePageTitle('Overblik');
  const caseload = useResource<Caseload>('/api/caseload');
  const citizenByCase = new Map((caseload.data?.items ?? []).map((c) => [c.id, c.citizenName]));
  return (
    <>
      <h1 tabIndex={-1}>Overblik</h1>
      <div className="columns">
        <CaseloadSection caseload={caseload} />
        <MyTasksSection citizenByCase={citizenByCase} />
      </div>
      <CitizenSearch />
    </>
  );
}
