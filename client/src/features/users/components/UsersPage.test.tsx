import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
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

  it('changes a user’s role, sending only what changed, and shows a taken e-mail address at its field', async () => {
    let bea = makeUser({ id: '01900000-0000-7000-8000-000000000009', firstName: 'Bea', lastName: 'Brown', email: 'bea@example.org', role: 'trainee' });
    const sent: unknown[] = [];
    server.use(
      on('get', '/api/v1/centres', () => ({ status: 200, body: { items: [centre(CENTRE_A, 'MAN', 'Manchester')], nextCursor: null } })),
      on('get', '/api/v1/users', () => ({ status: 200, body: { items: [bea], nextCursor: null } })),
      on('patch', '/api/v1/users/{id}', async ({ request }) => {
        const body = (await request.json()) as { email?: string; role?: 'advisor' };
        sent.push(body);
        if (body.email === 'ada@example.org') {
          return { status: 409, body: problem(409, '/problems/conflict', 'That e-mail address is in use.', [{ field: 'email', message: 'is already in use' }]) };
        }
        bea = { ...bea, ...body };
        return { status: 200, body: bea };
      }),
    );
    const { user } = renderApp('/admin/users', makeSignIn('token', makeUser({ role: 'manager' })));
    await user.click(await screen.findByRole('button', { name: 'Change Bea Brown' }));
    const form = await screen.findByRole('form', { name: 'Change the user' });
    expect(within(form).queryByRole('option', { name: 'admin' })).not.toBeInTheDocument();
    const email = within(form).getByLabelText(/^E-mail address/);
    await user.clear(email);
    await user.type(email, 'ada@example.org');
    await user.click(within(form).getByRole('button', { name: 'Save the user' }));
    expect(await within(form).findByText('Is already in use')).toBeInTheDocument();

    await user.clear(email);
    await user.type(email, 'bea@example.org');
    await user.selectOptions(within(form).getByLabelText(/^Role/), 'advisor');
    await user.click(within(form).getByRole('button', { name: 'Save the user' }));
    const table = await screen.findByRole('table', { name: 'Users' });
    expect(await within(table).findByText('advisor')).toBeInTheDocument();
    expect(sent).toEqual([{ email: 'ada@example.org' }, { role: 'advisor' }]);
  });
});
