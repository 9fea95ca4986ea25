import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { humanise } from '@/lib/format';
import { applyApiErrors } from '@/lib/forms';
import { taskFields, taskSchema, useCreateTask, type TaskInput } from '../api/create-task';
import { taskPriorities, useCaseTasks } from '../api/list-tasks';
import { TaskTable, type Assignee } from './TaskList';

function TaskForm({ caseId, assignees, onDone }: { caseId: string; assignees: Assignee[] | null; onDone: () => void }) {
  const create = useCreateTask();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TaskInput>({
    resolver: zodResolver(taskSchema),
    defaultValues: { title: '', details: '', dueDate: '', priority: 'normal', assigneeId: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate({ caseId, values }, { onSuccess: onDone, onError: (e) => setFormError(applyApiErrors(e, taskFields, form.setError)) });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Add a task">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput label="Task" required error={errors.title?.message} {...form.register('title')} />
        <Textarea label="Details" autosize minRows={2} error={errors.details?.message} {...form.register('details')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Due" type="date" required error={errors.dueDate?.message} {...form.register('dueDate')} />
          <NativeSelect
            label="Priority"
            data={taskPriorities.map((p) => ({ value: p, label: humanise(p) }))}
            error={errors.priority?.message}
            {...form.register('priority')}
          />
        </SimpleGrid>
        {assignees !== null && (
          <NativeSelect
            label="Assign to"
            data={[{ value: '', label: 'Me' }, ...assignees.map((a) => ({ value: a.id, label: a.label }))]}
            error={errors.assigneeId?.message}
            {...form.register('assigneeId')}
          />
        )}
        <Button type="submit" loading={create.isPending}>
          Add task
        </Button>
      </Stack>
    </form>
  );
}

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
