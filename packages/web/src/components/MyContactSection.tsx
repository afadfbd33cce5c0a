import { seg } from '../api';
import type { HolisticCase } from '../types';
import { useResource } from '../useResource';
import { Section } from './Section';
import { ErrorAlert, Loading } from './Status';

/** The citizen's one entry to the municipality: the coordinating caseworker. */
export function MyContactSection({ caseId }: { caseId: string | null }) {
  const kase = useResource<HolisticCase>(caseId ? `/api/cases/${seg(caseId)}` : null);
  const c = kase.data;
  return (
    <Section title="Din kontaktperson">
      {caseId === null && <p>Du har ikke et forløb i kommunen lige nu. Kontakt kommunen, hvis du har brug for hjælp.</p>}
      {kase.loading && !c && <Loading />}
      <ErrorAlert error={kase.error} />
      {c &&
        (c.coordinator ? (
          <div className="contact-card">
            <p className="contact-name">{c.coordinator.name}</p>
            <p>{c.coordinator.title}</p>
            <p>
              Skriv til: <a href={`mailto:${c.coordinator.email}`}>{c.coordinator.email}</a>
            </p>
            <p className="contact-help">
              {c.coordinator.name.split(' ')[0]} er din faste kontaktperson og holder sammen på din plan og din hjælp fra kommunen.
              {c.coordinatingTeam && ` Er ${c.coordinator.name.split(' ')[0]} væk, kan du få hjælp fra ${c.coordinatingTeam.name}.`}
            </p>
          </div>
        ) : (
          <p>
            Du har ikke fået en fast kontaktperson endnu.
            {c.coordinatingTeam && ` Indtil da kan du få hjælp fra ${c.coordinatingTeam.name}.`}
          </p>
        ))}
    </Section>
  );
}
