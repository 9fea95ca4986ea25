import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { addDays, todayInLondon } from '../api/london';
import { useCaseAppointments } from '../api/list-appointments';
import { BookingForm, type AdviserChoice } from './AppointmentForms';
import { AppointmentsTable } from './AppointmentsTable';

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
        <AppointmentsTable appointments={appointments.data.items} advisers={advisers} adviserName={adviserName} />
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
