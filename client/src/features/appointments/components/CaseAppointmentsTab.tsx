import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { humanise } from '@/lib/format';
import { formatDay, localDay, localTime } from '../api/london';
import { useCaseAppointments } from '../api/list-appointments';

// A case's appointments, oldest first; they are booked and moved from the diary.
export function CaseAppointmentsTab({
  caseId,
  centreId,
  adviserName,
}: {
  caseId: string;
  centreId: string | undefined;
  adviserName: (id: string) => string;
}) {
  const appointments = useCaseAppointments(caseId, centreId);
  return (
    <Stack>
      <Title order={2} size="h4">
        Appointments
      </Title>
      <Text size="sm" c="gray.7">
        Times are London time. Book, move or cancel appointments from the diary.
      </Text>
      {appointments.isPending && <LoadingState label="Loading the appointments…" />}
      {appointments.isError && <ErrorState error={appointments.error} onRetry={() => void appointments.refetch()} />}
      {appointments.isSuccess && appointments.data.items.length === 0 && <EmptyState>No appointments for this case.</EmptyState>}
      {appointments.isSuccess && appointments.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table aria-label="Appointments" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th>How</Table.Th>
                <Table.Th>Adviser</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {appointments.data.items.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{formatDay(localDay(a.startLocal))} {localDay(a.startLocal).slice(0, 4)}</Table.Td>
                  <Table.Td>
                    {localTime(a.startLocal)}–{localTime(a.endLocal)}
                  </Table.Td>
                  <Table.Td>
                    {humanise(a.mode)}
                    {a.location !== '' && `, ${a.location}`}
                  </Table.Td>
                  <Table.Td>{adviserName(a.adviserId)}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={a.status === 'scheduled' ? 'indigo' : 'gray'}>
                      {humanise(a.status)}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
