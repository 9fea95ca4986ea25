import { Anchor, Badge, Card, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router-dom';
import { linkTo } from '@/config/paths';
import { formatDate, humanise } from '@/lib/format';
import type { Appointment } from '../api/get-diary';
import { localTime } from '../api/london';
import { AppointmentActions } from './AppointmentActions';
import type { AdviserChoice } from './AppointmentForms';

export function AppointmentCard({
  appointment: a,
  clientName,
  adviserName,
  clientLink,
  advisers,
}: {
  appointment: Appointment;
  clientName: string;
  adviserName: string;
  clientLink: string;
  advisers: AdviserChoice[];
}) {
  const when = `${localTime(a.startLocal)}–${localTime(a.endLocal)}`;
  return (
    <Card withBorder padding="xs" component="li" aria-label={`${when} ${clientName}`}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between">
          <Anchor component={Link} to={linkTo.appointment(a.id)} size="sm" fw={700} td={a.status === 'cancelled' ? 'line-through' : undefined}>
            {when}
          </Anchor>
          {a.status !== 'scheduled' && (
            <Badge size="sm" variant="outline" color="gray">
              {humanise(a.status)}
            </Badge>
          )}
        </Group>
        <Anchor component={Link} to={clientLink} size="sm">
          {clientName}
        </Anchor>
        <Text size="xs" c="gray.7">
          {humanise(a.mode)}
          {a.location !== '' && `, ${a.location}`} · {adviserName}
        </Text>
        {a.outcome !== '' && <Text size="xs">{a.outcome}</Text>}
        {a.followUpDate !== null && <Text size="xs">Follow up on {formatDate(a.followUpDate)}</Text>}
        <AppointmentActions appointment={a} name={`${when} ${clientName}`} advisers={advisers} />
      </Stack>
    </Card>
  );
}
