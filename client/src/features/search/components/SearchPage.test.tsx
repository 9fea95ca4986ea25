import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { CASE_ID, CLIENT_ID, makeDashboard } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));

describe('search', () => {
  it('searches from the header, marks the matched words, links each result and filters by kind', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      on('get', '/api/v1/dashboard', () => ({ status: 200, body: makeDashboard() })),
      on('get', '/api/v1/search', ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        const client = {
          kind: 'client' as const,
          id: CLIENT_ID,
          caseId: null,
          field: 'name' as const,
          label: 'Ada Smith (MAN-C-00042)',
          snippet: [{ text: 'Ada ', match: false }, { text: 'Smith', match: true }],
        };
        const note = {
          kind: 'note' as const,
          id: '01900000-0000-7000-8000-0000000000e1',
          caseId: CASE_ID,
          field: 'body' as const,
          label: 'Call note on MAN-2026-00042',
          snippet: [{ text: '…spoke to ', match: false }, { text: 'Smith', match: true }, { text: ' about the council tax', match: false }],
        };
        return { status: 200, body: { items: params.get('kind') === 'note' ? [note] : [client, note] } };
      }),
    );
    const { user } = renderApp('/', adviser);
    await user.type(await screen.findByRole('textbox', { name: 'Search clients, cases and notes' }), 'smith{Enter}');
    const results = await screen.findByRole('list', { name: 'Results' });
    expect(within(results).getByRole('link', { name: 'Ada Smith (MAN-C-00042)' })).toHaveAttribute('href', `/clients/${CLIENT_ID}`);
    expect(within(results).getByRole('link', { name: 'Call note on MAN-2026-00042' })).toHaveAttribute('href', `/cases/${CASE_ID}?tab=notes`);
    const marks = results.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual(['Smith', 'Smith']);
    expect(asked[0]?.get('q')).toBe('smith');
    expect(asked[0]?.has('kind')).toBe(false);

    await user.selectOptions(screen.getByLabelText('Only'), 'Notes');
    await waitFor(() => expect(within(results).queryByRole('link', { name: /Ada Smith/ })).not.toBeInTheDocument());
    expect(asked.at(-1)?.get('kind')).toBe('note');
  });

  it('asks for a letter or digit before searching', async () => {
    renderApp('/search?q=%2B%2B', adviser);
    expect(await screen.findByText('Type at least one letter or digit.')).toBeInTheDocument();
  });
});
