import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { asVersion, CASE_ID, makeBudget, makeCase } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));

describe('the budget tab', () => {
  it('works out monthly figures and the surplus as the adviser types, rounding as the server does', async () => {
    let sent: { lines: unknown[] } | null = null;
    server.use(
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/cases/{id}/budget', () => ({ status: 404, body: problem(404, '/problems/not-found', 'No budget.') })),
      on('put', '/api/v1/cases/{id}/budget', async ({ request }) => {
        sent = (await request.json()) as { lines: unknown[] };
        return {
          status: 422,
          body: problem(422, '/problems/validation', 'Some fields are invalid.', [
            { field: 'lines[1].category', message: 'is not a category of flexible_costs' },
          ]),
        };
      }),
    );
    const { user } = renderApp(`/cases/${CASE_ID}?tab=budget`, adviser);
    await user.click(await screen.findByRole('button', { name: 'Add to income' }));
    await user.selectOptions(screen.getByLabelText('Income item 1 category'), 'wages');
    await user.type(screen.getByLabelText('Income item 1 amount'), '425');
    await user.selectOptions(screen.getByLabelText('Income item 1 frequency'), 'weekly');
    expect(screen.getByLabelText('Income item 1 monthly')).toHaveTextContent('£1,841.67'); // 184166.67 rounded

    await user.click(screen.getByRole('button', { name: 'Add to flexible costs' }));
    await user.selectOptions(screen.getByLabelText('Flexible costs item 1 category'), 'food_and_housekeeping');
    await user.type(screen.getByLabelText('Flexible costs item 1 amount'), '100.50');
    await user.selectOptions(screen.getByLabelText('Flexible costs item 1 frequency'), 'annual');
    expect(screen.getByLabelText('Flexible costs item 1 monthly')).toHaveTextContent('£8.38'); // 837.5 rounds up
    const totals = screen.getByLabelText('Monthly totals as entered');
    expect(within(totals).getByText('£1,833.29 a month')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Flexible costs item 1 amount'), '1');
    expect(screen.getByLabelText('Flexible costs item 1 monthly')).toHaveTextContent('—');
    await user.clear(screen.getByLabelText('Flexible costs item 1 amount'));
    await user.type(screen.getByLabelText('Flexible costs item 1 amount'), '30000');
    expect(within(totals).getByText('Deficit')).toBeInTheDocument();
    expect(within(totals).getByText('−£658.33 a month')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save budget' }));
    expect(await screen.findByText('Is not a category of flexible_costs')).toBeInTheDocument();
    expect(screen.getByLabelText('Flexible costs item 1 category')).toHaveAccessibleDescription(/is not a category/i);
    // The household is left to the server, which takes it from the client's record.
    expect(sent).not.toHaveProperty('adults');
    expect(sent).toMatchObject({
      kind: 'initial',
      lines: [
        { section: 'income', category: 'wages', amount: 42500, frequency: 'weekly' },
        { section: 'flexible_costs', category: 'food_and_housekeeping', amount: 3000000, frequency: 'annual' },
      ],
    });
  });

  it('shows the saved version’s figures, explains guideline flags, and lists the versions', async () => {
    server.use(
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/cases/{id}/budget', () => ({ status: 200, body: makeBudget({ version: 2, kind: 'revised' }) })),
      on('get', '/api/v1/cases/{id}/budget/versions', () => {
        const v = asVersion(makeBudget());
        return { status: 200, body: { items: [v, { ...v, id: 'v2', version: 2, kind: 'revised' as const }], nextCursor: null } };
      }),
      on('get', '/api/v1/cases/{id}/budget/versions/{version}', () => ({ status: 200, body: makeBudget() })),
    );
    const { user } = renderApp(`/cases/${CASE_ID}?tab=budget`, adviser);
    expect(await screen.findByText(/Version 2 \(Revised\)/)).toBeInTheDocument();
    expect(screen.getAllByText('£1,066.67 a month')).toHaveLength(2); // the surplus, all of it available
    expect(screen.getByText(/Food and housekeeping: £433.33 a month is £133.33 over the guideline of £300.00/)).toBeInTheDocument();
    expect(screen.getByText('Illustrative guidelines')).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: 'Show version 1' }));
    expect(await screen.findByText(/Version 1 \(Initial\)/)).toBeInTheDocument();
  });
});
