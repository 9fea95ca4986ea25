import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { asCase, CASE_ID, makeCase } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));
const trainee = makeSignIn('token', makeUser({ role: 'trainee' }));
const manager = makeSignIn('token', makeUser({ role: 'manager' }));

function withCase(c = makeCase()) {
  server.use(
    on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: c })),
    on('get', '/api/v1/users', () => ({ status: 200, body: { items: [makeUser({ role: 'manager' })], nextCursor: null } })),
  );
}

describe('the case page', () => {
  it('shows the reference, client, figures and only the status changes the API allows', async () => {
    withCase();
    renderApp(`/cases/${CASE_ID}`, adviser);
    expect(await screen.findByRole('heading', { name: 'Case MAN-2026-00042' })).toBeInTheDocument();
    const figures = screen.getByRole('region', { name: 'Figures' });
    expect(within(figures).getByText('£6,000.00')).toBeInTheDocument();
    expect(within(figures).getAllByText('£1,240.00')).toHaveLength(2); // priority debt and its arrears
    expect(within(figures).getByText('£150.00')).toBeInTheDocument();
    expect(within(figures).getByText('1 Dec 2026')).toBeInTheDocument();
    const status = screen.getByRole('region', { name: 'Status' });
    expect(within(status).getAllByRole('button').map((b) => b.textContent)).toEqual(['Close case', 'Refer', 'Cancel case']);
    expect(screen.queryByRole('tab', { name: 'History' })).not.toBeInTheDocument();
  });

  it('offers a trainee no way to finish a case', async () => {
    withCase();
    renderApp(`/cases/${CASE_ID}`, trainee);
    const status = await screen.findByRole('region', { name: 'Status' });
    expect(within(status).queryAllByRole('button')).toHaveLength(0);
    expect(within(status).getByText('Your role cannot change this case’s status.')).toBeInTheDocument();
  });

  it('asks for the outcome and reason to close, and shows the API’s field errors next to them', async () => {
    withCase();
    let sent: unknown = null;
    server.use(
      on('post', '/api/v1/cases/{id}/transitions', async ({ request }) => {
        sent = await request.json();
        return {
          status: 422,
          body: problem(422, '/problems/validation', 'Some fields are invalid.', [{ field: 'closureReason', message: 'must not contain control characters' }]),
        };
      }),
    );
    const { user } = renderApp(`/cases/${CASE_ID}`, adviser);
    await user.click(await screen.findByRole('button', { name: 'Close case' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Close case' }));
    expect(await within(dialog).findByText('Enter the outcome')).toBeInTheDocument();
    expect(within(dialog).getByText('Enter the reason for closing')).toBeInTheDocument();
    expect(sent).toBeNull();
    await user.type(within(dialog).getByLabelText(/^Outcome/), 'Debt management plan set up.');
    await user.type(within(dialog).getByLabelText(/^Reason for closing/), 'Advice complete.');
    await user.click(within(dialog).getByRole('button', { name: 'Close case' }));
    expect(await within(dialog).findByText('Must not contain control characters')).toBeInTheDocument();
    expect(within(dialog).getByLabelText(/^Reason for closing/)).toHaveAccessibleDescription(/must not contain control characters/i);
    expect(sent).toEqual({ to: 'closed', outcome: 'Debt management plan set up.', closureReason: 'Advice complete.' });
  });

  it('lets only a manager reopen a finished case, with a reason', async () => {
    const closed = makeCase({ status: 'closed', outcome: 'Done', closureReason: 'Advice complete', closedAt: '2026-03-05T10:00:00Z', allowedTransitions: ['in_progress'] });
    withCase(closed);
    const first = renderApp(`/cases/${CASE_ID}`, adviser);
    expect(await screen.findByText('Only a manager can reopen this case.')).toBeInTheDocument();
    first.unmount();

    let sent: unknown = null;
    server.use(
      on('post', '/api/v1/cases/{id}/transitions', async ({ request }) => {
        sent = await request.json();
        return { status: 200, body: { ...asCase(closed), status: 'in_progress' as const, closedAt: null, outcome: null, closureReason: null } };
      }),
    );
    const { user } = renderApp(`/cases/${CASE_ID}`, manager);
    await user.click(await screen.findByRole('button', { name: 'Reopen case' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Reopen case' }));
    expect(await within(dialog).findByText('Enter the reason for reopening')).toBeInTheDocument();
    await user.type(within(dialog).getByLabelText(/^Reason for reopening/), 'A new bailiff letter.');
    await user.click(within(dialog).getByRole('button', { name: 'Reopen case' }));
    await screen.findByRole('button', { name: 'Reopen case' }); // the dialog closes; the case reloads
    expect(sent).toEqual({ to: 'in_progress', reason: 'A new bailiff letter.' });
  });

  it('keeps the tab in the URL and shows the history to managers', async () => {
    withCase();
    server.use(
      on('get', '/api/v1/audit', ({ request }) => {
        const q = new URL(request.url).searchParams;
        expect(q.get('entityType')).toBe('case');
        expect(q.get('entityId')).toBe(CASE_ID);
        return {
          status: 200,
          body: {
            items: [
              {
                id: 'a1',
                centreId: null,
                seq: 1,
                at: '2026-03-02T10:00:00Z',
                actorUserId: null,
                action: 'case.open',
                entityType: 'case',
                entityId: CASE_ID,
                changes: {},
                requestId: 'r',
                ip: '127.0.0.1',
                userAgent: '',
                prevHash: '',
                hash: 'h',
              },
            ],
            nextCursor: null,
          },
        };
      }),
    );
    renderApp(`/cases/${CASE_ID}?tab=history`, manager);
    expect(await screen.findByRole('tab', { name: 'History', selected: true })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'case.open' })).toBeInTheDocument();
  });

  it('says a case it cannot see is not found', async () => {
    server.use(on('get', '/api/v1/cases/{id}', () => ({ status: 404, body: problem(404, '/problems/not-found', 'No such case.') })));
    renderApp(`/cases/${CASE_ID}`, adviser);
    expect(await screen.findByRole('heading', { name: 'Case not found' })).toBeInTheDocument();
  });

  it('says when closing is refused for an incomplete checklist, links to it, and lets a manager close anyway', async () => {
    withCase();
    const sent: unknown[] = [];
    server.use(
      on('post', '/api/v1/cases/{id}/transitions', async ({ request }) => {
        const body = (await request.json()) as { complianceOverrideReason?: string };
        sent.push(body);
        if (body.complianceOverrideReason === undefined)
          return {
            status: 409,
            body: problem(
              409,
              '/problems/failed-precondition',
              'The compliance checklist is incomplete (missing: next_review_date). Complete it, or a manager may close the case with a complianceOverrideReason.',
            ),
          };
        return { status: 200, body: makeCase({ status: 'closed', allowedTransitions: ['in_progress'] }) };
      }),
    );
    const { user } = renderApp(`/cases/${CASE_ID}`, manager);
    await user.click(await screen.findByRole('button', { name: 'Close case' }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByLabelText(/^Outcome/), 'Advice given.');
    await user.type(within(dialog).getByLabelText(/^Reason for closing/), 'Client satisfied.');
    await user.click(within(dialog).getByRole('button', { name: 'Close case' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The compliance checklist is not complete');
    expect(within(alert).getByRole('link', { name: 'Open the compliance checklist' })).toHaveAttribute('href', `/cases/${CASE_ID}?tab=compliance`);
    await user.type(within(dialog).getByLabelText(/^Close anyway/), 'Client moved abroad; letter could not be sent.');
    await user.click(within(dialog).getByRole('button', { name: 'Close case' }));
    await screen.findByText('Only a manager can reopen this case.').catch(() => undefined);
    expect(sent[1]).toMatchObject({ to: 'closed', complianceOverrideReason: 'Client moved abroad; letter could not be sent.' });
  });

  it('offers an adviser no way to close anyway', async () => {
    withCase();
    const { user } = renderApp(`/cases/${CASE_ID}`, adviser);
    await user.click(await screen.findByRole('button', { name: 'Close case' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).queryByLabelText(/^Close anyway/)).not.toBeInTheDocument();
  });
});
