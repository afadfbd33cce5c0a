/** Interventions across the sector laws, grouped by sector, with visitation status, cost and the "agreed but not started" flag (SPEC C6). */
import { VISITATION_STATUS_LABELS } from '@helhed/core';
import { useState } from 'react';
import { useSubmission } from '../useSubmission';
import { startIntervention } from '../clients/visitation';
import { formatDkk, todayInDenmark } from '../format';
import { INTERVENTION_STATUS_LABELS, sectorLabel } from '../labels';
import type { Intervention } from '../types';
import type { CaseSectionProps } from './case-section';
import { DateText } from './DateText';
import { Section } from './Section';
import { Empty, ErrorAlert, Notice } from './Status';
import { VisitationForm } from './VisitationForm';

export function InterventionsSection({ id, kase, overview, refresh }: CaseSectionProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    refresh();
  };
  const groups = overview.interventionsBySector;
  return (
    <Section id={id} title="Indsatser">
      <Notice message={notice} />
      {groups.length === 0 && <Empty>Der er ingen indsatser i sagen.</Empty>}
      {groups.map(({ sector, items }) => (
        <div key={sector}>
          <h3>
            {sectorLabel(sector)} <span className="count">({items.length})</span>
          </h3>
          <ul className="item-list">
            {items.map((i) => (
              <li key={i.id} className={i.notStarted ? 'item overdue' : 'item'}>
                <InterventionItem caseId={kase.id} i={i} onStarted={done} />
              </li>
            ))}
          </ul>
        </div>
      ))}
      <VisitationForm caseId={kase.id} ruleSetId={kase.ruleSetId} onDone={done} />
    </Section>
  );
}

function statusLabel(i: Intervention): string {
  return i.visitationStatus ? VISITATION_STATUS_LABELS[i.visitationStatus] : INTERVENTION_STATUS_LABELS[i.status];
}

function InterventionItem({ caseId, i, onStarted }: { caseId: string; i: Intervention; onStarted: (notice: string) => void }) {
  const { busy, error, run } = useSubmission('Indsatsen blev ikke registreret som startet. Prøv igen.');
  const startable = i.visitationStatus === 'granted' || i.visitationStatus === 'approved';
  async function start() {
    await run(async () => {
      await startIntervention(caseId, i.id, todayInDenmark());
      onStarted(`»${i.title}« er registreret som startet i dag.`);
    });
  }
  return (
    <>
      <p className="item-title title-row">
        <span>{i.title}</span>
        <span className={i.status === 'running' ? 'badge badge-ok' : i.visitationStatus === 'requested' ? 'badge badge-warn' : 'badge'}>{statusLabel(i)}</span>
        {i.notStarted && <span className="badge badge-danger">Aftalt, men ikke startet</span>}
      </p>
      <p className="item-meta">
        <span>Hjemmel: {i.legalBasis}</span>
        {(i.startDate || i.endDate) && (
          <span>
            {i.startDate && <DateText date={i.startDate} />}
            {i.endDate ? (
              <>
                {' '}
                – <DateText date={i.endDate} />
              </>
            ) : (
              i.startDate && ' og frem'
            )}
          </span>
        )}
        {i.costDkk !== null && <span>{formatDkk(i.costDkk)}</span>}
        {i.executingName && <span>Udføres af {i.executingName}</span>}
        {i.hoursPool && (
          <span>
            Timepulje: {i.hoursPool.usedHours} af {i.hoursPool.totalHours} timer brugt
          </span>
        )}
        {i.pause && (
          <span>
            På pause fra <DateText date={i.pause.pausedOn} />, kan vende tilbage til og med <DateText date={i.pause.returnDeadline} />
          </span>
        )}
      </p>
      {startable && (
        <button type="button" className="button button-secondary button-small" onClick={start} disabled={busy}>
          {busy ? 'Registrerer …' : 'Registrér som startet i dag'}
          <span className="visually-hidden"> – {i.title}</span>
        </button>
      )}
      <ErrorAlert error={error} />
    </>
  );
}
