// The JavaScript a browser loads before the first screen — the entry script and the modules
// index.html preloads with it (every other route is a chunk of its own, loaded when needed) —
// gzipped, against the budget of 250 KB. Prints each file; exits 1 over the budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 250_000;
const dist = process.argv[2] ?? 'dist';
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [
  ...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
  ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
].map((m) => m[1]);
if (initial.length === 0) {
  console.error(`${dist}/index.html names no module script: is it a Vite build?`);
  process.exit(1);
}
let total = 0;
for (const src of new Set(initial)) {
  const bytes = readFileSync(join(dist, src.replace(/^\//, '')));
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  total += gzipped;
  console.log(`${String(gzipped).padStart(9)} B gzipped  ${src}`);
}
const verdict = total <= BUDGET ? 'within' : 'OVER';
console.log(`${String(total).padStart(9)} B gzipped in all: ${verdict} the budget of ${BUDGET} B for the first screen's JavaScript`);
process.exit(total <= BUDGET ? 0 : 1);
