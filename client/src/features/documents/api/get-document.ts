import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

// While the current version's text is being extracted, the document is read again this often.
export const EXTRACTION_POLL_MS = 3000;

// A document with every version, oldest first, and the current version's extracted text.
export const documentQuery = (id: string) =>
  queryOptions({
    queryKey: ['documents', id],
    queryFn: async () => unwrap(await api().GET('/api/v1/documents/{id}', { params: { path: { id } } })),
    refetchInterval: (query) => (query.state.data?.extractionStatus === 'pending' ? EXTRACTION_POLL_MS : false),
  });

export function useDocument(id: string) {
  return useQuery(documentQuery(id));
}
