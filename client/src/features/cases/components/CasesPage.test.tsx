import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { asCase, makeCase, makeCentre } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('the cases list', () => {
  it('sends the filters and sort from the URL and keeps changes there', async () => {
    const asked: string[] = [];
    const c = asCase(makeCase());
    server.use(
      on('get', '/api/v1/cases', ({ request }) => {
        const q = new URL(request.url).searchParams;
        q.delete('limit');
        asked.push(q.toString());
        return { status: 200, body: { items: q.has('priority') ? [] : [c], nextCursor: null } };
      }),
    );
    const { user } = renderApp('/cases?status=in_progress&sort=reference', makeSignIn('token', makeUser({ role: 'advisor' })));
    expect(await screen.findByRole('link', { name: 'MAN-2026-00042' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'You' })).toBeInTheDocument();
    expect(asked[0]).toBe('status=in_progress&sort=reference');
    await user.selectOptions(screen.getByLabelText('Priority'), 'urgent');
    expect(await screen.findByText('No cases match these filters.')).toBeInTheDocument();
    expect(asked.at(-1)).toBe('status=in_progress&priority=urgent&sort=reference');
    await user.type(screen.getByLabelText('Opened from'), '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByText('No cases match these filters.');
    expect(asked.at(-1)).toContain('openedFrom=2026-01-01');
  });

  it('lets admins, who see every centre, filter cases and clients by centre', async () => {
    const asked: { path: string; centreId: string | null }[] = [];
    const leeds = makeCentre({ id: '01900000-0000-7000-8000-0000000000c2', name: 'Leeds', code: 'LDS' });
    server.use(
      on('get', '/api/v1/centres', () => ({ status: 200, body: { items: [makeCentre(), leeds], nextCursor: null } })),
      on('get', '/api/v1/users', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/cases', ({ request }) => {
        asked.push({ path: 'cases', centreId: new URL(request.url).searchParams.get('centreId') });
        return { status: 200, body: { items: [], nextCursor: null } };
      }),
      on('get', '/api/v1/clients', ({ request }) => {
        asked.push({ path: 'clients', centreId: new URL(request.url).searchParams.get('centreId') });
        return { status: 200, body: { items: [], nextCursor: null } };
      }),
    );
    const { user } = renderApp('/cases', makeSignIn('token', makeUser({ role: 'admin' })));
    await screen.findByRole('option', { name: 'Leeds (LDS)' });
    await user.selectOptions(screen.getByLabelText('Centre'), 'Leeds (LDS)');
    await waitFor(() => expect(asked.at(-1)).toEqual({ path: 'cases', centreId: leeds.id }));

    await user.click(screen.getByRole('link', { name: 'Clients' }));
    await screen.findByRole('heading', { name: 'Clients' });
    await screen.findByRole('option', { name: 'Leeds (LDS)' });
    await user.selectOptions(screen.getByLabelText('Centre'), 'Leeds (LDS)');
    await waitFor(() => expect(asked.at(-1)).toEqual({ path: 'clients', centreId: leeds.id }));
    expect(await screen.findByText('No clients at this centre.')).toBeInTheDocument();
  });

  it('offers others no centre filter', async () => {
    server.use(on('get', '/api/v1/cases', () => ({ status: 200, body: { items: [], nextCursor: null } })));
    renderApp('/cases', makeSignIn('token', makeUser({ role: 'advisor' })));
    expect(await screen.findByText('No cases yet.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Centre')).not.toBeInTheDocument();
  });
});
