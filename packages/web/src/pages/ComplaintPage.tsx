/**
 * One complaint, as the coordinating caseworker handles it (SPEC C8): what it
 * is about, its deadlines, a late complaint's decision, the reassessment
 * (change → a new decision; uphold → Ankestyrelsen with the case bundle) and
 * Ankestyrelsen's result.
 */
import { COMPLAINT_CHANNEL_LABELS } from '@helhed/core';
import { useState } from 'react';
import { seg } from '../api';
import { COMPLAINT_STATUS_LABELS, complaintPath, type Complaint } from '../clients/complaints';
import type { Decision } from '../clients/decisions';
import { AppealSection } from '../components/complaint/AppealSection';
import { ComplaintDeadlines } from '../components/complaint/ComplaintDeadlines';
import { LateHandlingForm } from '../components/complaint/LateHandlingForm';
import { ReassessmentForm } from '../components/complaint/ReassessmentForm';
import { DateText } from '../components/DateText';
import { Section } from '../components/Section';
import { ErrorAlert, Loading } from '../components/Status';
import { Link } from '../router';
import type { HolisticCase } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import '../worklist.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function ComplaintPage({ complaintId }: { complaintId: string }) {
  const valid = UUID.test(complaintId);
  const loaded = useResource<Complaint>(valid ? complaintPath(complaintId) : null);
  // What a step answered is the complaint as it is now (with its new version).
  const [answered, setAnswered] = useState<Complaint | null>(null);
  const c = answered?.id === complaintId ? answered : loaded.data;
  const kase = useResource<HolisticCase>(c ? `/api/cases/${seg(c.caseId)}` : null);
  const decision = useResource<Decision>(c ? `/api/decisions/${seg(c.decisionId)}` : null);
  const citizen = kase.data?.citizenName ?? null;
  usePageTitle(citizen ? `Klage: ${citizen}` : 'Klage');
  const caseHref = c ? `/sager/${seg(c.caseId)}#afgoerelser` : '/';
  return (
    <>
      <nav aria-label="Brødkrumme" className="breadcrumb">
        <Link href="/">Overblik</Link>
        <span aria-hidden="true"> › </span>
        {c && citizen ? <Link href={caseHref}>{citizen}</Link> : <span>Sag</span>}
        <span aria-hidden="true"> › </span>
        <span aria-current="page">Klage</span>
      </nav>
      <h1 tabIndex={-1}>{citizen ? `Klage: ${citizen}` : 'Klage'}</h1>
      {!valid && <p className="alert alert-error">Klagen findes ikke. Tjek adressen.</p>}
      {loaded.loading && !c && <Loading what="Henter klagen" />}
      <ErrorAlert error={loaded.error} />
      {c && (
        <>
          <p className="lead">
            <span className={c.status === 'received' ? 'badge badge-warn' : c.status === 'closed' ? 'badge badge-ok' : 'badge'}>{COMPLAINT_STATUS_LABELS[c.status]}</span>
          </p>
          <Section title="Klagen">
            <dl className="pairs">
              <dt>Afgørelse</dt>
              <dd>
                {decision.data ? decision.data.title : '…'}
                {decision.data?.decisionDate && (
                  <>
                    , truffet <DateText date={decision.data.decisionDate} />
                  </>
                )}
              </dd>
              <dt>Klagen handler om</dt>
              <dd>{c.scope === 'whole' ? 'Hele afgørelsen' : c.elements.map((e) => e.title).join(', ')}</dd>
              {c.notCovered.length > 0 && (
                <>
                  <dt>Ikke omfattet af klagen</dt>
                  <dd>
                    <ul>
                      {c.notCovered.map((n) => (
                        <li key={n.id}>
                          {n.title}: {n.reason}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
              <dt>Modtaget</dt>
              <dd>
                <DateText date={c.receivedOn} /> ({COMPLAINT_CHANNEL_LABELS[c.channel]}, {c.submittedBy === 'citizen' ? 'sendt af borgeren' : 'registreret af kommunen'})
              </dd>
            </dl>
            <h3>Borgerens klage</h3>
            <blockquote className="complaint-text">{c.text}</blockquote>
          </Section>
          <ComplaintDeadlines c={c} />
          {c.late && (c.lateHandling !== null || c.status === 'received') && <LateHandlingForm c={c} onDone={setAnswered} />}
          {((c.status === 'received' && !(c.late && c.lateHandling === null)) || c.reassessment) && <ReassessmentForm c={c} decision={decision.data} caseHref={caseHref} onDone={setAnswered} />}
          {(c.status === 'forwarded' || c.status === 'closed') && c.reassessment?.outcome === 'uphold' && <AppealSection c={c} onDone={setAnswered} />}
        </>
      )}
    </>
  );
}
