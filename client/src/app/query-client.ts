import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isClientError } from '@/lib/api/problem';

declare module '@tanstack/react-query' {
  interface Register {
    // A mutation that shows its own errors (a form next to its fields) sets handlesErrors.
    mutationMeta: { handlesErrors?: boolean };
  }
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return error.problem?.detail ?? error.message;
  return 'The server could not be reached. Check the connection and try again.';
}

// One failure policy: a 401 is the session's business (refresh once, else the sign-in prompt);
// no retries on other 4xx; a notification for failures no screen shows itself.
export function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.state.data !== undefined && !(error instanceof ApiError && error.status === 401))
          notifications.show({ color: 'red', title: 'Could not refresh', message: describe(error) });
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (mutation.meta?.handlesErrors === true) return;
        if (error instanceof ApiError && error.status === 401) return;
        notifications.show({ color: 'red', title: 'That did not work', message: describe(error) });
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !isClientError(error) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}
