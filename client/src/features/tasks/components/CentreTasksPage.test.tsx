import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { makeTask } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('centre tasks', () => {
  it('lists the centre’s open tasks, with or without a case, and filters by status and assignee in the URL', async () => {
    const asked: URLSearchParams[] = [];
    const bea = makeUser({ id: '01900000-0000-7000-8000-000000000009', firstName: 'Bea', lastName: 'Brown', role: 'advisor' });
    server.use(
      on('get', '/api/v1/users', () => ({ status: 200, body: { items: [bea], nextCursor: null } })),
      on('get', '/api/v1/tasks', ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        const items = [
          makeTask({ title: 'Chase the council', assigneeId: bea.id }),
          makeTask({ id: '01900000-0000-7000-8000-0000000000f2', caseId: null, title: 'Restock the leaflets' }),
        ].filter((t) => !params.has('assigneeId') || t.assigneeId === params.get('assigneeId'));
        return { status: 200, body: { items, nextCursor: null } };
      }),
    );
    const { user } = renderApp('/centre-tasks', makeSignIn('token', makeUser({ role: 'manager' })));
    const table = await screen.findByRole('table', { name: 'Centre tasks' });
    expect(within(table).getByText('Restock the leaflets')).toBeInTheDocument();
    expect(within(table).getByText('A task of the centre')).toBeInTheDocument();
    expect(within(table).getByRole('link', { name: 'Open the case' })).toBeInTheDocument();
    expect(asked[0]?.get('status')).toBe('open');

    await user.selectOptions(screen.getByLabelText('Status'), 'Any status');
    await waitFor(() => expect(asked.at(-1)?.has('status')).toBe(false));
    await within(screen.getByLabelText('Assigned to')).findByRole('option', { name: 'Bea Brown (advisor)' });
    await user.selectOptions(screen.getByLabelText('Assigned to'), 'Bea Brown (advisor)');
    await waitFor(() => expect(within(table).queryByText('Restock the leaflets')).not.toBeInTheDocument());
    expect(asked.at(-1)?.get('assigneeId')).toBe(bea.id);
  });
});
