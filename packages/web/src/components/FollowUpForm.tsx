/** A follow-up of one goal (SPEC C9.4): progression on the 1–10 scale with the citizen, the FFB result, a note and the next date. */
import { FOLLOW_UP_RESULT_LABELS, FOLLOW_UP_RESULTS, PROGRESSION_MAX, PROGRESSION_MIN, type FollowUpResult } from '@helhed/core';
import { useId, useState, type FormEvent } from 'react';
import { useSubmission } from '../useSubmission';
import { recordFollowUp } from '../clients/plan';
import { todayInDenmark } from '../format';
import { Field, problemAt } from './Field';
import { ErrorAlert } from './Status';
import { FormButtons } from './FormButtons';

const SCALE = Array.from({ length: PROGRESSION_MAX - PROGRESSION_MIN + 1 }, (_, i) => PROGRESSION_MIN + i);
const scaleText = (n: number) => (n === PROGRESSION_MIN ? `${n} – langt fra målet` : n === PROGRESSION_MAX ? `${n} – målet er nået` : String(n));

export function FollowUpForm({
  caseId,
  goalId,
  goalTitle,
  onDone,
  onCancel,
}: {
  caseId: string;
  goalId: string;
  goalTitle: string;
  onDone: (notice: string) => void;
  onCancel: () => void;
}) {
  const today = todayInDenmark();
  const [progression, setProgression] = useState('');
  const [result, setResult] = useState<FollowUpResult>('continue');
  const [note, setNote] = useState('');
  const [recordedOn, setRecordedOn] = useState(today);
  const [next, setNext] = useState('');
  const { busy, error, run, refuse, clear } = useSubmission('Opfølgningen blev ikke gemt. Prøv igen.');
  const headingId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    if (progression === '') {
      refuse('Vælg, hvor langt borgeren er nået på skalaen.', [{ path: 'body.progression', message: 'Vælg progression.' }]);
      return;
    }
    await run(async () => {
      await recordFollowUp(caseId, { goalId, progression: Number(progression), result, note: note.trim(), recordedOn, nextFollowUpOn: next || null });
      onDone(`Opfølgningen på »${goalTitle}« er gemt: progression ${progression}/${PROGRESSION_MAX}, ${FOLLOW_UP_RESULT_LABELS[result].toLowerCase()}.`);
    });
  }

  return (
    <form onSubmit={submit} noValidate className="boxed-form" aria-labelledby={headingId}>
      <h4 id={headingId}>Opfølgning på »{goalTitle}«</h4>
      <div className="field-row">
        <Field label="Progression" hint="Vurderet sammen med borgeren." problem={problemAt(error, 'body.progression')}>
          {(a) => (
            <select {...a} value={progression} onChange={(e) => setProgression(e.target.value)}>
              <option value="">Vælg</option>
              {SCALE.map((n) => (
                <option key={n} value={n}>
                  {scaleText(n)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Dato for opfølgningen" problem={problemAt(error, 'body.recordedOn')}>
          {(a) => <input {...a} type="date" max={today} value={recordedOn} onChange={(e) => setRecordedOn(e.target.value)} />}
        </Field>
      </div>
      <fieldset>
        <legend>Resultat</legend>
        <div className="radio-row radio-wrap">
          {FOLLOW_UP_RESULTS.map((r) => (
            <label key={r}>
              <input type="radio" name={`${headingId}-result`} checked={result === r} onChange={() => setResult(r)} /> {FOLLOW_UP_RESULT_LABELS[r]}
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Hvad har I talt om?" hint="Skriv gerne med borgerens egne ord.">
        {(a) => <textarea {...a} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <Field label="Næste opfølgning" hint={result === 'end' ? 'Ikke nødvendig, når målet afsluttes.' : 'Skal ligge efter denne opfølgning.'} problem={problemAt(error, 'body.nextFollowUpOn')}>
        {(a) => <input {...a} type="date" min={recordedOn} value={next} onChange={(e) => setNext(e.target.value)} />}
      </Field>
      <ErrorAlert error={error} />
      <FormButtons busy={busy} label="Gem opfølgningen" busyLabel="Gemmer …" onCancel={onCancel} />
    </form>
  );
}
