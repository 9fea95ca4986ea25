import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('signing in', () => {
  it('says plainly when the e-mail address or password is wrong, and clears the password', async () => {
    server.use(on('post', '/api/v1/auth/login', () => ({ status: 401, body: problem(401, '/problems/unauthenticated', 'Wrong credentials.') })));
    const { user } = renderApp('/clients', null);
    await user.type(await screen.findByLabelText(/e-mail address/i), 'ada@example.org');
    await user.type(screen.getByLabelText(/^password/i), 'not-the-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail address or password is not right');
    expect(screen.getByLabelText(/^password/i)).toHaveValue('');
  });

  it('tells a locked-out user how long to wait', async () => {
    server.use(
      on('post', '/api/v1/auth/login', () => ({
        status: 429,
        body: problem(429, '/problems/rate-limited', 'Too many failed sign-ins.'),
        headers: { 'Retry-After': '840' },
      })),
    );
    const { user } = renderApp('/sign-in', null);
    await user.type(await screen.findByLabelText(/e-mail address/i), 'ada@example.org');
    await user.type(screen.getByLabelText(/^password/i), 'guess');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('try again in 14 minutes');
  });

  it('checks the form before sending anything', async () => {
    const { user } = renderApp('/sign-in', null);
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your e-mail address')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
  });

  it('signs in and returns to the page first asked for', async () => {
    server.use(
      on('post', '/api/v1/auth/login', () => ({ status: 200, body: makeSignIn('token-1', makeUser({ firstName: 'Mina', role: 'manager' })) })),
      on('get', '/api/v1/clients', () => ({ status: 200, body: { items: [], nextCursor: null } })),
    );
    const { user } = renderApp('/clients', null);
    await user.type(await screen.findByLabelText(/e-mail address/i), 'mina@example.org');
    await user.type(screen.getByLabelText(/^password/i), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Clients' })).toBeInTheDocument();
    expect(screen.getByText(/Mina Admin · manager/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Users and roles' })).toBeInTheDocument();
  });
});
