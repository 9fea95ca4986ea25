import { Code, Stack, Table, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import { formatDateTime } from '@/lib/format';
import { useUrlFilters } from '@/lib/search-params';
import { useRefusals } from '../api/list-refusals';

// The refused requests of the centre and user the audit filters name, with their own page cursor.
export function AccessRefusals({ centreId, userId, centreName }: { centreId: string | undefined; userId: string | undefined; centreName: (id: string) => string }) {
  const [{ refusalsCursor }, setFilters] = useUrlFilters(['refusalsCursor'] as const);
  const refusals = useRefusals({ centreId, userId, cursor: refusalsCursor });
  return (
    <Stack component="section" aria-labelledby="access-refusals" gap="xs">
      <Title order={2} size="h4" id="access-refusals">
        Refused requests
      </Title>
      <Text size="sm" c="gray.7">
        Each request refused for want of permission, counted per user, action and minute. These counts are not part of the hash chains.
      </Text>
      {refusals.isPending ? (
        <LoadingState label="Loading the refused requests…" />
      ) : refusals.isError ? (
        <ErrorState error={refusals.error} onRetry={() => void refusals.refetch()} />
      ) : refusals.data.items.length === 0 ? (
        <EmptyState>No refused requests.</EmptyState>
      ) : (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label="Refused requests">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Minute</Table.Th>
                  <Table.Th scope="col">Centre</Table.Th>
                  <Table.Th scope="col">User</Table.Th>
                  <Table.Th scope="col">Action</Table.Th>
                  <Table.Th scope="col">Times</Table.Th>
                  <Table.Th scope="col">Latest</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {refusals.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{formatDateTime(r.minute)}</Table.Td>
                    <Table.Td>{centreName(r.centreId)}</Table.Td>
                    <Table.Td>
                      <Code>{r.userId}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Code>{r.action}</Code> on {r.entityType}
                    </Table.Td>
                    <Table.Td>{r.count}</Table.Td>
                    <Table.Td>
                      <Text size="xs">
                        {formatDateTime(r.lastAt)} from {r.lastIp}
                        {r.lastEntityId !== null && `, about ${r.lastEntityId}`}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager cursor={refusalsCursor} nextCursor={refusals.data.nextCursor} onChange={(cursor) => setFilters({ refusalsCursor: cursor }, true)} />
        </>
      )}
    </Stack>
  );
}
