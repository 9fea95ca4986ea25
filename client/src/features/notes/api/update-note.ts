import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';

type NoteUpdate = components['schemas']['NoteUpdate'];

// A new type or text makes a revision; pinning does not.
export async function updateNote({ caseId, noteId, body }: { caseId: string; noteId: string; body: NoteUpdate }) {
  return unwrap(
    await api().PATCH('/api/v1/cases/{id}/notes/{noteId}', { params: { path: { id: caseId, noteId } }, body }),
  );
}

export function useUpdateNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNote,
    meta: { handlesErrors: true },
    onSuccess: (note) => queryClient.invalidateQueries({ queryKey: ['cases', note.caseId, 'notes'] }),
  });
}
