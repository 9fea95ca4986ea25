import { Button, Group, Modal, Text } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '@/lib/forms';
import type { Appointment } from '../api/get-diary';
import { useUpdateAppointment, type AppointmentStatus } from '../api/update-appointment';
import { EditAppointmentForm, OutcomeForm, type AdviserChoice } from './AppointmentForms';

// What can be done with an appointment in its status: a scheduled one is changed, has its outcome
// recorded or is cancelled; a held or missed one has its outcome corrected; a cancelled one is
// restored (if its time is still free). `name` tells the buttons of one appointment apart.
export function AppointmentActions({ appointment: a, name, advisers }: { appointment: Appointment; name: string; advisers: AdviserChoice[] }) {
  const update = useUpdateAppointment();
  const [open, setOpen] = useState<'edit' | 'outcome' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const setStatus = (status: AppointmentStatus) => {
    setError(null);
    update.mutate({ id: a.id, body: { status } }, { onError: (e) => setError(errorMessage(e)) });
  };
  const close = () => setOpen(null);
  return (
    <>
      {error !== null && (
        <Text size="xs" c="red.8" role="alert">
          {error}
        </Text>
      )}
      <Group gap={4}>
        {a.status === 'scheduled' && (
          <>
            <Button size="compact-xs" variant="light" onClick={() => setOpen('outcome')} aria-label={`Record the outcome of ${name}`}>
              Outcome
            </Button>
            <Button size="compact-xs" variant="default" onClick={() => setOpen('edit')} aria-label={`Change ${name}`}>
              Change
            </Button>
            <Button size="compact-xs" variant="outline" color="red" onClick={() => setStatus('cancelled')} loading={update.isPending} aria-label={`Cancel ${name}`}>
              Cancel
            </Button>
          </>
        )}
        {(a.status === 'completed' || a.status === 'no_show') && (
          <Button size="compact-xs" variant="default" onClick={() => setOpen('outcome')} aria-label={`Correct the outcome of ${name}`}>
            Correct the outcome
          </Button>
        )}
        {a.status === 'cancelled' && (
          <Button size="compact-xs" variant="default" onClick={() => setStatus('scheduled')} loading={update.isPending} aria-label={`Restore ${name}`}>
            Restore
          </Button>
        )}
      </Group>
      <Modal opened={open === 'edit'} onClose={close} title={`Change ${name}`} size="lg">
        <EditAppointmentForm appointment={a} advisers={advisers} onDone={close} />
      </Modal>
      <Modal opened={open === 'outcome'} onClose={close} title={`The outcome of ${name}`} size="lg">
        <OutcomeForm appointment={a} onDone={close} />
      </Modal>
    </>
  );
}
