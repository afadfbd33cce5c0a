import { seg } from '../api';
import type { Items, Task } from '../types';
import { useResource } from '../useResource';
import { Section } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';
import { TaskList } from './TaskList';

/** The case's tasks: open ones first by deadline, then solved ones. */
export function CaseTasksSection({ id, caseId }: { id: string; caseId: string }) {
  const tasks = useResource<Items<Task>>(`/api/cases/${seg(caseId)}/tasks`);
  return (
    <Section id={id} title="Opgaver">
      {tasks.loading && !tasks.data && <Loading />}
      <ErrorAlert error={tasks.error} />
      {tasks.data && tasks.data.items.length === 0 && <Empty>Der er ingen opgaver i sagen.</Empty>}
      {tasks.data && tasks.data.items.length > 0 && <TaskList tasks={tasks.data.items} />}
    </Section>
  );
}
