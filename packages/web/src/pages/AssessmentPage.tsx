/** The assessment's own page: it spans every life domain, so it does not crowd the case page. */
import { assessmentPath, type CaseAssessment } from '../clients/assessment';
import { casePath } from '../clients/cases';
import { AssessmentEditor } from '../components/assessment/AssessmentEditor';
import { CaseBreadcrumb } from '../components/CaseBreadcrumb';
import { ErrorAlert, Loading } from '../components/Status';
import type { HolisticCase } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import { isUuid } from '../uuid';

export function AssessmentPage({ caseId }: { caseId: string }) {
  const valid = isUuid(caseId);
  const kase = useResource<HolisticCase>(valid ? casePath(caseId) : null);
  const assessment = useResource<CaseAssessment>(valid ? assessmentPath(caseId) : null);
  const name = kase.data?.citizenName ?? null;
  usePageTitle(name ? `Udredning: ${name}` : 'Udredning');
  return (
    <>
      <CaseBreadcrumb caseId={caseId} citizenName={name} here="Udredning" />
      <h1 tabIndex={-1}>{name ? `Udredning: ${name}` : 'Udredning'}</h1>
      {!valid && <p className="alert alert-error">Sagen findes ikke. Tjek adressen.</p>}
      {((kase.loading && !kase.data) || (assessment.loading && !assessment.data)) && <Loading what="Henter udredningen" />}
      <ErrorAlert error={kase.error ?? assessment.error} />
      {kase.data && assessment.data && <AssessmentEditor key={caseId} caseId={caseId} initial={assessment.data} />}
    </>
  );
}
