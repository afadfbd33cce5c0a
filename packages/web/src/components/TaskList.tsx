/** Tasks with their deadline in Danish; overdue ones are marked in words as well as colour. */
import { Link } from '../router';
import { isOverdue, todayInDenmark } from '../format';
import { TASK_STATUS_LABELS } from '../labels';
import type { Task } from '../types';
import { DateText, InstantText } from './DateText';

export function sortByDue(tasks: Task[]): Task[] {
  return [...tasks].sort((a, b) => {
    if (a.status !== b.status) return a.status === 'open' ? -1 : b.status === 'open' ? 1 : 0;
    if (a.dueOn === b.dueOn) return a.createdAt.localeCompare(b.createdAt);
    if (a.dueOn === null) return 1;
    if (b.dueOn === null) return -1;
    return a.dueOn.localeCompare(b.dueOn);
  });
}

/** With `citizenByCase` (from the caseload) each task names its citizen and links to the case. */
export function TaskList({ tasks, citizenByCase }: { tasks: Task[]; citizenByCase?: Map<string, string> }) {
  const today = todayInDenmark();
  return (
    <ul className="item-list">
      {sortByDue(tasks).map((t) => {
        const overdue = t.status === 'open' && isOverdue(t.dueOn, today);
        return (
          <li key={t.id} className={overdue ? 'item overdue' : 'item'}>
            <p className="item-title">{t.title}</p>
            {citizenByCase?.has(t.caseId) && <p className="item-text">Borger: {citizenByCase.get(t.caseId)}</p>}
            {t.detail && <p className="item-text">{t.detail}</p>}
            <p className="item-meta">
              {t.dueOn ? (
                <span className={overdue ? 'due due-overdue' : 'due'}>
                  Frist: <DateText date={t.dueOn} />
                  {overdue && (
                    <>
                      {' '}
                      <strong className="badge badge-danger">Overskredet</strong>
                    </>
                  )}
                </span>
              ) : (
                <span>Ingen frist</span>
              )}
              {t.status !== 'open' && (
                <span>
                  {TASK_STATUS_LABELS[t.status]}
                  {t.completedAt && (
                    <>
                      {' '}
                      <InstantText at={t.completedAt} />
                    </>
                  )}
                </span>
              )}
              {t.legalBasis && <span>Hjemmel: {t.legalBasis}</span>}
            </p>
            {citizenByCase && (
              <p className="item-link">
                <Link href={`/sager/${encodeURIComponent(t.caseId)}`}>
                  Gå til sagen<span className="visually-hidden"> for opgaven »{t.title}«</span>
                </Link>
              </p>
            )}
          </li>
        );
      })}
    </ul>
  );
}
