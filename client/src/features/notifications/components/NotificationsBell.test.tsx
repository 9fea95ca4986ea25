import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import type { components } from '@/types/api';

type Notification = components['schemas']['Notification'];

function notification(id: string, overrides: Partial<Notification> = {}): Notification {
  return {
    id,
    kind: 'appointment.reminder',
    title: 'Appointment tomorrow at 10:00',
    body: 'Interview room 2',
    appointmentId: '01900000-0000-7000-8000-0000000000a1',
    createdAt: '2026-07-01T09:00:00.000000Z',
    readAt: null,
    emailed: true,
    ...overrides,
  };
}

const READ_AT = '2026-07-01T12:00:00.000000Z';

// The server's notifications as a store the handlers read and change, so the screen shows what
// the API answers after each change.
function serveNotifications(initial: Notification[]) {
  let items = initial;
  const asked: URLSearchParams[] = [];
  const calls = { readAll: 0, read: [] as string[] };
  server.use(
    on('get', '/api/v1/me/notifications', ({ request }) => {
      const params = new URL(request.url).searchParams;
      asked.push(params);
      const shown = params.get('unread') === 'true' ? items.filter((n) => n.readAt === null) : items;
      return { status: 200, body: { items: shown, nextCursor: null, unreadCount: items.filter((n) => n.readAt === null).length } };
    }),
    on('post', '/api/v1/me/notifications/read-all', () => {
      calls.readAll += 1;
      const marked = items.filter((n) => n.readAt === null).length;
      items = items.map((n) => ({ ...n, readAt: n.readAt ?? READ_AT }));
      return { status: 200, body: { marked, unreadCount: 0 } };
    }),
    on('post', '/api/v1/me/notifications/{id}/read', ({ params }) => {
      const id = String(params.id);
      calls.read.push(id);
      items = items.map((n) => (n.id === id ? { ...n, readAt: n.readAt ?? READ_AT } : n));
      const found = items.find((n) => n.id === id) ?? notification(id);
      return { status: 200, body: found };
    }),
  );
  return { asked, calls };
}

const A = '01900000-0000-7000-8000-00000000e0a1';
const B = '01900000-0000-7000-8000-00000000e0a2';
const C = '01900000-0000-7000-8000-00000000e0a3';

describe('notifications bell', () => {
  it('shows the unread count and marks all read', async () => {
    const { calls } = serveNotifications([
      notification(A),
      notification(B, { title: 'Appointment on Friday' }),
      notification(C, { title: 'Old one', readAt: READ_AT }),
    ]);
    const { user } = renderApp('/notifications', makeSignIn('token', makeUser({ role: 'advisor' })));
    const bell = await screen.findByRole('button', { name: 'Notifications, 2 unread' });
    await user.click(bell);
    const region = await screen.findByRole('region', { name: 'Latest notifications' });
    expect(within(region).getByText('2 unread')).toBeInTheDocument();
    expect(within(region).getByText('Appointment on Friday')).toBeInTheDocument();
    await user.click(within(region).getByRole('button', { name: 'Mark all read' }));
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();
    expect(calls.readAll).toBe(1);
  });

  it('marks one read when its appointment is opened from the bell', async () => {
    const { calls } = serveNotifications([notification(A)]);
    server.use(
      on('get', '/api/v1/appointments/{id}', () => ({ status: 404, body: problem(404, '/problems/not-found', 'No such appointment.') })),
    );
    const { user } = renderApp('/notifications', makeSignIn('token', makeUser({ role: 'advisor' })));
    await user.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
    const region = await screen.findByRole('region', { name: 'Latest notifications' });
    await user.click(within(region).getByRole('link', { name: 'Open the appointment' }));
    await waitFor(() => expect(calls.read).toEqual([A]));
    expect(await screen.findByRole('button', { name: 'Notifications, none unread' })).toBeInTheDocument();
  });

  it('keeps "unread only" in the address and asks the API for unread ones', async () => {
    const { asked } = serveNotifications([notification(A), notification(C, { title: 'Old one', readAt: READ_AT })]);
    const { user } = renderApp('/notifications', makeSignIn('token', makeUser({ role: 'advisor' })));
    const list = await screen.findByRole('list', { name: 'Notifications' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    await user.click(screen.getByRole('checkbox', { name: 'Unread only' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Notifications' })).getAllByRole('listitem')).toHaveLength(1));
    expect(asked.some((p) => p.get('unread') === 'true')).toBe(true);
  });
});
