// A document uploaded from Debian's Chromium straight to S3 (s3rver behind the proxy that checks
// every Signature V4, ./s3.mjs), with a real `cma serve --demo` on S3 storage.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { apiAs, checkScreen, launchBrowser, newWatchedPage, signIn, startServer, tinyPdf } from './harness.mjs';
import { startS3 } from './s3.mjs';

let s3;
let server;
let browser;

before(async () => {
  s3 = await startS3();
  server = await startServer({ STORAGE_URL: s3.storageUrl, ...s3.env });
  await s3.allow(server.url);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await s3?.stop();
});

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

describe('direct uploads to S3', () => {
  test('an adviser uploads a PDF whose bytes go from the browser straight to the bucket, not through the API', { timeout: 240_000 }, async () => {
    // The page is told where it may send a document's bytes, and its CSP lets it.
    const config = await (await fetch(`${server.url}/config.json`)).json();
    assert.equal(config.uploadOrigin, s3.endpoint);
    const home = await fetch(`${server.url}/`);
    assert.match(home.headers.get('content-security-policy') ?? '', new RegExp(`connect-src [^;]*${s3.endpoint}`));

    const adviser = server.login('advisor.man@example.org');
    const call = await apiAs(server.url, adviser);
    const client = await call('/api/v1/clients', { method: 'POST', body: { firstName: 'Stella', lastName: 'Storage', postcode: 'M1 1AA' } });
    const opened = await call('/api/v1/cases', { method: 'POST', body: { clientId: client.id } });

    const problems = [];
    const context = await browser.newContext();
    const page = await newWatchedPage(context, problems);
    // What the page sent, and to where, with the answer's status.
    const sent = [];
    page.on('request', (r) => sent.push({ method: r.method(), url: r.url(), request: r, status: null }));
    page.on('response', (r) => {
      const entry = sent.find((s) => s.request === r.request());
      if (entry) entry.status = r.status();
    });
    // A PUT that CORS blocks fails in the browser (and the form then sends the file through the API).
    // (A download is a navigation the browser ends as it turns into a file: that one is no failure.)
    page.on('requestfailed', (r) => {
      if (r.isNavigationRequest() && r.failure()?.errorText === 'net::ERR_ABORTED') return;
      if (new URL(r.url()).origin === s3.endpoint) problems.push(`request to S3 failed: ${r.method()} ${r.url()}: ${r.failure()?.errorText}`);
    });
    await signIn(page, server.url, adviser);
    await page.goto(`${server.url}/cases/${opened.id}?tab=documents`);
    await page.getByText('No documents on this case yet.').waitFor();

    await page.getByRole('button', { name: 'Upload a document' }).click();
    const upload = page.getByRole('form', { name: 'Upload a document' });
    const sentence = 'Bank statement for March: opening balance 12.40 pounds.';
    const pdf = tinyPdf(sentence);
    await upload.getByLabel(/^File/).setInputFiles({ name: 'march-statement.pdf', mimeType: 'application/pdf', buffer: pdf });
    await upload.getByLabel(/^Kind of document/).selectOption('bank_statement');
    await upload.getByLabel('Name to show').fill('March statement');
    await upload.getByRole('button', { name: 'Upload' }).click();
    const table = page.getByRole('table', { name: 'Documents' });
    await table.getByRole('link', { name: 'March statement' }).waitFor();
    await table.getByRole('row', { name: /March statement/ }).getByRole('cell', { name: 'Bank statement' }).waitFor();
    await checkScreen(page, 's3-case-documents');

    // The page asked the API for a presigned URL, PUT the file there without a token, and had the
    // API complete the upload; it never sent the file to the API itself.
    const api = (method, path) => sent.filter((s) => s.method === method && new URL(s.url).origin === server.url && new URL(s.url).pathname === path);
    const asked = api('POST', `/api/v1/cases/${opened.id}/documents/upload-url`);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].status, 201);
    const slot = await (await asked[0].request.response()).json();
    const puts = sent.filter((s) => s.method === 'PUT' && new URL(s.url).origin === s3.endpoint);
    assert.equal(puts.length, 1, JSON.stringify(sent.map((s) => `${s.method} ${s.url} ${s.status}`)));
    assert.equal(puts[0].url, slot.url);
    assert.equal(puts[0].status, 200);
    assert.equal((await puts[0].request.allHeaders()).authorization, undefined);
    const completed = api('POST', `/api/v1/cases/${opened.id}/documents/uploads/${slot.uploadId}/complete`);
    assert.equal(completed.length, 1);
    assert.equal(completed[0].status, 201);
    assert.equal(api('POST', `/api/v1/cases/${opened.id}/documents`).length, 0, 'the file was also sent through the API');

    // The bucket's side: the browser's preflight, answered from the bucket's CORS rule, then one
    // PUT of the file's bytes to the new document's key, whose presigned signature the proxy checked.
    const fromBrowser = s3.requests.filter((r) => r.origin === server.url);
    assert.deepEqual(
      fromBrowser.map((r) => [r.method, r.status]),
      [
        ['OPTIONS', 200],
        ['PUT', 200],
      ],
    );
    const put = fromBrowser[1];
    assert.ok(put.presigned);
    assert.match(put.path, new RegExp(`^/${s3.bucket}/centres/[0-9a-f-]+/documents/${slot.documentId}/v1$`));
    assert.equal(put.bytes, pdf.length);
    assert.equal(put.sha256, sha256(pdf));

    // The document as recorded: the bytes' size and SHA-256, checked by the API as it completed.
    const document = await (await completed[0].request.response()).json();
    assert.equal(document.id, slot.documentId);
    assert.equal(document.sizeBytes, pdf.length);
    assert.equal(document.sha256, sha256(pdf));

    // Opened from the list, previewed from the bytes the API reads back from the bucket, and its
    // text extracted by the worker from them.
    await table.getByRole('link', { name: 'March statement' }).click();
    await page.getByRole('heading', { name: 'March statement', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Versions' }).getByRole('button', { name: 'Download version 1' }).waitFor();
    await page.getByTitle('PDF preview: Version 1 of March statement').waitFor();
    await page.getByLabel('Text of the document').getByText(sentence).waitFor({ timeout: 150_000 });
    await checkScreen(page, 's3-document');
    // Download saves the file from the bucket under its own name, not the key's "v1", and whole.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('table', { name: 'Versions' }).getByRole('button', { name: 'Download version 1' }).click(),
    ]);
    assert.equal(new URL(download.url()).origin, s3.endpoint);
    assert.equal(download.suggestedFilename(), 'march-statement.pdf');
    const saved = [];
    for await (const chunk of await download.createReadStream()) saved.push(chunk);
    assert.ok(Buffer.compare(Buffer.concat(saved), pdf) === 0, 'the downloaded file differs');
    // The bytes come back whole, through the API and from the bucket by a presigned GET.
    assert.ok(Buffer.compare(await call(`/api/v1/documents/${slot.documentId}/content`), pdf) === 0, 'the bytes read through the API differ');
    const { url } = await call(`/api/v1/documents/${slot.documentId}/download-url`, { method: 'POST' });
    assert.equal(new URL(url).origin, s3.endpoint);
    const fromBucket = await fetch(url);
    assert.equal(fromBucket.status, 200);
    assert.ok(Buffer.compare(Buffer.from(await fromBucket.arrayBuffer()), pdf) === 0, 'the bytes read from the bucket differ');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
