import { queryOptions, useQueries } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// The client of an appointment, for its name: the appointment carries only the id.
export const appointmentClientQuery = (id: string) =>
  queryOptions({
    queryKey: ['clients', 'detail', id],
    queryFn: async () => unwrap(await api().GET('/api/v1/clients/{id}', { params: { path: { id } } })),
    staleTime: 5 * 60_000,
  });

export function useClientNames(ids: string[]): (id: string) => string {
  const unique = [...new Set(ids)];
  const results = useQueries({ queries: unique.map((id) => appointmentClientQuery(id)) });
  const names = new Map<string, string>();
  for (const r of results) if (r.data !== undefined) names.set(r.data.id, `${r.data.firstName} ${r.data.lastName}`);
  return (id) => names.get(id) ?? 'Client';
}
