import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { CASE_ID, CLIENT_ID, makeAppointment, makeClient } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));

describe('an appointment’s page', () => {
  it('shows when and with whom, links to the client, the case and the day, and records an outcome', async () => {
    let appointment = makeAppointment({ caseId: CASE_ID });
    let patched: unknown = null;
    server.use(
      on('get', '/api/v1/appointments/{id}', () => ({ status: 200, body: appointment })),
      on('get', '/api/v1/clients/{id}', () => ({ status: 200, body: makeClient({ firstName: 'Mary', lastName: 'Jones' }) })),
      on('patch', '/api/v1/appointments/{id}', async ({ request }) => {
        patched = await request.json();
        appointment = { ...appointment, status: 'completed', outcome: 'Budget done.' };
        return { status: 200, body: appointment };
      }),
    );
    const { user } = renderApp(`/appointments/${appointment.id}`, adviser);
    expect(await screen.findByRole('heading', { name: /^Mary Jones, .* at 10:00$/, level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the client' })).toHaveAttribute('href', `/clients/${CLIENT_ID}`);
    expect(screen.getByRole('link', { name: 'Open its case' })).toHaveAttribute('href', `/cases/${CASE_ID}?tab=appointments`);
    expect(screen.getByRole('link', { name: 'See the day in the diary' })).toHaveAttribute('href', '/diary?date=2026-12-07');
    const table = screen.getByRole('table', { name: 'Appointments' });
    expect(within(table).getByText(/Interview room 2/)).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Record the outcome of Mon 7 Dec 10:00' }));
    const form = await screen.findByRole('form', { name: 'Record the outcome' });
    await user.type(within(form).getByLabelText(/^Outcome/), 'Budget done.');
    await user.click(within(form).getByRole('button', { name: 'Record the outcome' }));
    expect(await within(table).findByText('Budget done.')).toBeInTheDocument();
    expect(patched).toMatchObject({ outcome: 'Budget done.' });
  });

  it('says plainly when the appointment is not there or not the caller’s centre’s', async () => {
    server.use(on('get', '/api/v1/appointments/{id}', () => ({ status: 404, body: problem(404, '/problems/not-found', 'No such appointment.') })));
    renderApp('/appointments/01900000-0000-7000-8000-0000000000ff', adviser);
    expect(await screen.findByRole('heading', { name: 'Appointment not found' })).toBeInTheDocument();
  });
});
