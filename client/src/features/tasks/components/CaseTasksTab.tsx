import { Button, Group, Modal, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { useCaseTasks } from '../api/list-tasks';
import { TaskForm } from './TaskForm';
import { TaskTable, type Assignee } from './TaskList';

// A case's tasks. `assignees` is null when the caller's role cannot list users; then new tasks
// are the caller's and reassigning is left to a manager.
export function CaseTasksTab({
  caseId,
  centreId,
  assignees,
  assigneeName,
}: {
  caseId: string;
  centreId: string | undefined;
  assignees: Assignee[] | null;
  assigneeName: (id: string) => string;
}) {
  const tasks = useCaseTasks(caseId, centreId);
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Tasks
        </Title>
        <Button onClick={() => setAdding(true)}>Add a task</Button>
      </Group>
      {tasks.isPending && <LoadingState label="Loading the tasks…" />}
      {tasks.isError && <ErrorState error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isSuccess && tasks.data.items.length === 0 && <EmptyState>No tasks for this case yet.</EmptyState>}
      {tasks.isSuccess && tasks.data.items.length > 0 && (
        <TaskTable label="Tasks" tasks={tasks.data.items} assignees={assignees} assigneeName={assigneeName} />
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add a task" size="lg">
        <TaskForm caseId={caseId} assignees={assignees} onDone={() => setAdding(false)} />
      </Modal>
    </Stack>
  );
}
