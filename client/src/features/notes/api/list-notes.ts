import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Note = components['schemas']['Note'];
export type NoteType = components['schemas']['NoteType'];
export const noteTypes: readonly NoteType[] = ['call', 'meeting', 'letter', 'email', 'internal'];

// Pinned notes first, then the rest, each newest first: the API's own order.
export const notesQuery = (caseId: string) =>
  queryOptions({
    queryKey: ['cases', caseId, 'notes', 'list'],
    queryFn: async () =>
      unwrap(await api().GET('/api/v1/cases/{id}/notes', { params: { path: { id: caseId }, query: { limit: 100 } } })),
  });

export function useNotes(caseId: string) {
  return useQuery(notesQuery(caseId));
}
