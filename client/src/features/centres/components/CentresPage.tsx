import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Checkbox, Group, Modal, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import type { User } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { applyApiErrors } from '@/lib/forms';
import { createCentreSchema, useCreateCentre, type CreateCentreInput } from '../api/create-centre';
import { useDeactivateCentre } from '../api/deactivate-centre';
import { useCentres, type Centre } from '../api/list-centres';
import { centreChanges, centreToForm, editCentreSchema, useUpdateCentre, type EditCentreInput } from '../api/update-centre';

const FIELDS = ['name', 'code', 'address', 'contactEmail', 'contactPhone'] as const;

function CreateCentreForm({ onDone }: { onDone: () => void }) {
  const create = useCreateCentre();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<CreateCentreInput>({
    resolver: zodResolver(createCentreSchema),
    defaultValues: { name: '', code: '', address: '', contactEmail: '', contactPhone: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    create.mutate(values, {
      onSuccess: onDone,
      onError: (error) => setFormError(applyApiErrors(error, FIELDS, form.setError)),
    }),
  );
  return (
    <form onSubmit={submit} noValidate aria-label="New centre">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput label="Name" required error={errors.name?.message} {...form.register('name')} />
        <TextInput
          label="Code"
          description="2 to 10 capital letters or digits; it starts every case reference"
          required
          error={errors.code?.message}
          {...form.register('code')}
        />
        <TextInput label="Address" error={errors.address?.message} {...form.register('address')} />
        <TextInput label="Contact e-mail" type="email" error={errors.contactEmail?.message} {...form.register('contactEmail')} />
        <TextInput label="Contact phone" error={errors.contactPhone?.message} {...form.register('contactPhone')} />
        <Button type="submit" loading={create.isPending}>
          Create centre
        </Button>
      </Stack>
    </form>
  );
}

// Changes a centre's details and whether its advisers' calendar feeds name clients; only what
// changed is sent.
function EditCentreForm({ centre, onDone }: { centre: Centre; onDone: () => void }) {
  const update = useUpdateCentre();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<EditCentreInput>({ resolver: zodResolver(editCentreSchema), defaultValues: centreToForm(centre) });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    const body = centreChanges(centre, values);
    if (Object.keys(body).length === 0) {
      onDone();
      return;
    }
    update.mutate({ id: centre.id, body }, { onSuccess: onDone, onError: (error) => setFormError(applyApiErrors(error, FIELDS, form.setError)) });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Change the centre">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput label="Name" required error={errors.name?.message} {...form.register('name')} />
        <TextInput label="Code" description="Changing it changes the start of new case references only" required error={errors.code?.message} {...form.register('code')} />
        <TextInput label="Address" error={errors.address?.message} {...form.register('address')} />
        <TextInput label="Contact e-mail" type="email" error={errors.contactEmail?.message} {...form.register('contactEmail')} />
        <TextInput label="Contact phone" error={errors.contactPhone?.message} {...form.register('contactPhone')} />
        <Checkbox
          label="Calendar feeds name clients and give locations"
          description="Off: advisers’ calendar apps see only that a time is booked"
          {...form.register('calendarShowsClientNames')}
        />
        <Button type="submit" loading={update.isPending}>
          Save the centre
        </Button>
      </Stack>
    </form>
  );
}

export function CentresPage({ user }: { user: User }) {
  const centres = useCentres();
  const deactivate = useDeactivateCentre();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Centre | null>(null);
  const isAdmin = user.role === 'admin';
  const items = centres.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Centres
        </Title>
        {isAdmin && <Button onClick={() => setCreating(true)}>New centre</Button>}
      </Group>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New centre">
        <CreateCentreForm onDone={() => setCreating(false)} />
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={`Change ${editing?.name ?? ''}`}>
        {editing !== null && <EditCentreForm centre={editing} onDone={() => setEditing(null)} />}
      </Modal>
      {centres.isPending ? (
        <LoadingState label="Loading centres…" />
      ) : centres.isError ? (
        <ErrorState error={centres.error} onRetry={() => void centres.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>No centres yet.</EmptyState>
      ) : (
        <Table striped highlightOnHover aria-label="Centres">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Code</Table.Th>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">Contact</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Created</Table.Th>
              {isAdmin && <Table.Th scope="col">Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.code}</Table.Td>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{[c.contactEmail, c.contactPhone].filter(Boolean).join(', ') || '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="default">{c.status}</Badge>
                </Table.Td>
                <Table.Td>{formatDateTime(c.createdAt)}</Table.Td>
                {isAdmin && (
                  <Table.Td>
                    <Button size="xs" variant="default" mr={4} onClick={() => setEditing(c)} aria-label={`Change ${c.name}`}>
                      Change
                    </Button>
                    {c.status === 'active' && c.id !== user.centreId && (
                      <Button
                        size="xs"
                        variant="outline"
                        color="red"
                        loading={deactivate.isPending && deactivate.variables === c.id}
                        onClick={() => {
                          if (window.confirm(`Deactivate ${c.name}? Its users will no longer be able to sign in.`))
                            deactivate.mutate(c.id);
                        }}
                      >
                        Deactivate
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {centres.hasNextPage && (
        <Button variant="default" onClick={() => void centres.fetchNextPage()} loading={centres.isFetchingNextPage}>
          Show more
        </Button>
      )}
    </Stack>
  );
}
