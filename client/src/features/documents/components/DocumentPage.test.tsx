import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { CASE_ID, DOCUMENT_ID, makeCase, makeDocument, makeDocumentVersion } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { server } from '@/testing/server';
import { scriptedUploads } from '@/testing/xhr';

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

  describe('a new version with presigned uploads to storage', () => {
    afterEach(() => vi.unstubAllGlobals());
    const bucket = 'https://docs.s3.eu-west-2.amazonaws.com';
    const april = () => new File(['%PDF-1.4 april statement'], 'april.pdf', { type: 'application/pdf' });

    // The document at version 1 (version 2 once completed), its version upload-url answering
    // `status`; records what upload-url was asked and which uploads were completed.
    function versionUploads(status: 201 | 409) {
      const first = makeDocument({ currentVersion: 1, versions: [makeDocumentVersion({ version: 1 })] });
      const second = makeDocument({
        currentVersion: 2,
        versions: [makeDocumentVersion({ version: 1 }), makeDocumentVersion({ version: 2, fileName: 'april.pdf' })],
      });
      let current = first;
      const asked: unknown[] = [];
      const completed: string[] = [];
      server.use(
        on('get', '/api/v1/documents/{id}', () => ({ status: 200, body: current })),
        on('post', '/api/v1/documents/{id}/versions/upload-url', async ({ request }) => {
          asked.push(await request.json());
          if (status === 409) return { status: 409, body: problem(409, '/problems/conflict', 'Local files have no upload URLs.') };
          return {
            status: 201,
            body: {
              uploadId: 'up-2',
              documentId: DOCUMENT_ID,
              version: 2,
              method: 'PUT' as const,
              url: `${bucket}/centres/c1/documents/${DOCUMENT_ID}/v2?X-Amz-Signature=abc`,
              expiresInSeconds: 900,
              completeBy: '2026-03-04T10:20:00Z',
            },
          };
        }),
        on('post', '/api/v1/documents/{id}/versions/uploads/{uploadId}/complete', ({ params }) => {
          completed.push(String(params.uploadId));
          current = second;
          return { status: 201, body: second };
        }),
      );
      return { asked, completed };
    }

    async function sendNewVersion() {
      const sent = scriptedUploads();
      const { user } = renderApp(page, adviser, { uploadOrigin: bucket });
      await user.click(await screen.findByRole('button', { name: 'Upload a new version' }));
      const form = await screen.findByRole('form', { name: 'Upload a new version' });
      await user.upload(within(form).getByLabelText(/^File/), april());
      await user.click(within(form).getByRole('button', { name: 'Upload version' }));
      await waitFor(() => expect(sent).toHaveLength(1));
      return sent;
    }

    it('PUTs the file to the bucket under the version the server reserved, then completes it', async () => {
      const calls = versionUploads(201);
      const sent = await sendNewVersion();
      expect(calls.asked).toEqual([{ name: 'april.pdf', sizeBytes: april().size }]);
      expect(sent[0]!.method).toBe('PUT');
      expect(sent[0]!.url).toContain(`${bucket}/centres/c1/documents/${DOCUMENT_ID}/v2?`);
      expect(sent[0]!.headers).not.toHaveProperty('Authorization');
      sent[0]!.respond(200, null);
      await waitFor(() => expect(calls.completed).toEqual(['up-2']));
      await waitFor(() => expect(screen.queryByRole('form', { name: 'Upload a new version' })).not.toBeInTheDocument());
      expect(within(screen.getByRole('table', { name: 'Versions' })).getAllByRole('row')).toHaveLength(3);
    });

    it('sends the new version through the API when the server has no upload URLs', async () => {
      const calls = versionUploads(409);
      const sent = await sendNewVersion();
      expect(sent[0]!.method).toBe('POST');
      expect(sent[0]!.url).toBe(`http://localhost/api/v1/documents/${DOCUMENT_ID}/versions`);
      expect(sent[0]!.headers.Authorization).toBe('Bearer token');
      expect(calls.completed).toEqual([]);
    });
  });
});
