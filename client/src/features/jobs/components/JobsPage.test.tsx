import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { describe, expect, it } from 'vitest';
import { App } from '@/app/App';
import { Providers } from '@/app/Providers';
import { createQueryClient } from '@/app/query-client';
import { configureApi } from '@/lib/api/client';
import { session } from '@/lib/auth/session';
import { API_BASE, makeSignIn, makeUser, on, problem } from '@/testing/api';
import { server } from '@/testing/server';
import type { components } from '@/types/api';

type Job = components['schemas']['Job'];

function job(id: string, overrides: Partial<Job>): Job {
  return {
    id,
    centreId: null,
    kind: 'audit.verify',
    payload: {},
    state: 'queued',
    attempts: 0,
    maxAttempts: 5,
    runAt: '2026-07-01T09:00:00.000000Z',
    leaseOwner: null,
    leaseExpiresAt: null,
    lastError: null,
    uniqueKey: null,
    createdAt: '2026-07-01T09:00:00.000000Z',
    updatedAt: '2026-07-01T09:00:00.000000Z',
    ...overrides,
  };
}

const DEAD = job('01900000-0000-7000-8000-0000000000d1', {
  kind: 'audit.verify',
  state: 'dead',
  attempts: 5,
  lastError: 'database is locked',
});
const QUEUED = job('01900000-0000-7000-8000-0000000000d2', { kind: 'system.noop', state: 'queued', attempts: 1 });

// Where the app's router is: the screen keeps its filters and cursor in the address.
function Where() {
  const location = useLocation();
  return <output data-testid="where">{location.pathname + location.search}</output>;
}

function renderAt(path: string, role: 'admin' | 'manager' = 'admin') {
  configureApi(API_BASE);
  session.signedIn(makeSignIn('token', makeUser({ role })));
  const user = userEvent.setup();
  render(
    <Providers queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={[path]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
        <App />
        <Where />
      </MemoryRouter>
    </Providers>,
  );
  return { user };
}

describe('background jobs screen', () => {
  it('lists the jobs in UK time, puts the state filter in the address and asks the API for it', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      on('get', '/api/v1/jobs', ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        const items = [DEAD, QUEUED].filter((j) => !params.has('state') || j.state === params.get('state'));
        return { status: 200, body: { items, nextCursor: null } };
      }),
    );
    const { user } = renderAt('/admin/jobs');
    const table = await screen.findByRole('table', { name: 'Jobs' });
    expect(screen.getByRole('link', { name: 'Background jobs' })).toHaveAttribute('href', '/admin/jobs');
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]!).getByText('audit.verify')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Dead')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('5/5')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('database is locked')).toBeInTheDocument();
    // 09:00 UTC in July is 10:00 in London.
    expect(within(rows[1]!).getByText(/10:00/)).toBeInTheDocument();
    // Retry only where the server allows it, cancel likewise.
    expect(within(rows[1]!).getByRole('button', { name: 'Retry audit.verify job' })).toBeInTheDocument();
    expect(within(rows[1]!).queryByRole('button', { name: /Cancel/ })).not.toBeInTheDocument();
    expect(within(rows[2]!).getByRole('button', { name: 'Cancel system.noop job' })).toBeInTheDocument();
    expect(within(rows[2]!).queryByRole('button', { name: /Retry/ })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('State'), 'dead');
    expect(screen.getByTestId('where')).toHaveTextContent('/admin/jobs?state=dead');
    await user.type(screen.getByLabelText('Kind'), 'audit.verify');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(screen.getByTestId('where')).toHaveTextContent('/admin/jobs?state=dead&kind=audit.verify');
    await waitFor(() => expect(asked.at(-1)?.get('kind')).toBe('audit.verify'));
    expect(asked.at(-1)?.get('state')).toBe('dead');
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Jobs' })).getAllByRole('row')).toHaveLength(2));
  }, 15000);

  it('reads its filters and cursor from the address', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      on('get', '/api/v1/jobs', ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return { status: 200, body: { items: [QUEUED], nextCursor: null } };
      }),
    );
    renderAt('/admin/jobs?state=queued&kind=system.noop&cursor=abc');
    await screen.findByRole('table', { name: 'Jobs' });
    expect(asked[0]?.get('state')).toBe('queued');
    expect(asked[0]?.get('kind')).toBe('system.noop');
    expect(asked[0]?.get('cursor')).toBe('abc');
    expect(screen.getByLabelText('State')).toHaveValue('queued');
  });

  it('retries a dead job through the API and shows the list again as the server has it', async () => {
    const retried: string[] = [];
    let current = DEAD;
    server.use(
      on('get', '/api/v1/jobs', () => ({ status: 200, body: { items: [current], nextCursor: null } })),
      on('post', '/api/v1/jobs/{id}/retry', ({ params }) => {
        retried.push(String(params.id));
        current = { ...DEAD, state: 'queued', attempts: 0, lastError: null };
        return { status: 200, body: current };
      }),
    );
    const { user } = renderAt('/admin/jobs');
    await user.click(await screen.findByRole('button', { name: 'Retry audit.verify job' }));
    expect(await screen.findByRole('button', { name: 'Cancel audit.verify job' })).toBeInTheDocument();
    expect(screen.getByText('0/5')).toBeInTheDocument();
    expect(retried).toEqual([DEAD.id]);
  });

  it('shows why the server refused a cancel', async () => {
    server.use(
      on('get', '/api/v1/jobs', () => ({ status: 200, body: { items: [QUEUED], nextCursor: null } })),
      on('post', '/api/v1/jobs/{id}/cancel', () => ({
        status: 409,
        body: problem(409, '/problems/failed-precondition', 'The job is done and cannot be cancelled.'),
      })),
    );
    const { user } = renderAt('/admin/jobs');
    await user.click(await screen.findByRole('button', { name: 'Cancel system.noop job' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The job is done and cannot be cancelled.');
  });

  it('is offered to admins only', async () => {
    server.use(on('get', '/api/v1/jobs', () => ({ status: 200, body: { items: [], nextCursor: null } })));
    renderAt('/admin/jobs', 'manager');
    expect(await screen.findByText('Only admins can open this screen.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Background jobs' })).not.toBeInTheDocument();
  });
});
