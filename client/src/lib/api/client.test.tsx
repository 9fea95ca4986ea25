import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { makeDashboard } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import { api, unwrap } from './client';
import { session } from '@/lib/auth/session';

const unauthenticated = problem(401, '/problems/unauthenticated', 'The access token has expired.');

describe('a request refused with 401', () => {
  it('refreshes once for concurrent requests and retries each with the new token', async () => {
    let refreshes = 0;
    const seen: string[] = [];
    server.use(
      on('post', '/api/v1/auth/refresh', () => {
        refreshes += 1;
        return { status: 200, body: makeSignIn('fresh-token') };
      }),
      on('get', '/api/v1/me', ({ request }) => {
        const auth = request.headers.get('Authorization') ?? '';
        seen.push(auth);
        return auth === 'Bearer fresh-token' ? { status: 200, body: makeUser() } : { status: 401, body: unauthenticated };
      }),
      on('get', '/api/v1/dashboard', () => ({ status: 200, body: makeDashboard() })),
    );
    renderApp('/', makeSignIn('old-token'));
    // The refresh signs the session in anew, which the rendered app shows: inside act().
    const results = await act(() => Promise.all([1, 2, 3].map(async () => unwrap(await api().GET('/api/v1/me')))));
    expect(results.map((u) => u.email)).toEqual(['ada@example.org', 'ada@example.org', 'ada@example.org']);
    expect(refreshes).toBe(1);
    expect(seen.filter((s) => s === 'Bearer old-token')).toHaveLength(3);
    expect(seen.filter((s) => s === 'Bearer fresh-token')).toHaveLength(3);
    expect(session.token()).toBe('fresh-token');
  });

  it('keeps the screen and what was typed when the refresh fails, under a sign-in prompt', async () => {
    server.use(
      on('post', '/api/v1/auth/refresh', () => ({ status: 401, body: unauthenticated })),
      on('get', '/api/v1/clients', ({ request }) =>
        request.headers.get('Authorization') === 'Bearer new-session'
          ? { status: 200, body: { items: [], nextCursor: null } }
          : { status: 401, body: unauthenticated },
      ),
      on('post', '/api/v1/auth/login', () => ({ status: 200, body: makeSignIn('new-session') })),
    );
    const { user } = renderApp('/clients', makeSignIn('expired-token'));
    const search = await screen.findByLabelText(/name, reference or postcode/i);
    await user.type(search, 'smith');
    expect(await screen.findByRole('dialog', { name: 'Your session has ended' })).toBeInTheDocument();
    expect(search).toHaveValue('smith');
    expect(screen.getByLabelText(/e-mail address/i)).toHaveValue('ada@example.org');
    await user.type(screen.getByLabelText(/^password/i), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(search).toHaveValue('smith');
    expect(await screen.findByText('No clients yet.')).toBeInTheDocument();
  });
});
