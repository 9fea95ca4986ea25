import { Alert, Button, Center, Loader, Text } from '@mantine/core';
import { ApiError } from '@/lib/api/problem';

export function LoadingState({ label }: { label: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" mr="sm" aria-hidden />
      <Text>{label}</Text>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message =
    error instanceof ApiError ? (error.problem?.detail ?? error.message) : 'The server could not be reached.';
  return (
    <Alert color="red" title="This could not be loaded" role="alert">
      <Text size="sm">{message}</Text>
      {onRetry !== undefined && (
        <Button mt="sm" size="xs" variant="light" color="red" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Alert>
  );
}

export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <Text c="gray.7" py="lg" ta="center">
      {children}
    </Text>
  );
}
