/** "Hvem har set mine oplysninger": who looked at my data, when and why (newest first). */
import { useState } from 'react';
import { InstantText } from '../components/DateText';
import type { LookupList } from '../types';
import { useResource } from '../useResource';
import { usePageTitle } from '../usePageTitle';
import { BackLink, Loading, ProblemAlert } from './ui';

const FIRST = 10;

export function LookupsPage() {
  usePageTitle('Hvem har set mine oplysninger');
  const lookups = useResource<LookupList>('/api/me/lookups');
  const [all, setAll] = useState(false);
  const items = lookups.data?.items ?? [];
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <>
      <BackLink />
      <h1 tabIndex={-1}>Hvem har set mine oplysninger</h1>
      <p className="font-lead">Kommunen skriver ned, hver gang nogen ser dine oplysninger, og hvorfor. Det nyeste står øverst.</p>
      {lookups.loading && !lookups.data && <Loading />}
      <ProblemAlert error={lookups.error} />
      {lookups.data && items.length === 0 && <p>Ingen har set dine oplysninger endnu.</p>}
      {shown.length > 0 && (
        <ul className="lookup-list">
          {shown.map((l, i) => (
            <li key={`${l.at}:${i}`}>
              <p className="helptext">
                <InstantText at={l.at} time />
              </p>
              <p>
                <strong>{l.who}</strong>
              </p>
              <p>{l.action}</p>
              <p>
                <span className="weight-semibold">Hvorfor:</span> {l.purposeLabel}
              </p>
            </li>
          ))}
        </ul>
      )}
      {items.length > FIRST && (
        <button type="button" className="button button-secondary" onClick={() => setAll(!all)}>
          {all ? 'Vis kun de nyeste' : `Vis alle ${items.length} opslag`}
        </button>
      )}
    </>
  );
}
