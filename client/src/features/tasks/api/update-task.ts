import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';
import { taskSchema } from './create-task';

type TaskUpdate = components['schemas']['TaskUpdate'];

// What the edit form changes; the assignee and the status have their own controls.
export const taskEditSchema = taskSchema.omit({ assigneeId: true });
export type TaskEditInput = z.infer<typeof taskEditSchema>;
export const taskEditFields = ['title', 'details', 'dueDate', 'priority'] as const;

// Changes, completes, cancels, reopens or reassigns a task: only the fields sent change.
export async function updateTask({ id, body }: { id: string; body: TaskUpdate }) {
  return unwrap(await api().PATCH('/api/v1/tasks/{id}', { params: { path: { id } }, body }));
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTask,
    meta: { handlesErrors: true },
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['tasks'] }), queryClient.invalidateQueries({ queryKey: ['dashboard'] })]),
  });
}
