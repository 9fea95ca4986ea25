import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { humanise } from '@/lib/format';
import { applyApiErrors } from '@/lib/forms';
import { taskPriorities, type Task } from '../api/list-tasks';
import { taskEditFields, taskEditSchema, useUpdateTask, type TaskEditInput } from '../api/update-task';

// Changes what a task asks for, when and how urgently; only the fields changed are sent, so an
// unchanged save records nothing.
export function TaskEditForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const update = useUpdateTask();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<TaskEditInput>({
    resolver: zodResolver(taskEditSchema),
    defaultValues: { title: task.title, details: task.details, dueDate: task.dueDate, priority: task.priority },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    const body = Object.fromEntries(taskEditFields.filter((k) => values[k] !== task[k]).map((k) => [k, values[k]]));
    if (Object.keys(body).length === 0) {
      onDone();
      return;
    }
    update.mutate({ id: task.id, body }, { onSuccess: onDone, onError: (e) => setFormError(applyApiErrors(e, taskEditFields, form.setError)) });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Edit the task">
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
        <Button type="submit" loading={update.isPending}>
          Save the task
        </Button>
      </Stack>
    </form>
  );
}
