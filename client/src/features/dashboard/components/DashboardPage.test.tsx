import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { makeDashboard } from '@/testing/casework';
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
    );
    renderApp('/', makeSignIn('token', makeUser({ role: 'admin' })));
    const table = await screen.findByRole('table', { name: 'Centres' });
    expect(within(table).getByText('Manchester')).toBeInTheDocument();
  });
});
