/** The administrator's forms for the visitation forum's budget: a new amount for a period, and a new period. */
import { useState, type FormEvent } from 'react';
import { ApiError, asApiError, isStaleVersion } from '../../api';
import { changeBudget, createBudget, type BudgetPeriod, type BudgetPeriodList } from '../../clients/forum';
import { formatDate, formatDkk } from '../../format';
import { Field, problemAt } from '../Field';
import { ErrorAlert } from '../Status';
import { dkkOrError, editableDkk } from './amount';

export const periodText = (p: { periodStart: string; periodEnd: string }) => `${formatDate(p.periodStart)} – ${formatDate(p.periodEnd)}`;

/** Save with the busy state and the server's refusal shown in the form's error summary. */
function useSubmit(fallback: string) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(work: () => Promise<void>, onError?: (e: ApiError) => void) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      const problem = asApiError(e, fallback);
      setError(problem);
      onError?.(problem);
    } finally {
      setBusy(false);
    }
  }
  return { error, setError, busy, run };
}

function AmountInput({ label, hint, amount, setAmount, error }: { label: string; hint: string; amount: string; setAmount: (v: string) => void; error: ApiError | null }) {
  return (
    <Field label={label} hint={hint} problem={problemAt(error, 'body.budgetDkk')}>
      {(a) => <input {...a} type="text" inputMode="decimal" className="narrow" value={amount} onChange={(e) => setAmount(e.target.value)} />}
    </Field>
  );
}

function Buttons({ busy, label, busyLabel, onCancel }: { busy: boolean; label: string; busyLabel: string; onCancel: () => void }) {
  return (
    <div className="button-row">
      <button type="submit" className="button" disabled={busy}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        Fortryd
      </button>
    </div>
  );
}

type ChangeProps = { period: BudgetPeriod; onDone: (notice: string) => void; onStale: () => void; onCancel: () => void };

/** A new amount for the whole period; the version read goes along, so another's change in between is refused, not overwritten. */
export function ChangeBudgetForm({ period, onDone, onStale, onCancel }: ChangeProps) {
  const [amount, setAmount] = useState(editableDkk(period.budgetDkk));
  const [reason, setReason] = useState('');
  const { error, setError, busy, run } = useSubmit('Budgettet blev ikke ændret. Prøv igen.');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = dkkOrError(amount, 'body.budgetDkk');
    if (value instanceof ApiError) return setError(value);
    if (!reason.trim()) return setError(new ApiError(400, 'Mangler begrundelse', 'Skriv, hvorfor budgettet ændres.', [{ path: 'body.reason', message: 'Skriv en begrundelse.' }]));
    await run(
      async () => {
        const changed = await changeBudget(period.id, { version: period.version, budgetDkk: value, reason: reason.trim() });
        onDone(`Budgettet for ${changed.forumName}, ${periodText(changed)}, er nu ${formatDkk(changed.budgetDkk)}.`);
      },
      // another administrator changed it: read it again, so the next save starts from their amount
      (e) => isStaleVersion(e) && onStale(),
    );
  }
  return (
    <form onSubmit={submit} noValidate className="boxed-form" aria-label={`Ret budgettet for ${period.forumName}, ${periodText(period)}`}>
      <h3>
        Ret budgettet: {period.forumName}, {periodText(period)}
      </h3>
      <p className="hint">
        Nu {formatDkk(period.budgetDkk)}. Forummet har bevilget {formatDkk(period.grantedDkk)} i perioden, så budgettet kan ikke blive lavere end det. Det gamle beløb
        bliver i historikken.
      </p>
      <AmountInput label="Nyt budget for hele perioden (kr.)" hint="Fx 750.000." amount={amount} setAmount={setAmount} error={error} />
      <Field label="Begrundelse" hint="Fx hvilken beslutning ændringen bygger på." problem={problemAt(error, 'body.reason')}>
        {(a) => <input {...a} type="text" className="wide" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <ErrorAlert error={error} />
      <Buttons busy={busy} label="Gem det nye budget" busyLabel="Gemmer …" onCancel={onCancel} />
    </form>
  );
}

/** A budget for a forum and a period that does not overlap the forum's other periods. */
export function NewBudgetForm({ list, onDone, onCancel }: { list: BudgetPeriodList; onDone: (notice: string) => void; onCancel: () => void }) {
  const [forumTeamId, setForumTeamId] = useState(list.forums[0]?.id ?? '');
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const { error, setError, busy, run } = useSubmit('Budgettet blev ikke oprettet. Prøv igen.');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = dkkOrError(amount, 'body.budgetDkk');
    if (value instanceof ApiError) return setError(value);
    const missing = [
      ...(periodStart ? [] : [{ path: 'body.periodStart', message: 'Vælg den første dag.' }]),
      ...(periodEnd ? [] : [{ path: 'body.periodEnd', message: 'Vælg den sidste dag.' }]),
    ];
    if (missing.length) return setError(new ApiError(400, 'Mangler periode', 'Vælg periodens første og sidste dag.', missing));
    await run(async () => {
      const made = await createBudget({ forumTeamId, periodStart, periodEnd, budgetDkk: value, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      onDone(`Budget for ${made.forumName}, ${periodText(made)}: ${formatDkk(made.budgetDkk)}.`);
    });
  }
  return (
    <form onSubmit={submit} noValidate className="boxed-form" aria-label="Nyt budget for en periode">
      <h3>Nyt budget for en periode</h3>
      <Field label="Visitationsforum" problem={problemAt(error, 'body.forumTeamId')}>
        {(a) => (
          <select {...a} value={forumTeamId} onChange={(e) => setForumTeamId(e.target.value)}>
            {list.forums.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field label="Fra og med" problem={problemAt(error, 'body.periodStart')}>
          {(a) => <input {...a} type="date" value={periodStart} onChange={(e) => setPeriodStart(e.target.value)} />}
        </Field>
        <Field label="Til og med" hint="Perioden må ikke overlappe forummets andre perioder." problem={problemAt(error, 'body.periodEnd')}>
          {(a) => <input {...a} type="date" value={periodEnd} onChange={(e) => setPeriodEnd(e.target.value)} />}
        </Field>
      </div>
      <AmountInput label="Budget for perioden (kr.)" hint="Fx 650.000." amount={amount} setAmount={setAmount} error={error} />
      <Field label="Begrundelse (valgfri)" problem={problemAt(error, 'body.reason')}>
        {(a) => <input {...a} type="text" className="wide" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <ErrorAlert error={error} />
      <Buttons busy={busy} label="Opret budgettet" busyLabel="Opretter …" onCancel={onCancel} />
    </form>
  );
}
