import { screen } from '@testing-library/react';
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
});
