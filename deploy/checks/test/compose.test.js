'use strict';
// deploy/compose: the deployed topology on a laptop, checked without a Docker engine.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { parseCompose, composeProblems } = require('../lib/compose');

const dir = path.resolve(__dirname, '../../compose');
const composeText = fs.readFileSync(path.join(dir, 'compose.yaml'), 'utf8');
const nginxText = fs.readFileSync(path.join(dir, 'nginx.conf'), 'utf8');

test('the compose file has the deployed topology, wired and health-checked', () => {
  const compose = parseCompose(composeText);
  assert.deepEqual(composeProblems(compose, nginxText), []);
  assert.equal(compose.services['api-1'].environment.DATABASE_URL, 'postgresql://cma@postgres:5432/cma');
  assert.equal(compose.services.web.environment.PORT, '3000');
  assert.equal(compose.services['worker-2'].build.dockerfile, 'deploy/docker/Dockerfile');
});

test('no secret is committed: secrets.env is ignored and made by init-secrets.sh', () => {
  assert.match(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), /^secrets\.env$/m);
  assert.ok(!/PASSWORD:\s*\S|JWT_SECRET:\s*\S/.test(composeText.replace(/AWS_SECRET_ACCESS_KEY: S3RVER/, '')));
  execFileSync('bash', ['-n', path.join(dir, 'init-secrets.sh')]);
});

test('planted compose mistakes are caught', () => {
  const problems = (from, to, nginx = nginxText) => {
    assert.ok(composeText.includes(from), `cannot plant: ${from}`);
    return composeProblems(parseCompose(composeText.replace(from, to)), nginx).join('\n');
  };
  assert.match(problems('  api-2:\n    <<: *cma\n    command: ["serve"]', '  api-2:\n    <<: *cma\n    command: ["web"]'), /1 API services/);
  assert.match(problems('  worker-2:\n    <<: *cma\n    command: ["worker"]\n    healthcheck: *cma-healthcheck\n', '  worker-2:\n    <<: *cma\n    command: ["worker"]\n'), /worker-2: no healthcheck/);
  assert.match(problems('migrate: { condition: service_completed_successfully }', 'migrate: { condition: service_started }'), /does not wait for migrate/);
  assert.match(problems('redis: { condition: service_healthy }', 'cache: { condition: service_healthy }'), /unknown service cache/);
  assert.match(problems('image: valkey/valkey:8.0-bookworm', 'image: valkey/valkey:latest'), /not pinned/);
  assert.match(problems('image: postgres:16.6-bookworm', 'image: postgres'), /not pinned/);
  assert.match(problems('    healthcheck:\n      test: ["CMD", "valkey-cli", "ping"]\n      interval: 5s\n      timeout: 3s\n      retries: 10\n', ''), /redis has no healthcheck/);
  assert.match(problems('DATABASE_URL: postgresql://cma@postgres', 'DATABASE_URL: postgresql://cma:hunter2@postgres'), /password inside DATABASE_URL/);
  assert.match(problems('name: cma', 'name: cma', nginxText.replace('server api-2:5000', 'server api-3:5000')), /not the API services/);
  assert.match(problems('name: cma', 'name: cma', nginxText.replace('server web:3000', 'server web:5000')), /web:5000 but web listens on 3000/);
  assert.match(problems('name: cma', 'name: cma', nginxText.replace('location /api/ { proxy_pass http://api; }', '')), /no location \/api\//);
  assert.match(problems('  web:\n    <<: *cma', '  web:\n    ports: ["3000:3000"]\n    <<: *cma'), /web: publishes ports/);
});
