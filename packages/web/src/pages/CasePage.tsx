/** The citizen overview, starting from the holistic case: summary, contacts, consents, plan, interventions, calendar, decisions, tasks, history. */
import { seg } from '../api';
import { CaseHistorySection } from '../components/CaseHistorySection';
import { CaseSummary } from '../components/CaseSummary';
import { CaseTasksSection } from '../components/CaseTasksSection';
import { ConsentsSection } from '../components/ConsentsSection';
import { ContactsSection } from '../components/ContactsSection';
import { InterventionsSection } from '../components/InterventionsSection';
import { CalendarSection } from '../components/CalendarSection';
import { DecisionsSection } from '../components/DecisionsSection';
import { MessagesSection } from '../components/MessagesSection';
import { PlanSection } from '../components/PlanSection';
import { ErrorAlert, Loading } from '../components/Status';
import { Link } from '../router';
import type { HolisticCase } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PARTS = [
  ['kontakter', 'Kontaktpersoner'],
  ['samtykker', 'Samtykker'],
  ['plan', 'Plan'],
  ['indsatser', 'Indsatser'],
  ['kalender', 'Kalender'],
  ['afgoerelser', 'Afgørelser og klager'],
  ['beskeder', 'Beskeder'],
  ['opgaver', 'Opgaver'],
  ['historik', 'Sagshistorik'],
] as const;

export function CasePage({ caseId }: { caseId: string }) {
  const valid = UUID.test(caseId);
  const kase = useResource<HolisticCase>(valid ? `/api/cases/${seg(caseId)}` : null);
  const c = kase.data;
  usePageTitle(c ? `Sag: ${c.citizenName}` : 'Sag');
  return (
    <>
      <nav aria-label="Brødkrumme" className="breadcrumb">
        <Link href="/">Overblik</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{c ? c.citizenName : 'Sag'}</span>
      </nav>
      <h1 tabIndex={-1}>{c ? c.citizenName : 'Sag'}</h1>
      {!valid && <p className="alert alert-error">Sagen findes ikke. Tjek adressen.</p>}
      {kase.loading && !c && <Loading what="Henter sagen" />}
      <ErrorAlert error={kase.error} />
      {c && (
        <>
          <CaseSummary kase={c} />
          <nav aria-label="Sagens afsnit" className="toc">
            <ul>
              {PARTS.map(([id, label]) => (
                <li key={id}>
                  <a href={`#${id}`}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
          <ContactsSection id="kontakter" caseId={c.id} />
          <ConsentsSection id="samtykker" citizenId={c.citizenId} />
          <PlanSection id="plan" caseId={c.id} />
          <InterventionsSection id="indsatser" caseId={c.id} />
          <CalendarSection id="kalender" caseId={c.id} />
          <DecisionsSection id="afgoerelser" caseId={c.id} />
          <MessagesSection id="beskeder" caseId={c.id} />
          <CaseTasksSection id="opgaver" caseId={c.id} />
          <CaseHistorySection id="historik" caseId={c.id} />
        </>
      )}
    </>
  );
}
