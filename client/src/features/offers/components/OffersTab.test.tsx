import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { CASE_ID, makeCase, makeOfferSet } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));
const SAVED = '01900000-0000-7000-8000-00000000e001';

describe('the offers tab', () => {
  it('shows the pro-rata offers, saves them and applies them to the debts', async () => {
    const saved = makeOfferSet({ id: SAVED, createdBy: makeUser().id, createdAt: '2026-03-02T11:00:00Z' });
    let sets = [] as (typeof saved)[];
    let applied = false;
    server.use(
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/cases/{id}/offers/proposal', () => ({ status: 200, body: makeOfferSet() })),
      on('get', '/api/v1/cases/{id}/offers', () => ({ status: 200, body: { items: sets, nextCursor: null } })),
      on('post', '/api/v1/cases/{id}/offers', () => {
        sets = [saved];
        return { status: 201, body: saved };
      }),
      on('post', '/api/v1/cases/{id}/offers/{offerId}/apply', ({ params }) => {
        applied = params.offerId === SAVED;
        sets = [{ ...saved, appliedAt: '2026-03-02T11:05:00Z' }];
        return { status: 200, body: sets[0]! };
      }),
    );
    const { user } = renderApp(`/cases/${CASE_ID}?tab=offers`, adviser);
    const table = await screen.findByRole('table', { name: 'Proposed offers' });
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Big Bank£3,000.0050.0%£50.01');
    expect(rows[4]).toHaveTextContent('Total£6,000.00£100.00');
    expect(screen.getByText(/£100.00 a month available for non-priority creditors/)).toBeInTheDocument();
    expect(screen.getByText('No offers saved yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save these offers' }));
    await user.click(await screen.findByRole('button', { name: 'Apply offered payments to the debts' }));
    expect(await screen.findByText(/^Applied/)).toBeInTheDocument();
    expect(applied).toBe(true);
  });

  it('explains token payments and says when there is nothing to offer', async () => {
    server.use(
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/cases/{id}/offers/proposal', () => ({
        status: 409,
        body: problem(409, '/problems/failed-precondition', 'The case has no budget.'),
      })),
      on('get', '/api/v1/cases/{id}/offers', () => ({
        status: 200,
        body: {
          items: [
            makeOfferSet({
              id: SAVED,
              token: true,
              available: 0,
              totalMonthly: 300,
              createdAt: '2026-03-02T11:00:00Z',
              lines: makeOfferSet().lines.map((l) => ({ ...l, monthly: 100, token: true })),
            }),
          ],
          nextCursor: null,
        },
      })),
    );
    renderApp(`/cases/${CASE_ID}?tab=offers`, makeSignIn('token', makeUser({ role: 'trainee' })));
    expect(await screen.findByText('The case has no budget.')).toBeInTheDocument();
    expect(await screen.findByText('Token payments')).toBeInTheDocument();
    expect(screen.getAllByText('Token')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'Apply offered payments to the debts' })).not.toBeInTheDocument();
  });
});

describe('the solutions tab', () => {
  it('says which solutions are open and what rules the others out', async () => {
    const closed = { available: false, cautions: [] };
    server.use(
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/cases/{id}/solutions', () => ({
        status: 200,
        body: {
          caseId: CASE_ID,
          assessedOn: '2026-03-02',
          droLimitsFrom: '2024-06-28',
          rulesFrom: '2021-05-04',
          rulesIllustrative: true,
          facts: {
            totalDebt: 600000,
            nonPriorityDebt: 476000,
            nonPriorityCreditors: 2,
            assets: 0,
            vehicleValue: 0,
            vehicleAdapted: false,
            homeowner: false,
            connectedToEnglandOrWales: true,
            droInLastSixYears: false,
            breathingSpaceInLastYear: false,
            mentalHealthCrisis: false,
            monthlySurplus: 15000,
          },
          results: [
            {
              solution: 'debt_relief_order' as const,
              ...closed,
              barriers: [
                { rule: 'surplus_over_limit' as const, detail: 'Surplus of £150.00 a month is over the limit of £75.00.', actual: 15000, limit: 7500 },
              ],
            },
            { solution: 'bankruptcy' as const, available: true, barriers: [], cautions: ['The application fee is £680.'] },
          ],
        },
      })),
    );
    renderApp(`/cases/${CASE_ID}?tab=solutions`, adviser);
    const dro = await screen.findByRole('region', { name: 'Debt Relief Order' });
    expect(within(dro).getByText('Ruled out')).toBeInTheDocument();
    expect(within(dro).getByText(/Surplus of £150.00 a month is over the limit of £75.00./)).toBeInTheDocument();
    const bankruptcy = screen.getByRole('region', { name: 'Bankruptcy' });
    expect(within(bankruptcy).getByText('Open')).toBeInTheDocument();
    expect(within(bankruptcy).getByText('The application fee is £680.')).toBeInTheDocument();
    expect(screen.getByText(/illustrative rules of thumb/)).toBeInTheDocument();
  });

  it('screens on another day from the URL, and says plainly when the API refuses the day', async () => {
    server.use(
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/cases/{id}/solutions', ({ request }) => {
        expect(new URL(request.url).searchParams.get('date')).toBe('2021-01-01');
        return {
          status: 422,
          body: problem(422, '/problems/validation', 'Some fields are invalid.', [
            { field: 'date', message: 'is before the earliest thresholds held (2021-05-04)' },
          ]),
        };
      }),
    );
    renderApp(`/cases/${CASE_ID}?tab=solutions&on=2021-01-01`, adviser);
    expect(await screen.findByText('Is before the earliest thresholds held (2021-05-04)')).toBeInTheDocument();
    expect(screen.getByLabelText('Assess on')).toHaveValue('2021-01-01');
  });
});
