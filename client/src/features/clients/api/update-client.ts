import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import { formToBody, type ClientFormValues } from './client-form';

export async function updateClient({ id, values }: { id: string; values: ClientFormValues }) {
  return unwrap(await api().PATCH('/api/v1/clients/{id}', { params: { path: { id } }, body: formToBody(values) }));
}

export function useUpdateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateClient,
    meta: { handlesErrors: true },
    onSuccess: (client) => {
      queryClient.setQueryData(['clients', 'detail', client.id], client);
      return queryClient.invalidateQueries({ queryKey: ['clients'] });
    },
  });
}
