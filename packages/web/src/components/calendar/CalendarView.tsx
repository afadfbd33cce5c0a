import { RECURRENCE_LABELS } from '@helhed/core';
import { useState } from 'react';
import type { Calendar } from '../../clients/calendar';
import { formatInstant } from '../../format';
import { OccurrenceEditor } from './OccurrenceEditor';

type Edit = { done: (notice: string) => void; stale: () => void };

/**
 * Shared by the case page and (styled by its own CSS) the citizen portal.
 * With `edit` (the caseworker) each occurrence can be changed, and cancelled
 * times of a series stay in the list so they can be put back.
 */
export function CalendarView({ cal, you = false, edit }: { cal: Calendar; you?: boolean; edit?: Edit }) {
  const [open, setOpen] = useState<string | null>(null);
  const occurrences = cal.occurrences.filter((o) => !o.cancelled || (edit && o.recurrence));
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
            <li key={o.key} className={o.inConflict ? 'item in-conflict' : o.cancelled ? 'item cancelled' : 'item'}>
              <p className="item-title title-row">
                <span>{o.title}</span>
                {o.inConflict && <span className="badge badge-danger">Konflikt</span>}
                {o.cancelled && <span className="badge">Aflyst</span>}
                {o.moved && !o.cancelled && <span className="badge badge-primary">Flyttet</span>}
              </p>
              <p className="item-meta">
                <span>
                  <time dateTime={o.start}>{formatInstant(o.start)}</time>–<time dateTime={o.end}>{formatInstant(o.end).slice(-5)}</time>
                </span>
                <span>{o.kindLabel}</span>
                {o.recurrence && <span>{RECURRENCE_LABELS[o.recurrence.frequency]}</span>}
                {o.place.name && <span>{o.place.name}</span>}
                {o.carrier && <span>Med: {o.carrier.name}</span>}
              </p>
              {edit && (
                <>
                  <button type="button" className="button button-secondary" aria-expanded={open === o.key} onClick={() => setOpen(open === o.key ? null : o.key)}>
                    {open === o.key ? 'Luk' : 'Ret'}
                    <span className="visually-hidden">
                      {' '}
                      {o.title} {formatInstant(o.start)}
                    </span>
                  </button>
                  {open === o.key && (
                    <OccurrenceEditor
                      occurrence={o}
                      onCancel={() => setOpen(null)}
                      onStale={() => {
                        setOpen(null);
                        edit.stale();
                      }}
                      onDone={(notice) => {
                        setOpen(null);
                        edit.done(notice);
                      }}
                    />
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
