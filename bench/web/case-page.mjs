// How soon the case page is usable in the browser, on `cma serve --demo` (SQLite, the demo data):
// from the navigation's start until the case's heading, its status actions and its summary with
// the client are on screen. Two ways in, each RUNS times (default 15) after one warm-up:
//   - "opened by address": the page loaded afresh at the case's URL, as a bookmark or a link from
//     elsewhere does (the app's files from the browser's cache; the session restored from the
//     refresh cookie, then the case read);
//   - "from the cases list": a click on the case in the list, as an adviser usually arrives.
// Prints the median and the slowest of each. Not a test: run it as `node bench/web/case-page.mjs`
// after `make build web` (docs/benchmarks.md has the figures); CMA_BINARY names another server.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

process.env.CMA_BINARY ??= fileURLToPath(new URL('../../build/release/bin/cma', import.meta.url));
const { launchBrowser, signIn, startServer } = await import('../../client/e2e/harness.mjs');

const RUNS = Number(process.env.RUNS ?? 15);
const server = await startServer();
const browser = await launchBrowser();
try {
  const adviser = [...server.logins.values()].find((l) => l.role === 'advisor');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, server.url, adviser);
  await page.goto(`${server.url}/cases`);
  const first = page.getByRole('table').getByRole('link').first();
  await first.waitFor();
  const casePath = new URL(await first.getAttribute('href'), server.url).pathname;

  // The case page is usable: its heading, the status section and the summary naming the client.
  const usable = async () => {
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('region', { name: 'Status' }).waitFor();
    await page.getByRole('region', { name: 'Case' }).getByRole('link').first().waitFor();
  };
  const byAddress = async () => {
    const start = performance.now();
    await page.goto(`${server.url}${casePath}`);
    await usable();
    return performance.now() - start;
  };
  const fromList = async () => {
    await page.goto(`${server.url}/cases`);
    const link = page.getByRole('table').getByRole('link').first();
    await link.waitFor();
    const start = performance.now();
    await link.click();
    await usable();
    return performance.now() - start;
  };
  const summary = (name, ms) => {
    const sorted = [...ms].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)];
    console.log(
      `${name.padEnd(20)} median ${median.toFixed(0).padStart(5)} ms  slowest ${sorted.at(-1).toFixed(0).padStart(5)} ms  ` +
        `runs ${ms.map((m) => m.toFixed(0)).join(' ')}`,
    );
  };
  for (const [name, run] of [
    ['opened by address', byAddress],
    ['from the cases list', fromList],
  ]) {
    await run();
    const ms = [];
    for (let i = 0; i < RUNS; i++) ms.push(await run());
    summary(name, ms);
  }
} finally {
  await browser.close();
  await server.stop();
}
