import { Card, Stack, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { useCases } from '../api/list-cases';
import { CasesTable, type AdviserOption } from './CasesTable';

// A client's cases. The list has no client filter, so it searches by the client's reference and
// keeps only this client's cases.
export function ClientCases({
  client,
  advisers,
  meId,
}: {
  client: { id: string; reference: string };
  advisers: AdviserOption[];
  meId: string;
}) {
  const cases = useCases({ q: client.reference }, 100);
  const mine = cases.data?.items.filter((c) => c.clientId === client.id) ?? [];
  return (
    <Card withBorder component="section" aria-labelledby="client-cases">
      <Stack>
        <Title order={2} size="h4" id="client-cases">
          Cases
        </Title>
        {cases.isPending ? (
          <LoadingState label="Loading the client’s cases…" />
        ) : cases.isError ? (
          <ErrorState error={cases.error} onRetry={() => void cases.refetch()} />
        ) : mine.length === 0 ? (
          <EmptyState>No cases for this client yet.</EmptyState>
        ) : (
          <>
            <CasesTable cases={mine} advisers={advisers} meId={meId} label="The client’s cases" showClient={false} />
            {cases.data.nextCursor !== null && <Text size="sm">Showing the first 100 cases; search the cases list for more.</Text>}
          </>
        )}
      </Stack>
    </Card>
  );
}
