'use strict';
// deploy/cluster: the HAProxy configuration `make cluster` writes routes as the ALB does (the
// listener rule's paths to the API, the rest to the web app) and health-checks the targets on the
// target groups' paths; where haproxy is installed, it accepts the configuration. The cluster
// itself runs under failure in deploy/cluster/test (docs/deploy.md).
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { loadConfig } = require('../lib/terraform');

const albDir = path.resolve(__dirname, '../../terraform/modules/alb');

async function albRouting() {
  const config = await loadConfig(albDir);
  const rule = config.resources.find((r) => r.type === 'aws_lb_listener_rule' && r.name === 'api');
  const patterns = rule.body.condition.flatMap((c) => (c.path_pattern || []).flatMap((p) => p.values));
  const health = (name) => config.resources.find((r) => r.type === 'aws_lb_target_group' && r.name === name)
    .body.health_check[0].path;
  return { patterns, apiHealth: health('api'), webHealth: health('web') };
}

// What in an HAProxy configuration differs from the ALB's routing and health checks.
function routingProblems(cfg, { patterns, apiHealth, webHealth }) {
  const problems = [];
  const prefixes = [...cfg.matchAll(/^\s*acl to_api path_beg (.+)$/gm)].flatMap((m) => m[1].trim().split(/\s+/)).sort();
  const wanted = patterns.map((p) => p.replace(/\*$/, '')).sort();
  if (JSON.stringify(prefixes) !== JSON.stringify(wanted)) problems.push(`API paths ${prefixes} instead of ${wanted}`);
  if (/^\s*acl to_api (?!path_beg )/m.test(cfg)) problems.push('another rule sends requests to the API');
  if (!/use_backend api if to_api\n/.test(cfg) || !/default_backend web\n/.test(cfg)) problems.push('not the rest to the web app');
  const backend = (name) => cfg.split(/^backend /m).find((b) => b.startsWith(name + '\n')) || '';
  if (!backend('api').includes(`http-check send meth GET uri ${apiHealth}\n`)) problems.push(`API health check not ${apiHealth}`);
  if (!backend('web').includes(`http-check send meth GET uri ${webHealth}\n`)) problems.push(`web health check not ${webHealth}`);
  if (!/http-request disable-l7-retry unless METH_GET \|\| METH_HEAD\n/.test(backend('api'))) problems.push('writes may be resent');
  if (!/option redispatch/.test(cfg)) problems.push('no redispatch');
  return problems;
}

test('the cluster proxy routes and health-checks as the ALB does', async () => {
  const { haproxyConfig } = await import('../../cluster/cluster.mjs');
  const alb = await albRouting();
  assert.deepEqual(alb.patterns, ['/api/*', '/ical/*']);
  const cfg = haproxyConfig({ port: 8080, apis: [5001, 5002], web: 3000, socket: '/tmp/cma-haproxy.sock' });
  assert.deepEqual(routingProblems(cfg, alb), []);
  assert.match(cfg, /server api-1 127\.0\.0\.1:5001\n\s*server api-2 127\.0\.0\.1:5002/);
  assert.match(cfg, /server web-1 127\.0\.0\.1:3000/);

  // Planted mistakes.
  const caught = (from, to) => routingProblems(cfg.replace(from, to), alb).length > 0;
  assert.ok(caught('path_beg /api/ /ical/', 'path_beg /api/'), 'a missing path');
  assert.ok(caught('acl to_api path_beg /api/ /ical/', 'acl to_api path_beg /api/ /ical/\n  acl to_api path /health'), 'an extra path');
  assert.ok(caught('uri /health', 'uri /'), 'the API health check');
  assert.ok(caught('unless METH_GET || METH_HEAD', 'unless METH_GET || METH_HEAD || METH_POST'), 'writes resent');
  assert.ok(caught('default_backend web', 'default_backend api'), 'the rest to the API');
});

test('haproxy accepts the configuration', { skip: spawnSync('sh', ['-c', 'command -v haproxy']).status !== 0 && 'haproxy is not installed' }, async () => {
  const { haproxyConfig } = await import('../../cluster/cluster.mjs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cma-haproxy-'));
  try {
    const file = path.join(dir, 'haproxy.cfg');
    fs.writeFileSync(file, haproxyConfig({ port: 8080, apis: [5001, 5002], web: 3000, socket: path.join(dir, 'sock') }));
    const r = spawnSync('haproxy', ['-c', '-f', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
