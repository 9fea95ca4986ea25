import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { formToBody, type ClientFormValues } from './client-form';

export async function createClient(values: ClientFormValues) {
  return unwrap(await api().POST('/api/v1/clients', { body: formToBody(values) }));
}

export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createClient,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['clients'] }),
  });
}
