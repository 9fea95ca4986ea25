import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { makeCentre } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('centres', () => {
  it('changes a centre’s details and its calendar setting, sending only what changed', async () => {
    let centre = makeCentre({ settings: { retentionYears: 6 } as unknown as ReturnType<typeof makeCentre>['settings'] });
    const sent: unknown[] = [];
    server.use(
      on('get', '/api/v1/centres', () => ({ status: 200, body: { items: [centre], nextCursor: null } })),
      on('patch', '/api/v1/centres/{id}', async ({ request }) => {
        const body = (await request.json()) as { code?: string; name?: string };
        sent.push(body);
        if (body.code === 'LDS') return { status: 422, body: problem(422, '/problems/validation', 'Not valid.', [{ field: 'code', message: 'is already in use' }]) };
        centre = { ...centre, ...(body.name === undefined ? {} : { name: body.name }) };
        return { status: 200, body: centre };
      }),
    );
    const { user } = renderApp('/admin/centres', makeSignIn('token', makeUser({ role: 'admin' })));
    await user.click(await screen.findByRole('button', { name: 'Change Manchester' }));
    const form = await screen.findByRole('form', { name: 'Change the centre' });
    const code = within(form).getByLabelText(/^Code/);
    await user.clear(code);
    await user.type(code, 'LDS');
    await user.click(within(form).getByRole('button', { name: 'Save the centre' }));
    expect(await within(form).findByText('Is already in use')).toBeInTheDocument();

    await user.clear(code);
    await user.type(code, 'MAN');
    await user.clear(within(form).getByLabelText(/^Name/));
    await user.type(within(form).getByLabelText(/^Name/), 'Manchester Central');
    await user.click(within(form).getByLabelText(/^Calendar feeds name clients/));
    await user.click(within(form).getByRole('button', { name: 'Save the centre' }));
    expect(await within(await screen.findByRole('table', { name: 'Centres' })).findByText('Manchester Central')).toBeInTheDocument();
    expect(sent).toEqual([{ code: 'LDS' }, { name: 'Manchester Central', settings: { retentionYears: 6, calendarShowsClientNames: true } }]);
  });
});
