/**
 * "Mine samtykker": each consent with what it means in plain Danish, and
 * giving or withdrawing it. Consent records are never edited: each choice is a new record.
 */
import { useEffect, useRef, useState } from 'react';
import { CONSENT_SCOPES, type ConsentScope } from '@helhed/core';
import { ApiError } from '../api';
import { consentsPath, recordConsent } from '../clients/consents';
import { InstantText } from '../components/DateText';
import { withdrawExplanation } from '../components/withdrawText';
import { CONSENT_SCOPE_LABELS } from '../labels';
import type { ConsentOverview, RecordConsentBody } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import type { CitizenContext } from './CitizenApp';
import { consentMeaning } from './consentText';
import { Accordion, Alert, BackLink, Loading, ProblemAlert } from './ui';

type Row = { scope: ConsentScope; label: string; counterpart: string | null; active: boolean; since: string | null };
const keyOf = (r: Row) => `${r.scope}:${r.counterpart ?? ''}`;
/** Scopes a citizen can give here without naming a party (the others are renewed for the party they named before). */
const GIVABLE_WITHOUT_PARTY: ConsentScope[] = ['holistic_effort', 'family_plan'];

export function ConsentsPage({ ctx }: { ctx: CitizenContext }) {
  usePageTitle('Mine samtykker');
  const citizenId = ctx.session.me.id;
  const consents = useResource<ConsentOverview>(consentsPath(citizenId));
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const rows: Row[] = (consents.data?.current ?? []).map((c) => ({ scope: c.scope, label: c.scopeLabel, counterpart: c.counterpart, active: c.active, since: c.since }));
  for (const scope of CONSENT_SCOPES) {
    if (GIVABLE_WITHOUT_PARTY.includes(scope) && !rows.some((r) => r.scope === scope)) rows.push({ scope, label: CONSENT_SCOPE_LABELS[scope], counterpart: null, active: false, since: null });
  }

  function recorded(row: Row, action: 'given' | 'withdrawn') {
    setConfirming(null);
    setDone(
      action === 'given'
        ? 'Tak. Dit samtykke er givet.'
        : row.scope === 'holistic_effort'
          ? 'Dit samtykke er trukket tilbage. Kommunen beslutter nu din hjælp efter de enkelte love. Du beholder din hjælp imens.'
          : 'Dit samtykke er trukket tilbage.',
    );
    consents.reload();
  }

  return (
    <>
      <BackLink />
      <h1 tabIndex={-1}>Mine samtykker</h1>
      <p className="font-lead">Du bestemmer selv over dine samtykker. Du kan trække et samtykke tilbage når som helst, og du kan give det igen.</p>
      <div ref={doneRef} tabIndex={-1}>
        {done && (
          <Alert variant="success">
            <p>{done}</p>
          </Alert>
        )}
      </div>
      {consents.loading && !consents.data && <Loading />}
      <ProblemAlert error={consents.error} />
      {consents.data &&
        rows.map((row) => (
          <ConsentCard
            key={keyOf(row)}
            row={row}
            citizenId={citizenId}
            confirming={confirming === keyOf(row)}
            onConfirm={() => {
              setDone(null);
              setConfirming(keyOf(row));
            }}
            onCancel={() => setConfirming(null)}
            onDone={(action) => recorded(row, action)}
          />
        ))}
    </>
  );
}

type CardProps = {
  row: Row;
  citizenId: string;
  confirming: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  onDone: (action: 'given' | 'withdrawn') => void;
};

function ConsentCard({ row, citizenId, confirming, onConfirm, onCancel, onDone }: CardProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);
  const wasConfirming = useRef(false);
  const action = row.active ? 'withdrawn' : 'given';
  const headingId = `samtykke-${keyOf(row).replace(/[^a-z0-9]+/gi, '-')}`;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  async function confirm() {
    setBusy(true);
    setError(null);
    const body: RecordConsentBody = { scope: row.scope, action };
    if (row.counterpart) body.counterpart = row.counterpart;
    try {
      await recordConsent(citizenId, body);
      onDone(action);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'Fejl', 'Dit valg blev ikke gemt. Prøv igen.'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="citizen-card">
      <h2 id={headingId}>{row.label}</h2>
      {row.counterpart && <p>{row.scope === 'disclosure' ? `Til: ${row.counterpart}` : `Fra: ${row.counterpart}`}</p>}
      <p>
        <span className={`status-tag ${row.active ? 'status-on' : 'status-off'}`}>{row.active ? 'Givet' : row.since ? 'Trukket tilbage' : 'Ikke givet'}</span>
        {row.since && (
          <>
            {' '}
            <InstantText at={row.since} />
          </>
        )}
      </p>
      <Accordion
        items={[
          { title: 'Hvad betyder samtykket?', content: consentMeaning(row.scope, row.counterpart).map((p) => <p key={p}>{p}</p>) },
          { title: 'Hvad sker der, hvis jeg trækker det tilbage?', content: withdrawExplanation(row.scope, row.counterpart).map((p) => <p key={p}>{p}</p>) },
        ]}
      />
      {!confirming ? (
        <button ref={startRef} type="button" className={row.active ? 'button button-secondary' : 'button button-primary'} onClick={onConfirm}>
          {row.active ? 'Træk samtykket tilbage' : 'Giv samtykke'}
          <span className="sr-only">: {row.label}{row.counterpart ? `, ${row.counterpart}` : ''}</span>
        </button>
      ) : (
        <div className="confirm-box" role="group" aria-labelledby={`${headingId}-confirm`}>
          <h3 id={`${headingId}-confirm`} ref={confirmRef} tabIndex={-1}>
            {row.active ? 'Vil du trække samtykket tilbage?' : 'Vil du give samtykke?'}
          </h3>
          {(row.active ? withdrawExplanation(row.scope, row.counterpart) : consentMeaning(row.scope, row.counterpart)).map((p) => (
            <p key={p}>{p}</p>
          ))}
          <ProblemAlert error={error} />
          <div className="confirm-buttons">
            <button type="button" className="button button-primary" onClick={confirm} disabled={busy}>
              {busy ? 'Gemmer …' : row.active ? 'Ja, træk samtykket tilbage' : 'Ja, jeg giver samtykke'}
            </button>
            <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
              {row.active ? 'Nej, behold samtykket' : 'Nej, fortryd'}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
