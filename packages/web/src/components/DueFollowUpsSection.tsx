/** Goals due for follow-up across the cases I coordinate (personally or by team), oldest first. */
import { dueFollowUpsPath, type DueFollowUp } from '../clients/plan';
import { Link } from '../router';
import type { Items } from '../types';
import { useResource } from '../useResource';
import { DateText } from './DateText';
import { Section } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';

export function DueFollowUpsSection() {
  const due = useResource<Items<DueFollowUp>>(dueFollowUpsPath);
  const items = [...(due.data?.items ?? [])].sort((a, b) => a.nextFollowUpOn.localeCompare(b.nextFollowUpOn));
  return (
    <Section title="Opfølgninger, der skal laves">
      {due.loading && !due.data && <Loading />}
      <ErrorAlert error={due.error} />
      {due.data && items.length === 0 && <Empty>Ingen mål venter på opfølgning.</Empty>}
      {items.length > 0 && (
        <ul className="item-list">
          {items.map((f) => (
            <li key={f.goalId} className={f.daysOverdue > 0 ? 'item overdue' : 'item'}>
              <p className="item-title">{f.goalTitle}</p>
              <p className="item-text">Borger: {f.citizenName}</p>
              <p className="item-meta">
                <span className={f.daysOverdue > 0 ? 'due due-overdue' : 'due'}>
                  Opfølgning: <DateText date={f.nextFollowUpOn} />
                  {f.daysOverdue > 0 && ` (${f.daysOverdue} ${f.daysOverdue === 1 ? 'dag' : 'dage'} over)`}
                </span>
              </p>
              <p className="item-link">
                <Link href={`/sager/${encodeURIComponent(f.caseId)}#plan`}>
                  Følg op<span className="visually-hidden"> på »{f.goalTitle}« for {f.citizenName}</span>
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
