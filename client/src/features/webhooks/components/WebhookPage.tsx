import { Alert, Anchor, Badge, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EmptyState, ErrorState, LoadingState } from '@/components/ListStates';
import { Pager } from '@/components/Pager';
import { paths } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import { errorMessage } from '@/lib/forms';
import { useUrlFilters } from '@/lib/search-params';
import { useDeleteWebhook } from '../api/delete-webhook';
import { useWebhook } from '../api/get-webhook';
import { useDeliveries, type WebhookDelivery } from '../api/list-deliveries';
import type { Webhook } from '../api/list-webhooks';
import { usePingWebhook } from '../api/ping-webhook';
import { useRedeliver } from '../api/redeliver';
import { useRotateWebhookSecret } from '../api/rotate-secret';
import { useUpdateWebhook } from '../api/update-webhook';
import { SecretOnce } from './SecretOnce';
import { WebhookForm } from './WebhookForm';

const FILTER_KEYS = ['cursor'] as const;

const STATUS_COLOURS: Record<WebhookDelivery['status'], string> = { pending: 'blue', delivered: 'teal', failed: 'red' };

function Deliveries({ webhook }: { webhook: Webhook }) {
  const [filters, setFilters] = useUrlFilters(FILTER_KEYS);
  const list = useDeliveries(webhook.id, filters.cursor);
  const redeliver = useRedeliver();
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Deliveries
      </Title>
      {refused !== null && (
        <Alert color="red" title="The server refused" role="alert" withCloseButton onClose={() => setRefused(null)}>
          {refused}
        </Alert>
      )}
      {list.isPending ? (
        <LoadingState label="Loading the deliveries…" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>Nothing has been sent to this webhook yet.</EmptyState>
      ) : (
        <>
          <Table striped aria-label="Deliveries">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Event</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Attempts</Table.Th>
                <Table.Th scope="col">Last answer</Table.Th>
                <Table.Th scope="col">Last error</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Last attempt</Table.Th>
                <Table.Th scope="col">Delivered</Table.Th>
                <Table.Th scope="col">Actions</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{d.eventType}</Table.Td>
                  <Table.Td>
                    <Badge variant="outline" color={STATUS_COLOURS[d.status]} styles={{ label: { overflow: 'visible' } }}>
                      {d.status}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{d.attempts}</Table.Td>
                  <Table.Td>{d.lastStatusCode ?? '—'}</Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ wordBreak: 'break-word' }}>
                      {d.lastError ?? '—'}
                    </Text>
                  </Table.Td>
                  <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
                  <Table.Td>{formatDateTime(d.lastAttemptAt)}</Table.Td>
                  <Table.Td>{formatDateTime(d.deliveredAt)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      disabled={!webhook.active}
                      loading={redeliver.isPending && redeliver.variables.deliveryId === d.id}
                      aria-label={`Redeliver ${d.eventType} of ${formatDateTime(d.createdAt)}`}
                      onClick={() => {
                        setRefused(null);
                        redeliver.mutate(
                          { webhookId: webhook.id, deliveryId: d.id },
                          { onError: (error) => setRefused(errorMessage(error)) },
                        );
                      }}
                    >
                      Redeliver
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager cursor={filters.cursor} nextCursor={list.data.nextCursor} onChange={(cursor) => setFilters({ cursor })} />
        </>
      )}
    </Stack>
  );
}

type Dialogue = 'edit' | 'rotate' | 'delete' | null;

// One webhook: its settings, the actions on it and its delivery history.
export function WebhookPage({ id }: { id: string }) {
  const webhook = useWebhook(id);
  const update = useUpdateWebhook();
  const rotate = useRotateWebhookSecret();
  const remove = useDeleteWebhook();
  const ping = usePingWebhook();
  const navigate = useNavigate();
  const [dialogue, setDialogue] = useState<Dialogue>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const close = () => {
    setDialogue(null);
    setSecret(null);
  };
  if (webhook.isPending) return <LoadingState label="Loading the webhook…" />;
  if (webhook.isError) return <ErrorState error={webhook.error} onRetry={() => void webhook.refetch()} />;
  const w = webhook.data;
  return (
    <Stack>
      <Anchor component={Link} to={paths.webhooks} size="sm">
        ← All webhooks
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2" style={{ wordBreak: 'break-all' }}>
            {w.url}
          </Title>
          <Group gap="xs">
            <Badge variant="outline" color={w.active ? 'teal' : 'gray'}>
              {w.active ? 'Active' : 'Inactive'}
            </Badge>
            <Text size="sm">{w.events.join(', ')}</Text>
          </Group>
          {w.description !== '' && <Text size="sm">{w.description}</Text>}
          <Text size="xs" c="gray.7">
            Created {formatDateTime(w.createdAt)}, changed {formatDateTime(w.updatedAt)}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" size="xs" onClick={() => setDialogue('edit')}>
            Edit
          </Button>
          <Button variant="default" size="xs" loading={ping.isPending} onClick={() => ping.mutate(w.id)}>
            Send a test event
          </Button>
          <Button variant="default" size="xs" onClick={() => setDialogue('rotate')}>
            Rotate secret
          </Button>
          <Button color="red" variant="light" size="xs" onClick={() => setDialogue('delete')}>
            Delete
          </Button>
        </Group>
      </Group>
      {ping.isSuccess && (
        <Alert color="teal" role="status">
          A test event is on its way; it shows below as a webhook.ping delivery.
        </Alert>
      )}
      <Deliveries webhook={w} />
      <Modal opened={dialogue === 'edit'} onClose={close} title="Change the webhook" size="lg">
        {dialogue === 'edit' && (
          <WebhookForm
            initial={{ url: w.url, events: w.events, description: w.description, active: w.active }}
            withActive
            submitLabel="Save changes"
            pending={update.isPending}
            save={async (values) => {
              await update.mutateAsync({ id: w.id, body: values });
              close();
            }}
          />
        )}
      </Modal>
      <Modal opened={dialogue === 'rotate'} onClose={close} title="Rotate the signing secret" closeOnClickOutside={false}>
        {secret !== null ? (
          <SecretOnce secret={secret} onDone={close} />
        ) : (
          <Stack>
            <Text size="sm">
              Deliveries from now on are signed with a new secret, and the old one stops working at once. The receiving
              system must be given the new secret.
            </Text>
            {rotate.isError && (
              <Alert color="red" role="alert">
                {errorMessage(rotate.error)}
              </Alert>
            )}
            <Group>
              <Button
                color="red"
                loading={rotate.isPending}
                onClick={() => rotate.mutate(w.id, { onSuccess: (r) => setSecret(r.secret) })}
              >
                Rotate the secret
              </Button>
              <Button variant="default" onClick={close}>
                Keep the current secret
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <Modal opened={dialogue === 'delete'} onClose={close} title="Delete the webhook">
        <Stack>
          <Text size="sm">
            The webhook and its delivery history are removed, and deliveries not yet sent are not sent.
          </Text>
          <Group>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => remove.mutate(w.id, { onSuccess: () => navigate(paths.webhooks) })}
            >
              Delete the webhook
            </Button>
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
