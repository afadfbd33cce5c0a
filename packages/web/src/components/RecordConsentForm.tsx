/** The caseworker records a consent the citizen gave on paper or digitally (consent is never edited: each record is new). */
import { CONSENT_FORMS, CONSENT_SCOPES, CONSENT_SCOPE_LABELS, SCOPES_WITH_COUNTERPART, type ConsentForm, type ConsentScope } from '@helhed/core';
import { useRef, useState, type FormEvent } from 'react';
import { useSubmission } from '../useSubmission';
import { recordConsent } from '../clients/consents';
import { instantOfDate, todayInDenmark } from '../format';
import { CONSENT_FORM_LABELS } from '../labels';
import { Field, problemAt } from './Field';
import { ErrorAlert } from './Status';

const COUNTERPART_HINT: Partial<Record<ConsentScope, string>> = {
  health_information: 'Hvem oplysningerne må hentes fra, fx »Lægehuset Torvegade, Demoby (egen læge)«. Et samtykke skal være konkret.',
  disclosure: 'Hvem oplysningerne må gives videre til, fx »Jobvejen ApS«.',
};

export function RecordConsentForm({ citizenId, onDone }: { citizenId: string; onDone: (notice: string) => void }) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const [scope, setScope] = useState<ConsentScope>('holistic_effort');
  const [counterpart, setCounterpart] = useState('');
  const [form, setForm] = useState<ConsentForm>('paper_scanned');
  const [effectiveOn, setEffectiveOn] = useState(todayInDenmark());
  const [documentRef, setDocumentRef] = useState('');
  const { busy, error, run, refuse, clear } = useSubmission('Samtykket blev ikke registreret. Prøv igen.');
  const needsCounterpart = SCOPES_WITH_COUNTERPART.includes(scope);

  async function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    if (needsCounterpart && counterpart.trim() === '') {
      refuse('Skriv, hvem samtykket gælder.', [{ path: 'body.counterpart', message: 'Skriv, hvem samtykket gælder.' }]);
      return;
    }
    await run(async () => {
      await recordConsent(citizenId, {
        scope,
        action: 'given',
        form,
        ...(needsCounterpart ? { counterpart: counterpart.trim() } : {}),
        ...(effectiveOn !== todayInDenmark() ? { effectiveAt: instantOfDate(effectiveOn) } : {}),
        ...(documentRef.trim() ? { documentRef: documentRef.trim() } : {}),
      });
      setCounterpart('');
      setDocumentRef('');
      setOpen(false);
      requestAnimationFrame(() => toggle.current?.focus());
      onDone(`Samtykket er registreret: ${CONSENT_SCOPE_LABELS[scope]}${needsCounterpart ? ` (${counterpart.trim()})` : ''}.`);
    });
  }

  return (
    <div className="subform">
      <button type="button" ref={toggle} className="button button-secondary" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Registrér et samtykke
      </button>
      {open && (
        <form onSubmit={submit} noValidate className="boxed-form">
          <Field label="Samtykke til">
            {(a) => (
              <select {...a} value={scope} onChange={(e) => setScope(e.target.value as ConsentScope)}>
                {CONSENT_SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {CONSENT_SCOPE_LABELS[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {needsCounterpart && (
            <Field label={scope === 'health_information' ? 'Fra hvem' : 'Til hvem'} hint={COUNTERPART_HINT[scope]} problem={problemAt(error, 'body.counterpart')}>
              {(a) => <input {...a} type="text" className="wide" value={counterpart} onChange={(e) => setCounterpart(e.target.value)} />}
            </Field>
          )}
          <fieldset>
            <legend>Hvordan er samtykket givet?</legend>
            <div className="radio-row">
              {CONSENT_FORMS.map((f) => (
                <label key={f}>
                  <input type="radio" name="consent-form" checked={form === f} onChange={() => setForm(f)} /> {CONSENT_FORM_LABELS[f]}
                </label>
              ))}
            </div>
          </fieldset>
          <Field label="Gælder fra" problem={problemAt(error, 'body.effectiveAt')}>
            {(a) => <input {...a} type="date" max={todayInDenmark()} value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />}
          </Field>
          <Field label="Reference til blanketten (valgfri)" hint="Fx journalnummeret på den scannede blanket.">
            {(a) => <input {...a} type="text" value={documentRef} onChange={(e) => setDocumentRef(e.target.value)} />}
          </Field>
          <ErrorAlert error={error} />
          <button type="submit" className="button" disabled={busy}>
            {busy ? 'Registrerer …' : 'Registrér samtykket'}
          </button>
        </form>
      )}
    </div>
  );
}
