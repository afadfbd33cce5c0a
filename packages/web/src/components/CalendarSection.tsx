import { useRef, useState } from 'react';
import type { CalendarOccurrence } from '../clients/calendar';
import { CalendarView } from './calendar/CalendarView';
import { NewEntryForm } from './calendar/NewEntryForm';
import type { CaseSectionProps } from './case-section';
import { Section } from './Section';
import { Notice } from './Status';

const IN_CONFLICT = 'Den falder sammen med en anden aftale – se konflikterne øverst.';

/** The citizen's appointments across sectors in the coming weeks; conflicts marked and explained; a new one can be added and each can be changed. */
export function CalendarSection({ id, kase, overview, refresh }: CaseSectionProps) {
  const [notice, setNotice] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  // the appointment just added: its first time's conflict is in the answer, a later time's when the calendar is read again
  const [created, setCreated] = useState<CalendarOccurrence | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const createdInConflict = created !== null && (created.inConflict || (overview.calendar?.occurrences.some((o) => o.entryId === created.entryId && o.inConflict) ?? false));
  const done = (message: string, made: CalendarOccurrence | null = null) => {
    setNotice(message);
    setCreated(made);
    refresh();
  };
  return (
    <Section id={id} title="Kalender">
      <Notice message={notice && createdInConflict ? `${notice} ${IN_CONFLICT}` : notice} ref={noticeRef} />
      {overview.calendar ? (
        <>
          {adding ? (
            <NewEntryForm
              caseId={kase.id}
              overview={overview}
              onCancel={() => {
                setAdding(false);
                requestAnimationFrame(() => addButton.current?.focus());
              }}
              onDone={(made, message) => {
                setAdding(false);
                done(message, made);
                requestAnimationFrame(() => noticeRef.current?.focus());
              }}
            />
          ) : (
            <div className="button-row spaced">
              <button type="button" ref={addButton} className="button button-secondary" onClick={() => setAdding(true)}>
                Ny aftale
              </button>
            </div>
          )}
          <CalendarView cal={overview.calendar} edit={{ done, stale: refresh }} />
        </>
      ) : (
        <p>Kalenderen kan ikke vises.</p>
      )}
    </Section>
  );
}
