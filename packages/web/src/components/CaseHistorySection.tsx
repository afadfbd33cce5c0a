import { seg } from '../api';
import { CASE_EVENT_LABELS } from '../labels';
import type { CaseEvent, Items } from '../types';
import { useResource } from '../useResource';
import type { CaseSectionProps } from './case-section';
import { InstantText } from './DateText';
import { describeEvent } from './describeEvent';
import { Section } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';

/** The append-only case history, newest first (not in the overview: read on its own, again after each edit). */
export function CaseHistorySection({ id, kase, revision }: CaseSectionProps) {
  const events = useResource<Items<CaseEvent>>(`/api/cases/${seg(kase.id)}/events`, undefined, revision);
  const items = events.data ? [...events.data.items].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt)) : [];
  return (
    <Section id={id} title="Sagshistorik">
      {events.loading && !events.data && <Loading />}
      <ErrorAlert error={events.error} />
      {events.data && items.length === 0 && <Empty>Der er ingen hændelser endnu.</Empty>}
      {items.length > 0 && (
        <ol className="timeline">
          {items.map((e) => {
            const detail = describeEvent(e);
            return (
              <li key={e.id}>
                <p className="timeline-when">
                  <InstantText at={e.occurredAt} time />
                </p>
                <p className="timeline-what">{CASE_EVENT_LABELS[e.type] ?? 'Hændelse'}</p>
                {detail && <p className="timeline-detail">{detail}</p>}
                <p className="timeline-who">Af {e.actorName}</p>
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
