/**
 * Visitationsforummets budget (SPEC C6, C12): each forum's periods with what
 * is bevilget, disponeret and left, the administrator's change of a period's
 * amount and a new period; below, every amount each period has had, with who
 * set it and why.
 */
import { useRef, useState } from 'react';
import { budgetPeriodsPath, type BudgetPeriod, type BudgetPeriodList } from '../../clients/organisation';
import { formatDkk, formatInstant } from '../../format';
import { useResource } from '../../useResource';
import { Section, TableScroll } from '../Section';
import { Empty, ErrorAlert, Loading, Notice } from '../Status';
import { ChangeBudgetForm, NewBudgetForm, periodText } from './ForumBudgetForms';

const STATUS = { current: 'Løbende', planned: 'Kommende', ended: 'Afsluttet' } as const;
const BADGE = { current: 'badge badge-ok', planned: 'badge badge-primary', ended: 'badge' } as const;

export function ForumBudgetSection({ canManage }: { canManage: boolean }) {
  const [revision, setRevision] = useState(0);
  const list = useResource<BudgetPeriodList>(budgetPeriodsPath, undefined, revision);
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const reload = () => setRevision((r) => r + 1);
  // A form closes when it is done or given up: focus goes to what was said, or back to the button that opened it.
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    reload();
    requestAnimationFrame(() => noticeRef.current?.focus());
  };
  const cancel = () => {
    const opener = editing === 'new' ? newButton.current : document.getElementById(changeButtonId(editing ?? ''));
    setEditing(null);
    requestAnimationFrame(() => opener?.focus());
  };
  const items = list.data?.items ?? [];
  const changes = items
    .flatMap((period) => period.history.map((change) => ({ period, change })))
    .sort((x, y) => y.change.changedAt.localeCompare(x.change.changedAt));
  const changing = editing && editing !== 'new' ? items.find((p) => p.id === editing) : undefined;
  return (
    <Section title="Visitationsforummets budget" id="forumbudget">
      <p>
        Det tværgående visitationsforum godkender indstillinger ud over medarbejdernes bevillingskompetence inden for sit budget for perioden. Bevilget er brugt;
        disponeret er indstillinger, der venter på forummet.
      </p>
      <Notice message={notice} ref={noticeRef} />
      {list.loading && !list.data && <Loading what="Henter budgetterne" />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <>
          <h3>Perioder</h3>
          {items.length === 0 ? (
            <Empty>Der er ikke sat et budget. Indstillinger til forummet afvises, indtil der er et budget for perioden.</Empty>
          ) : (
            <TableScroll label="Budgetperioder">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Forum og periode</th>
                    <th scope="col">Budget</th>
                    <th scope="col">Bevilget</th>
                    <th scope="col">Disponeret</th>
                    <th scope="col">Tilbage</th>
                    {canManage && <th scope="col">Handling</th>}
                  </tr>
                </thead>
                <tbody>
                  {items.map((p) => (
                    <tr key={p.id}>
                      <th scope="row">
                        {p.forumName}
                        <br />
                        <span className="sub-inline">{periodText(p)}</span> <span className={BADGE[p.status]}>{STATUS[p.status]}</span>
                      </th>
                      <td>{formatDkk(p.budgetDkk)}</td>
                      <td>{formatDkk(p.grantedDkk)}</td>
                      <td>{formatDkk(p.committedDkk)}</td>
                      <td>{formatDkk(p.remainingDkk)}</td>
                      {canManage && (
                        <td>
                          {p.status !== 'ended' && (
                            <button type="button" id={changeButtonId(p.id)} className="button button-secondary" onClick={() => setEditing(p.id)}>
                              Ret budget<span className="visually-hidden"> for {p.forumName}, {periodText(p)}</span>
                            </button>
                          )}
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          {changing && <ChangeBudgetForm key={changing.id} period={changing} onDone={done} onRefused={reload} onCancel={cancel} />}
          {canManage && editing !== 'new' && (
            <button type="button" ref={newButton} className="button button-secondary" onClick={() => setEditing('new')}>
              Nyt budget for en periode
            </button>
          )}
          {editing === 'new' && <NewBudgetForm list={list.data} onDone={done} onCancel={cancel} />}
          <h3>Historik over budgetterne</h3>
          {changes.length === 0 ? (
            <Empty>Ingen budgetter endnu.</Empty>
          ) : (
            <TableScroll label="Historik over budgetterne">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Forum og periode</th>
                    <th scope="col">Beløb</th>
                    <th scope="col">Sat</th>
                    <th scope="col">Begrundelse</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map(({ period, change }) => (
                    <tr key={`${period.id}-${change.version}`}>
                      <th scope="row">
                        {period.forumName}
                        <br />
                        <span className="sub-inline">{periodText(period)}</span>
                      </th>
                      <td>
                        <AmountChange change={change} />
                      </td>
                      <td>
                        {formatInstant(change.changedAt)} af {change.changedByName ?? 'systemet'}
                      </td>
                      <td>{change.reason ?? '–'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
        </>
      )}
    </Section>
  );
}

const changeButtonId = (budgetId: string) => `ret-budget-${budgetId}`;

function AmountChange({ change }: { change: BudgetPeriod['history'][number] }) {
  if (change.previousDkk === null) return <>{formatDkk(change.budgetDkk)}</>;
  const direction = change.budgetDkk > change.previousDkk ? 'hævet' : 'sænket';
  return (
    <>
      {formatDkk(change.budgetDkk)}
      <br />
      <span className="sub-inline">
        {direction} fra {formatDkk(change.previousDkk)}
      </span>
    </>
  );
}
