/**
 * The step after a positive target-group assessment: the citizen's written
 * consent to the holistic effort (SPEC C3, the gate) and the case opened with
 * its coordination, in one go. The server decides what is allowed: without
 * consent the case opens but waits in the consent phase.
 */
import type { ConsentForm } from '@helhed/core';
import { useId, useState, type FormEvent } from 'react';
import { ApiError, asApiError } from '../api';
import { openCase, organisationPath } from '../clients/cases';
import { instantOfDate, todayInDenmark } from '../format';
import { navigate } from '../router';
import type { Me, OpenCaseBody, Organisation } from '../types';
import { useResource } from '../useResource';
import { Field, problemAt } from './Field';
import { RadioGroup } from './RadioGroup';
import { Section } from './Section';
import { ErrorAlert } from './Status';

type ConsentChoice = ConsentForm | 'not_yet';
type Coordinator = 'me' | 'team_only';

const CONSENT_OPTIONS: readonly { value: ConsentChoice; label: string; hint?: string }[] = [
  { value: 'paper_scanned', label: 'Ja, på papir', hint: 'Blanketten er underskrevet og scannet.' },
  { value: 'digital', label: 'Ja, digitalt', hint: 'Borgeren har underskrevet med MitID.' },
  { value: 'not_yet', label: 'Nej, ikke endnu', hint: 'Sagen oprettes i fasen »Samtykke«. Du registrerer samtykket på sagen, når det er givet.' },
];

export function OpenCaseForm({ citizenId, citizenName, me }: { citizenId: string; citizenName: string; me: Me }) {
  const headingId = useId();
  const organisation = useResource<Organisation>(organisationPath);
  const myTeams = (organisation.data?.teams ?? []).filter((t) => t.memberIds.includes(me.id));
  const [consent, setConsent] = useState<ConsentChoice | null>(null);
  const [effectiveOn, setEffectiveOn] = useState(todayInDenmark());
  const [documentRef, setDocumentRef] = useState('');
  const [coordinator, setCoordinator] = useState<Coordinator>('me');
  const [teamId, setTeamId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (consent === null) {
      setError(new ApiError(400, 'Mangler', 'Angiv, om borgeren har givet skriftligt samtykke.'));
      return;
    }
    if (coordinator === 'team_only' && !teamId) {
      setError(new ApiError(400, 'Mangler', 'Vælg det team, der skal koordinere sagen.', [{ path: 'body.coordinatorTeamId', message: 'Vælg et team.' }]));
      return;
    }
    const body: OpenCaseBody = {
      citizenId,
      ...(coordinator === 'me' ? { coordinatorEmployeeId: me.id } : {}),
      ...(teamId ? { coordinatorTeamId: teamId } : {}),
      ...(consent === 'not_yet'
        ? {}
        : {
            holisticConsent: {
              form: consent,
              ...(effectiveOn !== todayInDenmark() ? { effectiveAt: instantOfDate(effectiveOn) } : {}),
              ...(documentRef.trim() ? { documentRef: documentRef.trim() } : {}),
            },
          }),
    };
    setBusy(true);
    try {
      const opened = await openCase(body);
      navigate(`/sager/${opened.id}`);
    } catch (e) {
      setError(asApiError(e, 'Sagen blev ikke oprettet. Prøv igen.'));
      setBusy(false);
    }
  }

  return (
    <Section title="Næste skridt: samtykke og sag">
      <p>
        {citizenName} skal tilbydes den helhedsorienterede indsats. Indsatsen kræver borgerens <strong>skriftlige samtykke</strong>: uden det kan sagen
        oprettes, men den kan ikke gå videre end fasen »Samtykke«.
      </p>
      <form onSubmit={submit} noValidate aria-labelledby={headingId} className="boxed-form">
        <h3 id={headingId}>Opret den helhedsorienterede sag</h3>
        <RadioGroup legend="Har borgeren givet skriftligt samtykke til den helhedsorienterede indsats?" value={consent} options={CONSENT_OPTIONS} onChange={setConsent} />
        {consent !== null && consent !== 'not_yet' && (
          <>
            <Field label="Samtykket er givet den" problem={problemAt(error, 'body.holisticConsent.effectiveAt') ?? problemAt(error, 'body.effectiveAt')}>
              {(a) => <input {...a} type="date" max={todayInDenmark()} value={effectiveOn} onChange={(e) => setEffectiveOn(e.target.value)} />}
            </Field>
            <Field label="Reference til blanketten eller signaturen (valgfri)" hint="Fx journalnummeret på den scannede blanket.">
              {(a) => <input {...a} type="text" className="wide" value={documentRef} onChange={(e) => setDocumentRef(e.target.value)} />}
            </Field>
          </>
        )}
        <RadioGroup
          legend="Hvem koordinerer sagen?"
          value={coordinator}
          options={[
            { value: 'me', label: `Mig (${me.name})`, hint: 'Du bliver borgerens koordinerende sagsbehandler og faste kontaktperson.' },
            { value: 'team_only', label: 'Et team', hint: 'Teamet deler sagen; der er ingen fast koordinerende sagsbehandler.' },
          ]}
          onChange={setCoordinator}
        />
        <Field
          label={coordinator === 'me' ? 'Koordinerende team (valgfrit)' : 'Koordinerende team'}
          hint="Et team, du er med i, kan tage over ved sygdom, ferie og jobskifte."
          problem={problemAt(error, 'body.coordinatorTeamId')}
        >
          {(a) => (
            <select {...a} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <option value="">{coordinator === 'me' ? 'Intet team' : 'Vælg et team'}</option>
              {myTeams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ErrorAlert error={error} />
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Opretter …' : consent === 'not_yet' ? 'Opret sagen uden samtykke' : 'Registrér samtykket og opret sagen'}
        </button>
      </form>
    </Section>
  );
}
