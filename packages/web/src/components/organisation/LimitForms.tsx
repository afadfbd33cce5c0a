/** The administrator's forms for one authority limit: a new amount from a day, or the end of the limit. */
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { useSubmission } from '../../useSubmission';
import { changeAuthorityLimit, endAuthorityLimit, type AuthorityLimit } from '../../clients/organisation';
import { formatDate, formatDkkNumber, todayInDenmark } from '../../format';
import { Field, problemAt } from '../Field';
import { ErrorAlert } from '../Status';
import { categoryLabel, parseDkk } from './amount';
import { FormButtons } from '../FormButtons';

type Props = { limit: AuthorityLimit; onDone: (notice: string) => void; onCancel: () => void };

const describe = (l: AuthorityLimit) => `${l.roleLabel}, ${l.unitName}, ${categoryLabel(l.category)}`;

/** The amount field with "no amount limit": both forms that set an amount use it. */
export function AmountField({ amount, setAmount, unlimited, setUnlimited, error }: { amount: string; setAmount: (v: string) => void; unlimited: boolean; setUnlimited: (v: boolean) => void; error: ApiError | null }) {
  return (
    <>
      <Field label="Beløbsgrænse pr. bevilling (kr.)" hint="Fx 75.000. Prisen på en bevilling over grænsen går til visitationsforummet." problem={problemAt(error, 'body.maxAmountDkk')}>
        {(a) => <input {...a} type="text" inputMode="decimal" className="narrow" value={amount} disabled={unlimited} onChange={(e) => setAmount(e.target.value)} />}
      </Field>
      <p className="check-list">
        <label>
          <input type="checkbox" checked={unlimited} onChange={(e) => setUnlimited(e.target.checked)} /> Ingen beløbsgrænse
        </label>
      </p>
    </>
  );
}

/** The amount as the API takes it, or a Danish error for the field. */
export function amountOrError(amount: string, unlimited: boolean): number | null | ApiError {
  if (unlimited) return null;
  const value = parseDkk(amount);
  return value === null ? new ApiError(400, 'Ugyldigt beløb', 'Skriv beløbet i kroner, fx 75.000.', [{ path: 'body.maxAmountDkk', message: 'Skriv et beløb i kroner.' }]) : value;
}

export function ChangeLimitForm({ limit, onDone, onCancel }: Props) {
  const [amount, setAmount] = useState(limit.maxAmountDkk === null ? '' : formatDkkNumber(limit.maxAmountDkk));
  const [unlimited, setUnlimited] = useState(limit.maxAmountDkk === null);
  const [from, setFrom] = useState(todayInDenmark() < limit.validFrom ? limit.validFrom : todayInDenmark());
  const [reason, setReason] = useState('');
  const { busy, error, run, refuse } = useSubmission('Grænsen blev ikke ændret. Prøv igen.');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = amountOrError(amount, unlimited);
    if (value instanceof ApiError) return refuse(value);
    await run(async () => {
      const changed = await changeAuthorityLimit(limit.id, { maxAmountDkk: value, effectiveFrom: from, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      onDone(`Grænsen for ${describe(limit)} er ændret fra ${formatDate(changed.validFrom)}.`);
    });
  }
  return (
    <form onSubmit={submit} noValidate className="boxed-form">
      <h3>Ret beløbet: {describe(limit)}</h3>
      <p className="hint">Den nuværende grænse gælder til og med dagen før. Den gamle grænse bliver i historikken.</p>
      <AmountField amount={amount} setAmount={setAmount} unlimited={unlimited} setUnlimited={setUnlimited} error={error} />
      <Field label="Gælder fra" hint="I dag eller senere. Ændringer gælder aldrig bagud." problem={problemAt(error, 'body.effectiveFrom')}>
        {(a) => <input {...a} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
      </Field>
      <Field label="Begrundelse (valgfri)" hint="Fx hvilken beslutning ændringen bygger på.">
        {(a) => <input {...a} type="text" className="wide" value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <ErrorAlert error={error} />
      <FormButtons busy={busy} label="Gem det nye beløb" busyLabel="Gemmer …" onCancel={onCancel} />
    </form>
  );
}

export function EndLimitForm({ limit, onDone, onCancel }: Props) {
  const [from, setFrom] = useState(todayInDenmark() < limit.validFrom ? limit.validFrom : todayInDenmark());
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmission('Grænsen blev ikke afsluttet. Prøv igen.');
  async function submit(event: FormEvent) {
    event.preventDefault();
    await run(async () => {
      const ended = await endAuthorityLimit(limit.id, { effectiveFrom: from, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      onDone(`Grænsen for ${describe(limit)} gælder til og med ${formatDate(ended.validUntil ?? '')}.`);
    });
  }
  return (
    <form onSubmit={submit} noValidate className="boxed-form">
      <h3>Afslut grænsen: {describe(limit)}</h3>
      <p className="hint">Fra datoen går bevillinger for rollen i enheden til visitationsforummet, medmindre en anden grænse gælder.</p>
      <Field label="Gælder ikke længere fra" hint="I dag eller senere." problem={problemAt(error, 'body.effectiveFrom')}>
        {(a) => <input {...a} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
      </Field>
      <Field label="Begrundelse (valgfri)">{(a) => <input {...a} type="text" className="wide" value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <ErrorAlert error={error} />
      <FormButtons busy={busy} label="Afslut grænsen" busyLabel="Afslutter …" onCancel={onCancel} danger />
    </form>
  );
}
