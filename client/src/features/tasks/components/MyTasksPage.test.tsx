import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { makeTask } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));

describe('my tasks', () => {
  it('groups the open tasks overdue, today and upcoming, and completes one', async () => {
    const overdue = { ...makeTask({ id: '01900000-0000-7000-8000-0000000000f1', title: 'Chase the bank', dueDate: '2026-11-20' }), bucket: 'overdue' as const };
    const today = { ...makeTask({ id: '01900000-0000-7000-8000-0000000000f2', title: 'Send the offer letters', dueDate: '2026-11-30' }), bucket: 'today' as const };
    let items = [overdue, today];
    let patched: unknown = null;
    server.use(
      on('get', '/api/v1/me/tasks', () => ({ status: 200, body: { items, nextCursor: null } })),
      on('patch', '/api/v1/tasks/{id}', async ({ request }) => {
        patched = await request.json();
        items = [today];
        return { status: 200, body: makeTask({ ...overdue, status: 'done' }) };
      }),
    );
    const { user } = renderApp('/tasks', adviser);
    const overdueGroup = await screen.findByRole('region', { name: 'Overdue (1)' });
    expect(within(overdueGroup).getByText('Chase the bank')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Due today (1)' })).getByText('Send the offer letters')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Upcoming (0)' })).getByText('None.')).toBeInTheDocument();

    await user.click(within(overdueGroup).getByRole('button', { name: 'Complete “Chase the bank”' }));
    expect(await screen.findByRole('region', { name: 'Overdue (0)' })).toBeInTheDocument();
    expect(patched).toEqual({ status: 'done' });
  });

  it('adds a task of the centre with no case, which then shows among the caller’s tasks', async () => {
    let items: (ReturnType<typeof makeTask> & { bucket: 'overdue' | 'today' | 'upcoming' })[] = [];
    let sent: unknown = null;
    server.use(
      on('get', '/api/v1/me/tasks', () => ({ status: 200, body: { items, nextCursor: null } })),
      on('post', '/api/v1/tasks', async ({ request }) => {
        sent = await request.json();
        const task = makeTask({ caseId: null, title: 'Restock the leaflets', dueDate: '2026-12-20' });
        items = [{ ...task, bucket: 'upcoming' }];
        return { status: 201, body: task };
      }),
    );
    const { user } = renderApp('/tasks', adviser);
    await user.click(await screen.findByRole('button', { name: 'Add a task without a case' }));
    const form = await screen.findByRole('form', { name: 'Add a task' });
    await user.type(within(form).getByLabelText(/^Task/), 'Restock the leaflets');
    await user.type(within(form).getByLabelText(/^Due/), '2026-12-20');
    await user.click(within(form).getByRole('button', { name: 'Add task' }));
    expect(await within(await screen.findByRole('region', { name: 'Upcoming (1)' })).findByText('Restock the leaflets')).toBeInTheDocument();
    expect(sent).toEqual({ title: 'Restock the leaflets', dueDate: '2026-12-20', priority: 'normal' });
  });
});
