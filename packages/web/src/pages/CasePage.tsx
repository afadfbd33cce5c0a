/**
 * The case page: the citizen's whole course on one screen, read in one call
 * (the overview) and read again after every edit on it. The sections are a
 * plain list: adding one is one line in CASE_SECTIONS.
 */
import { useCallback, useState, type ComponentType } from 'react';
import { caseOverviewPath, type CaseOverview } from '../clients/overview';
import { AssessmentSection } from '../components/AssessmentSection';
import type { CaseSectionProps } from '../components/case-section';
import { CaseHistorySection } from '../components/CaseHistorySection';
import { CaseSummary } from '../components/CaseSummary';
import { CaseTasksSection } from '../components/CaseTasksSection';
import { CalendarSection } from '../components/CalendarSection';
import { ConsentsSection } from '../components/ConsentsSection';
import { ContactsSection } from '../components/ContactsSection';
import { DecisionsSection } from '../components/DecisionsSection';
import { FamilySection } from '../components/FamilySection';
import { InterventionsSection } from '../components/InterventionsSection';
import { MessagesSection } from '../components/MessagesSection';
import { PlanSection } from '../components/PlanSection';
import { ErrorAlert, Loading } from '../components/Status';
import { Link } from '../router';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import { isUuid } from '../uuid';

const CASE_SECTIONS: { id: string; label: string; Section: ComponentType<CaseSectionProps> }[] = [
  { id: 'kontakter', label: 'Kontaktpersoner', Section: ContactsSection },
  { id: 'samtykker', label: 'Samtykker', Section: ConsentsSection },
  { id: 'udredning', label: 'Udredning', Section: AssessmentSection },
  { id: 'plan', label: 'Plan', Section: PlanSection },
  { id: 'indsatser', label: 'Indsatser', Section: InterventionsSection },
  { id: 'kalender', label: 'Kalender', Section: CalendarSection },
  { id: 'familie', label: 'Familie', Section: FamilySection },
  { id: 'afgoerelser', label: 'Afgørelser og klager', Section: DecisionsSection },
  { id: 'beskeder', label: 'Beskeder', Section: MessagesSection },
  { id: 'opgaver', label: 'Opgaver', Section: CaseTasksSection },
  { id: 'historik', label: 'Sagshistorik', Section: CaseHistorySection },
];

export function CasePage({ caseId }: { caseId: string }) {
  const valid = isUuid(caseId);
  const [revision, setRevision] = useState(0);
  const overview = useResource<CaseOverview>(valid ? caseOverviewPath(caseId) : null, undefined, revision);
  const refresh = useCallback(() => setRevision((r) => r + 1), []);
  const o = overview.data;
  const kase = o?.case ?? null;
  usePageTitle(kase ? `Sag: ${kase.citizenName}` : 'Sag');
  return (
    <>
      <nav aria-label="Brødkrumme" className="breadcrumb">
        <Link href="/">Overblik</Link>
        <span aria-hidden="true"> › </span>
        <span aria-current="page">{kase ? kase.citizenName : 'Sag'}</span>
      </nav>
      <h1 tabIndex={-1}>{kase ? kase.citizenName : 'Sag'}</h1>
      {!valid && <p className="alert alert-error">Sagen findes ikke. Tjek adressen.</p>}
      {overview.loading && !o && <Loading what="Henter sagen" />}
      <ErrorAlert error={overview.error} />
      {o && kase && (
        <>
          <CaseSummary kase={kase} overview={o} refresh={refresh} />
          <nav aria-label="Sagens afsnit" className="toc">
            <ul>
              {CASE_SECTIONS.map(({ id, label }) => (
                <li key={id}>
                  <a href={`#${id}`}>{label}</a>
                </li>
              ))}
            </ul>
          </nav>
          {CASE_SECTIONS.map(({ id, Section }) => (
            <Section key={id} id={id} kase={kase} overview={o} refresh={refresh} revision={revision} />
          ))}
        </>
      )}
    </>
  );
}
