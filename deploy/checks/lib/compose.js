'use strict';
// Structural checks of deploy/compose: the laptop topology matches the deployed one.
const YAML = require('yaml');

function parseCompose(text) {
  const doc = YAML.parseDocument(text, { uniqueKeys: true, merge: true });
  if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('; '));
  return doc.toJS({ maxAliasCount: 1000 });
}

const command = (svc) => [].concat(svc.command || []).join(' ');
const dependsOn = (svc) => (Array.isArray(svc.depends_on)
  ? Object.fromEntries(svc.depends_on.map((d) => [d, { condition: 'service_started' }]))
  : svc.depends_on || {});

// Upstream name -> servers, and location -> upstream, from an nginx.conf.
function nginxRoutes(text) {
  const upstreams = {};
  for (const m of text.matchAll(/upstream\s+(\w+)\s*\{([^}]*)\}/g)) {
    upstreams[m[1]] = [...m[2].matchAll(/server\s+([\w.-]+):(\d+)/g)].map((s) => ({ host: s[1], port: Number(s[2]) }));
  }
  const locations = {};
  for (const m of text.matchAll(/location\s+(=\s*)?(\S+)\s*\{\s*proxy_pass\s+http:\/\/(\w+);/g)) locations[m[2]] = m[3];
  return { upstreams, locations };
}

function composeProblems(compose, nginxText) {
  const problems = [];
  const services = compose.services || {};
  const names = Object.keys(services);
  const need = { postgres: 1, redis: 1, s3: 1, serve: 2, worker: 2, web: 1, proxy: 1 };
  const byCommand = (c) => names.filter((n) => command(services[n]) === c && n !== 'migrate');
  if (byCommand('serve').length !== need.serve) problems.push(`${byCommand('serve').length} API services, expected 2`);
  if (byCommand('worker').length !== need.worker) problems.push(`${byCommand('worker').length} workers, expected 2`);
  if (byCommand('web').length !== need.web) problems.push(`${byCommand('web').length} web services, expected 1`);
  for (const n of ['postgres', 'redis', 's3', 'proxy', 'migrate']) if (!services[n]) problems.push(`no ${n} service`);

  for (const [name, svc] of Object.entries(services)) {
    if (!svc.image) problems.push(`${name}: no image`);
    else if (!/:[\w.-]+$/.test(svc.image) || /:latest$/.test(svc.image)) problems.push(`${name}: image ${svc.image} is not pinned to a version`);
    for (const [dep, spec] of Object.entries(dependsOn(svc))) {
      if (!services[dep]) { problems.push(`${name}: depends on unknown service ${dep}`); continue; }
      if (spec.condition === 'service_healthy' && !services[dep].healthcheck) problems.push(`${name}: waits for ${dep} to be healthy, but ${dep} has no healthcheck`);
    }
    if (name !== 'migrate' && !svc.healthcheck) problems.push(`${name}: no healthcheck`);
    if (svc.ports && name !== 'proxy') problems.push(`${name}: publishes ports (only the proxy should)`);
  }
  for (const n of [...byCommand('serve'), ...byCommand('worker')]) {
    const deps = dependsOn(services[n]);
    for (const d of ['postgres', 'redis', 's3']) if (!deps[d] || deps[d].condition !== 'service_healthy') problems.push(`${n}: does not wait for ${d} to be healthy`);
    if (!deps.migrate || deps.migrate.condition !== 'service_completed_successfully') problems.push(`${n}: does not wait for migrate to finish`);
    const env = services[n].environment || {};
    for (const v of ['DATABASE_URL', 'REDIS_URL', 'STORAGE_URL']) if (!env[v]) problems.push(`${n}: no ${v}`);
    if (/:[^@/]+@/.test(env.DATABASE_URL || '')) problems.push(`${n}: password inside DATABASE_URL`);
  }

  const { upstreams, locations } = nginxRoutes(nginxText);
  const port = (n) => Number((services[n].environment || {}).PORT);
  const apiHosts = (upstreams[locations['/api/']] || []);
  const webHosts = (upstreams[locations['/']] || []);
  if (!locations['/api/']) problems.push('proxy: no location /api/');
  if (!locations['/']) problems.push('proxy: no location /');
  const sameSet = (a, b) => a.length === b.length && a.every((x) => b.includes(x));
  if (!sameSet(apiHosts.map((h) => h.host), byCommand('serve'))) problems.push(`proxy: /api/ goes to ${apiHosts.map((h) => h.host)}, not the API services`);
  if (!sameSet(webHosts.map((h) => h.host), byCommand('web'))) problems.push(`proxy: / goes to ${webHosts.map((h) => h.host)}, not the web service`);
  for (const h of [...apiHosts, ...webHosts]) if (services[h.host] && port(h.host) !== h.port) problems.push(`proxy: ${h.host}:${h.port} but ${h.host} listens on ${port(h.host)}`);
  return problems;
}

module.exports = { parseCompose, nginxRoutes, composeProblems };
