import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { humanise } from '@/lib/format';
import { applyApiErrors, errorMessage } from '@/lib/forms';
import { appointmentFields, appointmentSchema, useCreateAppointment, type AppointmentInput } from '../api/create-appointment';
import { appointmentModes, type Appointment } from '../api/get-diary';
import { localInput } from '../api/london';
import { useClientSearch } from '../api/search-clients';
import { useUpdateAppointment } from '../api/update-appointment';

export type AdviserChoice = { id: string; label: string };

// The API refuses a double booking with 409 and names the clash in its detail.
function refusal(error: unknown): string {
  return errorMessage(error);
}

function ClientPicker({ value, onChange, error }: { value: string; onChange: (id: string) => void; error: string | undefined }) {
  const [q, setQ] = useState('');
  const clients = useClientSearch(q);
  return (
    <Stack gap="xs">
      <TextInput
        label="Find the client"
        description="Name, reference or postcode (at least 2 characters)"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        error={error}
      />
      {clients.isFetching && <Text size="sm">Searching…</Text>}
      {clients.isError && (
        <Text size="sm" c="red.8">
          {errorMessage(clients.error)}
        </Text>
      )}
      {clients.isSuccess && q.trim().length >= 2 && (
        clients.data.items.length === 0 ? (
          <Text size="sm" c="gray.7">
            No client matches.
          </Text>
        ) : (
          <Radio.Group label="Client" required value={value} onChange={onChange}>
            <Stack gap={4} mt={4}>
              {clients.data.items.map((c) => (
                <Radio key={c.id} value={c.id} label={`${c.firstName} ${c.lastName} (${c.reference}, ${c.postcode})`} />
              ))}
            </Stack>
          </Radio.Group>
        )
      )}
    </Stack>
  );
}

// Books for a client found by search, or (from a case) for the case's client and the case.
export function BookingForm({
  advisers,
  defaultStart,
  forCase,
  onDone,
}: {
  advisers: AdviserChoice[];
  defaultStart: string;
  forCase?: { caseId: string; clientId: string; clientName: string };
  onDone: () => void;
}) {
  const create = useCreateAppointment();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<AppointmentInput>({
    resolver: zodResolver(appointmentSchema),
    defaultValues: {
      clientId: forCase?.clientId ?? '',
      caseId: forCase?.caseId ?? '',
      start: defaultStart,
      durationMinutes: 60,
      mode: 'in_person',
      location: '',
      adviserId: '',
    },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    create.mutate(values, {
      onSuccess: onDone,
      onError: (e) => setFormError(applyApiErrors(e, appointmentFields, form.setError)),
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Book an appointment">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert" title="Not booked">
            {formError}
          </Alert>
        )}
        {forCase === undefined ? (
          <ClientPicker
            value={form.watch('clientId')}
            onChange={(id) => form.setValue('clientId', id, { shouldValidate: form.formState.isSubmitted })}
            error={errors.clientId?.message}
          />
        ) : (
          <Text size="sm">For {forCase.clientName}, on this case.</Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Starts (London time)" type="datetime-local" required error={errors.start?.message} {...form.register('start')} />
          <TextInput label="Minutes" type="number" min={5} max={480} step={5} error={errors.durationMinutes?.message} {...form.register('durationMinutes')} />
          <NativeSelect label="How" data={appointmentModes.map((m) => ({ value: m, label: humanise(m) }))} error={errors.mode?.message} {...form.register('mode')} />
          <TextInput label="Where" error={errors.location?.message} {...form.register('location')} />
        </SimpleGrid>
        {advisers.length > 0 && (
          <NativeSelect
            label="Adviser"
            data={[{ value: '', label: 'Me' }, ...advisers.map((a) => ({ value: a.id, label: a.label }))]}
            error={errors.adviserId?.message}
            {...form.register('adviserId')}
          />
        )}
        <Button type="submit" loading={create.isPending}>
          Book
        </Button>
      </Stack>
    </form>
  );
}

export function MoveForm({ appointment, onDone }: { appointment: Appointment; onDone: () => void }) {
  const update = useUpdateAppointment();
  const [start, setStart] = useState(localInput(appointment.startLocal));
  const [minutes, setMinutes] = useState(String(appointment.durationMinutes));
  const [error, setError] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    update.mutate(
      { id: appointment.id, body: { start, durationMinutes: Number(minutes) } },
      { onSuccess: onDone, onError: (err) => setError(refusal(err)) },
    );
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Move the appointment">
      <Stack>
        {error !== null && (
          <Alert color="red" role="alert" title="Not moved">
            {error}
          </Alert>
        )}
        <SimpleGrid cols={2}>
          <TextInput label="Starts (London time)" type="datetime-local" required value={start} onChange={(e) => setStart(e.currentTarget.value)} />
          <TextInput label="Minutes" type="number" min={5} max={480} step={5} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} />
        </SimpleGrid>
        <Button type="submit" loading={update.isPending}>
          Move
        </Button>
      </Stack>
    </form>
  );
}
