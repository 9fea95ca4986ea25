import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));

describe('the calendar link', () => {
  it('is shown once when issued, with a copy button, and goes when turned off', async () => {
    server.use(
      on('get', '/api/v1/diary', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/me/calendar-feed', () => ({ status: 200, body: { active: false, createdAt: null } })),
      on('post', '/api/v1/me/calendar-feed', () => ({
        status: 201,
        body: { active: true, path: '/ical/secret123.ics', createdAt: '2026-11-30T09:00:00.000000Z' },
      })),
      on('delete', '/api/v1/me/calendar-feed', () => ({ status: 200, body: { active: false, createdAt: null } })),
    );
    const { user } = renderApp('/diary', adviser);
    await user.click(await screen.findByRole('button', { name: 'Get a calendar link' }));
    expect(await screen.findByRole('textbox', { name: 'Calendar link' })).toHaveValue('http://localhost/ical/secret123.ics');
    expect(screen.getByRole('button', { name: 'Copy' })).toBeInTheDocument();
    expect(screen.getByText(/made 30 Nov 2026, 09:00/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Turn the link off' }));
    expect(await screen.findByRole('button', { name: 'Get a calendar link' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Calendar link' })).not.toBeInTheDocument();
  });
});
