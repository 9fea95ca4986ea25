import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { humanise } from '@/lib/format';
import { applyApiErrors } from '@/lib/forms';
import { taskFields, taskSchema, useCreateTask, type TaskInput } from '../api/create-task';
import { taskPriorities } from '../api/list-tasks';
import type { Assignee } from './TaskList';

// Adds a task to a case, or (`caseId` undefined) a task of the caller's centre with no case.
export function TaskForm({ caseId, assignees, onDone }: { caseId: string | undefined; assignees: Assignee[] | null; onDone: () => void }) {
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
