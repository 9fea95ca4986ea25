import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { humanise } from '@/lib/format';
import { applyApiErrors, errorMessage } from '@/lib/forms';
import { appointmentFields, appointmentSchema, useCreateAppointment, type AppointmentInput } from '../api/create-appointment';
import { appointmentModes, type Appointment } from '../api/get-diary';
import { localInput } from '../api/london';
import { useClientSearch } from '../api/search-clients';
import {
  appointmentEditFields,
  appointmentEditSchema,
  outcomeFields,
  outcomeSchema,
  useUpdateAppointment,
  type AppointmentEditInput,
  type OutcomeInput,
} from '../api/update-appointment';

export type AdviserChoice = { id: string; label: string };

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

// Reschedules or changes the details of a scheduled appointment, sending only what changed; a new
// time or adviser must be free in that adviser's diary (409 naming the clash otherwise).
export function EditAppointmentForm({ appointment: a, advisers, onDone }: { appointment: Appointment; advisers: AdviserChoice[]; onDone: () => void }) {
  const update = useUpdateAppointment();
  const [formError, setFormError] = useState<string | null>(null);
  const current: AppointmentEditInput = {
    start: localInput(a.startLocal),
    durationMinutes: a.durationMinutes,
    mode: a.mode,
    location: a.location,
    preparation: a.preparation,
    adviserId: a.adviserId,
  };
  const form = useForm<AppointmentEditInput>({ resolver: zodResolver(appointmentEditSchema), defaultValues: current });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    const body = Object.fromEntries(appointmentEditFields.filter((k) => values[k] !== current[k]).map((k) => [k, values[k]]));
    if (Object.keys(body).length === 0) {
      onDone();
      return;
    }
    update.mutate({ id: a.id, body }, { onSuccess: onDone, onError: (e) => setFormError(applyApiErrors(e, appointmentEditFields, form.setError)) });
  });
  const adviserOptions = advisers.some((x) => x.id === a.adviserId) ? advisers : [{ id: a.adviserId, label: 'The current adviser' }, ...advisers];
  return (
    <form onSubmit={submit} noValidate aria-label="Change the appointment">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert" title="Not changed">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Starts (London time)" type="datetime-local" required error={errors.start?.message} {...form.register('start')} />
          <TextInput label="Minutes" type="number" min={5} max={480} step={5} error={errors.durationMinutes?.message} {...form.register('durationMinutes')} />
          <NativeSelect label="How" data={appointmentModes.map((m) => ({ value: m, label: humanise(m) }))} error={errors.mode?.message} {...form.register('mode')} />
          <TextInput label="Where" error={errors.location?.message} {...form.register('location')} />
        </SimpleGrid>
        <Textarea label="Preparation" description="What to bring or do before" autosize minRows={2} error={errors.preparation?.message} {...form.register('preparation')} />
        {advisers.length > 0 && (
          <NativeSelect
            label="Adviser"
            data={adviserOptions.map((x) => ({ value: x.id, label: x.label }))}
            error={errors.adviserId?.message}
            {...form.register('adviserId')}
          />
        )}
        <Button type="submit" loading={update.isPending}>
          Save the appointment
        </Button>
      </Stack>
    </form>
  );
}

// Records what happened at an appointment: held or not attended, the outcome, and a follow-up date.
export function OutcomeForm({ appointment: a, onDone }: { appointment: Appointment; onDone: () => void }) {
  const update = useUpdateAppointment();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<OutcomeInput>({
    resolver: zodResolver(outcomeSchema),
    defaultValues: { status: a.status === 'no_show' ? 'no_show' : 'completed', outcome: a.outcome, followUpDate: a.followUpDate ?? '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    // An empty date clears one already set; with none set there is nothing to send.
    const followUpDate = values.followUpDate === '' && a.followUpDate === null ? undefined : values.followUpDate;
    update.mutate(
      { id: a.id, body: { status: values.status, outcome: values.outcome, followUpDate } },
      { onSuccess: onDone, onError: (e) => setFormError(applyApiErrors(e, outcomeFields, form.setError)) },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Record the outcome">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert" title="Not recorded">
            {formError}
          </Alert>
        )}
        <Radio.Group
          label="What happened"
          required
          value={form.watch('status')}
          onChange={(v) => form.setValue('status', v === 'no_show' ? 'no_show' : 'completed')}
          error={errors.status?.message}
        >
          <Stack gap={4} mt={4}>
            <Radio value="completed" label="The appointment took place" />
            <Radio value="no_show" label="The client did not come" />
          </Stack>
        </Radio.Group>
        <Textarea label="Outcome" description="What was done and agreed" autosize minRows={3} error={errors.outcome?.message} {...form.register('outcome')} />
        <TextInput label="Follow up on" description="Leave empty for no follow-up" type="date" error={errors.followUpDate?.message} {...form.register('followUpDate')} />
        <Button type="submit" loading={update.isPending}>
          Record the outcome
        </Button>
      </Stack>
    </form>
  );
}
