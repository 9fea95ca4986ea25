import { Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import { linkTo } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { useUrlFilters } from '@/lib/search-params';
import { useCreateWebhook } from '../api/create-webhook';
import { useWebhooks } from '../api/list-webhooks';
import { SecretOnce } from './SecretOnce';
import { WebhookForm } from './WebhookForm';

const FILTER_KEYS = ['cursor'] as const;

function CreateWebhook({ onClose }: { onClose: () => void }) {
  const create = useCreateWebhook();
  const [secret, setSecret] = useState<string | null>(null);
  if (secret !== null) return <SecretOnce secret={secret} onDone={onClose} />;
  return (
    <WebhookForm
      initial={{ url: '', events: [], description: '', active: true }}
      withActive={false}
      submitLabel="Create webhook"
      pending={create.isPending}
      save={async (values) => {
        const created = await create.mutateAsync(values);
        setSecret(created.secret);
      }}
    />
  );
}

// The centre's webhooks (every centre's for admins): where events are sent, and a new one.
export function WebhooksPage() {
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const list = useWebhooks(filters.cursor);
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1} size="h2">
          Webhooks
        </Title>
        <Button onClick={() => setCreating(true)}>New webhook</Button>
      </Group>
      <Text size="sm" c="gray.7">
        Each webhook receives the events it subscribes to, signed with its own secret, and retried when the receiver
        does not answer.
      </Text>
      {list.isPending ? (
        <LoadingState label="Loading the webhooks…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>No webhooks yet.</EmptyState>
      ) : (
        <>
          <Table striped aria-label="Webhooks">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Address</Table.Th>
                <Table.Th scope="col">Events</Table.Th>
                <Table.Th scope="col">Description</Table.Th>
                <Table.Th scope="col">State</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((w) => (
                <Table.Tr key={w.id}>
                  <Table.Td style={{ wordBreak: 'break-all' }}>
                    <Anchor component={Link} to={linkTo.webhook(w.id)}>
                      {w.url}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{w.events.join(', ')}</Table.Td>
                  <Table.Td>{w.description === '' ? '—' : w.description}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={w.active ? 'teal' : 'gray'}>
                      {w.active ? 'Active' : 'Inactive'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{formatDateTime(w.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager cursor={filters.cursor} nextCursor={list.data.nextCursor} onChange={(cursor) => setFilters({ cursor })} />
        </>
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title="New webhook" size="lg" closeOnClickOutside={false}>
        {creating && <CreateWebhook onClose={() => setCreating(false)} />}
      </Modal>
    </Stack>
  );
}
