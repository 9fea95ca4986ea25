import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api, expectOk, unwrap } from '@/lib/api/client';
import { session } from '@/lib/auth/session';

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password'),
    newPassword: z.string().min(12, 'Use at least 12 characters'),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ['confirmPassword'],
    message: 'The two new passwords differ',
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

// A password change revokes every refresh token of the account, this tab's too, so the tab signs
// in again with the new password at once instead of expiring a few minutes later.
export async function changePassword(email: string, input: ChangePasswordInput): Promise<void> {
  expectOk(
    await api().POST('/api/v1/me/password', {
      body: { currentPassword: input.currentPassword, newPassword: input.newPassword },
    }),
  );
  const signIn = unwrap(await api().POST('/api/v1/auth/login', { body: { email, password: input.newPassword } }));
  session.signedIn(signIn);
}

export function useChangePassword(email: string) {
  return useMutation({
    mutationFn: (input: ChangePasswordInput) => changePassword(email, input),
    meta: { handlesErrors: true },
  });
}
