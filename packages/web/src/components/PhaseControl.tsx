import { PHASE_LABELS, PHASE_RULES, type CasePhase } from '@helhed/core';
import { useId, useState, type FormEvent } from 'react';
import { useSubmission } from '../useSubmission';
import { changePhase } from '../clients/cases';
import type { HolisticCase } from '../types';
import { ErrorAlert } from './Status';

/**
 * Moves the case on to a phase the rules allow from here; the server checks
 * the consent gate. Closing the case is not offered here: it ends the effort.
 */
export function PhaseControl({ kase, onChanged }: { kase: HolisticCase; onChanged: () => void }) {
  const next: CasePhase[] = PHASE_RULES[kase.phase].next.filter((p) => p !== 'closed');
  const [wanted, setWanted] = useState<CasePhase | null>(null);
  const { busy, error, run } = useSubmission('Fasen blev ikke skiftet. Prøv igen.');
  const [done, setDone] = useState<string | null>(null);
  const selectId = useId();
  if (next.length === 0) return null;
  const to = wanted !== null && next.includes(wanted) ? wanted : next[0]!;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    await run(async () => {
      await changePhase(kase.id, to, kase.version);
      setDone(`Sagen er nu i fasen »${PHASE_LABELS[to]}«.`);
      setWanted(null);
      onChanged();
    });
  }

  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={selectId} className="visually-hidden">
        Ny fase
      </label>
      <select id={selectId} value={to} onChange={(e) => setWanted(e.target.value as CasePhase)}>
        {next.map((p) => (
          <option key={p} value={p}>
            {PHASE_LABELS[p]}
          </option>
        ))}
      </select>
      <button type="submit" className="button button-secondary button-small" disabled={busy}>
        {busy ? 'Skifter …' : 'Skift fase'}
      </button>
      {done && (
        <p className="sub" role="status">
          {done}
        </p>
      )}
      <ErrorAlert error={error} />
    </form>
  );
}
