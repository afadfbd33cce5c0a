/** The plan's own page: writing a new version, and the version history with the difference between versions. */
import { useState } from 'react';
import { seg } from '../api';
import { casePath } from '../clients/cases';
import { planPath, type Plan } from '../clients/plan';
import { CaseBreadcrumb } from '../components/CaseBreadcrumb';
import { PlanEditor } from '../components/plan-editor/PlanEditor';
import { PlanVersions } from '../components/plan-editor/PlanVersions';
import { ErrorAlert, Loading } from '../components/Status';
import type { HolisticCase, Intervention, Items } from '../types';
import { useOptionalResource, useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import { isUuid } from '../uuid';

export function PlanPage({ caseId }: { caseId: string }) {
  const valid = isUuid(caseId);
  const kase = useResource<HolisticCase>(valid ? casePath(caseId) : null);
  const plan = useOptionalResource<Plan>(valid ? planPath(caseId) : null);
  const interventions = useResource<Items<Intervention>>(valid ? `/api/cases/${seg(caseId)}/interventions` : null);
  const [revision, setRevision] = useState(0);
  const name = kase.data?.citizenName ?? null;
  usePageTitle(name ? `Plan: ${name}` : 'Plan');
  const planRead = plan.data !== null || plan.unavailable;
  const loading = (kase.loading && !kase.data) || (plan.loading && !planRead) || (interventions.loading && !interventions.data);
  return (
    <>
      <CaseBreadcrumb caseId={caseId} citizenName={name} here="Plan" />
      <h1 tabIndex={-1}>{name ? `Plan: ${name}` : 'Plan'}</h1>
      {!valid && <p className="alert alert-error">Sagen findes ikke. Tjek adressen.</p>}
      {loading && <Loading what="Henter planen" />}
      <ErrorAlert error={kase.error ?? plan.error ?? interventions.error} />
      {kase.data && planRead && interventions.data && (
        <>
          {!kase.data.holisticConsent && (
            <p className="alert alert-warn">Borgeren har ikke givet samtykke til den helhedsorienterede indsats, så planen kan ikke gemmes.</p>
          )}
          <PlanEditor caseId={caseId} plan={plan.data} interventions={interventions.data.items} onSaved={() => setRevision((r) => r + 1)} />
          {(plan.data || revision > 0) && <PlanVersions caseId={caseId} revision={revision} />}
        </>
      )}
    </>
  );
}
