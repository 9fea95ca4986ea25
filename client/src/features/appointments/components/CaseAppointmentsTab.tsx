import { Badge, Button, Group, Modal, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { formatDate, humanise } from '@/lib/format';
import { addDays, formatDay, localDay, localTime, todayInLondon } from '../api/london';
import { useCaseAppointments } from '../api/list-appointments';
import { AppointmentActions } from './AppointmentActions';
import { BookingForm, type AdviserChoice } from './AppointmentForms';

// A case's appointments, oldest first, each with what can be done with it in its status (change,
// record the outcome, cancel, restore), and booking one for the case's client.
export function CaseAppointmentsTab({
  caseId,
  centreId,
  client,
  advisers,
  editable,
  adviserName,
}: {
  caseId: string;
  centreId: string | undefined;
  client: { id: string; name: string };
  advisers: AdviserChoice[];
  editable: boolean;
  adviserName: (id: string) => string;
}) {
  const appointments = useCaseAppointments(caseId, centreId);
  const [booking, setBooking] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2} size="h4">
          Appointments
        </Title>
        {editable && <Button onClick={() => setBooking(true)}>Book an appointment</Button>}
      </Group>
      <Text size="sm" c="gray.7">
        Times are London time.
      </Text>
      {appointments.isPending && <LoadingState label="Loading the appointments…" />}
      {appointments.isError && <ErrorState error={appointments.error} onRetry={() => void appointments.refetch()} />}
      {appointments.isSuccess && appointments.data.items.length === 0 && <EmptyState>No appointments for this case.</EmptyState>}
      {appointments.isSuccess && appointments.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Appointments" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Day</Table.Th>
                <Table.Th>Time</Table.Th>
                <Table.Th>How</Table.Th>
                <Table.Th>Adviser</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Outcome</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
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
                  <Table.Td>
                    {a.outcome !== '' && <Text size="sm">{a.outcome}</Text>}
                    {a.followUpDate !== null && <Text size="xs">Follow up on {formatDate(a.followUpDate)}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <AppointmentActions
                      appointment={a}
                      name={`${formatDay(localDay(a.startLocal))} ${localTime(a.startLocal)}`}
                      advisers={advisers}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={booking} onClose={() => setBooking(false)} title="Book an appointment" size="lg">
        <BookingForm
          advisers={advisers}
          defaultStart={`${addDays(todayInLondon(), 1)}T10:00`}
          forCase={{ caseId, clientId: client.id, clientName: client.name }}
          onDone={() => setBooking(false)}
        />
      </Modal>
    </Stack>
  );
}
