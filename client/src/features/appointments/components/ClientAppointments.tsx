import { Stack, Text, Title } from '@mantine/core';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { useClientAppointments } from '../api/list-appointments';
import type { AdviserChoice } from './AppointmentForms';
import { AppointmentsTable } from './AppointmentsTable';

// Every appointment of a client, including those booked from the diary without a case.
export function ClientAppointments({
  clientId,
  centreId,
  advisers,
  adviserName,
}: {
  clientId: string;
  centreId: string | undefined;
  advisers: AdviserChoice[];
  adviserName: (id: string) => string;
}) {
  const appointments = useClientAppointments(clientId, centreId);
  return (
    <Stack component="section" aria-labelledby="client-appointments" gap="xs">
      <Title order={2} size="h4" id="client-appointments">
        Appointments
      </Title>
      <Text size="sm" c="gray.7">
        Times are London time. Book from the diary, or from a case for that case.
      </Text>
      {appointments.isPending && <LoadingState label="Loading the appointments…" />}
      {appointments.isError && <ErrorState error={appointments.error} onRetry={() => void appointments.refetch()} />}
      {appointments.isSuccess && appointments.data.items.length === 0 && <EmptyState>No appointments for this client.</EmptyState>}
      {appointments.isSuccess && appointments.data.items.length > 0 && (
        <AppointmentsTable appointments={appointments.data.items} advisers={advisers} adviserName={adviserName} />
      )}
    </Stack>
  );
}
