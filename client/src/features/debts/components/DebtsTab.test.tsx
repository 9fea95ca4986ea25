import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { CASE_ID, makeCase, makeDebt } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));

const councilTax = makeDebt({
  id: '01900000-0000-7000-8000-00000000d009',
  creditor: 'Manchester City Council',
  debtType: 'council_tax_arrears',
  accountReference: '****7781',
  balance: 124000,
  arrears: 124000,
  derivedPriority: 'priority',
  effectivePriority: 'priority',
});
const overdraft = makeDebt({
  creditor: 'Big Bank',
  debtType: 'benefit_overpayment',
  derivedPriority: 'non_priority',
  priorityOverride: 'priority',
  priorityReason: 'Recovered by deduction from benefits.',
  effectivePriority: 'priority',
});

function withDebts() {
  server.use(
    on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
    on('get', '/api/v1/cases/{id}/debts', () => ({ status: 200, body: { items: [councilTax, overdraft], nextCursor: null } })),
  );
}

describe('the debts tab', () => {
  it('marks priority, derived and overridden, and shows account references masked', async () => {
    withDebts();
    renderApp(`/cases/${CASE_ID}?tab=debts`, adviser);
    const table = await screen.findByRole('table', { name: 'Debts' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByText('Priority')).toBeInTheDocument();
    expect(within(rows[1]!).getByText('****7781')).toBeInTheDocument();
    expect(within(rows[1]!).getAllByText('£1,240.00')).toHaveLength(2);
    expect(within(rows[2]!).getByText(/Overridden \(by type: Non priority\): Recovered by deduction/)).toBeInTheDocument();
  });

  it('checks amounts as typed, then puts the API’s field errors next to the fields', async () => {
    withDebts();
    let sent: Record<string, unknown> | null = null;
    server.use(
      on('post', '/api/v1/cases/{id}/debts', async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return {
          status: 422,
          body: problem(422, '/problems/validation', 'Some fields are invalid.', [
            { field: 'accountReference', message: 'may contain only letters, digits, spaces, -, / and .' },
          ]),
        };
      }),
    );
    const { user } = renderApp(`/cases/${CASE_ID}?tab=debts`, adviser);
    await user.click(await screen.findByRole('button', { name: 'Add a debt' }));
    const form = screen.getByRole('form', { name: 'Add a debt' });
    await user.type(within(form).getByLabelText(/^Creditor/), 'Store Card Co');
    await user.selectOptions(within(form).getByLabelText(/^Kind of debt/), 'store_card');
    await user.type(within(form).getByLabelText(/^Balance/), '1,234.567');
    await user.type(within(form).getByLabelText(/^Arrears/), '-5');
    await user.click(within(form).getByRole('button', { name: 'Add debt' }));
    expect(await within(form).findByText('Enter no more than 2 decimal places (pence)')).toBeInTheDocument();
    expect(within(form).getByText('Enter an amount of £0.00 or more')).toBeInTheDocument();
    expect(sent).toBeNull();

    await user.clear(within(form).getByLabelText(/^Balance/));
    await user.type(within(form).getByLabelText(/^Balance/), '1,234.56');
    await user.clear(within(form).getByLabelText(/^Arrears/));
    await user.type(within(form).getByLabelText(/^Account reference/), 'AB-12');
    await user.click(within(form).getByRole('button', { name: 'Add debt' }));
    expect(await within(form).findByText('May contain only letters, digits, spaces, -, / and .')).toBeInTheDocument();
    expect(within(form).getByLabelText(/^Account reference/)).toHaveAccessibleDescription(/may contain only letters/i);
    expect(sent).toMatchObject({ creditor: 'Store Card Co', debtType: 'store_card', balance: 123456, arrears: 0, accountReference: 'AB-12' });
  });

  it('asks for a reason with a priority override', async () => {
    withDebts();
    const { user } = renderApp(`/cases/${CASE_ID}?tab=debts`, adviser);
    await user.click(await screen.findByRole('button', { name: 'Add a debt' }));
    const form = screen.getByRole('form', { name: 'Add a debt' });
    await user.type(within(form).getByLabelText(/^Creditor/), 'DWP');
    await user.type(within(form).getByLabelText(/^Balance/), '500');
    await user.selectOptions(within(form).getByLabelText(/^Priority override/), 'priority');
    await user.click(within(form).getByRole('button', { name: 'Add debt' }));
    expect(await within(form).findByText('Give the reason for overriding the priority')).toBeInTheDocument();
  });

  it('edits a debt in place from its full record', async () => {
    withDebts();
    let sent: Record<string, unknown> | null = null;
    server.use(
      on('get', '/api/v1/cases/{id}/debts/{debtId}', () => ({ status: 200, body: { ...councilTax, accountReference: 'CT-0042-7781' } })),
      on('patch', '/api/v1/cases/{id}/debts/{debtId}', async ({ request }) => {
        sent = (await request.json()) as Record<string, unknown>;
        return { status: 200, body: { ...councilTax, offeredPayment: 2500 } };
      }),
    );
    const { user } = renderApp(`/cases/${CASE_ID}?tab=debts`, adviser);
    await user.click(await screen.findByRole('button', { name: 'Edit the debt to Manchester City Council' }));
    const form = await screen.findByRole('form', { name: 'Edit the debt to Manchester City Council' });
    expect(within(form).getByLabelText(/^Account reference/)).toHaveValue('CT-0042-7781');
    expect(within(form).getByLabelText(/^Balance/)).toHaveValue('1240.00');
    await user.clear(within(form).getByLabelText(/^Offered payment/));
    await user.type(within(form).getByLabelText(/^Offered payment/), '25');
    await user.click(within(form).getByRole('button', { name: 'Save debt' }));
    await screen.findByRole('button', { name: 'Edit the debt to Manchester City Council' });
    expect(screen.queryByRole('form', { name: 'Edit the debt to Manchester City Council' })).not.toBeInTheDocument();
    expect(sent).toMatchObject({ offeredPayment: 2500, balance: 124000, accountReference: 'CT-0042-7781' });
  });

  it('removes a debt after asking, and shows why a finished case’s debt is kept', async () => {
    let items = [councilTax, overdraft];
    let removed: string | undefined;
    let finished = false;
    server.use(
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/cases/{id}/debts', () => ({ status: 200, body: { items, nextCursor: null } })),
      on('delete', '/api/v1/cases/{id}/debts/{debtId}', ({ params }) => {
        if (finished) return { status: 409, body: problem(409, '/problems/failed-precondition', 'The case is closed; reopen it first.') };
        removed = String(params.debtId);
        items = items.filter((d) => d.id !== removed);
        return { status: 200, body: { ...councilTax, status: 'removed' as const } };
      }),
    );
    const { user } = renderApp(`/cases/${CASE_ID}?tab=debts`, adviser);
    const table = await screen.findByRole('table', { name: 'Debts' });
    await user.click(within(table).getByRole('button', { name: 'Remove the debt to Manchester City Council' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove the debt to Manchester City Council?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove the debt' }));
    await waitFor(() => expect(within(table).queryByText('Manchester City Council')).not.toBeInTheDocument());
    expect(removed).toBe(councilTax.id);

    finished = true;
    await user.click(within(table).getByRole('button', { name: 'Remove the debt to Big Bank' }));
    const again = await screen.findByRole('dialog', { name: 'Remove the debt to Big Bank?' });
    await user.click(within(again).getByRole('button', { name: 'Remove the debt' }));
    expect(await within(again).findByRole('alert')).toHaveTextContent('The case is closed; reopen it first.');
  });
});
