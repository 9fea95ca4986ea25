import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '@/lib/api/problem';

// Puts the API's field errors next to their fields; returns the message for the form as a whole
// (errors on fields the form does not have, or a problem without field errors).
export function applyApiErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): string | null {
  if (!(error instanceof ApiError)) return 'The server could not be reached. Check the connection and try again.';
  const unplaced: string[] = [];
  for (const e of error.fieldErrors) {
    const field = fields.find((f) => f === e.field);
    if (field !== undefined) setError(field, { type: 'server', message: capitalise(e.message) });
    else unplaced.push(`${e.field} ${e.message}`);
  }
  if (error.fieldErrors.length > 0 && unplaced.length === 0) return null;
  if (unplaced.length > 0) return capitalise(unplaced.join('; '));
  return error.problem?.detail ?? error.message;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
