// The webhook screens in Debian's Chromium against a real `cma serve --demo` whose in-process worker
// delivers to a receiver of the test's own on 127.0.0.1 (allowed by WEBHOOKS_ALLOW_PRIVATE_TARGETS).
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, test } from 'node:test';
import { apiAs, checkScreen, launchBrowser, newWatchedPage, signIn, startServer, until } from './harness.mjs';

let server;
let browser;
let receiver;

// A webhook receiver: keeps every request (its headers and the body's raw bytes) and answers each
// with the next status of `answers`, or 200 once they run out.
async function startReceiver() {
  const requests = [];
  const answers = [];
  const listener = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const status = answers.shift() ?? 200;
      requests.push({ method: req.method, path: req.url, headers: req.headers, body: Buffer.concat(chunks), status });
      res.writeHead(status, { 'Content-Type': 'text/plain' }).end(status === 200 ? 'ok' : 'not now');
    });
  });
  await new Promise((r) => listener.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${listener.address().port}/hooks/cma`,
    requests,
    answers,
    stop: () => new Promise((r) => listener.close(r)),
  };
}

before(async () => {
  receiver = await startReceiver();
  server = await startServer({ WEBHOOKS_ALLOW_PRIVATE_TARGETS: 'true' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await receiver?.stop();
});

// Whether a delivery carries docs/webhooks.md's signature by `secret`: "v1=" and the hex
// HMAC-SHA256 of "<Webhook-Id>.<Webhook-Timestamp>.<body>", the body's bytes as received.
function signedWith(secret, { headers, body }) {
  const signed = Buffer.concat([Buffer.from(`${headers['webhook-id']}.${headers['webhook-timestamp']}.`), body]);
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(signed).digest('hex')}`);
  const given = Buffer.from(headers['webhook-signature'] ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// A delivery's headers and body as docs/webhooks.md has them, for a case.created of `caseId`.
function checkDelivery(delivery, caseId) {
  assert.equal(delivery.method, 'POST');
  assert.equal(delivery.path, '/hooks/cma');
  assert.equal(delivery.headers['content-type'], 'application/json');
  assert.equal(delivery.headers['webhook-event'], 'case.created');
  assert.match(delivery.headers['webhook-id'], /^[0-9a-f-]{36}$/);
  assert.ok(Math.abs(Date.now() / 1000 - Number(delivery.headers['webhook-timestamp'])) < 300, delivery.headers['webhook-timestamp']);
  const event = JSON.parse(delivery.body.toString('utf8'));
  assert.equal(event.type, 'case.created');
  assert.equal(event.data.caseId, caseId);
}

// The webhook page's delivery history once it shows `rows` deliveries, all settled (the list is
// read when the page loads, so it is loaded again until then): each row's cells as text.
async function settledDeliveries(page, rows) {
  return until(
    `${rows} settled deliveries on the webhook's page`,
    async () => {
      await page.reload();
      const table = page.getByRole('table', { name: 'Deliveries' });
      await table.or(page.getByText('Nothing has been sent to this webhook yet.')).waitFor();
      const cells = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
      return cells.length === rows && cells.every((c) => c[1] !== 'pending') && cells;
    },
    90,
  );
}

describe('webhooks', () => {
  test('a manager registers a webhook, whose deliveries are signed with the secret shown once, then rotates it', { timeout: 300_000 }, async () => {
    const problems = [];
    const context = await browser.newContext();
    const page = await newWatchedPage(context, problems);
    const manager = server.login('manager.man@example.org');
    await signIn(page, server.url, manager);
    const call = await apiAs(server.url, manager);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByText('No webhooks yet.').waitFor();
    await checkScreen(page, 'webhooks-empty');

    // Registered for case.created; the signing secret is shown once, in the dialogue.
    await page.getByRole('button', { name: 'New webhook' }).click();
    const form = page.getByRole('form', { name: 'Create webhook' });
    await form.getByLabel(/^Address \(URL\)/).fill(receiver.url);
    await form.getByRole('checkbox', { name: 'case.created' }).check();
    await form.getByLabel('Description', { exact: true }).fill('Case intake feed');
    await form.getByRole('button', { name: 'Create webhook' }).click();
    const dialog = page.getByRole('dialog', { name: 'New webhook' });
    await dialog.getByText("You won't see this secret again").waitFor();
    const secret = ((await dialog.getByTestId('webhook-secret').textContent()) ?? '').trim();
    assert.match(secret, /^whsec_\S{16,}$/);
    await checkScreen(page, 'webhook-secret');
    await dialog.getByRole('button', { name: 'I have copied it' }).click();
    await dialog.waitFor({ state: 'detached' });
    const list = page.getByRole('table', { name: 'Webhooks' });
    await list.getByRole('cell', { name: 'case.created', exact: true }).waitFor();
    await list.getByRole('cell', { name: 'Case intake feed' }).waitFor();
    await checkScreen(page, 'webhooks');

    await list.getByRole('link', { name: receiver.url }).click();
    await page.getByRole('heading', { name: receiver.url, level: 1 }).waitFor();
    await page.getByText('Nothing has been sent to this webhook yet.').waitFor();
    // Once only: neither the page nor the API shows the secret again.
    assert.equal(await page.getByText(secret).count(), 0);
    const webhookId = new URL(page.url()).pathname.split('/').pop();
    assert.ok(!JSON.stringify(await call(`/api/v1/webhooks/${webhookId}`)).includes(secret));
    assert.ok(!JSON.stringify(await call('/api/v1/webhooks')).includes(secret));

    // A case opened in the centre: the worker delivers case.created, signed with that secret.
    const clients = await call('/api/v1/clients?limit=1');
    const opened = await call('/api/v1/cases', { method: 'POST', body: { clientId: clients.items[0].id } });
    await until('the first delivery at the receiver', () => receiver.requests.length >= 1, 90);
    const first = receiver.requests[0];
    checkDelivery(first, opened.id);
    assert.ok(signedWith(secret, first), `not signed with the secret shown: ${first.headers['webhook-signature']}`);
    let rows = await settledDeliveries(page, 1);
    assert.deepEqual(rows[0].slice(0, 4), ['case.created', 'delivered', '1', '200']);
    // The status is shown whole, not cut to "deliv…" by a narrow column.
    const badge = page.getByRole('table', { name: 'Deliveries' }).getByText('delivered', { exact: true }).first();
    assert.ok(await badge.evaluate((e) => e.scrollWidth <= e.clientWidth), 'the delivery status is cut short');
    await checkScreen(page, 'webhook-deliveries');

    // A new secret, shown once; the old one stops at once.
    await page.getByRole('button', { name: 'Rotate secret' }).click();
    const rotate = page.getByRole('dialog', { name: 'Rotate the signing secret' });
    await rotate.getByRole('button', { name: 'Rotate the secret' }).click();
    await rotate.getByText("You won't see this secret again").waitFor();
    const rotated = ((await rotate.getByTestId('webhook-secret').textContent()) ?? '').trim();
    assert.match(rotated, /^whsec_\S{16,}$/);
    assert.notEqual(rotated, secret);
    await rotate.getByRole('button', { name: 'I have copied it' }).click();
    await rotate.waitFor({ state: 'detached' });
    assert.equal(await page.getByText(rotated).count(), 0);

    // The next case: the receiver answers its first attempt with 503, and the retry is delivered.
    // Both attempts are the same delivery, each signed with the new secret and not the old one.
    receiver.answers.push(503);
    const next = await call('/api/v1/cases', { method: 'POST', body: { clientId: clients.items[0].id } });
    await until('the retried delivery at the receiver', () => receiver.requests.length >= 3, 120);
    const [refused, retried] = receiver.requests.slice(1);
    assert.equal(refused.status, 503);
    assert.equal(retried.headers['webhook-id'], refused.headers['webhook-id']);
    assert.notEqual(retried.headers['webhook-id'], first.headers['webhook-id']);
    for (const attempt of [refused, retried]) {
      checkDelivery(attempt, next.id);
      assert.ok(signedWith(rotated, attempt), `not signed with the new secret: ${attempt.headers['webhook-signature']}`);
      assert.ok(!signedWith(secret, attempt), 'still signed with the old secret');
    }
    rows = await settledDeliveries(page, 2);
    // Newest first: the retried one, delivered on its second attempt.
    assert.deepEqual(rows[0].slice(0, 4), ['case.created', 'delivered', '2', '200']);
    assert.deepEqual(rows[1].slice(0, 4), ['case.created', 'delivered', '1', '200']);
    assert.equal(receiver.requests.length, 3);
    await checkScreen(page, 'webhook-rotated');
    assert.deepEqual(problems, []);
    await context.close();
  });
});
