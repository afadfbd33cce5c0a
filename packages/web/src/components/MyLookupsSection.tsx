import { useState } from 'react';
import type { LookupList } from '../types';
import { useResource } from '../useResource';
import { InstantText } from './DateText';
import { Section } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';

const FIRST = 10;

/** "Hvem har set mine oplysninger": the citizen's right to see who looked, when and why. */
export function MyLookupsSection() {
  const lookups = useResource<LookupList>('/api/me/lookups');
  const [all, setAll] = useState(false);
  const items = lookups.data?.items ?? [];
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <Section title="Hvem har set mine oplysninger">
      <p>Kommunen skriver ned, hver gang nogen ser dine oplysninger, og hvorfor. Det nyeste står øverst.</p>
      {lookups.loading && !lookups.data && <Loading />}
      <ErrorAlert error={lookups.error} />
      {lookups.data && items.length === 0 && <Empty>Ingen har set dine oplysninger endnu.</Empty>}
      {shown.length > 0 && (
        <ul className="item-list">
          {shown.map((l, i) => (
            <li key={`${l.at}:${i}`} className="item">
              <p className="item-meta">
                <InstantText at={l.at} time />
              </p>
              <p className="item-title">{l.who}</p>
              <p className="item-text">{l.action}</p>
              <p className="item-text">
                <span className="label">Formål:</span> {l.purposeLabel}
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
    </Section>
  );
}
