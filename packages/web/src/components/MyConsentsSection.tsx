/** The citizen's consents, each active one with a way to withdraw it. */
import { useRef, useState } from 'react';
import { seg } from '../api';
import type { ConsentOverview, CurrentConsent } from '../types';
import { useResource } from '../useResource';
import { ConsentTitle } from './ConsentName';
import { InstantText } from './DateText';
import { Section } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';
import { WithdrawConsent } from './WithdrawConsent';

const keyOf = (c: CurrentConsent) => `${c.scope}:${c.counterpart ?? ''}`;

export function MyConsentsSection({ citizenId }: { citizenId: string }) {
  const consents = useResource<ConsentOverview>(`/api/citizens/${seg(citizenId)}/consents`);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const doneRef = useRef<HTMLDivElement>(null);

  function cancel(key: string) {
    setConfirming(null);
    requestAnimationFrame(() => buttons.current.get(key)?.focus());
  }

  function withdrawn(c: CurrentConsent) {
    setConfirming(null);
    setDone(
      c.scope === 'holistic_effort'
        ? 'Dit samtykke er tilbagekaldt. Kommunen beslutter nu din hjælp efter de enkelte love. Du beholder din hjælp imens.'
        : 'Dit samtykke er tilbagekaldt.',
    );
    consents.reload();
    requestAnimationFrame(() => doneRef.current?.focus());
  }

  const data = consents.data;
  return (
    <Section title="Dine samtykker">
      <p>Du bestemmer selv over dine samtykker. Du kan tilbagekalde et samtykke når som helst.</p>
      <div role="status" ref={doneRef} tabIndex={-1} className={done ? 'alert alert-success' : undefined}>
        {done && <p>{done}</p>}
      </div>
      {consents.loading && !data && <Loading />}
      <ErrorAlert error={consents.error} />
      {data && data.current.length === 0 && <Empty>Du har ikke givet samtykke til noget.</Empty>}
      {data && data.current.length > 0 && (
        <ul className="item-list">
          {data.current.map((c) => {
            const key = keyOf(c);
            return (
              <li key={key} className="item">
                <ConsentTitle scope={c.scope} scopeLabel={c.scopeLabel} counterpart={c.counterpart} active={c.active} activeText="Givet" />
                <p className="item-meta">
                  <span>
                    {c.active ? 'Givet' : 'Tilbagekaldt'} <InstantText at={c.since} />
                  </span>
                </p>
                {c.active && confirming !== key && (
                  <button
                    type="button"
                    className="button button-secondary"
                    ref={(el) => {
                      if (el) buttons.current.set(key, el);
                      else buttons.current.delete(key);
                    }}
                    onClick={() => {
                      setDone(null);
                      setConfirming(key);
                    }}
                  >
                    Tilbagekald<span className="visually-hidden"> samtykke: {c.scopeLabel}</span>
                  </button>
                )}
                {c.active && confirming === key && (
                  <WithdrawConsent citizenId={citizenId} consent={c} onCancel={() => cancel(key)} onDone={() => withdrawn(c)} />
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Section>
  );
}
