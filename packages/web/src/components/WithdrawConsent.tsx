/** The confirm step before withdrawing a consent: what it means, then yes or no. */
import { useEffect, useId, useRef, useState } from 'react';
import { ApiError, post, seg } from '../api';
import type { CurrentConsent, RecordConsentBody, RecordConsentResult } from '../types';
import { ErrorAlert } from './Status';
import { withdrawExplanation } from './withdrawText';

type Props = { citizenId: string; consent: CurrentConsent; onCancel: () => void; onDone: () => void };

export function WithdrawConsent({ citizenId, consent, onCancel, onDone }: Props) {
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => heading.current?.focus(), []);

  async function confirm() {
    setBusy(true);
    setError(null);
    const body: RecordConsentBody = { scope: consent.scope, action: 'withdrawn' };
    if (consent.counterpart) body.counterpart = consent.counterpart;
    try {
      await post<RecordConsentResult>(`/api/citizens/${seg(citizenId)}/consents`, body);
      onDone();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', 'Samtykket blev ikke tilbagekaldt. Prøv igen.'));
      setBusy(false);
    }
  }

  return (
    <div className="confirm" role="group" aria-labelledby={headingId}>
      <h3 id={headingId} ref={heading} tabIndex={-1}>
        Vil du tilbagekalde samtykket?
      </h3>
      {withdrawExplanation(consent.scope, consent.counterpart).map((p) => (
        <p key={p}>{p}</p>
      ))}
      <ErrorAlert error={error} />
      <div className="button-row">
        <button type="button" className="button button-danger" onClick={confirm} disabled={busy}>
          {busy ? 'Tilbagekalder …' : 'Ja, tilbagekald samtykket'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          Nej, behold samtykket
        </button>
      </div>
    </div>
  );
}
