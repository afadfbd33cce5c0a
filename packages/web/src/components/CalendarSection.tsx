import { useState } from 'react';
import { CalendarView } from './calendar/CalendarView';
import type { CaseSectionProps } from './case-section';
import { Section } from './Section';
import { Notice } from './Status';

/** The citizen's appointments across sectors in the coming weeks; conflicts marked and explained; each can be changed. */
export function CalendarSection({ id, overview, refresh }: CaseSectionProps) {
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Section id={id} title="Kalender">
      <Notice message={notice} />
      {overview.calendar ? (
        <CalendarView
          cal={overview.calendar}
          edit={{
            done: (message) => {
              setNotice(message);
              refresh();
            },
            stale: refresh,
          }}
        />
      ) : (
        <p>Kalenderen kan ikke vises.</p>
      )}
    </Section>
  );
}
