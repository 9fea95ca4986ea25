import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Group, Modal, NativeSelect, PasswordInput, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import type { User } from '@/lib/auth/session';
import type { components } from '@/types/api';
import { formatDateTime } from '@/lib/format';
import { applyApiErrors } from '@/lib/forms';
import { useUrlFilters } from '@/lib/search-params';
import { createUserSchema, roles, useCreateUser, type CreateUserInput } from '../api/create-user';
import { useUsers } from '../api/list-users';
import { useSetUserStatus } from '../api/set-user-status';
import { editUserFields, editUserSchema, useUpdateUser, type EditUserInput } from '../api/update-user';

type ListedUser = components['schemas']['User'];

export type CentreOption = { id: string; label: string };

const FIELDS = ['centreId', 'email', 'firstName', 'lastName', 'role', 'password'] as const;

function CreateUserForm({ caller, centres, onDone }: { caller: User; centres: CentreOption[]; onDone: () => void }) {
  const create = useCreateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const isAdmin = caller.role === 'admin';
  const form = useForm<CreateUserInput>({
    resolver: zodResolver(createUserSchema),
    defaultValues: { centreId: caller.centreId, email: '', firstName: '', lastName: '', role: 'advisor', password: '' },
  });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) =>
    create.mutate(isAdmin ? values : { ...values, centreId: undefined }, {
      onSuccess: onDone,
      onError: (error) => setFormError(applyApiErrors(error, FIELDS, form.setError)),
    }),
  );
  const grantable = isAdmin ? roles : roles.filter((r) => r !== 'admin');
  return (
    <form onSubmit={submit} noValidate aria-label="New user">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        {isAdmin && (
          <NativeSelect
            label="Centre"
            required
            data={centres.map((c) => ({ value: c.id, label: c.label }))}
            error={errors.centreId?.message}
            {...form.register('centreId')}
          />
        )}
        <TextInput label="E-mail address" type="email" required error={errors.email?.message} {...form.register('email')} />
        <TextInput label="First name" required error={errors.firstName?.message} {...form.register('firstName')} />
        <TextInput label="Last name" required error={errors.lastName?.message} {...form.register('lastName')} />
        <NativeSelect label="Role" required data={[...grantable]} error={errors.role?.message} {...form.register('role')} />
        <PasswordInput
          label="First password"
          description="At least 12 characters; give it to the user to change."
          autoComplete="new-password"
          required
          error={errors.password?.message}
          {...form.register('password')}
        />
        <Button type="submit" loading={create.isPending}>
          Create user
        </Button>
      </Stack>
    </form>
  );
}

// Changes a user's name, e-mail address or role, sending only what changed. Managers may not grant
// admin; the API also refuses them users they may not change.
function EditUserForm({ caller, user, onDone }: { caller: User; user: ListedUser; onDone: () => void }) {
  const update = useUpdateUser();
  const [formError, setFormError] = useState<string | null>(null);
  const current: EditUserInput = { email: user.email, firstName: user.firstName, lastName: user.lastName, role: user.role };
  const form = useForm<EditUserInput>({ resolver: zodResolver(editUserSchema), defaultValues: current });
  const { errors } = form.formState;
  const submit = form.handleSubmit((values) => {
    setFormError(null);
    const body = Object.fromEntries(editUserFields.filter((k) => values[k] !== current[k]).map((k) => [k, values[k]]));
    if (Object.keys(body).length === 0) {
      onDone();
      return;
    }
    update.mutate({ id: user.id, body }, { onSuccess: onDone, onError: (error) => setFormError(applyApiErrors(error, editUserFields, form.setError)) });
  });
  const grantable = caller.role === 'admin' || user.role === 'admin' ? roles : roles.filter((r) => r !== 'admin');
  return (
    <form onSubmit={submit} noValidate aria-label="Change the user">
      <Stack>
        {formError !== null && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <TextInput label="E-mail address" type="email" required error={errors.email?.message} {...form.register('email')} />
        <TextInput label="First name" required error={errors.firstName?.message} {...form.register('firstName')} />
        <TextInput label="Last name" required error={errors.lastName?.message} {...form.register('lastName')} />
        <NativeSelect label="Role" required data={[...grantable]} error={errors.role?.message} {...form.register('role')} />
        <Button type="submit" loading={update.isPending}>
          Save the user
        </Button>
      </Stack>
    </form>
  );
}

export function UsersPage({ caller, centres }: { caller: User; centres: CentreOption[] }) {
  const [filters, setFilters] = useUrlFilters(['centreId', 'cursor'] as const);
  const users = useUsers(filters);
  const setStatus = useSetUserStatus();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ListedUser | null>(null);
  const centreName = new Map(centres.map((c) => [c.id, c.label]));
  const isAdmin = caller.role === 'admin';

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Users and roles
        </Title>
        <Button onClick={() => setCreating(true)}>New user</Button>
      </Group>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New user">
        <CreateUserForm caller={caller} centres={centres} onDone={() => setCreating(false)} />
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={`Change ${editing?.firstName ?? ''} ${editing?.lastName ?? ''}`}>
        {editing !== null && <EditUserForm caller={caller} user={editing} onDone={() => setEditing(null)} />}
      </Modal>
      {isAdmin && (
        <NativeSelect
          label="Centre"
          w={320}
          value={filters.centreId ?? ''}
          data={[{ value: '', label: 'Every centre' }, ...centres.map((c) => ({ value: c.id, label: c.label }))]}
          onChange={(e) => setFilters({ centreId: e.currentTarget.value })}
        />
      )}
      {users.isPending ? (
        <LoadingState label="Loading users…" />
      ) : users.isError ? (
        <ErrorState error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <EmptyState>No users match.</EmptyState>
      ) : (
        <>
          <Table striped highlightOnHover aria-label="Users">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">E-mail</Table.Th>
                <Table.Th scope="col">Role</Table.Th>
                <Table.Th scope="col">Centre</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Last sign-in</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    {u.firstName} {u.lastName}
                  </Table.Td>
                  <Table.Td>{u.email}</Table.Td>
                  <Table.Td>{u.role}</Table.Td>
                  <Table.Td>{centreName.get(u.centreId) ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="default">{u.status}</Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(u.lastLoginAt)}</Table.Td>
                  <Table.Td>
                    <Button size="xs" variant="default" mr={4} onClick={() => setEditing(u)} aria-label={`Change ${u.firstName} ${u.lastName}`}>
                      Change
                    </Button>
                    {u.id !== caller.id && (
                      <Button
                        size="xs"
                        variant="outline"
                        color={u.status === 'active' ? 'red' : 'indigo'}
                        loading={setStatus.isPending && setStatus.variables.id === u.id}
                        onClick={() => setStatus.mutate({ id: u.id, active: u.status !== 'active' })}
                        aria-label={`${u.status === 'active' ? 'Deactivate' : 'Reactivate'} ${u.firstName} ${u.lastName}`}
                      >
                        {u.status === 'active' ? 'Deactivate' : 'Reactivate'}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager cursor={filters.cursor} nextCursor={users.data.nextCursor} onChange={(cursor) => setFilters({ cursor })} />
        </>
      )}
    </Stack>
  );
}
