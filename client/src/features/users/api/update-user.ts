import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import type { components } from '@/types/api';
import { createUserSchema } from './create-user';

type UserUpdate = components['schemas']['UserUpdate'];

// A user's name, e-mail address and role; the centre and the password are not changed here.
export const editUserSchema = createUserSchema.pick({ email: true, firstName: true, lastName: true, role: true });
export type EditUserInput = z.infer<typeof editUserSchema>;
export const editUserFields = ['email', 'firstName', 'lastName', 'role'] as const;

export async function updateUser({ id, body }: { id: string; body: UserUpdate }) {
  return unwrap(await api().PATCH('/api/v1/users/{id}', { params: { path: { id } }, body }));
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUser,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
