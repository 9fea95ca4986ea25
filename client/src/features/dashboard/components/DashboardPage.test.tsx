import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { CENTRE_ID, makeCentre, makeDashboard } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('the dashboard', () => {
  it('is the home screen, with the centre’s figures', async () => {
    server.use(on('get', '/api/v1/dashboard', () => ({ status: 200, body: makeDashboard() })));
    renderApp('/', makeSignIn('token', makeUser({ role: 'advisor' })));
    expect(await screen.findByRole('heading', { name: 'Dashboard' })).toBeInTheDocument();
    expect(await screen.findByText('£45,123.00')).toBeInTheDocument();
    expect(screen.getByText('80%')).toBeInTheDocument();
    expect(screen.getByText('8 of 10 closed cases')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /^Open: 4, In progress: 6, Closed: 10/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download as CSV' })).toBeInTheDocument();
  });

  it('shows admins each centre of the network', async () => {
    server.use(
      on('get', '/api/v1/dashboard', () => ({
        status: 200,
        body: makeDashboard({ centreId: null, centres: [{ centreId: makeUser().centreId, centreName: 'Manchester', figures: makeDashboard().figures }] }),
      })),
      on('get', '/api/v1/centres', () => ({ status: 200, body: { items: [makeCentre()], nextCursor: null } })),
      on('get', '/api/v1/users', () => ({ status: 200, body: { items: [], nextCursor: null } })),
    );
    renderApp('/', makeSignIn('token', makeUser({ role: 'admin' })));
    const table = await screen.findByRole('table', { name: 'Centres' });
    expect(within(table).getByText('Manchester')).toBeInTheDocument();
  });

  it('shows an adviser their own figures when asked, keeping the choice in the URL', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      on('get', '/api/v1/dashboard', ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        return { status: 200, body: makeDashboard({ adviserId: params.get('adviserId'), overdueTasks: params.has('adviserId') ? 7 : 2 }) };
      }),
    );
    const me = makeUser({ role: 'advisor' });
    const { user } = renderApp('/', makeSignIn('token', me));
    await user.selectOptions(await screen.findByLabelText('Whose figures'), 'Mine');
    expect(await screen.findByText('7')).toBeInTheDocument();
    expect(screen.getByText(/Your own cases, tasks and appointments/)).toBeInTheDocument();
    expect(asked.at(-1)?.get('adviserId')).toBe(me.id);
  });

  it('lets an admin look at one centre, check its counters and repair them', async () => {
    const asked: URLSearchParams[] = [];
    let repaired = false;
    const difference = { adviserId: '*', metric: 'cases_by_status', bucket: 'open', stored: 5, recounted: 4 };
    server.use(
      on('get', '/api/v1/dashboard', ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return { status: 200, body: makeDashboard() };
      }),
      on('get', '/api/v1/centres', () => ({ status: 200, body: { items: [makeCentre()], nextCursor: null } })),
      on('get', '/api/v1/users', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/centres/{id}/dashboard-check', () => ({
        status: 200,
        body: { centreId: CENTRE_ID, consistent: false, repaired: false, cases: 21, differences: [difference] },
      })),
      on('post', '/api/v1/centres/{id}/dashboard-repair', () => {
        repaired = true;
        return { status: 200, body: { centreId: CENTRE_ID, consistent: false, repaired: true, cases: 21, differences: [difference] } };
      }),
    );
    const { user } = renderApp('/', makeSignIn('token', makeUser({ role: 'admin' })));
    expect(screen.queryByRole('button', { name: 'Check the counters' })).not.toBeInTheDocument();
    await screen.findByRole('option', { name: 'Manchester (MAN)' });
    await user.selectOptions(screen.getByLabelText('Centre'), 'Manchester (MAN)');
    await waitFor(() => expect(asked.at(-1)?.get('centreId')).toBe(CENTRE_ID));
    await user.click(await screen.findByRole('button', { name: 'Check the counters' }));
    expect(await screen.findByText('1 counter differs from a recount of 21 cases.')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Counters that differ' })).getByText('cases_by_status open')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Repair the counters' }));
    expect(await screen.findByText('The counters were replaced with a recount of 21 cases.')).toBeInTheDocument();
    expect(repaired).toBe(true);
  });
});
