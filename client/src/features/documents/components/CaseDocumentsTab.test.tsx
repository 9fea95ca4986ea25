import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeSignIn, makeUser, on, problem } from '@/testing/api';
import { CASE_ID, DOCUMENT_ID, makeCase, makeDocument } from '@/testing/casework';
import { renderApp } from '@/testing/render';
import { scriptedUploads } from '@/testing/xhr';
import { server } from '@/testing/server';

const adviser = makeSignIn('token', makeUser({ role: 'advisor' }));
const pdf = () => new File(['%PDF-1.4 a small statement'], 'march.pdf', { type: 'application/pdf' });

// The case page with its documents tab; `listed` is what the list answers, read at each call.
function documentsOnCase(listed: () => ReturnType<typeof makeDocument>[]) {
  server.use(
    on('get', '/api/v1/cases/{id}', () => ({ status: 200, body: makeCase() })),
    on('get', '/api/v1/cases/{id}/documents', () => ({ status: 200, body: { items: listed(), nextCursor: null } })),
  );
}

async function fillUpload(user: ReturnType<typeof renderApp>['user'], file = pdf()) {
  await user.click(await screen.findByRole('button', { name: 'Upload a document' }));
  const form = await screen.findByRole('form', { name: 'Upload a document' });
  await user.upload(within(form).getByLabelText(/^File/), file);
  await user.selectOptions(within(form).getByLabelText(/^Kind of document/), 'bank_statement');
  return form;
}

describe('the case’s documents', () => {
  // The case page is a lazily loaded chunk; load it once up front, not within the first test's wait.
  beforeAll(() => import('@/app/routes/casework'), 60_000);
  // Uploads go by XMLHttpRequest, for its progress events. MSW's XMLHttpRequest interception hands
  // the body to Node's fetch, which cannot read jsdom's File, so these tests drive the requests
  // themselves (scriptedUploads, below): what was sent, the progress, and the answer.
  afterEach(() => vi.unstubAllGlobals());

  it('lists the documents with their kind, version, size and extraction state', async () => {
    documentsOnCase(() => [
      makeDocument({ name: 'March statement', currentVersion: 2, sizeBytes: 2_621_440, extractionStatus: 'pending' }),
      makeDocument({ id: '01900000-0000-7000-8000-0000000000d2', name: 'Payslip', documentType: 'payslip', extractionStatus: 'failed' }),
    ]);
    renderApp(`/cases/${CASE_ID}?tab=documents`, adviser);
    const table = await screen.findByRole('table', { name: 'Documents' });
    const first = within(table).getByRole('link', { name: 'March statement' }).closest('tr')!;
    expect(within(table).getByRole('link', { name: 'March statement' })).toHaveAttribute('href', `/documents/${DOCUMENT_ID}`);
    expect(within(first as HTMLElement).getByText('Bank statement')).toBeInTheDocument();
    expect(within(first as HTMLElement).getByText('2.5 MB')).toBeInTheDocument();
    expect(within(first as HTMLElement).getByText('Pending')).toBeInTheDocument();
    const second = within(table).getByRole('link', { name: 'Payslip' }).closest('tr')!;
    expect(within(second as HTMLElement).getByText('Failed')).toBeInTheDocument();
  });

  it('uploads a file with its kind and name, and the list shows it', async () => {
    const added = makeDocument({ name: 'March statement', extractionStatus: 'pending' });
    let listed: ReturnType<typeof makeDocument>[] = [];
    documentsOnCase(() => listed);
    const sent = scriptedUploads();
    const { user } = renderApp(`/cases/${CASE_ID}?tab=documents`, adviser);
    expect(await screen.findByText('No documents on this case yet.')).toBeInTheDocument();
    const form = await fillUpload(user);
    await user.type(within(form).getByLabelText('Name to show'), 'March statement');
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const xhr = sent[0]!;
    expect(xhr.url).toBe(`http://localhost/api/v1/cases/${CASE_ID}/documents`);
    expect(xhr.body.get('documentType')).toBe('bank_statement');
    expect(xhr.body.get('name')).toBe('March statement');
    expect((xhr.body.get('file') as File).name).toBe('march.pdf');
    listed = [added];
    xhr.respond(201, added);
    const table = await screen.findByRole('table', { name: 'Documents' });
    expect(within(table).getByRole('link', { name: 'March statement' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Upload a document' })).not.toBeInTheDocument());
  });

  it('asks for the file and its kind before sending anything', async () => {
    documentsOnCase(() => []);
    const { user } = renderApp(`/cases/${CASE_ID}?tab=documents`, adviser);
    await user.click(await screen.findByRole('button', { name: 'Upload a document' }));
    const form = await screen.findByRole('form', { name: 'Upload a document' });
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    expect(await within(form).findByText('Choose a file')).toBeInTheDocument();
    expect(within(form).getByText('Choose the kind of document')).toBeInTheDocument();
  });

  it('says a file is too large, with the limit the server names', async () => {
    documentsOnCase(() => []);
    const sent = scriptedUploads();
    const { user } = renderApp(`/cases/${CASE_ID}?tab=documents`, adviser);
    const form = await fillUpload(user);
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    sent[0]!.respond(
      413,
      problem(413, '/problems/payload-too-large', 'The file is larger than the limit of 26214400 bytes.', [{ field: 'file', message: 'is larger than 26214400 bytes' }]),
    );
    expect(await within(form).findByRole('alert')).toHaveTextContent('The file is too large. The most a document may be is 25 MB.');
  });

  it('says a kind of file is not accepted, and which are', async () => {
    documentsOnCase(() => []);
    const sent = scriptedUploads();
    const { user } = renderApp(`/cases/${CASE_ID}?tab=documents`, adviser);
    const form = await fillUpload(user, new File(['PK\u0003\u0004'], 'statement.pdf', { type: 'application/pdf' }));
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    sent[0]!.respond(
      415,
      problem(
        415,
        '/problems/unsupported-media-type',
        'The file is not an accepted kind of file (its content is application/zip; accepted: PDF, PNG, JPEG, TIFF, DOCX, XLSX, plain text).',
        [{ field: 'file', message: 'is not an accepted kind of file' }],
      ),
    );
    expect(await within(form).findByRole('alert')).toHaveTextContent(
      'This kind of file is not accepted (it is application/zip). Upload a PDF, PNG, JPEG, TIFF, DOCX, XLSX or plain text file.',
    );
  });

  it('puts the API’s field errors on their fields', async () => {
    documentsOnCase(() => []);
    const sent = scriptedUploads();
    const { user } = renderApp(`/cases/${CASE_ID}?tab=documents`, adviser);
    const form = await fillUpload(user);
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    sent[0]!.respond(422, problem(422, '/problems/validation', 'The request has invalid fields.', [{ field: 'name', message: 'must not be blank' }]));
    expect(await within(form).findByText('Must not be blank')).toBeInTheDocument();
    expect(within(form).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when the connection fails', async () => {
    documentsOnCase(() => []);
    const sent = scriptedUploads();
    const { user } = renderApp(`/cases/${CASE_ID}?tab=documents`, adviser);
    const form = await fillUpload(user);
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    sent[0]!.fail();
    expect(await within(form).findByRole('alert')).toHaveTextContent('The upload did not reach the server: the connection failed.');
  });

  it('refreshes an expired access token and sends the upload again', async () => {
    const added = makeDocument({ name: 'march.pdf' });
    documentsOnCase(() => []);
    server.use(on('post', '/api/v1/auth/refresh', () => ({ status: 200, body: makeSignIn('fresh-token', adviser.user) })));
    const sent = scriptedUploads();
    const { user } = renderApp(`/cases/${CASE_ID}?tab=documents`, adviser);
    const form = await fillUpload(user);
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    sent[0]!.respond(401, problem(401, '/problems/unauthenticated', 'The access token has expired.'));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.headers.Authorization).toBe('Bearer fresh-token');
    sent[1]!.respond(201, added);
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Upload a document' })).not.toBeInTheDocument());
  });

  it('shows the upload’s progress as it is sent, and cancels it', async () => {
    documentsOnCase(() => []);
    const sent = scriptedUploads();
    const { user } = renderApp(`/cases/${CASE_ID}?tab=documents`, adviser);
    const form = await fillUpload(user);
    await user.click(within(form).getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const xhr = sent[0]!;
    expect(xhr.headers.Authorization).toBe('Bearer token');
    xhr.progress(400, 1000);
    expect(await within(form).findByText(/Uploading… 40%/)).toBeInTheDocument();
    expect(within(form).getByRole('progressbar', { name: 'Upload progress' })).toHaveAttribute('aria-valuenow', '40');
    xhr.progress(900, 1000);
    expect(await within(form).findByText(/Uploading… 90%/)).toBeInTheDocument();
    await user.click(within(form).getByRole('button', { name: 'Cancel upload' }));
    expect(xhr.aborted).toBe(true);
    expect(await within(form).findByText('The upload was cancelled; nothing was added.')).toBeInTheDocument();
    expect(within(form).queryByRole('progressbar')).not.toBeInTheDocument();
    expect(within(form).getByRole('button', { name: 'Upload' })).toBeEnabled();
  });

  it('offers no upload to a case it cannot find', async () => {
    server.use(on('get', '/api/v1/cases/{id}', () => ({ status: 404, body: problem(404, '/problems/not-found', 'No such case.') })));
    renderApp(`/cases/${CASE_ID}?tab=documents`, adviser);
    expect(await screen.findByRole('heading', { name: 'Case not found' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Upload a document' })).not.toBeInTheDocument();
  });

  describe('with presigned uploads to storage', () => {
    const bucket = 'https://docs.s3.eu-west-2.amazonaws.com';
    const presigned = `${bucket}/centres/c1/documents/d1/v1?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=abc`;

    // upload-url answers `slot` (recording what it was asked), complete answers `added`.
    function storageUploads(slot: { status: 201; url: string } | { status: 409 }, added: ReturnType<typeof makeDocument>) {
      const asked: unknown[] = [];
      const completed: string[] = [];
      server.use(
        on('post', '/api/v1/cases/{id}/documents/upload-url', async ({ request }) => {
          asked.push(await request.json());
          if (slot.status === 409) return { status: 409, body: problem(409, '/problems/conflict', 'Local files have no upload URLs.') };
          return {
            status: 201,
            body: { uploadId: 'up-1', documentId: added.id, version: 1, method: 'PUT' as const, url: slot.url, expiresInSeconds: 900, completeBy: '2026-03-04T10:20:00Z' },
          };
        }),
        on('post', '/api/v1/cases/{id}/documents/uploads/{uploadId}/complete', ({ params }) => {
          completed.push(String(params.uploadId));
          return { status: 201, body: added };
        }),
      );
      return { asked, completed };
    }

    // An empty case whose upload-url answers `slot`: a PDF is chosen and sent, and the first request
    // the browser then makes is awaited.
    async function submitWith(slot: { status: 201; url: string } | { status: 409 }, added = makeDocument()) {
      documentsOnCase(() => []);
      const calls = storageUploads(slot, added);
      const sent = scriptedUploads();
      const { user } = renderApp(`/cases/${CASE_ID}?tab=documents`, adviser, { uploadOrigin: bucket });
      const form = await fillUpload(user);
      await user.click(within(form).getByRole('button', { name: 'Upload' }));
      await waitFor(() => expect(sent).toHaveLength(1));
      return { calls, sent, user, form };
    }

    it('PUTs the file straight to the bucket without the session’s token, then completes the upload', async () => {
      const added = makeDocument({ name: 'March statement', extractionStatus: 'pending' });
      let listed: ReturnType<typeof makeDocument>[] = [];
      documentsOnCase(() => listed);
      const calls = storageUploads({ status: 201, url: presigned }, added);
      const sent = scriptedUploads();
      const { user } = renderApp(`/cases/${CASE_ID}?tab=documents`, adviser, { uploadOrigin: bucket });
      const form = await fillUpload(user);
      await user.type(within(form).getByLabelText('Name to show'), 'March statement');
      await user.click(within(form).getByRole('button', { name: 'Upload' }));
      await waitFor(() => expect(sent).toHaveLength(1));
      // The document is named as typed; its version keeps the file's own name.
      expect(calls.asked).toEqual([
        { name: 'March statement', fileName: 'march.pdf', documentType: 'bank_statement', sizeBytes: pdf().size },
      ]);
      const put = sent[0]!;
      expect(put.method).toBe('PUT');
      expect(put.url).toBe(presigned);
      expect(put.headers).not.toHaveProperty('Authorization');
      expect((put.body as unknown as File).name).toBe('march.pdf');
      put.progress(13, 26);
      expect(await within(form).findByRole('progressbar')).toHaveAttribute('aria-valuenow', '50');
      listed = [added];
      put.respond(200, null);
      const table = await screen.findByRole('table', { name: 'Documents' });
      expect(within(table).getByRole('link', { name: 'March statement' })).toBeInTheDocument();
      expect(calls.completed).toEqual(['up-1']);
    });

    it('sends the file through the API when the bucket cannot be reached from the browser', async () => {
      const added = makeDocument({ name: 'march.pdf' });
      const { calls, sent } = await submitWith({ status: 201, url: presigned }, added);
      sent[0]!.fail();
      await waitFor(() => expect(sent).toHaveLength(2));
      expect(sent[1]!.method).toBe('POST');
      expect(sent[1]!.url).toBe(`http://localhost/api/v1/cases/${CASE_ID}/documents`);
      expect(sent[1]!.headers.Authorization).toBe('Bearer token');
      sent[1]!.respond(201, added);
      await waitFor(() => expect(screen.queryByRole('form', { name: 'Upload a document' })).not.toBeInTheDocument());
      expect(calls.completed).toEqual([]);
    });

    it('sends the file through the API when the server has no upload URLs (local files)', async () => {
      const { sent } = await submitWith({ status: 409 });
      expect(sent[0]!.url).toBe(`http://localhost/api/v1/cases/${CASE_ID}/documents`);
    });

    it('never sends the file to a URL outside the origin the page was given', async () => {
      const { calls, sent } = await submitWith({ status: 201, url: 'https://elsewhere.example.org/put?sig=1' });
      expect(sent[0]!.url).toBe(`http://localhost/api/v1/cases/${CASE_ID}/documents`);
      expect(calls.completed).toEqual([]);
    });

    it('says so when the bucket refuses the file, and puts a size the server refuses on the file', async () => {
      const { sent, user, form } = await submitWith({ status: 201, url: presigned });
      sent[0]!.respond(403, null);
      expect(await within(form).findByRole('alert')).toHaveTextContent('the upload’s permission expired');

      server.use(
        on('post', '/api/v1/cases/{id}/documents/upload-url', () => ({
          status: 422,
          body: problem(422, '/problems/validation', 'The request is invalid.', [{ field: 'sizeBytes', message: 'is larger than 26214400 bytes' }]),
        })),
      );
      await user.click(within(form).getByRole('button', { name: 'Upload' }));
      expect(await within(form).findByText('Is larger than 26214400 bytes')).toBeInTheDocument();
      expect(sent).toHaveLength(1);
    });
  });
});
