import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, expectOk } from '@/lib/api/client';
import { announceSignOut } from '@/lib/auth/broadcast';
import { session } from '@/lib/auth/session';

export async function logout(): Promise<void> {
  try {
    expectOk(await api().POST('/api/v1/auth/logout', {}));
  } finally {
    session.signedOut();
    announceSignOut();
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => queryClient.clear(),
  });
}
