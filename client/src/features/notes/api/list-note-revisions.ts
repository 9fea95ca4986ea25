import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

export type NoteRevision = components['schemas']['NoteRevision'];

// Every revision of a note's text, oldest first.
export const noteRevisionsQuery = (caseId: string, noteId: string) =>
  queryOptions({
    queryKey: ['cases', caseId, 'notes', noteId, 'revisions'],
    queryFn: async () =>
      unwrap(
        await api().GET('/api/v1/cases/{id}/notes/{noteId}/revisions', {
          params: { path: { id: caseId, noteId }, query: { limit: 100 } },
        }),
      ),
  });

export function useNoteRevisions(caseId: string, noteId: string) {
  return useQuery(noteRevisionsQuery(caseId, noteId));
}
