import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import { taskPriorities, type TaskPriority } from './list-tasks';

export const taskSchema = z.object({
  title: z.string().trim().min(1, 'Enter what is to be done').max(200, 'Use at most 200 characters'),
  details: z.string().trim().max(5000, 'Use at most 5000 characters'),
  dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date it is due'),
  priority: z.enum(taskPriorities as [TaskPriority, ...TaskPriority[]]),
  assigneeId: z.string(),
});
export type TaskInput = z.infer<typeof taskSchema>;
export const taskFields = ['title', 'details', 'dueDate', 'priority', 'assigneeId'] as const;

// With a case the task is the case's; without, the caller's centre's.
export async function createTask({ caseId, values }: { caseId: string | undefined; values: TaskInput }) {
  return unwrap(
    await api().POST('/api/v1/tasks', {
      body: {
        caseId,
        title: values.title,
        details: values.details === '' ? undefined : values.details,
        dueDate: values.dueDate,
        priority: values.priority,
        assigneeId: values.assigneeId === '' ? undefined : values.assigneeId,
      },
    }),
  );
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTask,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });
}
