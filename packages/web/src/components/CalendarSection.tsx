import type { Calendar } from '../clients/calendar';
import { formatInstant } from '../format';
import type { CaseSectionProps } from './case-section';
import { Section } from './Section';

/** The citizen's appointments across sectors in the coming weeks; conflicts marked and explained. */
export function CalendarSection({ id, overview }: CaseSectionProps) {
  return (
    <Section id={id} title="Kalender">
      {overview.calendar ? <CalendarView cal={overview.calendar} /> : <p>Kalenderen kan ikke vises.</p>}
    </Section>
  );
}

/** Shared by the case page and (styled by its own CSS) the citizen portal. */
export function CalendarView({ cal, you = false }: { cal: Calendar; you?: boolean }) {
  const occurrences = cal.occurrences.filter((o) => !o.cancelled);
  return (
    <>
      {cal.conflicts.length > 0 && (
        <div className="alert alert-warn conflicts" role="note" aria-label="Konflikter i kalenderen">
          <p>
            <strong>{cal.conflicts.length === 1 ? '1 konflikt' : `${cal.conflicts.length} konflikter`} i kalenderen</strong>
          </p>
          <ul>
            {cal.conflicts.map((c) => (
              <li key={`${c.kind}-${c.occurrenceKeys.join('-')}`}>
                {c.label}: {c.detail}
              </li>
            ))}
          </ul>
        </div>
      )}
      {occurrences.length === 0 ? (
        <p>{you ? 'Du har ingen aftaler de næste uger.' : 'Ingen aftaler i perioden.'}</p>
      ) : (
        <ul className="item-list calendar-list">
          {occurrences.map((o) => (
            <li key={o.key} className={o.inConflict ? 'item in-conflict' : 'item'}>
              <p className="item-title title-row">
                <span>{o.title}</span>
                {o.inConflict && <span className="badge badge-danger">Konflikt</span>}
              </p>
              <p className="item-meta">
                <span>
                  <time dateTime={o.start}>{formatInstant(o.start)}</time>–<time dateTime={o.end}>{formatInstant(o.end).slice(-5)}</time>
                </span>
                <span>{o.kindLabel}</span>
                {o.place.name && <span>{o.place.name}</span>}
                {o.carrier && <span>Med: {o.carrier.name}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
