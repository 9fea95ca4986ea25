import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ApiError } from '@/lib/api/problem';

// The form path of an API field: `lines[2].category` is `lines.2.category` in a form.
function formPath(apiField: string): string {
  return apiField.replace(/\[(\d+)\]/g, '.$1');
}

// Puts the API's field errors next to their fields; returns the message for the form as a whole
// (errors on fields the form does not have, or a problem without field errors). `fields` lists
// the form's fields, or says whether a path (e.g. `lines.2.amount`) is one of them. An error on
// an item of a list field (`childrenAges[1]`) goes to the list when the item has no field.
export function applyApiErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[] | ((path: string) => boolean),
  setError: UseFormSetError<T>,
): string | null {
  if (!(error instanceof ApiError)) return 'The server could not be reached. Check the connection and try again.';
  const has = typeof fields === 'function' ? fields : (path: string) => (fields as readonly string[]).includes(path);
  const unplaced: string[] = [];
  for (const e of error.fieldErrors) {
    const path = formPath(e.field);
    const list = path.split('.')[0] ?? path;
    const target = has(path) ? path : has(list) ? list : undefined;
    if (target !== undefined) setError(target as Path<T>, { type: 'server', message: capitalise(e.message) });
    else unplaced.push(`${e.field} ${e.message}`);
  }
  if (error.fieldErrors.length > 0 && unplaced.length === 0) return null;
  if (unplaced.length > 0) return capitalise(unplaced.join('; '));
  return error.problem?.detail ?? error.message;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// The message for a failure shown outside a form: the field errors, else the problem's detail.
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'The server could not be reached. Check the connection and try again.';
  if (error.fieldErrors.length > 0) return capitalise(error.fieldErrors.map((e) => e.message).join('; '));
  return error.problem?.detail ?? error.message;
}
