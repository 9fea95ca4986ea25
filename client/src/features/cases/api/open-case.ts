import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import { casePriorities } from './list-cases';

export const openCaseSchema = z.object({
  priority: z.enum(casePriorities),
  summary: z.string().trim().max(2000, 'Use at most 2000 characters'),
  nextReviewDate: z.string(),
});
export type OpenCaseInput = z.infer<typeof openCaseSchema>;
export const openCaseFields = ['priority', 'summary', 'nextReviewDate'] as const;

export async function openCase({ clientId, values }: { clientId: string; values: OpenCaseInput }) {
  return unwrap(await api().POST('/api/v1/cases', { body: { clientId, ...values } }));
}

export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openCase,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cases'] }),
  });
}
