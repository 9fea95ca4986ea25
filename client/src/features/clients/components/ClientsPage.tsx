import { Anchor, Badge, Button, Group, Modal, NativeSelect, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import { linkTo } from '@/config/paths';
import { useUrlFilters } from '@/lib/search-params';
import { emptyClientForm } from '../api/client-form';
import { useCreateClient } from '../api/create-client';
import { useClients } from '../api/list-clients';
import { ClientForm } from './ClientForm';

// Clients, searched by name, reference or postcode; `centres` (admins, who see every centre's
// clients; null for others) offers a filter by centre. The filters and page are in the URL.
export function ClientsPage({ centres }: { centres: { id: string; label: string }[] | null }) {
  const [filters, setFilters] = useUrlFilters(['q', 'centreId', 'cursor'] as const);
  const clients = useClients(filters);
  const [q, setQ] = useState(filters.q ?? '');
  const [creating, setCreating] = useState(false);
  const create = useCreateClient();
  const navigate = useNavigate();
  const search = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ q: q.trim() });
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Clients
        </Title>
        <Button onClick={() => setCreating(true)}>New client</Button>
      </Group>
      <Modal opened={creating} onClose={() => setCreating(false)} title="New client" size="xl">
        <ClientForm
          defaultValues={emptyClientForm()}
          submitLabel="Create client"
          save={async (values) => {
            const client = await create.mutateAsync(values);
            setCreating(false);
            navigate(linkTo.client(client.id));
          }}
        />
      </Modal>
      <form onSubmit={search} role="search" aria-label="Search clients">
        <Group align="flex-end">
          <TextInput
            label="Name, reference or postcode"
            value={q}
            maxLength={100}
            onChange={(e) => setQ(e.currentTarget.value)}
            w={360}
          />
          <Button type="submit">Search</Button>
          {centres !== null && (
            <NativeSelect
              label="Centre"
              value={filters.centreId ?? ''}
              data={[{ value: '', label: 'Every centre' }, ...centres.map((c) => ({ value: c.id, label: c.label }))]}
              onChange={(e) => setFilters({ centreId: e.currentTarget.value })}
            />
          )}
        </Group>
      </form>
      {clients.isPending ? (
        <LoadingState label="Loading clients…" />
      ) : clients.isError ? (
        <ErrorState error={clients.error} onRetry={() => void clients.refetch()} />
      ) : clients.data.items.length === 0 ? (
        <EmptyState>{filters.q !== undefined ? `No clients match “${filters.q}”.` : filters.centreId !== undefined ? 'No clients at this centre.' : 'No clients yet.'}</EmptyState>
      ) : (
        <>
          <Table striped highlightOnHover aria-label="Clients">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Reference</Table.Th>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Town</Table.Th>
                <Table.Th scope="col">Postcode</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {clients.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>{c.reference}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={linkTo.client(c.id)}>
                      {c.firstName} {c.lastName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{c.town === '' ? '—' : c.town}</Table.Td>
                  <Table.Td>{c.postcode === '' ? '—' : c.postcode}</Table.Td>
                  <Table.Td>
                    <Badge variant="default">{c.status}</Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager cursor={filters.cursor} nextCursor={clients.data.nextCursor} onChange={(cursor) => setFilters({ cursor })} />
        </>
      )}
    </Stack>
  );
}
