import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';

export const roles = ['admin', 'manager', 'advisor', 'trainee'] as const;

export const createUserSchema = z.object({
  centreId: z.string().optional(),
  email: z.string().trim().email('Enter an e-mail address like name@example.org'),
  firstName: z.string().trim().min(1, 'Enter a first name').max(100),
  lastName: z.string().trim().min(1, 'Enter a last name').max(100),
  role: z.enum(roles, { message: 'Choose a role' }),
  password: z.string().min(12, 'Use at least 12 characters'),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export async function createUser(input: CreateUserInput) {
  return unwrap(
    await api().POST('/api/v1/users', {
      body: { ...input, centreId: input.centreId === undefined || input.centreId === '' ? null : input.centreId },
    }),
  );
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
}
