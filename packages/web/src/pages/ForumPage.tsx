/** The visitation forum: its queue (no names until a request is opened), budget use, and the decision on a request. */
import { useId, useState } from 'react';
import { ApiError } from '../api';
import { budgetsPath, decideForumRequest, forumQueuePath, forumRequestPath, type BudgetList, type ForumQueue, type ForumRequest } from '../clients/forum';
import { DateText, InstantText } from '../components/DateText';
import { Section, TableScroll } from '../components/Section';
import { Empty, ErrorAlert, Loading } from '../components/Status';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import { formatDkk } from '../format';

const STATUS = { pending: 'Afventer', approved: 'Godkendt', rejected: 'Afvist' } as const;
const BADGE = { pending: 'badge badge-warn', approved: 'badge badge-ok', rejected: 'badge' } as const;

export function ForumPage() {
  usePageTitle('Visitationsforum');
  const queue = useResource<ForumQueue>(forumQueuePath);
  const budgets = useResource<BudgetList>(budgetsPath);
  const [open, setOpen] = useState<string | null>(null);
  const refresh = () => {
    queue.reload();
    budgets.reload();
  };
  return (
    <>
      <h1 tabIndex={-1}>Visitationsforum</h1>
      <Section title="Budget">
        {budgets.loading && !budgets.data && <Loading />}
        <ErrorAlert error={budgets.error} />
        {budgets.data && budgets.data.items.length === 0 && <Empty>Der er ikke sat et budget for perioden.</Empty>}
        {budgets.data && budgets.data.items.length > 0 && (
          <TableScroll label="Budget">
            <table>
              <thead>
                <tr>
                  <th scope="col">Forum</th>
                  <th scope="col">Periode</th>
                  <th scope="col">Budget</th>
                  <th scope="col">Bevilget</th>
                  <th scope="col">Disponeret</th>
                  <th scope="col">Tilbage</th>
                </tr>
              </thead>
              <tbody>
                {budgets.data.items.map((b) => (
                  <tr key={b.id}>
                    <th scope="row">{b.forumName}</th>
                    <td>
                      <DateText date={b.periodStart} /> – <DateText date={b.periodEnd} />
                    </td>
                    <td>{formatDkk(b.budgetDkk)}</td>
                    <td>{formatDkk(b.grantedDkk)}</td>
                    <td>{formatDkk(b.committedDkk)}</td>
                    <td>{formatDkk(b.remainingDkk)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Section>
      <Section title="Indstillinger til forummet">
        {queue.loading && !queue.data && <Loading />}
        <ErrorAlert error={queue.error} />
        {queue.data && queue.data.items.length === 0 && <Empty>Der er ingen indstillinger.</Empty>}
        <ul className="item-list">
          {(queue.data?.items ?? []).map((q) => (
            <li key={q.id} className="item">
              <p className="item-title title-row">
                <span>{q.itemTitle}</span>
                <span className={BADGE[q.status]}>{STATUS[q.status]}</span>
              </p>
              <p className="item-meta">
                <span>{q.category}</span>
                <span>{formatDkk(q.costDkk)}</span>
                <span>Fra {q.requestedByUnit}</span>
                <span>
                  Indstillet <InstantText at={q.requestedAt} />
                </span>
              </p>
              {q.decidedAt && (
                <p className="item-meta">
                  <span>
                    Afgjort <InstantText at={q.decidedAt} />
                  </span>
                </p>
              )}
              {/* Once decided, the forum's access to the citizen ends (decisions.md § 32): only a pending request opens. */}
              {(q.status === 'pending' || open === q.id) && (
                <button type="button" className="button button-secondary" aria-expanded={open === q.id} onClick={() => setOpen(open === q.id ? null : q.id)}>
                  {open === q.id ? 'Luk' : 'Åbn indstillingen'}
                  <span className="visually-hidden"> om {q.itemTitle}</span>
                </button>
              )}
              {open === q.id && <RequestDetail id={q.id} onDecided={refresh} />}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

function RequestDetail({ id, onDecided }: { id: string; onDecided: () => void }) {
  const r = useResource<ForumRequest>(forumRequestPath(id));
  // The decision's answer is the last look the forum gets at the request.
  const [decided, setDecided] = useState<ForumRequest | null>(null);
  const [reasoning, setReasoning] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = useId();
  const hintId = useId();
  const decide = async (decision: 'approved' | 'rejected') => {
    if (reasoning.trim().length < 10) {
      setError(new ApiError(400, 'Ugyldigt input', 'Skriv forummets begrundelse (mindst 10 tegn), før I godkender eller afviser.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      setDecided(await decideForumRequest(id, { decision, reasoning }));
      onDecided();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', 'Beslutningen kunne ikke gemmes. Prøv igen.'));
    } finally {
      setBusy(false);
    }
  };
  const q = decided ?? r.data;
  return (
    <div className="forum-detail">
      {r.loading && !q && <Loading />}
      <ErrorAlert error={r.error} />
      {q && (
        <>
          <p>
            <strong>{q.citizenName}</strong>, {q.citizenAge} år · {q.title} ({q.legalBasis}) · indstillet af {q.requestedByName}
          </p>
          <p>Begrundelse: {q.caseworkerReasoning}</p>
          {q.authorityMaxDkk !== null && <p>Sagsbehandlerens bevillingsgrænse: {formatDkk(q.authorityMaxDkk)}</p>}
          {q.otherInterventions.length > 0 && <p>Andre indsatser: {q.otherInterventions.map((o) => o.title).join(', ')}</p>}
          {q.status === 'pending' && q.budget && (
            <p>
              Forummets budget har {formatDkk(q.budget.remainingDkk)} tilbage i perioden ({formatDkk(q.budget.uncommittedDkk)} når de ventende indstillinger er regnet med). Indstillingen koster{' '}
              {formatDkk(q.costDkk)}
              {q.plannedStart && (
                <>
                  {' '}
                  og starter <DateText date={q.plannedStart} />.
                </>
              )}
            </p>
          )}
          {decided && (
            <div className="alert alert-success" role="status">
              <p>
                {decided.status === 'approved' ? 'Godkendt' : 'Afvist'}: {decided.title} ({formatDkk(decided.costDkk)}).
                {decided.budget &&
                  ` Budgettet: ${formatDkk(decided.budget.grantedDkk)} bevilget, ${formatDkk(decided.budget.committedDkk)} disponeret i ventende indstillinger, ${formatDkk(decided.budget.remainingDkk)} tilbage.`}
              </p>
            </div>
          )}
          {q.decisionReasoning && <p>Forummets begrundelse: {q.decisionReasoning}</p>}
          {q.status === 'pending' && (
            <>
              <div className="field">
                <label htmlFor={fieldId}>Forummets begrundelse</label>
                <p className="hint" id={hintId}>
                  Begrundelsen gælder både godkendelse og afvisning og ses af sagsbehandleren.
                </p>
                <textarea id={fieldId} aria-describedby={hintId} aria-invalid={error?.status === 400} rows={3} value={reasoning} onChange={(e) => setReasoning(e.target.value)} />
              </div>
              <ErrorAlert error={error} />
              <div className="button-row">
                <button type="button" className="button" disabled={busy} onClick={() => decide('approved')}>
                  Godkend
                </button>
                <button type="button" className="button button-danger" disabled={busy} onClick={() => decide('rejected')}>
                  Afvis
                </button>
              </div>
            </>
          )}
        </>
      )}
    </div>
  );
}
