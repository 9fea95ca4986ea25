import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';

export const DOCUMENTS_PAGE_SIZE = 25;

// A case's documents that are not deleted, newest first, a page at a time (keyset cursor).
export const documentsQuery = (caseId: string, cursor?: string) =>
  queryOptions({
    queryKey: ['cases', caseId, 'documents', 'list', cursor ?? null],
    queryFn: async () =>
      unwrap(
        await api().GET('/api/v1/cases/{id}/documents', {
          params: { path: { id: caseId }, query: { limit: DOCUMENTS_PAGE_SIZE, ...(cursor !== undefined ? { cursor } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
    // A document whose text is still being extracted changes on its own: look again until none is.
    refetchInterval: (query) => (query.state.data?.items.some((d) => d.extractionStatus === 'pending') === true ? 5000 : false),
  });

export function useDocuments(caseId: string, cursor?: string) {
  return useQuery(documentsQuery(caseId, cursor));
}
