/** A new authority limit: a role in a unit, a catalogue category (or all), an amount, from a day. */
import { EMPLOYEE_ROLES, type EmployeeRole } from '@helhed/core';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { useSubmission } from '../../useSubmission';
import { createAuthorityLimit, type AuthorityLimitList } from '../../clients/organisation';
import { formatDate, todayInDenmark } from '../../format';
import { ROLE_LABELS } from '../../labels';
import { Field, problemAt } from '../Field';
import { ErrorAlert } from '../Status';
import { categoryLabel } from './amount';
import { AmountField, amountOrError } from './LimitForms';
import { FormButtons } from '../FormButtons';

export function NewLimitForm({ list, onDone, onCancel }: { list: AuthorityLimitList; onDone: (notice: string) => void; onCancel: () => void }) {
  const [role, setRole] = useState<EmployeeRole>('coordinating_caseworker');
  const [unitId, setUnitId] = useState(list.units[0]?.id ?? '');
  const [category, setCategory] = useState('*');
  const [amount, setAmount] = useState('');
  const [unlimited, setUnlimited] = useState(false);
  const [from, setFrom] = useState(todayInDenmark());
  const [reason, setReason] = useState('');
  const { busy, error, run, refuse } = useSubmission('Grænsen blev ikke oprettet. Prøv igen.');
  async function submit(event: FormEvent) {
    event.preventDefault();
    const value = amountOrError(amount, unlimited);
    if (value instanceof ApiError) return refuse(value);
    await run(async () => {
      const made = await createAuthorityLimit({ role, unitId, category, maxAmountDkk: value, validFrom: from, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      onDone(`Ny grænse for ${made.roleLabel}, ${made.unitName}, ${categoryLabel(made.category)} fra ${formatDate(made.validFrom)}.`);
    });
  }
  return (
    <form onSubmit={submit} noValidate className="boxed-form">
      <h3>Ny bevillingsgrænse</h3>
      <div className="field-row">
        <Field label="Rolle" problem={problemAt(error, 'body.role')}>
          {(a) => (
            <select {...a} value={role} onChange={(e) => setRole(e.target.value as EmployeeRole)}>
              {EMPLOYEE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Enhed" problem={problemAt(error, 'body.unitId')}>
          {(a) => (
            <select {...a} value={unitId} onChange={(e) => setUnitId(e.target.value)}>
              {list.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Kategori i kataloget" problem={problemAt(error, 'body.category')}>
          {(a) => (
            <select {...a} value={category} onChange={(e) => setCategory(e.target.value)}>
              {['*', ...list.categories].map((c) => (
                <option key={c} value={c}>
                  {categoryLabel(c)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <AmountField amount={amount} setAmount={setAmount} unlimited={unlimited} setUnlimited={setUnlimited} error={error} />
      <Field label="Gælder fra" hint="I dag eller senere." problem={problemAt(error, 'body.validFrom')}>
        {(a) => <input {...a} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
      </Field>
      <Field label="Begrundelse (valgfri)">{(a) => <input {...a} type="text" className="wide" value={reason} onChange={(e) => setReason(e.target.value)} />}</Field>
      <ErrorAlert error={error} />
      <FormButtons busy={busy} label="Opret grænsen" busyLabel="Opretter …" onCancel={onCancel} />
    </form>
  );
}
