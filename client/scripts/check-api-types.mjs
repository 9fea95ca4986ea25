// Fails when src/types/api.d.ts is not what openapi-typescript makes of api/openapi.yaml now:
// the client's types come from the contract and are never edited by hand.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const contract = new URL('../../api/openapi.yaml', import.meta.url);
const committed = fileURLToPath(new URL('../src/types/api.d.ts', import.meta.url));

const fresh = astToString(await openapiTS(contract));
const current = readFileSync(committed, 'utf8');
const strip = (text) => text.replace(/^\/\*\*[\s\S]*?\*\/\s*/, '').trim();
if (strip(fresh) !== strip(current)) {
  console.error('src/types/api.d.ts is out of date with api/openapi.yaml: run `npm run api-types` in client/.');
  process.exit(1);
}
console.log('api types: up to date with api/openapi.yaml');
