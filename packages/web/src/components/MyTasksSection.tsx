import type { Items, Task } from '../types';
import { useResource } from '../useResource';
import { Section } from './Section';
import { Empty, ErrorAlert, Loading } from './Status';
import { TaskList } from './TaskList';

/** "Mine opgaver": my open tasks, earliest deadline first. */
export function MyTasksSection({ citizenByCase }: { citizenByCase: Map<string, string> }) {
  const tasks = useResource<Items<Task>>('/api/tasks');
  return (
    <Section title="Mine opgaver">
      {tasks.loading && <Loading />}
      <ErrorAlert error={tasks.error} />
      {tasks.data && tasks.data.items.length === 0 && <Empty>Du har ingen åbne opgaver.</Empty>}
      {tasks.data && tasks.data.items.length > 0 && <TaskList tasks={tasks.data.items} citizenByCase={citizenByCase} />}
    </Section>
  );
}
