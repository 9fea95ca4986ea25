import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { asCase, CLIENT_ID, makeAppointment, makeCase, makeClient } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));

describe('the client page', () => {
  beforeEach(() => {
    server.use(on('get', '/api/v1/appointments', () => ({ status: 200, body: { items: [], nextCursor: null } })));
  });

  it('lists the client’s appointments, those booked without a case too, with their actions', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      on('get', '/api/v1/clients/{id}', () => ({ status: 200, body: makeClient() })),
      on('get', '/api/v1/cases', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/appointments', ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return { status: 200, body: { items: [makeAppointment({ outcome: 'Budget drafted.' })], nextCursor: null } };
      }),
    );
    renderApp(`/clients/${CLIENT_ID}`, adviser);
    const section = await screen.findByRole('region', { name: 'Appointments' });
    const table = await within(section).findByRole('table', { name: 'Appointments' });
    expect(within(table).getByText('Budget drafted.')).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Record the outcome of Mon 7 Dec 10:00' })).toBeInTheDocument();
    expect(asked[0]?.get('clientId')).toBe(CLIENT_ID);
  });

  it('shows vulnerabilities only with consent, and the client’s cases', async () => {
    const c = asCase(makeCase());
    server.use(
      on('get', '/api/v1/clients/{id}', () => ({
        status: 200,
        body: makeClient({ vulnerabilityConsent: false, vulnerabilityFlags: [] }),
      })),
      on('get', '/api/v1/cases', ({ request }) => {
        expect(new URL(request.url).searchParams.get('q')).toBe('MAN-C-00042');
        return { status: 200, body: { items: [c, { ...c, id: 'other', clientId: 'someone-else', reference: 'MAN-2026-00099' }], nextCursor: null } };
      }),
    );
    renderApp(`/clients/${CLIENT_ID}`, adviser);
    expect(await screen.findByRole('heading', { name: 'Ada Smith' })).toBeInTheDocument();
    expect(screen.getByText('No consent to record vulnerabilities. Ask the client before recording any.')).toBeInTheDocument();
    const cases = await screen.findByRole('table', { name: 'The client’s cases' });
    expect(within(cases).getByRole('link', { name: 'MAN-2026-00042' })).toHaveAttribute('href', '/cases/01900000-0000-7000-8000-00000000ca01');
    expect(within(cases).queryByText('MAN-2026-00099')).not.toBeInTheDocument();
  });

  it('shows recorded vulnerabilities with the consent behind them', async () => {
    server.use(
      on('get', '/api/v1/clients/{id}', () => ({
        status: 200,
        body: makeClient({ vulnerabilityConsent: true, vulnerabilityConsentAt: '2026-03-02T10:00:00Z', vulnerabilityFlags: ['bereavement'] }),
      })),
      on('get', '/api/v1/cases', () => ({ status: 200, body: { items: [], nextCursor: null } })),
    );
    renderApp(`/clients/${CLIENT_ID}`, adviser);
    expect(await screen.findByText('Bereavement')).toBeInTheDocument();
    expect(screen.getByText(/Recorded with the client’s consent, given 2 Mar 2026/)).toBeInTheDocument();
    expect(await screen.findByText('No cases for this client yet.')).toBeInTheDocument();
  });

  it('edits the client and puts the API’s field errors next to the fields', async () => {
    let sent: Record<string, unknown> | null = null;
    server.use(
      on('get', '/api/v1/clients/{id}', () => ({ status: 200, body: makeClient() })),
      on('get', '/api/v1/cases', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('patch', '/api/v1/clients/{id}', async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return {
          status: 422,
          body: problem(422, '/problems/validation', 'Some fields are invalid.', [
            { field: 'niNumber', message: 'is not a National Insurance number' },
            { field: 'childrenAges[1]', message: 'must be from 0 to 25' },
          ]),
        };
      }),
    );
    const { user } = renderApp(`/clients/${CLIENT_ID}`, adviser);
    await user.click(await screen.findByRole('button', { name: 'Edit client' }));
    const form = await screen.findByRole('form', { name: 'Save changes' });
    expect(within(form).queryByRole('group', { name: 'Vulnerabilities' })).not.toBeInTheDocument();
    await user.clear(within(form).getByLabelText(/^National Insurance number/));
    await user.type(within(form).getByLabelText(/^National Insurance number/), 'QQ123456C');
    await user.click(within(form).getByLabelText('The client consents to vulnerabilities being recorded'));
    await user.click(within(form).getByLabelText('Carer'));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    expect(await within(form).findByText('Is not a National Insurance number')).toBeInTheDocument();
    expect(within(form).getByLabelText(/^National Insurance number/)).toHaveAccessibleDescription(/is not a national insurance number/i);
    expect(within(form).getByText('Must be from 0 to 25')).toBeInTheDocument();
    expect(sent).toMatchObject({ niNumber: 'QQ123456C', childrenAges: [4, 9], adults: 2, vulnerabilityConsent: true, vulnerabilityFlags: ['carer'] });
  });

  it('creates a client from the list and opens their page', async () => {
    server.use(
      on('get', '/api/v1/clients', () => ({ status: 200, body: { items: [makeClient()], nextCursor: null } })),
      on('post', '/api/v1/clients', () => ({ status: 201, body: makeClient({ firstName: 'Bo', lastName: 'Jones' }) })),
      on('get', '/api/v1/clients/{id}', () => ({ status: 200, body: makeClient({ firstName: 'Bo', lastName: 'Jones' }) })),
      on('get', '/api/v1/cases', () => ({ status: 200, body: { items: [], nextCursor: null } })),
    );
    const { user } = renderApp('/clients', adviser);
    expect(await screen.findByRole('link', { name: 'Ada Smith' })).toHaveAttribute('href', `/clients/${CLIENT_ID}`);
    await user.click(screen.getByRole('button', { name: 'New client' }));
    const form = await screen.findByRole('form', { name: 'Create client' });
    await user.click(within(form).getByRole('button', { name: 'Create client' }));
    expect(await within(form).findByText('Enter a first name')).toBeInTheDocument();
    await user.type(within(form).getByLabelText(/^First name/), 'Bo');
    await user.type(within(form).getByLabelText(/^Last name/), 'Jones');
    await user.click(within(form).getByRole('button', { name: 'Create client' }));
    expect(await screen.findByRole('heading', { name: 'Bo Jones' })).toBeInTheDocument();
  });

  it('lets a manager delete a client once their cases are finished, and not before', async () => {
    let openCases = true;
    let deleted = false;
    server.use(
      on('get', '/api/v1/clients/{id}', () => ({ status: 200, body: makeClient() })),
      on('get', '/api/v1/cases', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/users', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/clients', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('delete', '/api/v1/clients/{id}', () => {
        if (openCases) return { status: 409, body: problem(409, '/problems/failed-precondition', 'The client has cases that are not finished.') };
        deleted = true;
        return { status: 200, body: makeClient({ status: 'deleted' }) };
      }),
    );
    const { user } = renderApp(`/clients/${CLIENT_ID}`, makeSignIn('token', makeUser({ role: 'manager' })));
    await user.click(await screen.findByRole('button', { name: 'Delete client' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete Ada Smith?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete the client' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The client has cases that are not finished.');

    openCases = false;
    await user.click(within(dialog).getByRole('button', { name: 'Delete the client' }));
    expect(await screen.findByRole('heading', { name: 'Clients' })).toBeInTheDocument();
    expect(deleted).toBe(true);
  });

  it('offers advisers no deletion', async () => {
    server.use(
      on('get', '/api/v1/clients/{id}', () => ({ status: 200, body: makeClient() })),
      on('get', '/api/v1/cases', () => ({ status: 200, body: { items: [], nextCursor: null } })),
    );
    renderApp(`/clients/${CLIENT_ID}`, adviser);
    expect(await screen.findByRole('heading', { name: 'Ada Smith' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete client' })).not.toBeInTheDocument();
  });
});
