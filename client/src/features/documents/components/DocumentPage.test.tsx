import { screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { CASE_ID, DOCUMENT_ID, makeCase, makeDocument, makeDocumentVersion } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));
const page = `/documents/${DOCUMENT_ID}`;

describe('a document’s page', () => {
  beforeAll(() => import('@/app/routes/casework'), 60_000);

  it('shows the extracted text with the OCR’s confidence, and the versions oldest first', async () => {
    const doc = makeDocument({
      name: 'Letter from Big Bank',
      contentType: 'image/tiff',
      currentVersion: 2,
      extractedText: 'Dear Ms Smith, your balance is £3,000.',
      extractionConfidence: 87.4,
      versions: [
        makeDocumentVersion({ version: 1, fileName: 'letter-draft.tiff', contentType: 'image/tiff' }),
        makeDocumentVersion({ version: 2, fileName: 'letter.tiff', contentType: 'image/tiff', createdAt: '2026-03-04T10:00:00.000000Z' }),
      ],
    });
    server.use(on('get', '/api/v1/documents/{id}', () => ({ status: 200, body: doc })));
    renderApp(page, adviser);
    expect(await screen.findByRole('heading', { name: 'Letter from Big Bank', level: 1 })).toBeInTheDocument();
    expect(screen.getByLabelText('Text of the document')).toHaveTextContent('Dear Ms Smith, your balance is £3,000.');
    expect(screen.getByText(/mean word confidence 87%/)).toBeInTheDocument();
    const rows = within(screen.getByRole('table', { name: 'Versions' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell')[1]!.textContent)).toEqual(['letter-draft.tiffimage/tiff', 'letter.tiffimage/tiff']);
    expect(within(rows[0]!).getByRole('button', { name: 'Download version 1' })).toBeInTheDocument();
    expect(within(rows[1]!).getByText('Current')).toBeInTheDocument();
    expect(screen.getByText(/There is no preview of this kind of file/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the case’s documents' })).toHaveAttribute('href', `/cases/${CASE_ID}?tab=documents`);
  });

  it('previews a PDF in a frame of its own bytes', async () => {
    server.use(on('get', '/api/v1/documents/{id}', () => ({ status: 200, body: makeDocument({ name: 'Statement March', contentType: 'application/pdf' }) })));
    renderApp(page, adviser);
    const frame = await screen.findByTitle(/^PDF preview: Version \d+ of Statement March$/);
    expect(frame.tagName).toBe('IFRAME');
    expect(frame.getAttribute('src')).toMatch(/^blob:/);
    expect(screen.getByRole('button', { name: 'Open the PDF in a new tab' })).toBeInTheDocument();
  });

  it('shows an image document as an image', async () => {
    server.use(on('get', '/api/v1/documents/{id}', () => ({ status: 200, body: makeDocument({ name: 'Payslip', contentType: 'image/png' }) })));
    renderApp(page, adviser);
    const img = await screen.findByRole('img', { name: /^Version \d+ of Payslip$/ });
    expect(img.getAttribute('src')).toMatch(/^blob:/);
    expect(screen.queryByTitle(/PDF preview/)).not.toBeInTheDocument();
  });

  it('offers a retry when the preview’s bytes cannot be read', async () => {
    server.use(
      on('get', '/api/v1/documents/{id}', () => ({ status: 200, body: makeDocument({ contentType: 'application/pdf' }) })),
      on('get', '/api/v1/documents/{id}/content', () => ({
        status: 503,
        body: problem(503, '/problems/unavailable', 'The document store could not be reached.'),
      })),
    );
    renderApp(page, adviser);
    expect(await screen.findByText(/document store could not be reached/)).toBeInTheDocument();
    expect(screen.queryByTitle(/PDF preview/)).not.toBeInTheDocument();
  });

  it('says plainly why extraction failed', async () => {
    const doc = makeDocument({ extractionStatus: 'failed', extractionError: 'The PDF is encrypted.', versions: [makeDocumentVersion({ extractionStatus: 'failed' })] });
    server.use(on('get', '/api/v1/documents/{id}', () => ({ status: 200, body: doc })));
    renderApp(page, adviser);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The text could not be extracted');
    expect(alert).toHaveTextContent('The PDF is encrypted.');
  });

  it('reads the document again while its text is pending, until it is done', async () => {
    let reads = 0;
    server.use(
      on('get', '/api/v1/documents/{id}', ({ call }) => {
        reads = call;
        const done = call >= 2;
        return {
          status: 200,
          body: makeDocument({
            extractionStatus: done ? 'done' : 'pending',
            extractedText: done ? 'Statement of account, March 2026.' : null,
            versions: [makeDocumentVersion({ extractionStatus: done ? 'done' : 'pending' })],
          }),
        };
      }),
    );
    renderApp(page, adviser);
    expect(await screen.findByText(/The text is being extracted/)).toBeInTheDocument();
    expect(await screen.findByLabelText('Text of the document', {}, { timeout: 10_000 })).toHaveTextContent('Statement of account, March 2026.');
    await new Promise((r) => setTimeout(r, 3500));
    expect(reads).toBe(2);
  });

  it('deletes the document after asking, and goes back to the case’s list', async () => {
    let deleted = false;
    server.use(
      on('get', '/api/v1/documents/{id}', () => ({ status: 200, body: makeDocument({ name: 'Old payslip', versions: [makeDocumentVersion()] }) })),
      on('delete', '/api/v1/documents/{id}', ({ params }) => {
        deleted = params.id === DOCUMENT_ID;
        return { status: 204 };
      }),
      on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
      on('get', '/api/v1/cases/{id}/documents', () => ({ status: 200, body: { items: [], nextCursor: null } })),
    );
    const { user } = renderApp(page, adviser);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this document?' });
    expect(within(dialog).getByText(/“Old payslip” and its one version will no longer be listed/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    expect(deleted).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Delete this document?' })).getByRole('button', { name: 'Delete document' }));
    expect(await screen.findByText('No documents on this case yet.')).toBeInTheDocument();
    expect(deleted).toBe(true);
  });

  it('shows the API’s refusal to delete in the dialog', async () => {
    server.use(
      on('get', '/api/v1/documents/{id}', () => ({ status: 200, body: makeDocument({ versions: [makeDocumentVersion()] }) })),
      on('delete', '/api/v1/documents/{id}', () => ({ status: 403, body: problem(403, '/problems/forbidden', 'Your role may not do this.') })),
    );
    const { user } = renderApp(page, adviser);
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete this document?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete document' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Your role may not do this.');
  });

  it('says so when the document is gone or another centre’s', async () => {
    server.use(on('get', '/api/v1/documents/{id}', () => ({ status: 404, body: problem(404, '/problems/not-found', 'No such document.') })));
    renderApp(page, adviser);
    expect(await screen.findByRole('heading', { name: 'Document not found' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete' })).not.toBeInTheDocument());
  });
});
