/** The caseworker registers that the citizen withdrew a consent (by letter, phone or in person), after a confirmation. */
import { useId, useRef, useState } from 'react';
import { useSubmission } from '../useSubmission';
import { recordConsent } from '../clients/consents';
import type { CurrentConsent } from '../types';
import { Field } from './Field';
import { ErrorAlert } from './Status';

const CONSEQUENCE: Record<CurrentConsent['scope'], string> = {
  holistic_effort:
    'Den helhedsorienterede indsats stopper. Der oprettes en opgave for hver igangværende indsats, så den afgøres efter sektorloven hurtigst muligt og uden ny ansøgning. Indsatserne fortsætter imens.',
  health_information: 'Kommunen må ikke længere hente eller bruge helbredsoplysninger fra denne kilde.',
  family_plan: 'Der må ikke længere laves én fælles plan for familien.',
  disclosure: 'Kommunen må ikke længere videregive oplysninger til denne modtager.',
};

export function WithdrawConsent({ citizenId, consent, onDone }: { citizenId: string; consent: CurrentConsent; onDone: (notice: string) => void }) {
  const [asking, setAsking] = useState(false);
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmission('Tilbagekaldelsen blev ikke registreret. Prøv igen.');
  const questionId = useId();
  const questionRef = useRef<HTMLHeadingElement>(null);

  async function withdraw() {
    await run(async () => {
      await recordConsent(citizenId, {
        scope: consent.scope,
        action: 'withdrawn',
        ...(consent.counterpart ? { counterpart: consent.counterpart } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setAsking(false);
      onDone(`Tilbagekaldelsen er registreret: ${consent.scopeLabel}${consent.counterpart ? ` (${consent.counterpart})` : ''}.`);
    });
  }

  if (!asking) {
    return (
      <button
        type="button"
        className="button-link"
        onClick={() => {
          setAsking(true);
          requestAnimationFrame(() => questionRef.current?.focus());
        }}
      >
        Registrér tilbagekaldelse<span className="visually-hidden"> af »{consent.scopeLabel}«{consent.counterpart ? ` (${consent.counterpart})` : ''}</span>
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-labelledby={questionId}>
      <h4 id={questionId} tabIndex={-1} ref={questionRef}>
        Har borgeren trukket samtykket tilbage?
      </h4>
      <p>{CONSEQUENCE[consent.scope]}</p>
      <Field label="Hvordan og hvornår (valgfri)">{(a) => <textarea {...a} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
      <ErrorAlert error={error} />
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={withdraw} disabled={busy}>
          {busy ? 'Registrerer …' : 'Ja, registrér tilbagekaldelsen'}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)} disabled={busy}>
          Fortryd
        </button>
      </div>
    </div>
  );
}
