import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import { makeCentre } from '@/testing/casework';

const CENTRE = '01900000-0000-7000-8000-0000000000c1';
const CASE_1 = '01900000-0000-7000-8000-00000000ca01';
const CLIENT_1 = '01900000-0000-7000-8000-00000000c101';
const DOC_1 = '01900000-0000-7000-8000-00000000d0c1';

describe('retention report', () => {
  it('shows the counts per centre and links the ids, asking for the centre in the address', async () => {
    const asked: (string | null)[] = [];
    server.use(
      on('get', '/api/v1/centres', () => ({ status: 200, body: { items: [makeCentre()], nextCursor: null } })),
      on('get', '/api/v1/admin/retention/report', ({ request }) => {
        asked.push(new URL(request.url).searchParams.get('centreId'));
        return {
          status: 200,
          body: {
            today: '2026-12-01',
            totals: { cases: 3, clients: 1, documents: 4, blobs: 6 },
            centres: [
              {
                centreId: CENTRE,
                counts: { cases: 3, clients: 1, documents: 4, blobs: 6 },
                caseIds: [CASE_1, '01900000-0000-7000-8000-00000000ca02', '01900000-0000-7000-8000-00000000ca03'],
                clientIds: [CLIENT_1],
                documentIds: [DOC_1],
                truncated: false,
              },
            ],
          },
        };
      }),
    );
    const { user } = renderApp(`/admin/retention?centreId=${CENTRE}`, makeSignIn('token', makeUser({ role: 'admin' })));
    const totals = await screen.findByRole('group', { name: 'Totals' });
    expect(within(totals).getByText('Cases past retention').nextSibling).toHaveTextContent('3');
    expect(within(totals).getByText('Stored files to delete').nextSibling).toHaveTextContent('6');
    expect(screen.getByText('What the daily retention run will do')).toBeInTheDocument();
    const perCentre = await screen.findByRole('group', { name: 'Counts for MAN · Manchester' });
    expect(within(perCentre).getByText('Documents to delete').nextSibling).toHaveTextContent('4');
    expect(asked).toContain(CENTRE);
    await user.click(screen.getByText('Cases past retention (3)'));
    expect(screen.getByRole('link', { name: CASE_1 })).toHaveAttribute('href', `/cases/${CASE_1}`);
    expect(screen.getByRole('link', { name: CLIENT_1 })).toHaveAttribute('href', `/clients/${CLIENT_1}`);
    expect(screen.getByRole('link', { name: DOC_1 })).toHaveAttribute('href', `/documents/${DOC_1}`);
    expect(screen.getByRole('link', { name: 'Retention' })).toHaveAttribute('href', '/admin/retention');
  });

  it('is not offered to advisers', async () => {
    renderApp('/admin/retention', makeSignIn('token', makeUser({ role: 'advisor' })));
    expect(await screen.findByText('Only managers and admins can open this screen.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Retention' })).not.toBeInTheDocument();
  });
});
