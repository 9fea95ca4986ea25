import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { CASE_ID, makeTask } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));

describe('a task’s page', () => {
  it('shows the task with a link to its case, and completes it', async () => {
    let task = makeTask({ title: 'Chase the bank', details: 'Ask for 12 months of statements' });
    let patched: unknown = null;
    server.use(
      on('get', '/api/v1/tasks/{id}', ({ params }) => (params.id === task.id ? { status: 200, body: task } : { status: 404, body: problem(404, '/problems/not-found', 'No such task.') })),
      on('patch', '/api/v1/tasks/{id}', async ({ request }) => {
        patched = await request.json();
        task = { ...task, status: 'done', completedAt: '2026-12-01T10:00:00.000000Z' };
        return { status: 200, body: task };
      }),
    );
    const { user } = renderApp(`/tasks/${task.id}`, adviser);
    expect(await screen.findByRole('heading', { name: 'Chase the bank', level: 1 })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open its case' })).toHaveAttribute('href', `/cases/${CASE_ID}?tab=tasks`);
    const table = screen.getByRole('table', { name: 'This task' });
    expect(within(table).getByText('Ask for 12 months of statements')).toBeInTheDocument();
    await user.click(within(table).getByRole('button', { name: 'Complete “Chase the bank”' }));
    expect(await within(table).findByRole('button', { name: 'Reopen “Chase the bank”' })).toBeInTheDocument();
    expect(patched).toEqual({ status: 'done' });
  });

  it('says plainly when the task is not there or not the caller’s centre’s', async () => {
    server.use(on('get', '/api/v1/tasks/{id}', () => ({ status: 404, body: problem(404, '/problems/not-found', 'No such task.') })));
    renderApp('/tasks/01900000-0000-7000-8000-0000000000ff', adviser);
    expect(await screen.findByRole('heading', { name: 'Task not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to my tasks' })).toHaveAttribute('href', '/tasks');
  });
});
