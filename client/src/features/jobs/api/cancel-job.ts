import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { JobState } from './list-jobs';

// The server's rule (domain/jobs): only a queued or running job may be cancelled.
export function mayCancel(state: JobState): boolean {
  return state === 'queued' || state === 'running';
}

export async function cancelJob(id: string) {
  return unwrap(await api().POST('/api/v1/jobs/{id}/cancel', { params: { path: { id } } }));
}

export function useCancelJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelJob,
    meta: { handlesErrors: true },
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
