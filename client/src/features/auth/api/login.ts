import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, unwrap } from '@/lib/api/client';
import { session } from '@/lib/auth/session';

export const loginSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address').email('Enter an e-mail address like name@example.org'),
  password: z.string().min(1, 'Enter your password'),
});
export type LoginInput = z.infer<typeof loginSchema>;

export async function login(input: LoginInput) {
  const signIn = unwrap(await api().POST('/api/v1/auth/login', { body: input }));
  session.signedIn(signIn);
  return signIn;
}

// After signing in again over a screen whose session had ended, that screen's data is fetched
// anew. This runs even though the sign-in prompt is gone by then.
export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    meta: { handlesErrors: true },
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
