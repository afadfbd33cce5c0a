/** The start page: for coordinating caseworkers the work queue and the caseload; specialists their tasks; others, where to go. */
import { CaseloadSection } from '../components/CaseloadSection';
import { MyTasksSection } from '../components/MyTasksSection';
import { Section } from '../components/Section';
import { WorkQueueSection } from '../components/WorkQueueSection';
import { Link } from '../router';
import type { Caseload } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';

export function OverviewPage({ roles }: { roles: string[] }) {
  usePageTitle('Overblik');
  const casework = roles.includes('coordinating_caseworker') || roles.includes('specialist');
  return (
    <>
      <h1 tabIndex={-1}>Overblik</h1>
      {casework ? (
        <CaseworkOverview coordinating={roles.includes('coordinating_caseworker')} />
      ) : (
        <Section title="Det kan du her">
          <ul>
            {(roles.includes('leader') || roles.includes('administrator')) && (
              <>
                <li>
                  <Link href="/indikatorer">Se reformens indikatorer og hent udtrækket til den nationale evaluering</Link>
                </li>
                <li>
                  <Link href="/indfasning">Se indfasningen af målgruppen</Link>
                </li>
                <li>
                  <Link href="/screening">Screen hele kommunen</Link>
                </li>
              </>
            )}
            {roles.includes('administrator') && (
              <li>
                <Link href="/import">Indlæs data fra fagsystemerne</Link>
              </li>
            )}
          </ul>
        </Section>
      )}
    </>
  );
}

function CaseworkOverview({ coordinating }: { coordinating: boolean }) {
  const caseload = useResource<Caseload>('/api/caseload');
  const citizenByCase = new Map((caseload.data?.items ?? []).map((c) => [c.id, c.citizenName]));
  if (coordinating) {
    return (
      <>
        <WorkQueueSection />
        <CaseloadSection caseload={caseload} />
      </>
    );
  }
  return (
    <div className="columns">
      <CaseloadSection caseload={caseload} />
      <MyTasksSection citizenByCase={citizenByCase} />
    </div>
  );
}
