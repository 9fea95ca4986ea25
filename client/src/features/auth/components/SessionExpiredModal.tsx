import { Button, Modal, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { paths } from '@/config/paths';
import { session, type User } from '@/lib/auth/session';
import { SignInForm } from './SignInForm';

// Shown over the screen when the session ends while the page is in use: the screen underneath
// stays mounted, so what the user typed is still there once they have signed in again.
export function SessionExpiredModal({ user }: { user: User }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (
    <Modal opened onClose={() => undefined} withCloseButton={false} closeOnEscape={false} closeOnClickOutside={false} title="Your session has ended">
      <Stack>
        <Text size="sm">Sign in again to carry on where you were. Nothing on the screen has been lost.</Text>
        <SignInForm email={user.email} />
        <Button
          variant="subtle"
          onClick={() => {
            session.signedOut();
            queryClient.clear();
            navigate(paths.signIn);
          }}
        >
          Sign in as someone else
        </Button>
      </Stack>
    </Modal>
  );
}
