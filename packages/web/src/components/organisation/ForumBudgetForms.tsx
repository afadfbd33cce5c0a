/** The administrator's forms for the visitation forum's budget: a new amount for a period, and a new period. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { changeBudget, createBudget, type BudgetPeriod, type BudgetPeriodList } from '../../clients/organisation';
import { formatDate, formatDkk, formatDkkNumber } from '../../format';
import { useSubmission } from '../../useSubmission';
import { Field, problemAt } from '../Field';
import { ErrorAlert } from '../Status';
import { parseDkk } from './amount';
import { FormButtons } from '../FormButtons';

export const periodText = (p: { periodStart: string; periodEnd: string }) => `${formatDate(p.periodStart)} – ${formatDate(p.periodEnd)}`;

/** The form's heading takes focus when it opens, so a keyboard or screen-reader user lands in it. */
function FormHeading({ children }: { children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <h3 tabIndex={-1} ref={heading}>
      {children}
    </h3>
  );
}

function AmountInput({ label, hint, amount, setAmount, error }: { label: string; hint: string; amount: string; setAmount: (v: string) => void; error: ApiError | null }) {
  return (
    <Field label={label} hint={hint} problem={problemAt(error, 'body.budgetDkk')}>
      {(a) => <input {...a} type="text" inputMode="decimal" className="narrow" value={amount} onChange={(e) => setAmount(e.target.value)} />}
    </Field>
  );
}

type ChangeProps = { period: BudgetPeriod; onDone: (notice: string) => void; onRefused: () => void; onCancel: () => void };

/** A new amount for the whole period; the version read goes along, so another's change in between is refused, not overwritten. */
export function ChangeBudgetForm({ period, onDone, onRefused, onCancel }: ChangeProps) {
  const [amount, setAmount] = useState(formatDkkNumber(period.budgetDkk));
  const [reason, setReason] = useState('');
  const { error, busy, run, refuse } = useSubmission('Budgettet blev ikke ændret. Prøv igen.');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = parseDkk(amount);
    if (value === null) return refuse('Skriv beløbet i kroner, fx 750.000.', [{ path: 'body.budgetDkk', message: 'Skriv et beløb i kroner.' }]);
    if (!reason.trim()) return refuse('Skriv, hvorfor budgettet ændres.', [{ path: 'body.reason', message: 'Skriv en begrundelse.' }]);
    const saved = await run(async () => {
      const changed = await changeBudget(period.id, { version: period.version, budgetDkk: value, reason: reason.trim() });
      onDone(`Budgettet for ${changed.forumName}, ${periodText(changed)}, er nu ${formatDkk(changed.budgetDkk)}`);
    });
    // Refused, perhaps because another administrator changed it: read it again, so the next save starts from what is there now.
    if (!saved) onRefused();
  }
  return (
    <form onSubmit={submit} noValidate className="boxed-form" aria-label={`Ret budgettet for ${period.forumName}, ${periodText(period)}`}>
      <FormHeading>{`Ret budgettet: ${period.forumName}, ${periodText(period)}`}</FormHeading>
      <p className="hint">
        Budgettet er nu {formatDkk(period.budgetDkk)}, og forummet har bevilget {formatDkk(period.grantedDkk)} i perioden, så det kan ikke blive lavere end det. Det
        gamle beløb bliver i historikken.
      </p>
      <AmountInput label="Nyt budget for hele perioden (kr.)" hint="Fx 750.000." amount={amount} setAmount={setAmount} error={error} />
      <Field label="Begrundelse" hint="Fx hvilken beslutning ændringen bygger på." problem={problemAt(error, 'body.reason')}>
        {(a) => <input {...a} type="text" className="wide" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <ErrorAlert error={error} />
      <FormButtons busy={busy} label="Gem det nye budget" busyLabel="Gemmer …" onCancel={onCancel} />
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
  const { error, busy, run, refuse } = useSubmission('Budgettet blev ikke oprettet. Prøv igen.');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const missing = [
      ...(periodStart ? [] : [{ path: 'body.periodStart', message: 'Vælg den første dag.' }]),
      ...(periodEnd ? [] : [{ path: 'body.periodEnd', message: 'Vælg den sidste dag.' }]),
    ];
    const value = parseDkk(amount);
    if (value === null) missing.push({ path: 'body.budgetDkk', message: 'Skriv et beløb i kroner.' });
    if (value === null || missing.length) return refuse('Vælg periodens første og sidste dag, og skriv budgettet i kroner, fx 650.000.', missing);
    await run(async () => {
      const made = await createBudget({ forumTeamId, periodStart, periodEnd, budgetDkk: value, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      onDone(`Nyt budget for ${made.forumName}, ${periodText(made)}: ${formatDkk(made.budgetDkk)}`);
    });
  }
  return (
    <form onSubmit={submit} noValidate className="boxed-form" aria-label="Nyt budget for en periode">
      <FormHeading>Nyt budget for en periode</FormHeading>
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
      <FormButtons busy={busy} label="Opret budgettet" busyLabel="Opretter …" onCancel={onCancel} />
    </form>
  );
}
