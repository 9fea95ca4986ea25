// Starts a real `cma serve --demo` (SQLite in a temporary directory, the built app from dist/) on a
// free port, and Debian's Chromium through playwright-core. Nothing is downloaded: the browser is
// the system's (/usr/bin/chromium, or CHROMIUM_PATH).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const artifacts = join(here, 'artifacts');
const clientDir = resolve(here, '..');
const cmaBinary = process.env.CMA_BINARY ?? resolve(clientDir, '../build/ci/bin/cma');

// `extraEnv`: more variables for its environment (WEBHOOKS_ALLOW_PRIVATE_TARGETS, STORAGE_URL, …).
export async function startServer(extraEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'cma-e2e-'));
  const child = spawn(cmaBinary, ['serve', '--demo', '--port', '0'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      DATABASE_URL: `sqlite:///${dataDir}/cma.db`,
      DATA_DIR: dataDir,
      WEB_ROOT: join(clientDir, 'dist'),
      JWT_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'info',
      IO_THREADS: '2',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`cma serve did not start in 60 s:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /"event":"server\.listening".*?"port":(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`cma serve exited (${code}):\n${output}`)));
  });
  // Only the demo logins: the password of each account, by e-mail address.
  const logins = new Map();
  for (const line of readFileSync(join(dataDir, 'demo-logins.txt'), 'utf8').split('\n')) {
    const m = /^\s*(\S+@\S+)\s+\((\w+), centre (\w+)\)\s+password: (\S+)/.exec(line);
    if (m) logins.set(m[1], { email: m[1], role: m[2], centre: m[3], password: m[4] });
  }
  return {
    url: `http://127.0.0.1:${port}`,
    logins,
    // The demo login of `email`; fails the test when there is none.
    login(email) {
      const l = logins.get(email);
      assert.ok(l, `no demo login for ${email}`);
      return l;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    // playwright-core gives every launch a fresh, empty --user-data-dir.
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

// A page that fails the test on a script error or a Content-Security-Policy violation.
export async function newWatchedPage(context, problems) {
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) problems.push(`CSP: ${m.text()}`);
  });
  return page;
}

export async function signIn(page, baseUrl, { email, password }) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
}

// The whole page, from its top: the header is fixed, and a page captured while scrolled would show
// it across the middle.
export async function screenshot(page, name) {
  await page.evaluate(() => globalThis.scrollTo(0, 0));
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

// The API as a client outside the browser, for checks the screens cannot show and for changes made
// behind the page's back: `call(path)` reads, `call(path, { method, body })` sends JSON. Answers
// with the JSON, or the bytes when the answer is not JSON.
export async function apiAs(baseUrl, { email, password }) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`sign-in as ${email} failed: ${login.status}`);
  const { accessToken } = await login.json();
  return async (path, { method = 'GET', body } = {}) => {
    const headers = { Authorization: `Bearer ${accessToken}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const r = await fetch(`${baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    if (r.status === 204) return null;
    return /json/.test(r.headers.get('content-type') ?? '') ? r.json() : Buffer.from(await r.arrayBuffer());
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// axe-core's serious and critical WCAG 2.x A/AA violations on the page as it stands. It is
// evaluated through the DevTools protocol, which the page's CSP does not apply to.
export async function accessibilityViolations(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// A main screen: saved as a screenshot, and free of serious or critical accessibility violations.
export async function checkScreen(page, name) {
  await screenshot(page, name);
  assert.deepEqual(await accessibilityViolations(page), [], `accessibility violations on ${name}`);
}

// A small, valid one-page PDF whose page shows `sentence` in Helvetica: the objects, then a
// cross-reference table with each object's byte offset, as a PDF reader (and extractor) expects.
export function tinyPdf(sentence) {
  const text = sentence.replace(/[\\()]/g, (c) => `\\${c}`);
  const stream = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;  // 12 pt: the sentence fits the page, whose edge cuts text off
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) pdf += `${String(at).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

// Asks `check` every 250 ms until it answers something other than false, null or undefined, and
// returns that; fails once `seconds` have passed, naming `what` it waited for.
export async function until(what, check, seconds) {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const answer = await check();
    if (answer !== false && answer !== null && answer !== undefined) return answer;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
