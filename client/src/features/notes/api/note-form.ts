import { z } from 'zod';
import { noteTypes, type NoteType } from './list-notes';

export const noteSchema = z.object({
  type: z.enum(noteTypes as [NoteType, ...NoteType[]]),
  body: z.string().trim().min(1, 'Write the note').max(20000, 'Use at most 20,000 characters'),
  pinned: z.boolean(),
});
export type NoteInput = z.infer<typeof noteSchema>;
export const noteFields = ['type', 'body', 'pinned'] as const;
