import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on } from '@/testing/api';
import { asCase, makeCase } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

describe('the cases list', () => {
  it('sends the filters and sort from the URL and keeps changes there', async () => {
    const asked: string[] = [];
    const c = asCase(makeCase());
    server.use(
      on('get', '/api/v1/cases', ({ request }) => {
        const q = new URL(request.url).searchParams;
        q.delete('limit');
        asked.push(q.toString());
        return { status: 200, body: { items: q.has('priority') ? [] : [c], nextCursor: null } };
      }),
    );
    const { user } = renderApp('/cases?status=in_progress&sort=reference', makeSignIn('token', makeUser({ role: 'advisor' })));
    expect(await screen.findByRole('link', { name: 'MAN-2026-00042' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'You' })).toBeInTheDocument();
    expect(asked[0]).toBe('status=in_progress&sort=reference');
    await user.selectOptions(screen.getByLabelText('Priority'), 'urgent');
    expect(await screen.findByText('No cases match these filters.')).toBeInTheDocument();
    expect(asked.at(-1)).toBe('status=in_progress&priority=urgent&sort=reference');
    await user.type(screen.getByLabelText('Opened from'), '2026-01-01');
    await user.click(screen.getByRole('button', { name: 'Apply filters' }));
    await screen.findByText('No cases match these filters.');
    expect(asked.at(-1)).toContain('openedFrom=2026-01-01');
  });
});
