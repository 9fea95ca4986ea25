import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { CASE_ID, makeAppointment, makeCase } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import type { components } from '@/types/api';

type Appointment = components['schemas']['Appointment'];
const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));
const clash = 'Ada Admin is already booked from 14:00 to 15:00 on 2026-12-07.';

// A case with one appointment that changes as the PATCH bodies say; a move to 14:00 clashes.
function serveAppointment(first: Appointment) {
  let appointment = first;
  const sent: unknown[] = [];
  server.use(
    on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
    on('get', '/api/v1/appointments', () => ({ status: 200, body: { items: [appointment], nextCursor: null } })),
    on('patch', '/api/v1/appointments/{id}', async ({ request }) => {
      const body = (await request.json()) as components['schemas']['AppointmentUpdate'];
      sent.push(body);
      if (body.start === '2026-12-07T14:00') return { status: 409, body: problem(409, '/problems/conflict', clash) };
      const { followUpDate, ...rest } = body;
      appointment = { ...appointment, ...rest, ...(followUpDate === undefined ? {} : { followUpDate: followUpDate === '' ? null : followUpDate }) };
      return { status: 200, body: appointment };
    }),
  );
  return sent;
}

async function openTable() {
  return screen.findByRole('table', { name: 'Appointments' });
}

describe('an appointment’s actions', () => {
  it('records that the client did not come, with the outcome and a follow-up date', async () => {
    const sent = serveAppointment(makeAppointment({ caseId: CASE_ID }));
    const { user } = renderApp(`/cases/${CASE_ID}?tab=appointments`, adviser);
    const table = await openTable();
    await user.click(within(table).getByRole('button', { name: 'Record the outcome of Mon 7 Dec 10:00' }));
    const form = await screen.findByRole('form', { name: 'Record the outcome' });
    await user.click(within(form).getByRole('radio', { name: 'The client did not come' }));
    await user.type(within(form).getByLabelText(/^Outcome/), 'Phoned twice, no answer.');
    await user.type(within(form).getByLabelText(/^Follow up on/), '2026-12-14');
    await user.click(within(form).getByRole('button', { name: 'Record the outcome' }));
    expect(await within(table).findByText('No show')).toBeInTheDocument();
    expect(within(table).getByText('Phoned twice, no answer.')).toBeInTheDocument();
    expect(within(table).getByText(/^Follow up on/)).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Correct the outcome of Mon 7 Dec 10:00' })).toBeInTheDocument();
    expect(sent).toEqual([{ status: 'no_show', outcome: 'Phoned twice, no answer.', followUpDate: '2026-12-14' }]);
  });

  it('moves an appointment, showing a clash, sending only what changed', async () => {
    const sent = serveAppointment(makeAppointment({ caseId: CASE_ID }));
    const { user } = renderApp(`/cases/${CASE_ID}?tab=appointments`, adviser);
    const table = await openTable();
    await user.click(within(table).getByRole('button', { name: 'Change Mon 7 Dec 10:00' }));
    const form = await screen.findByRole('form', { name: 'Change the appointment' });
    const start = within(form).getByLabelText(/^Starts/);
    await user.clear(start);
    await user.type(start, '2026-12-07T14:00');
    await user.click(within(form).getByRole('button', { name: 'Save the appointment' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent(clash);

    await user.clear(start);
    await user.type(start, '2026-12-07T16:00');
    await user.selectOptions(within(form).getByLabelText('How'), 'phone');
    await user.click(within(form).getByRole('button', { name: 'Save the appointment' }));
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Change the appointment' })).not.toBeInTheDocument());
    expect(sent).toEqual([{ start: '2026-12-07T14:00' }, { start: '2026-12-07T16:00', mode: 'phone' }]);
  });

  it('cancels a scheduled appointment and restores it', async () => {
    const sent = serveAppointment(makeAppointment({ caseId: CASE_ID }));
    const { user } = renderApp(`/cases/${CASE_ID}?tab=appointments`, adviser);
    const table = await openTable();
    await user.click(within(table).getByRole('button', { name: 'Cancel Mon 7 Dec 10:00' }));
    await user.click(await within(table).findByRole('button', { name: 'Restore Mon 7 Dec 10:00' }));
    expect(await within(table).findByRole('button', { name: 'Cancel Mon 7 Dec 10:00' })).toBeInTheDocument();
    expect(sent).toEqual([{ status: 'cancelled' }, { status: 'scheduled' }]);
  });
});
