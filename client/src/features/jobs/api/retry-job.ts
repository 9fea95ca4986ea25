import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { JobState } from './list-jobs';

// The server's rule (domain/jobs): only a dead or cancelled job may be queued again.
export function mayRetry(state: JobState): boolean {
  return state === 'dead' || state === 'cancelled';
}

export async function retryJob(id: string) {
  return unwrap(await api().POST('/api/v1/jobs/{id}/retry', { params: { path: { id } } }));
}

export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryJob,
    meta: { handlesErrors: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
