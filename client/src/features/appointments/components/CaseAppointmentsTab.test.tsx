import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { CASE_ID, CLIENT_ID, makeAppointment, makeCase } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));

describe('a case’s appointments', () => {
  it('lists them in London time and books one for the case’s client and the case', async () => {
    let sent: unknown = null;
    let items = [makeAppointment({ caseId: CASE_ID })];
    server.use(
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/appointments', () => ({ status: 200, body: { items, nextCursor: null } })),
      on('post', '/api/v1/appointments', async ({ request }) => {
        sent = await request.json();
        const booked = makeAppointment({
          id: '01900000-0000-7000-8000-0000000000a2',
          caseId: CASE_ID,
          startLocal: '2027-06-01T14:00:00+01:00',
          endLocal: '2027-06-01T14:30:00+01:00',
        });
        items = [...items, booked];
        return { status: 201, body: booked };
      }),
    );
    const { user } = renderApp(`/cases/${CASE_ID}?tab=appointments`, adviser);
    const table = await screen.findByRole('table', { name: 'Appointments' });
    expect(within(table).getByText('10:00–11:00')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Book an appointment' }));
    const form = await screen.findByRole('form', { name: 'Book an appointment' });
    expect(within(form).getByText('For Ada Smith, on this case.')).toBeInTheDocument();
    const start = within(form).getByLabelText(/^Starts/);
    await user.clear(start);
    await user.type(start, '2027-06-01T14:00');
    await user.clear(within(form).getByLabelText(/^Minutes/));
    await user.type(within(form).getByLabelText(/^Minutes/), '30');
    await user.click(within(form).getByRole('button', { name: 'Book' }));
    expect(await within(table).findByText('14:00–14:30')).toBeInTheDocument();
    expect(sent).toEqual({ clientId: CLIENT_ID, caseId: CASE_ID, start: '2027-06-01T14:00', durationMinutes: 30, mode: 'in_person' });
  });
});
