import { Stack, Text, Title } from '@mantine/core';
import type { User } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';

export function HomePage({ user }: { user: User }) {
  return (
    <Stack>
      <Title order={1} size="h2">
        Hello, {user.firstName}
      </Title>
      <Text>
        You are signed in as {user.email} ({user.role}). Last sign-in before this one: {formatDateTime(user.lastLoginAt)}.
      </Text>
    </Stack>
  );
}
