import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { ErrorState, LoadingState } from '@/components/ListStates';
import { linkTo, paths } from '@/config/paths';
import { ApiError } from '@/lib/api/problem';
import { useAppointment } from '../api/get-appointment';
import { useClientNames } from '../api/get-client-name';
import { formatDay, localDay, localTime } from '../api/london';
import type { AdviserChoice } from './AppointmentForms';
import { AppointmentsTable } from './AppointmentsTable';

// One appointment on a page of its own, to link to: when, with whom, its case, and the same
// actions (outcome, move, cancel, restore) as in the diary.
export function AppointmentPage({ id, advisers, adviserName }: { id: string; advisers: AdviserChoice[]; adviserName: (id: string) => string }) {
  const appointment = useAppointment(id);
  const clientName = useClientNames(appointment.data === undefined ? [] : [appointment.data.clientId]);
  if (appointment.isPending) return <LoadingState label="Loading the appointment…" />;
  if (appointment.isError) {
    if (appointment.error instanceof ApiError && appointment.error.status === 404)
      return (
        <Stack>
          <Title order={1}>Appointment not found</Title>
          <Text>There is no such appointment, or it belongs to another centre.</Text>
          <Anchor component={Link} to={paths.diary}>
            Back to the diary
          </Anchor>
        </Stack>
      );
    return <ErrorState error={appointment.error} onRetry={() => void appointment.refetch()} />;
  }
  const a = appointment.data;
  return (
    <Stack>
      <Title order={1}>
        {clientName(a.clientId)}, {formatDay(localDay(a.startLocal))} at {localTime(a.startLocal)}
      </Title>
      <Group gap="lg">
        <Anchor component={Link} to={linkTo.client(a.clientId)}>
          Open the client
        </Anchor>
        {a.caseId !== null && (
          <Anchor component={Link} to={linkTo.case(a.caseId, 'appointments')}>
            Open its case
          </Anchor>
        )}
        <Anchor component={Link} to={`${paths.diary}?date=${localDay(a.startLocal)}`}>
          See the day in the diary
        </Anchor>
      </Group>
      <AppointmentsTable appointments={[a]} advisers={advisers} adviserName={adviserName} />
    </Stack>
  );
}
