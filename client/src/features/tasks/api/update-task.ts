import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

type TaskUpdate = components['schemas']['TaskUpdate'];

// Completes, reopens or reassigns a task: only the fields sent change.
export async function updateTask({ id, body }: { id: string; body: TaskUpdate }) {
  return unwrap(await api().PATCH('/api/v1/tasks/{id}', { params: { path: { id } }, body }));
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTask,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });
}
