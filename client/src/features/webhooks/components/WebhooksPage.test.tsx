import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import type { components } from '@/types/api';

type Webhook = components['schemas']['Webhook'];
type Delivery = components['schemas']['WebhookDelivery'];

const HOOK_ID = '01900000-0000-7000-8000-0000000000b1';
const SECRET = 'whsec_9f8e7d6c5b4a39281706f5e4d3c2b1a0';

function webhook(overrides: Partial<Webhook> = {}): Webhook {
  return {
    id: HOOK_ID,
    centreId: '01900000-0000-7000-8000-0000000000c1',
    url: 'https://crm.example.org/hooks/cma',
    events: ['case.created'],
    description: 'Our CRM',
    active: true,
    createdBy: '01900000-0000-7000-8000-000000000001',
    createdAt: '2026-07-01T09:00:00.000000Z',
    updatedAt: '2026-07-01T09:00:00.000000Z',
    ...overrides,
  };
}

function delivery(id: string, overrides: Partial<Delivery> = {}): Delivery {
  return {
    id,
    webhookId: HOOK_ID,
    eventId: '01900000-0000-7000-8000-0000000000e9',
    eventType: 'case.created',
    payload: {},
    status: 'failed',
    attempts: 8,
    lastStatusCode: 500,
    lastError: 'the receiver answered 500',
    lastAttemptAt: '2026-07-01T09:30:00.000000Z',
    deliveredAt: null,
    createdAt: '2026-07-01T09:00:00.000000Z',
    updatedAt: '2026-07-01T09:30:00.000000Z',
    ...overrides,
  };
}

const manager = () => makeSignIn('token', makeUser({ role: 'manager' }));

describe('webhooks', () => {
  it('creates a webhook and shows its secret once', async () => {
    const sent: unknown[] = [];
    let listed: Webhook[] = [];
    server.use(
      on('get', '/api/v1/webhooks', () => ({ status: 200, body: { items: listed, nextCursor: null } })),
      on('post', '/api/v1/webhooks', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        const created = webhook({ url: String(body.url), events: ['case.created', 'appointment.scheduled'] });
        listed = [created];
        return { status: 201, body: { ...created, secret: SECRET } };
      }),
    );
    const { user } = renderApp('/admin/webhooks', manager());
    expect(await screen.findByText('No webhooks yet.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Webhooks' })).toHaveAttribute('href', '/admin/webhooks');
    await user.click(screen.getByRole('button', { name: 'New webhook' }));
    const form = await screen.findByRole('form', { name: 'Create webhook' });
    await user.type(within(form).getByLabelText(/Address/), 'https://crm.example.org/hooks/cma');
    await user.click(within(form).getByRole('checkbox', { name: 'case.created' }));
    await user.click(within(form).getByRole('checkbox', { name: 'appointment.scheduled' }));
    await user.type(within(form).getByLabelText('Description'), 'Our CRM');
    await user.click(within(form).getByRole('button', { name: 'Create webhook' }));

    expect(await screen.findByText("You won't see this secret again")).toBeInTheDocument();
    expect(screen.getByTestId('webhook-secret')).toHaveTextContent(SECRET);
    expect(screen.getByRole('button', { name: 'Copy the secret' })).toBeInTheDocument();
    expect(sent).toEqual([
      { url: 'https://crm.example.org/hooks/cma', events: ['case.created', 'appointment.scheduled'], description: 'Our CRM' },
    ]);
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    await waitFor(() => expect(screen.queryByTestId('webhook-secret')).not.toBeInTheDocument());
    const table = await screen.findByRole('table', { name: 'Webhooks' });
    expect(within(table).getByRole('link', { name: 'https://crm.example.org/hooks/cma' })).toHaveAttribute('href', `/admin/webhooks/${HOOK_ID}`);
    // Shown once: the list never carries it, and opening the form again starts empty.
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'New webhook' }));
    expect(await screen.findByRole('form', { name: 'Create webhook' })).toBeInTheDocument();
    expect(screen.queryByText(SECRET)).not.toBeInTheDocument();
  }, 20000);

  it('shows the server refusing the address on the address field', async () => {
    server.use(
      on('get', '/api/v1/webhooks', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('post', '/api/v1/webhooks', () => ({
        status: 422,
        body: problem(422, '/problems/validation', 'The request has invalid fields.', [
          { field: 'url', message: 'resolves to a private address' },
        ]),
      })),
    );
    const { user } = renderApp('/admin/webhooks', manager());
    await user.click(await screen.findByRole('button', { name: 'New webhook' }));
    const form = await screen.findByRole('form', { name: 'Create webhook' });
    await user.type(within(form).getByLabelText(/Address/), 'https://10.0.0.1/hook');
    await user.click(within(form).getByRole('checkbox', { name: 'case.created' }));
    await user.click(within(form).getByRole('button', { name: 'Create webhook' }));
    const address = within(form).getByLabelText(/Address/);
    await waitFor(() => expect(address).toHaveAccessibleDescription(/Resolves to a private address/));
    expect(address).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId('webhook-secret')).not.toBeInTheDocument();
  }, 15000);

  it('lists the deliveries in UK time and redelivers one', async () => {
    const redelivered: string[] = [];
    const D1 = '01900000-0000-7000-8000-0000000000d1';
    let items = [delivery(D1), delivery('01900000-0000-7000-8000-0000000000d2', { eventType: 'webhook.ping', status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null, deliveredAt: '2026-07-01T09:00:01.000000Z' })];
    server.use(
      on('get', '/api/v1/webhooks/{id}', () => ({ status: 200, body: webhook() })),
      on('get', '/api/v1/webhooks/{id}/deliveries', () => ({ status: 200, body: { items, nextCursor: null } })),
      on('post', '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', ({ params }) => {
        redelivered.push(String(params.deliveryId));
        const again = delivery(D1, { status: 'pending', attempts: 0, lastStatusCode: null, lastError: null });
        items = [again, ...items.slice(1)];
        return { status: 202, body: again };
      }),
    );
    const { user } = renderApp(`/admin/webhooks/${HOOK_ID}`, manager());
    const table = await screen.findByRole('table', { name: 'Deliveries' });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('failed')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('500')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('the receiver answered 500')).toBeInTheDocument();
    // 09:30 UTC in July is 10:30 in London.
    expect(within(rows[1]!).getByText(/10:30/)).toBeInTheDocument();
    expect(within(rows[2]!).getByText('delivered')).toBeInTheDocument();
    await user.click(within(rows[1]!).getByRole('button', { name: /Redeliver case.created/ }));
    await waitFor(() => expect(within(within(screen.getByRole('table', { name: 'Deliveries' })).getAllByRole('row')[1]!).getByText('pending')).toBeInTheDocument());
    expect(redelivered).toEqual([D1]);
  }, 15000);

  it('shows why a redelivery was refused', async () => {
    server.use(
      on('get', '/api/v1/webhooks/{id}', () => ({ status: 200, body: webhook() })),
      on('get', '/api/v1/webhooks/{id}/deliveries', () => ({ status: 200, body: { items: [delivery('01900000-0000-7000-8000-0000000000d1')], nextCursor: null } })),
      on('post', '/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', () => ({
        status: 409,
        body: problem(409, '/problems/conflict', 'The webhook is inactive.'),
      })),
    );
    const { user } = renderApp(`/admin/webhooks/${HOOK_ID}`, manager());
    await user.click(await screen.findByRole('button', { name: /Redeliver case.created/ }));
    expect(await screen.findByText('The webhook is inactive.')).toBeInTheDocument();
  });

  it('rotates the secret after a confirmation and shows the new one once', async () => {
    let rotated = 0;
    server.use(
      on('get', '/api/v1/webhooks/{id}', () => ({ status: 200, body: webhook() })),
      on('get', '/api/v1/webhooks/{id}/deliveries', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('post', '/api/v1/webhooks/{id}/rotate-secret', () => {
        rotated += 1;
        return { status: 200, body: { ...webhook(), secret: SECRET } };
      }),
    );
    const { user } = renderApp(`/admin/webhooks/${HOOK_ID}`, manager());
    await user.click(await screen.findByRole('button', { name: 'Rotate secret' }));
    expect(rotated).toBe(0);
    await user.click(await screen.findByRole('button', { name: 'Rotate the secret' }));
    expect(await screen.findByTestId('webhook-secret')).toHaveTextContent(SECRET);
    expect(rotated).toBe(1);
    await user.click(screen.getByRole('button', { name: 'I have copied it' }));
    await waitFor(() => expect(screen.queryByTestId('webhook-secret')).not.toBeInTheDocument());
  });

  it('is not offered to advisers', async () => {
    renderApp('/admin/webhooks', makeSignIn('token', makeUser({ role: 'advisor' })));
    expect(await screen.findByText('Only managers and admins can open this screen.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Webhooks' })).not.toBeInTheDocument();
  });
});
