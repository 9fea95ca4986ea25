import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { CASE_ID, makeCase, makeTask } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import type { components } from '@/types/api';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));

// A case whose one task changes as the PATCH bodies say, recording each body sent.
function serveTask(first: components['schemas']['Task']) {
  let task = first;
  const sent: unknown[] = [];
  server.use(
    on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
    on('get', '/api/v1/tasks', () => ({ status: 200, body: { items: [task], nextCursor: null } })),
    on('patch', '/api/v1/tasks/{id}', async ({ request }) => {
      const body = (await request.json()) as components['schemas']['TaskUpdate'];
      sent.push(body);
      if (body.dueDate === '2026-01-01') {
        return { status: 422, body: problem(422, '/problems/validation', 'The task is not valid.', [{ field: 'dueDate', message: 'must not be in the past' }]) };
      }
      task = { ...task, ...body };
      return { status: 200, body: task };
    }),
  );
  return sent;
}

describe('a case’s tasks', () => {
  it('edits a task, sending only what changed, with the API’s field error next to the field', async () => {
    const sent = serveTask(makeTask());
    const { user } = renderApp(`/cases/${CASE_ID}?tab=tasks`, adviser);
    const table = await screen.findByRole('table', { name: 'Tasks' });
    await user.click(within(table).getByRole('button', { name: 'Edit “Ask the council to hold enforcement”' }));
    const form = await screen.findByRole('form', { name: 'Edit the task' });
    const due = within(form).getByLabelText(/^Due/);
    await user.clear(due);
    await user.type(due, '2026-01-01');
    await user.click(within(form).getByRole('button', { name: 'Save the task' }));
    expect(await within(form).findByText('Must not be in the past')).toBeInTheDocument();

    await user.clear(due);
    await user.type(due, '2026-12-10');
    await user.selectOptions(within(form).getByLabelText('Priority'), 'urgent');
    await user.click(within(form).getByRole('button', { name: 'Save the task' }));
    expect(await within(table).findByText('Urgent')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit the task' })).not.toBeInTheDocument());
    expect(sent).toEqual([{ dueDate: '2026-01-01' }, { dueDate: '2026-12-10', priority: 'urgent' }]);
  });

  it('cancels an open task and reopens it', async () => {
    const sent = serveTask(makeTask());
    const { user } = renderApp(`/cases/${CASE_ID}?tab=tasks`, adviser);
    const table = await screen.findByRole('table', { name: 'Tasks' });
    await user.click(within(table).getByRole('button', { name: 'Cancel “Ask the council to hold enforcement”' }));
    expect(await within(table).findByText('Cancelled')).toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Reopen “Ask the council to hold enforcement”' }));
    expect(await within(table).findByRole('button', { name: 'Edit “Ask the council to hold enforcement”' })).toBeInTheDocument();
    expect(sent).toEqual([{ status: 'cancelled' }, { status: 'open' }]);
  });
});
