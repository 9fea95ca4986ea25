import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const CENTRE_A = '01900000-0000-7000-8000-0000000000c1';
const CENTRE_B = '01900000-0000-7000-8000-0000000000c2';

function centre(id: string, code: string, name: string) {
  return {
    id,
    code,
    name,
    address: '',
    contactEmail: '',
    contactPhone: '',
    status: 'active' as const,
    settings: {},
    createdAt: '2026-01-01T09:00:00.000000Z',
    updatedAt: '2026-01-01T09:00:00.000000Z',
  };
}

describe('users and roles', () => {
  it('keeps the centre filter in the URL and asks the API for that centre only', async () => {
    const asked: (string | null)[] = [];
    server.use(
      on('get', '/api/v1/centres', () => ({
        status: 200,
        body: { items: [centre(CENTRE_A, 'MAN', 'Manchester'), centre(CENTRE_B, 'LDS', 'Leeds')], nextCursor: null },
      })),
      on('get', '/api/v1/users', ({ request }) => {
        const centreId = new URL(request.url).searchParams.get('centreId');
        asked.push(centreId);
        const items =
          centreId === CENTRE_B
            ? [makeUser({ id: 'u-lds', email: 'lee@example.org', centreId: CENTRE_B, role: 'manager' })]
            : [makeUser(), makeUser({ id: 'u-lds', email: 'lee@example.org', centreId: CENTRE_B, role: 'manager' })];
        return { status: 200, body: { items, nextCursor: null } };
      }),
    );
    const { user } = renderApp('/admin/users', makeSignIn('token'));
    const table = await screen.findByRole('table', { name: 'Users' });
    expect(await within(table).findByText('ada@example.org')).toBeInTheDocument();
    await user.selectOptions(await screen.findByRole('combobox', { name: 'Centre' }), 'LDS · Leeds');
    await screen.findByText((_, el) => el?.tagName === 'TD' && el.textContent === 'LDS · Leeds');
    expect(screen.queryByText('ada@example.org')).not.toBeInTheDocument();
    expect(asked).toContain(CENTRE_B);
  });

  it('shows an empty state when no user matches', async () => {
    server.use(
      on('get', '/api/v1/centres', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/users', () => ({ status: 200, body: { items: [], nextCursor: null } })),
    );
    renderApp('/admin/users', makeSignIn('token'));
    expect(await screen.findByText('No users match.')).toBeInTheDocument();
  });

  it('keeps advisers out of the screen', async () => {
    renderApp('/admin/users', makeSignIn('token', makeUser({ role: 'advisor' })));
    expect(await screen.findByText('Not available to your role')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Users and roles' })).not.toBeInTheDocument();
  });
});
