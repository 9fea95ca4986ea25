import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// The answer carries the new secret, shown this once; the old one stops at once.
export async function rotateWebhookSecret(id: string) {
  return unwrap(await api().POST('/api/v1/webhooks/{id}/rotate-secret', { params: { path: { id } } }));
}

export function useRotateWebhookSecret() {
  return useMutation({ mutationFn: rotateWebhookSecret });
}
