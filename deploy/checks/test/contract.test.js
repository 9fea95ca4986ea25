'use strict';
// What the deployment hands the server, against what the server reads (server/src) and what
// docs/operations.md asks of a load-balanced deployment. Settings the server does not read yet
// must be named in docs/deploy.md, so that nothing is set silently for nobody.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const tf = require('../lib/terraform');

const root = path.resolve(__dirname, '../../..');
const read = (rel) => fs.readFileSync(path.join(root, rel), 'utf8');

// Settings the container definition sets for every role, from the merge({ … }) in modules/ecs.
function commonEnvironment(ecsText) {
  const block = ecsText.match(/environment = \[for k, v in merge\(\{([\s\S]*?)\}, each\.value\.environment\)/);
  assert.ok(block, 'modules/ecs: no merge({ … }, each.value.environment) in the container definition');
  return Object.fromEntries([...block[1].matchAll(/^\s*([A-Z][A-Z0-9_]+)\s*=\s*(.+)$/gm)].map((m) => [m[1], m[2].trim().replace(/^"|"$/g, '')]));
}

// Every "UPPER_CASE" string literal in the server's sources: the environment variables it reads.
function serverSettings() {
  const names = new Set();
  const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(cpp|hpp)$/.test(e.name)) for (const m of fs.readFileSync(p, 'utf8').matchAll(/"([A-Z][A-Z0-9_]{2,})"/g)) names.add(m[1]);
  });
  walk(path.join(root, 'server/src'));
  return names;
}

async function taskSettings() {
  const ecs = await tf.loadConfig(path.join(root, 'deploy/terraform/modules/ecs'));
  const roles = ecs.locals.find((l) => l.name === 'roles').value;
  const common = commonEnvironment(read('deploy/terraform/modules/ecs/main.tf'));
  return Object.fromEntries(Object.entries(roles).map(([role, r]) => [role, {
    environment: { ...common, ...r.environment }, secrets: r.secrets,
  }]));
}

test('every setting a task gets is read by the server or named in docs/deploy.md', async () => {
  const server = serverSettings();
  assert.ok(server.has('DATABASE_URL') && server.has('JWT_SECRET') && server.has('TRUST_PROXY'), 'server settings not found');
  const deployDoc = read('docs/deploy.md');
  const healthcheck = read('deploy/docker/healthcheck.sh');
  const outside = { HEALTHCHECK_PATH: 'the image health check reads it' };
  assert.match(healthcheck, /HEALTHCHECK_PATH/);
  for (const [role, s] of Object.entries(await taskSettings())) {
    for (const name of [...Object.keys(s.environment), ...Object.keys(s.secrets)]) {
      if (server.has(name) || name in outside) continue;
      assert.ok(deployDoc.includes(`\`${name}`), `${role}: ${name} is neither read by the server nor named in docs/deploy.md`);
    }
  }
});

test('the API gets what PostgreSQL mode requires, behind the load balancer as operations.md asks', async () => {
  const tasks = await taskSettings();
  const api = tasks.api;
  assert.ok(api.secrets.JWT_SECRET, 'with PostgreSQL the server refuses to start without JWT_SECRET');
  assert.match(api.environment.DATABASE_URL, /^\$\{local\.database_url\}$/);
  const ecsText = read('deploy/terraform/modules/ecs/main.tf');
  assert.match(ecsText, /database_url\s*=\s*"postgresql:\/\/\$\{var\.db_username\}@[^"]*sslmode=require"/, 'DATABASE_URL must carry no password and require TLS');
  for (const role of ['api', 'web']) {
    // CloudFront appends the viewer's address and the load balancer CloudFront's: two hops, or the
    // audit trail and the per-address sign-in limit would see the edge, not the client.
    assert.equal(tasks[role].environment.TRUST_PROXY, '2', `${role} sits behind CloudFront and the load balancer`);
    assert.equal(tasks[role].environment.BIND, '0.0.0.0', `${role} must listen beyond loopback`);
  }
  // The password is read from the RDS-managed secret by the server itself, at start and again after
  // a rotation (an ECS-injected PGPASSWORD would go stale in running tasks); its task role may read it.
  for (const role of ['api', 'worker']) {
    assert.equal(tasks[role].environment.DATABASE_PASSWORD_SECRET_ARN, '${var.db_master_secret_arn}', `${role}: no database password`);
    assert.ok(!('PGPASSWORD' in tasks[role].secrets), `${role}: PGPASSWORD would go stale after a rotation`);
  }
  assert.match(ecsText, /sid\s*=\s*"DatabasePassword"\s*\n\s*actions\s*=\s*\["secretsmanager:GetSecretValue"\]\s*\n\s*resources\s*=\s*\[var\.db_master_secret_arn\]/,
    'the task role must be allowed to read the database secret');

  // SIGTERM drains within ECS's stopTimeout.
  const stopTimeout = Number(ecsText.match(/stopTimeout\s*=\s*(\d+)/)[1]);
  for (const role of ['api', 'web']) {
    const drain = Number(tasks[role].environment.DRAIN_SECONDS);
    assert.ok(drain > 0 && drain + 5 <= stopTimeout, `${role}: DRAIN_SECONDS ${drain} not comfortably below stopTimeout ${stopTimeout}`);
  }
  // The load balancer, not the server, closes idle keep-alive connections.
  const alb = read('deploy/terraform/modules/alb/main.tf');
  const albIdle = Number(alb.match(/idle_timeout\s*=\s*(\d+)/)[1]);
  const serverIdle = Number(tasks.api.environment.IDLE_TIMEOUT_SECONDS || read('server/src/platform/config.hpp').match(/idle_timeout_seconds = (\d+)/)[1]);
  assert.ok(serverIdle > albIdle, `server idle timeout ${serverIdle}s must exceed the ALB's ${albIdle}s`);
  // Health checks where the server answers them.
  assert.match(alb, /path\s*=\s*"\/health"/);
  assert.equal(read('docs/operations.md').includes('path `/health`, port 5000, success code 200'), true);
});

test('the contract checks catch a setting nobody reads and a drain longer than the stop timeout', () => {
  const ecsText = read('deploy/terraform/modules/ecs/main.tf');
  const planted = ecsText.replace('CMA_ENVIRONMENT         = var.environment', 'CMA_ENVIRONMENT         = var.environment\n        CMA_MYSTERY_SETTING     = "1"');
  const env = commonEnvironment(planted);
  assert.ok('CMA_MYSTERY_SETTING' in env);
  assert.ok(!read('docs/deploy.md').includes('`CMA_MYSTERY_SETTING') && !serverSettings().has('CMA_MYSTERY_SETTING'));
  assert.throws(() => commonEnvironment(ecsText.replace('}, each.value.environment)', '})')), /no merge/);
});
