import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { CASE_ID, makeCase, makeCompliance, makeNote, NOTE_ID } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));

const budget = {
  item: 'full_budget' as const,
  label: 'A full budget',
  derived: true,
  satisfied: false,
  detail: 'The case has no budget yet.',
  tick: null,
};
const writing = { item: 'advice_confirmed_in_writing' as const, label: 'Advice confirmed in writing', derived: false, satisfied: false, detail: null, tick: null };

describe('the compliance tab', () => {
  it('explains derived items and offers no tick for them; ticks another with a note as evidence', async () => {
    let sent: unknown = null;
    server.use(
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/cases/{id}/notes', () => ({ status: 200, body: { items: [makeNote({ type: 'letter', body: 'Advice letter sent.' })], nextCursor: null } })),
      on('get', '/api/v1/cases/{id}/compliance', () => ({ status: 200, body: makeCompliance([budget, writing]) })),
      on('post', '/api/v1/cases/{id}/compliance', async ({ request }) => {
        sent = await request.json();
        return {
          status: 200,
          body: makeCompliance([
            budget,
            { ...writing, satisfied: true, tick: { evidenceNoteId: NOTE_ID, tickedBy: makeUser().id, tickedAt: '2026-03-04T10:00:00.000000Z' } },
          ]),
        };
      }),
    );
    const { user } = renderApp(`/cases/${CASE_ID}?tab=compliance`, adviser);
    const derived = await screen.findByRole('listitem', { name: 'A full budget' });
    expect(within(derived).getByText(/cannot be ticked: The case has no budget yet\./)).toBeInTheDocument();
    expect(within(derived).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('Incomplete')).toBeInTheDocument();

    const item = screen.getByRole('listitem', { name: 'Advice confirmed in writing' });
    expect(within(item).getByRole('button', { name: 'Tick' })).toBeDisabled();
    await user.selectOptions(within(item).getByLabelText('Evidence note'), NOTE_ID);
    await user.click(within(item).getByRole('button', { name: 'Tick' }));
    expect(await within(item).findByText(/^Evidence: Letter, .*Advice letter sent\./)).toBeInTheDocument();
    expect(sent).toEqual({ item: 'advice_confirmed_in_writing', evidenceNoteId: NOTE_ID });
    expect(within(item).getByText('Done')).toBeInTheDocument();
  });
});
