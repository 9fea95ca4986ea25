import { Anchor, Badge, Table } from '@mantine/core';
import { Link } from 'react-router-dom';
import { linkTo } from '@/config/paths';
import { formatDate, humanise } from '@/lib/format';
import type { Case } from '../api/list-cases';

export type AdviserOption = { id: string; label: string };

// Shades dark enough for 4.5:1 on white (orange and green are not).
const priorityColour = { urgent: 'red', high: 'red', normal: 'gray', low: 'gray' } as const;

export function adviserName(id: string | null, advisers: AdviserOption[], meId: string): string {
  if (id === null) return 'Unassigned';
  if (id === meId) return 'You';
  return advisers.find((a) => a.id === id)?.label ?? 'Another adviser';
}

export function StatusBadge({ status }: { status: Case['status'] }) {
  const active = status === 'open' || status === 'in_progress';
  return (
    <Badge variant={active ? 'light' : 'outline'} color={status === 'open' ? 'blue' : active ? 'indigo' : 'gray'}>
      {humanise(status)}
    </Badge>
  );
}

export function CasesTable({
  cases,
  advisers,
  meId,
  label,
  showClient = true,
}: {
  cases: Case[];
  advisers: AdviserOption[];
  meId: string;
  label: string;
  showClient?: boolean;
}) {
  return (
    <Table striped highlightOnHover aria-label={label}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Reference</Table.Th>
          {showClient && <Table.Th scope="col">Client</Table.Th>}
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Priority</Table.Th>
          <Table.Th scope="col">Adviser</Table.Th>
          <Table.Th scope="col">Opened</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cases.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Td>
              <Anchor component={Link} to={linkTo.case(c.id)}>
                {c.reference}
              </Anchor>
            </Table.Td>
            {showClient && (
              <Table.Td>
                <Anchor component={Link} to={linkTo.client(c.clientId)}>
                  {c.clientName}
                </Anchor>
              </Table.Td>
            )}
            <Table.Td>
              <StatusBadge status={c.status} />
            </Table.Td>
            <Table.Td>
              <Badge variant={c.priority === 'urgent' ? 'filled' : 'outline'} color={priorityColour[c.priority]}>
                {humanise(c.priority)}
              </Badge>
            </Table.Td>
            <Table.Td>{adviserName(c.adviserId, advisers, meId)}</Table.Td>
            <Table.Td>{formatDate(c.openedAt)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
