import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { CLIENT_ID, makeAppointment, makeCentre, makeClient } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));
const clash = 'Ada Admin is already booked from 10:00 to 11:00 on 2026-12-07 (appointment 01900000-0000-7000-8000-0000000000a1).';

describe('the diary', () => {
  it('shows the week in London time, and a double booking refused with the clash named', async () => {
    let sent: unknown = null;
    server.use(
      on('get', '/api/v1/diary', () => ({ status: 200, body: { items: [makeAppointment()], nextCursor: null } })),
      on('get', '/api/v1/clients/{id}', () => ({ status: 200, body: makeClient() })),
      on('get', '/api/v1/clients', () => ({ status: 200, body: { items: [makeClient()], nextCursor: null } })),
      on('get', '/api/v1/me/calendar-feed', () => ({ status: 200, body: { active: false, createdAt: null } })),
      on('post', '/api/v1/appointments', async ({ request }) => {
        sent = await request.json();
        return { status: 409, body: problem(409, '/problems/conflict', clash) };
      }),
    );
    const { user } = renderApp('/diary?date=2026-12-09', adviser);
    expect(await screen.findByText(/^Week of Mon 7 Dec to Sun 13 Dec/)).toBeInTheDocument();
    const monday = await screen.findByRole('region', { name: 'Mon 7 Dec' });
    expect(await within(monday).findByRole('link', { name: 'Ada Smith' })).toBeInTheDocument();
    expect(within(monday).getByText('10:00–11:00')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Book an appointment' }));
    const form = await screen.findByRole('form', { name: 'Book an appointment' });
    await user.type(within(form).getByLabelText(/^Find the client/), 'smith');
    await user.click(await within(form).findByRole('radio', { name: /Ada Smith/ }));
    const start = within(form).getByLabelText(/^Starts/);
    await user.clear(start);
    await user.type(start, '2026-12-07T10:30');
    await user.click(within(form).getByRole('button', { name: 'Book' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(clash);
    expect(sent).toEqual({ clientId: CLIENT_ID, start: '2026-12-07T10:30', durationMinutes: 60, mode: 'in_person' });
  });
});

describe('the diary’s day view and centres', () => {
  it('shows one day, and lets an admin choose the centre and its adviser', async () => {
    const asked: URLSearchParams[] = [];
    const other = '01900000-0000-7000-8000-0000000000c2';
    const otherAdviser = makeUser({ id: '01900000-0000-7000-8000-000000000009', centreId: other, firstName: 'Bea', lastName: 'Brown', role: 'advisor' });
    server.use(
      on('get', '/api/v1/diary', ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return { status: 200, body: { items: [makeAppointment()], nextCursor: null } };
      }),
      on('get', '/api/v1/clients/{id}', () => ({ status: 200, body: makeClient() })),
      on('get', '/api/v1/me/calendar-feed', () => ({ status: 200, body: { active: false, createdAt: null } })),
      on('get', '/api/v1/centres', () => ({
        status: 200,
        body: {
          items: [makeCentre({}), makeCentre({ id: other, name: 'Leeds', code: 'LDS' })],
          nextCursor: null,
        },
      })),
      on('get', '/api/v1/users', ({ request }) => ({
        status: 200,
        body: { items: new URL(request.url).searchParams.get('centreId') === other ? [otherAdviser] : [], nextCursor: null },
      })),
    );
    const admin = makeSignIn('token', makeUser({ role: 'admin' }));
    const { user } = renderApp('/diary?view=day&date=2026-12-07', admin);
    expect(await screen.findByText(/^Mon 7 Dec \(London time\)/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Tue 8 Dec' })).not.toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Mon 7 Dec' })).toBeInTheDocument();
    expect(asked.at(-1)?.get('view')).toBe('day');

    await user.selectOptions(await screen.findByLabelText('Centre'), 'Leeds (LDS)');
    await user.selectOptions(await screen.findByLabelText('Whose diary'), 'Bea Brown (advisor)');
    await waitFor(() => expect(asked.at(-1)?.get('adviserId')).toBe(otherAdviser.id));
    expect(asked.at(-1)?.get('centreId')).toBe(other);
    expect(screen.queryByRole('button', { name: 'Book an appointment' })).not.toBeInTheDocument();
  });
});
