import { Stack, Table, Text } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import { formatDateTime } from '@/lib/format';
import { useUrlFilters } from '@/lib/search-params';
import { useAudit } from '../api/list-audit';
import { Changes } from './AuditPage';

// The audit trail of one record (managers and admins: the API lists the trail to no one else).
export function EntityHistory({ entityType, entityId, label }: { entityType: string; entityId: string; label: string }) {
  const [{ historyCursor }, setFilters] = useUrlFilters(['historyCursor'] as const);
  const audit = useAudit({ entityType, entityId, cursor: historyCursor });
  if (audit.isPending) return <LoadingState label="Loading the history…" />;
  if (audit.isError) return <ErrorState error={audit.error} onRetry={() => void audit.refetch()} />;
  if (audit.data.items.length === 0) return <EmptyState>Nothing recorded yet.</EmptyState>;
  return (
    <Stack>
      <Text size="sm" c="gray.7">
        Changes to the {label} itself, newest first. Debts, budgets and offers have their own entries in the audit trail.
      </Text>
      <Table striped aria-label={`History of the ${label}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Changes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {audit.data.items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatDateTime(e.at)}</Table.Td>
              <Table.Td>{e.action}</Table.Td>
              <Table.Td>
                <Changes entry={e} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Pager cursor={historyCursor} nextCursor={audit.data.nextCursor} onChange={(c) => setFilters({ historyCursor: c })} />
    </Stack>
  );
}
