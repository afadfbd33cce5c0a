import { useState } from 'react';
import { seg } from '../api';
import type { Items, Task } from '../types';
import { useResource } from '../useResource';
import type { CaseSectionProps } from './case-section';
import { Section } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';
import { TaskList } from './TaskList';

/** The case's open tasks by deadline (from the overview); the solved ones when asked for. */
export function CaseTasksSection({ id, kase, overview, revision }: CaseSectionProps) {
  const [showAll, setShowAll] = useState(false);
  const all = useResource<Items<Task>>(showAll ? `/api/cases/${seg(kase.id)}/tasks` : null, undefined, revision);
  const closed = (all.data?.items ?? []).filter((t) => t.status !== 'open');
  return (
    <Section id={id} title="Opgaver">
      {overview.openTasks.length === 0 ? <Empty>Der er ingen åbne opgaver i sagen.</Empty> : <TaskList tasks={overview.openTasks} />}
      <button type="button" className="button button-secondary" aria-expanded={showAll} onClick={() => setShowAll((s) => !s)}>
        {showAll ? 'Skjul løste opgaver' : 'Vis løste opgaver'}
      </button>
      {showAll && (
        <>
          <h3>Løste og annullerede opgaver</h3>
          {all.loading && !all.data && <Loading what="Henter opgaverne" />}
          <ErrorAlert error={all.error} />
          {all.data && (closed.length === 0 ? <Empty>Ingen løste opgaver.</Empty> : <TaskList tasks={closed} />)}
        </>
      )}
    </Section>
  );
}
