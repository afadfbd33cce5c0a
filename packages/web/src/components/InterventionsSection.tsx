import { seg } from '../api';
import { INTERVENTION_STATUS_LABELS, sectorLabel } from '../labels';
import type { Intervention, Items } from '../types';
import { useResource } from '../useResource';
import { DateText } from './DateText';
import { Section } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';

/** Interventions across the sector laws, with their legal basis. */
export function InterventionsSection({ id, caseId }: { id: string; caseId: string }) {
  const interventions = useResource<Items<Intervention>>(`/api/cases/${seg(caseId)}/interventions`);
  const items = interventions.data?.items ?? [];
  return (
    <Section id={id} title="Indsatser">
      {interventions.loading && !interventions.data && <Loading />}
      <ErrorAlert error={interventions.error} />
      {interventions.data && items.length === 0 && <Empty>Der er ingen indsatser i sagen.</Empty>}
      {items.length > 0 && (
        <ul className="item-list">
          {items.map((i) => (
            <li key={i.id} className="item">
              <p className="item-title title-row">
                <span>{i.title}</span>
                <span className={i.status === 'running' ? 'badge badge-ok' : 'badge'}>{INTERVENTION_STATUS_LABELS[i.status]}</span>
              </p>
              <p className="item-meta">
                <span>{sectorLabel(i.sector)}</span>
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
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
