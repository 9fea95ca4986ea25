'use strict';
// docs/costs.md is what deploy/cost/model.js computes from the tfvars and the price table, the
// budgets leave room above the modelled spend, and production stays within its target.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const cost = require('../../cost/model');

const root = path.resolve(__dirname, '../../..');
const PRODUCTION_TARGET_USD = 420;

test('docs/costs.md holds the model\'s current tables', async () => {
  const doc = fs.readFileSync(path.join(root, 'docs/costs.md'), 'utf8');
  const generated = doc.slice(doc.indexOf(cost.BEGIN) + cost.BEGIN.length, doc.indexOf(cost.END)).trim();
  assert.equal(generated, cost.render(await cost.model()).trim(), 'run: node deploy/cost/model.js --write');
});

test('each budget is above the modelled spend, and production within its target', async () => {
  const m = await cost.model();
  for (const [env, e] of Object.entries(m.envs)) {
    const total = cost.total(e.lines);
    assert.ok(total > 20, `${env}: implausibly low total ${total}`);
    assert.ok(e.vars.monthly_budget_usd >= total, `${env}: budget ${e.vars.monthly_budget_usd} below modelled ${total.toFixed(2)}`);
  }
  assert.ok(cost.total(m.envs.production.lines) <= PRODUCTION_TARGET_USD);
  assert.ok(cost.total(m.guide.production) > 2 * cost.total(m.envs.production.lines));
});

test('every price has a source and a date, and unknown instance classes are refused', () => {
  const prices = JSON.parse(fs.readFileSync(path.join(root, 'deploy/cost/prices.json'), 'utf8')).prices;
  for (const [id, e] of Object.entries(prices)) {
    assert.match(e.source, /^https:\/\/aws\.amazon\.com\//, `${id} has no source`);
    assert.ok(e.date, `${id} has no date`);
  }
  const base = { tasks: [], db: { class: 'db.x9.huge', multi_az: false, storage_gb: 20 }, replica: null,
    cache: { class: 'cache.t4g.micro', nodes: 1, engine: 'valkey' }, az_count: 2, nat_count: 0, tasks_public_ip: false,
    alb_lcu: 1, logs_gb: 1, documents_gb: 1, document_objects: 1, storage_class: 'standard', nat_gb: 0,
    cloudfront_gb: 0, traces_million: 0, app_metrics: 0, alarms: 0, dashboards: 0, container_insights: false, secrets: 0, kms_keys: 0 };
  assert.throws(() => cost.lines(base), /no rds_pg_hour price for db\.x9\.huge/);
  const ok = cost.lines({ ...base, db: { ...base.db, class: 'db.t4g.micro', multi_az: true } });
  const db = ok.find((l) => l.service === 'RDS PostgreSQL');
  assert.equal(db.usd.toFixed(2), (2 * (0.018 * 730 + 20 * 0.133)).toFixed(2));
});
