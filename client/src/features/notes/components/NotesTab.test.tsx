import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { CASE_ID, makeCase, makeNote, NOTE_ID } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));
const pinned = makeNote({ id: '01900000-0000-7000-8000-0000000000e2', type: 'letter', body: 'Bailiff letter received.', pinned: true });

describe('the notes tab', () => {
  it('lists pinned notes first, and an edit makes a revision with the earlier text still readable', async () => {
    let current = makeNote();
    let patched: unknown = null;
    server.use(
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/cases/{id}/notes', () => ({ status: 200, body: { items: [pinned, current], nextCursor: null } })),
      on('patch', '/api/v1/cases/{id}/notes/{noteId}', async ({ request }) => {
        patched = await request.json();
        current = makeNote({ body: 'Client rang: the hearing moved to 21 January.', revision: 2, updatedAt: '2026-03-03T11:00:00.000000Z' });
        return { status: 200, body: current };
      }),
      on('get', '/api/v1/cases/{id}/notes/{noteId}/revisions', () => ({
        status: 200,
        body: {
          items: [
            { noteId: NOTE_ID, revision: 1, type: 'call' as const, body: 'Client rang about the council tax summons.', editedBy: current.authorId, editedAt: current.createdAt },
            { noteId: NOTE_ID, revision: 2, type: 'call' as const, body: current.body, editedBy: current.authorId, editedAt: current.updatedAt },
          ],
          nextCursor: null,
        },
      })),
    );
    const { user } = renderApp(`/cases/${CASE_ID}?tab=notes`, adviser);
    const articles = await screen.findAllByRole('article');
    expect(within(articles[0]!).getByText('Pinned')).toBeInTheDocument();
    expect(within(articles[0]!).getByText('Bailiff letter received.')).toBeInTheDocument();

    await user.click(within(articles[1]!).getByRole('button', { name: 'Edit' }));
    const form = await screen.findByRole('form', { name: 'Edit the note' });
    expect(within(form).getByText(/Saving makes revision 2/)).toBeInTheDocument();
    const text = within(form).getByLabelText(/^Note/);
    await user.clear(text);
    await user.type(text, 'Client rang: the hearing moved to 21 January.');
    await user.click(within(form).getByRole('button', { name: 'Save revision' }));
    expect(patched).toEqual({ type: 'call', body: 'Client rang: the hearing moved to 21 January.' });

    const revised = await screen.findByText('Client rang: the hearing moved to 21 January.');
    const card = revised.closest('article') as HTMLElement;
    expect(within(card).getByText(/revision 2/)).toBeInTheDocument();
    await user.click(within(card).getByRole('button', { name: 'Show revisions' }));
    const revisions = await within(card).findByRole('list', { name: 'Revisions' });
    expect(within(revisions).getByText('Client rang about the council tax summons.')).toBeInTheDocument();
    expect(within(revisions).getByText(/^Revision 1/)).toBeInTheDocument();
  });

  it('filters the notes by type and to pinned ones, asking the API, with the filters in the URL', async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/cases/{id}/notes', ({ request }) => {
        const params = new URL(request.url).searchParams;
        asked.push(params);
        const items = [pinned, makeNote()].filter((n) => (params.get('type') ?? n.type) === n.type && (params.get('pinned') !== 'true' || n.pinned));
        return { status: 200, body: { items, nextCursor: null } };
      }),
    );
    const { user } = renderApp(`/cases/${CASE_ID}?tab=notes&pinned=true`, adviser);
    expect(await screen.findByText('Bailiff letter received.')).toBeInTheDocument();
    expect(screen.queryByText(makeNote().body)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Pinned only')).toBeChecked();

    await user.click(screen.getByLabelText('Pinned only'));
    expect(await screen.findByText(makeNote().body)).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Type'), 'Meeting');
    expect(await screen.findByText('No notes match.')).toBeInTheDocument();
    expect(asked.at(-1)?.get('type')).toBe('meeting');
    expect(asked.at(-1)?.has('pinned')).toBe(false);
  });
});
