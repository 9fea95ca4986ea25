import { Anchor, Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { humanise } from '@/lib/format';
import { errorMessage } from '@/lib/forms';
import type { Appointment } from '../api/get-diary';
import { localTime } from '../api/london';
import { useUpdateAppointment } from '../api/update-appointment';
import { MoveForm } from './AppointmentForms';

export function AppointmentCard({
  appointment: a,
  clientName,
  adviserName,
  clientLink,
}: {
  appointment: Appointment;
  clientName: string;
  adviserName: string;
  clientLink: string;
}) {
  const update = useUpdateAppointment();
  const [moving, setMoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const scheduled = a.status === 'scheduled';
  const cancel = () => {
    setError(null);
    update.mutate({ id: a.id, body: { status: 'cancelled' } }, { onError: (e) => setError(errorMessage(e)) });
  };
  const when = `${localTime(a.startLocal)}–${localTime(a.endLocal)}`;
  return (
    <Card withBorder padding="xs" component="li" aria-label={`${when} ${clientName}`}>
      <Stack gap={4}>
        <Group gap="xs" justify="space-between">
          <Text size="sm" fw={700} td={a.status === 'cancelled' ? 'line-through' : undefined}>
            {when}
          </Text>
          {!scheduled && (
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
        {error !== null && (
          <Text size="xs" c="red.8" role="alert">
            {error}
          </Text>
        )}
        {scheduled && (
          <Group gap={4}>
            <Button size="compact-xs" variant="default" onClick={() => setMoving(true)} aria-label={`Move ${when} ${clientName}`}>
              Move
            </Button>
            <Button size="compact-xs" variant="outline" color="red" onClick={cancel} loading={update.isPending} aria-label={`Cancel ${when} ${clientName}`}>
              Cancel
            </Button>
          </Group>
        )}
      </Stack>
      <Modal opened={moving} onClose={() => setMoving(false)} title={`Move the appointment with ${clientName}`}>
        <MoveForm appointment={a} onDone={() => setMoving(false)} />
      </Modal>
    </Card>
  );
}
