/** "Arbejdsliste": everything that needs doing across my caseload, most pressing first; urgency in words, not only colour. */
import { useState } from 'react';
import { seg } from '../api';
import { deadlineInWords, WORK_ITEM_ACTIONS, workItemHref, workQueuePath, type WorkItem, type WorkQueue } from '../clients/work-queue';
import { Link } from '../router';
import { useResource } from '../useResource';
import { DateText } from './DateText';
import { Section } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';
import '../worklist.css';

/** How many items show before "Vis alle". */
const FIRST = 10;

const BADGE: Record<WorkItem['urgency'], string> = {
  overdue: 'badge badge-danger',
  this_week: 'badge badge-warn',
  none: 'badge',
  later: 'badge',
};

const RELATION_NOTES: Record<WorkItem['relation'], string> = {
  coordinator: '',
  team: ' (dit teams sag)',
  // the task stayed with me when the case moved to a colleague
  task: ' (sagen koordineres nu af en anden)',
};

const COUNT_LABELS: [keyof WorkQueue['counts'], string, string][] = [
  ['overdue', 'overskredet', 'overskredne'],
  ['this_week', 'med frist denne uge', 'med frist denne uge'],
  ['none', 'uden frist', 'uden frist'],
  ['later', 'med senere frist', 'med senere frist'],
];

export function WorkQueueSection() {
  const queue = useResource<WorkQueue>(workQueuePath);
  const [all, setAll] = useState(false);
  const q = queue.data;
  const shown = q ? (all ? q.items : q.items.slice(0, FIRST)) : [];
  return (
    <Section title="Arbejdsliste" className="work-queue">
      {queue.loading && !q && <Loading what="Henter arbejdslisten" />}
      <ErrorAlert error={queue.error} />
      {q?.targetGroup && q.targetGroup.candidates > 0 && (
        <p className="work-candidates">
          <strong>{q.targetGroup.candidates}</strong> {q.targetGroup.candidates === 1 ? 'borger' : 'borgere'} i målgruppen venter på en vurdering
          {q.targetGroup.mandatory > 0 && <> ({q.targetGroup.mandatory} skal tilbydes indsatsen)</>}. <Link href="/maalgruppe">Se arbejdskøen for målgruppen</Link>
        </p>
      )}
      {q && q.items.length === 0 && <Empty>Der er intet, der venter på dig i din sagsstamme.</Empty>}
      {q && q.items.length > 0 && (
        <>
          <p className="work-summary">
            {q.items.length} ting at gøre:{' '}
            {COUNT_LABELS.filter(([k]) => q.counts[k] > 0)
              .map(([k, one, many]) => `${q.counts[k]} ${q.counts[k] === 1 ? one : many}`)
              .join(', ')}
            .
          </p>
          <ol className="item-list work-list">
            {shown.map((item) => (
              <WorkQueueItem key={`${item.kind}:${item.refId}`} item={item} />
            ))}
          </ol>
          {q.items.length > FIRST && (
            <button type="button" className="button button-secondary" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? `Vis kun de ${FIRST} vigtigste` : `Vis alle ${q.items.length}`}
            </button>
          )}
        </>
      )}
    </Section>
  );
}

function WorkQueueItem({ item }: { item: WorkItem }) {
  return (
    <li className={`item work-item work-${item.urgency}`}>
      <p className="item-title title-row">
        <span>{item.what}</span>
        <span className={BADGE[item.urgency]}>{item.urgencyLabel}</span>
      </p>
      <p className="item-meta">
        <span className="work-kind">{item.kindLabel}</span>
        <span>
          Borger: <Link href={`/sager/${seg(item.caseId)}`}>{item.citizenName}</Link>
          {RELATION_NOTES[item.relation]}
        </span>
      </p>
      <p className="item-text">{item.why}</p>
      <p className="item-meta">
        {item.dueOn && item.daysLeft !== null ? (
          <span className={item.urgency === 'overdue' ? 'due due-overdue' : 'due'}>
            Frist: <DateText date={item.dueOn} /> ({deadlineInWords(item.daysLeft)})
          </span>
        ) : (
          <span>Ingen frist</span>
        )}
      </p>
      <p className="item-link">
        <Link href={workItemHref(item)}>
          {WORK_ITEM_ACTIONS[item.kind]}
          <span className="visually-hidden">
            : {item.what} ({item.citizenName})
          </span>
        </Link>
      </p>
    </li>
  );
}
