import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type Note = components['schemas']['Note'];
export type NoteType = components['schemas']['NoteType'];
export const noteTypes: readonly NoteType[] = ['call', 'meeting', 'letter', 'email', 'internal'];

// Only notes of one type, and only pinned ones.
export type NoteFilters = { type?: NoteType | undefined; pinnedOnly?: boolean | undefined };

// Pinned notes first, then the rest, each newest first: the API's own order.
export const notesQuery = (caseId: string, filters: NoteFilters = {}) =>
  queryOptions({
    queryKey: ['cases', caseId, 'notes', 'list', filters.type ?? null, filters.pinnedOnly === true],
    queryFn: async () =>
      unwrap(
        await api().GET('/api/v1/cases/{id}/notes', {
          params: { path: { id: caseId }, query: { limit: 100, type: filters.type, pinned: filters.pinnedOnly === true ? 'true' : undefined } },
        }),
      ),
    placeholderData: keepPreviousData,
  });

export function useNotes(caseId: string, filters: NoteFilters = {}) {
  return useQuery(notesQuery(caseId, filters));
}
