import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@/lib/api/client';
import type { NoteInput } from './note-form';

export async function createNote({ caseId, values }: { caseId: string; values: NoteInput }) {
  return unwrap(await api().POST('/api/v1/cases/{id}/notes', { params: { path: { id: caseId } }, body: values }));
}

export function useCreateNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createNote,
    meta: { handlesErrors: true },
    onSuccess: (note) => queryClient.invalidateQueries({ queryKey: ['cases', note.caseId, 'notes'] }),
  });
}
