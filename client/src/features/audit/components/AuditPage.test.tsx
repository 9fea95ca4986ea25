import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, on } from '@/testing/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const CENTRE_A = '01900000-0000-7000-8000-0000000000c1';

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

describe('audit trail verification', () => {
  it('runs only when asked, for the chosen centre, and names the first problem of a broken chain', async () => {
    const asked: (string | null)[] = [];
    server.use(
      on('get', '/api/v1/centres', () => ({
        status: 200,
        body: { items: [centre(CENTRE_A, 'MAN', 'Manchester')], nextCursor: null },
      })),
      on('get', '/api/v1/audit', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/audit/refusals', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/audit/verification', ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('centreId'));
        return {
          status: 200,
          body: {
            ok: false,
            chains: 1,
            entries: 2,
            verifiedAt: '2026-11-30T12:00:00.000000Z',
            problems: [{ centreId: CENTRE_A, seq: 3, entryId: 'e3', reason: 'content does not match its hash (edited)' }],
          },
        };
      }),
    );
    const { user } = renderApp(`/admin/audit?centreId=${CENTRE_A}`, makeSignIn('token'));
    const verify = await screen.findByRole('button', { name: 'Verify the chains' });
    expect(asked).toEqual([]);
    await user.click(verify);
    expect(await screen.findByText('Audit trail verified: broken')).toBeInTheDocument();
    expect(
      await screen.findByText(/Manchester, entry 3: content does not match its hash \(edited\)/),
    ).toBeInTheDocument();
    expect(asked).toEqual([CENTRE_A]);
  }, 15000);

  it('says how much was checked when every chain is intact', async () => {
    server.use(
      on('get', '/api/v1/centres', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/audit', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/audit/refusals', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/audit/verification', () => ({
        status: 200,
        body: { ok: true, chains: 3, entries: 120, verifiedAt: '2026-11-30T12:00:00.000000Z', problems: [] },
      })),
    );
    const { user } = renderApp('/admin/audit', makeSignIn('token'));
    await user.click(await screen.findByRole('button', { name: 'Verify the chains' }));
    expect(await screen.findByText('Audit trail verified: intact')).toBeInTheDocument();
    expect(await screen.findByText(/3 chains, 120 entries checked/)).toBeInTheDocument();
  }, 15000);

  it('lists refused requests for the user the filters name', async () => {
    const asked: URLSearchParams[] = [];
    const userId = '01900000-0000-7000-8000-000000000009';
    server.use(
      on('get', '/api/v1/centres', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/audit', () => ({ status: 200, body: { items: [], nextCursor: null } })),
      on('get', '/api/v1/audit/refusals', ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        if (!params.has('userId')) return { status: 200, body: { items: [], nextCursor: null } };
        return {
          status: 200,
          body: {
            items: [
              {
                id: '01900000-0000-7000-8000-0000000000e1',
                centreId: '01900000-0000-7000-8000-0000000000c1',
                userId,
                action: 'user.update',
                entityType: 'user',
                minute: '2026-11-30T10:15:00.000000Z',
                count: 3,
                firstAt: '2026-11-30T10:15:02.000000Z',
                lastAt: '2026-11-30T10:15:40.000000Z',
                lastEntityId: null,
                lastRequestId: 'req-1',
                lastIp: '192.0.2.7',
                lastUserAgent: 'test',
              },
            ],
            nextCursor: null,
          },
        };
      }),
    );
    const { user } = renderApp('/admin/audit', makeSignIn('token'));
    expect(await screen.findByText('No refused requests.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('User id'), userId);
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    const table = await screen.findByRole('table', { name: 'Refused requests' });
    expect(within(table).getByText('user.update')).toBeInTheDocument();
    expect(within(table).getByText('3')).toBeInTheDocument();
    expect(asked.at(-1)?.get('userId')).toBe(userId);
  });
});
