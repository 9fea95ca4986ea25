#!/usr/bin/env node
'use strict';
// Monthly cost of each environment, from deploy/terraform/envs/*/terraform.tfvars, the eu-west-2
// price table (prices.json, each price with its source and date) and the usage assumptions
// (usage.json); and the guide's two tables recomputed at the same prices.
//   node deploy/cost/model.js            print the tables
//   node deploy/cost/model.js --write    rewrite the generated part of docs/costs.md
const fs = require('node:fs');
const path = require('node:path');

const here = __dirname;
const root = path.resolve(here, '../..');
const prices = JSON.parse(fs.readFileSync(path.join(here, 'prices.json'), 'utf8'));
const usage = JSON.parse(fs.readFileSync(path.join(here, 'usage.json'), 'utf8'));
const H = prices.hours_per_month;
const p = (id) => {
  const e = prices.prices[id];
  if (!e || typeof e.usd !== 'number') throw new Error(`no price ${id} in prices.json`);
  return e.usd;
};
const classPrice = (id, cls) => {
  const e = prices.prices[id];
  if (!(cls in e.classes)) throw new Error(`no ${id} price for ${cls} in prices.json`);
  return e.classes[cls];
};

// Alarms the observability module creates, as it counts them.
const alarmCount = (hasReplica) => 1 + 1 + 2 + 3 + (hasReplica ? 2 : 1) + 1 + (hasReplica ? 1 : 0) + 1 + 1 + 1;
const CONTAINER_INSIGHTS_METRICS_PER_SERVICE = 8;

// Capacity of one of our environments, read from its tfvars.
function capacityFromTfvars(env, vars) {
  const u = usage[env];
  const natCount = { none: 0, single: 1, per_az: vars.az_count }[vars.nat_gateway];
  return {
    tasks: Object.entries(vars.services).map(([name, s]) => ({
      name, count: s.min_count, cpu: s.cpu, memory: s.memory, arch: s.spot ? 'X86_64' : s.cpu_architecture, spot: s.spot,
    })),
    db: { class: vars.db_instance_class, multi_az: vars.db_multi_az, storage_gb: vars.db_allocated_storage },
    replica: vars.db_read_replica ? { class: vars.db_replica_instance_class || 'db.t4g.medium', storage_gb: vars.db_allocated_storage } : null,
    cache: { class: vars.cache_node_type, nodes: vars.cache_nodes, engine: 'valkey' },
    az_count: vars.az_count, nat_count: natCount, tasks_public_ip: vars.nat_gateway === 'none',
    storage_class: 'intelligent_tiering', alarms: alarmCount(vars.db_read_replica), dashboards: 1,
    container_insights: vars.container_insights !== 'disabled', secrets: 3, kms_keys: 1, ...u,
  };
}

const money = (x) => x.toFixed(2);

// [{service, configuration, usd}] for one capacity.
function lines(c) {
  const out = [];
  const add = (service, configuration, usd) => out.push({ service, configuration, usd });
  for (const t of c.tasks) {
    const vcpu = t.cpu / 1024;
    const gb = t.memory / 1024;
    const kind = t.spot ? 'spot_x86' : t.arch === 'ARM64' ? 'arm' : 'x86';
    const hourly = vcpu * p(`fargate_${kind}_vcpu_hour`) + gb * p(`fargate_${kind}_gb_hour`);
    const label = t.spot ? 'Fargate Spot x86' : t.arch === 'ARM64' ? 'Fargate Graviton' : 'Fargate x86';
    add(`ECS ${t.name}`, `${t.count} × ${vcpu} vCPU / ${gb} GB, ${label}`, t.count * hourly * H);
  }
  const dbFactor = c.db.multi_az ? 2 : 1;
  add('RDS PostgreSQL', `${c.db.class}${c.db.multi_az ? ' Multi-AZ' : ''}, ${c.db.storage_gb} GB gp3`,
    dbFactor * (classPrice('rds_pg_hour', c.db.class) * H + c.db.storage_gb * p('rds_gp3_gb_month')));
  if (c.replica) {
    add('RDS read replica', `${c.replica.class}, ${c.replica.storage_gb} GB gp3`,
      classPrice('rds_pg_hour', c.replica.class) * H + c.replica.storage_gb * p('rds_gp3_gb_month'));
  }
  const cacheHourly = classPrice('elasticache_hour', c.cache.class) * (c.cache.engine === 'valkey' ? 1 - p('valkey_discount') : 1);
  add(`ElastiCache ${c.cache.engine === 'valkey' ? 'Valkey' : 'Redis'}`, `${c.cache.nodes} × ${c.cache.class}`, c.cache.nodes * cacheHourly * H);
  add('Application Load Balancer', `1 ALB, ${c.alb_lcu} LCU average`, (p('alb_hour') + c.alb_lcu * p('alb_lcu_hour')) * H);
  if (c.nat_count) add('NAT gateway', `${c.nat_count} × gateway, ${c.nat_gb} GB processed`, c.nat_count * p('nat_gateway_hour') * H + c.nat_gb * p('nat_gateway_gb'));
  const taskIps = c.tasks_public_ip ? c.tasks.reduce((n, t) => n + t.count, 0) : 0;
  const ips = c.az_count + c.nat_count + taskIps;
  add('Public IPv4 addresses', `${c.az_count} ALB + ${c.nat_count} NAT + ${taskIps} task`, ips * p('public_ipv4_hour') * H);
  const s3 = c.storage_class === 'intelligent_tiering'
    ? c.documents_gb * p('s3_it_blended_gb_month') + (c.document_objects / 1000) * p('s3_it_monitoring_1000_objects')
    : c.documents_gb * p('s3_standard_gb_month');
  add('S3 documents', `${c.documents_gb} GB, ${c.storage_class === 'intelligent_tiering' ? 'Intelligent-Tiering' : 'Standard'}`, s3);
  const metrics = (c.container_insights ? c.tasks.length * CONTAINER_INSIGHTS_METRICS_PER_SERVICE : 0) + c.app_metrics;
  add('CloudWatch', `${c.logs_gb} GB logs, ${c.alarms} alarms, ${c.dashboards} dashboard, ${metrics} metrics`,
    c.logs_gb * p('cloudwatch_logs_gb') + c.alarms * p('cloudwatch_alarm_month') + c.dashboards * p('cloudwatch_dashboard_month') + metrics * p('cloudwatch_metric_month'));
  if (c.secrets || c.kms_keys) add('Secrets Manager, KMS', `${c.secrets} secrets, ${c.kms_keys} key`, c.secrets * p('secret_month') + c.kms_keys * p('kms_key_month'));
  add('Route 53', 'hosted zone (alias queries free)', p('route53_zone_month'));
  if (c.cloudfront_gb) add('CloudFront', `${c.cloudfront_gb} GB out (1 TB a month free)`, Math.max(0, c.cloudfront_gb - 1024) * p('cloudfront_gb_over_free'));
  if (c.traces_million) add('X-Ray', `${c.traces_million} M traces (100 k free)`, Math.max(0, c.traces_million - 0.1) * p('xray_million_traces'));
  return out;
}

const total = (ls) => ls.reduce((s, l) => s + l.usd, 0);

function table(title, ls) {
  const rows = ls.map((l) => `| ${l.service} | ${l.configuration} | ${money(l.usd)} |`);
  return [`### ${title}`, '', '| Service | Configuration | USD / month |', '|---|---|---:|', ...rows, `| **Total** | | **${money(total(ls))}** |`, ''].join('\n');
}

// An environment's terraform.tfvars holds image_tag and the settings object modules/stack takes;
// the rest of deploy/ reads them as one flat set of values.
function environmentValues(tfvars) {
  return { ...tfvars.settings, image_tag: tfvars.image_tag };
}

async function model() {
  const { parse } = require(path.join(root, 'deploy/checks/node_modules/@cdktf/hcl2json'));
  const envs = {};
  for (const env of ['dev', 'staging', 'production']) {
    const file = path.join(root, 'deploy/terraform/envs', env, 'terraform.tfvars');
    const vars = environmentValues(await parse(file, fs.readFileSync(file, 'utf8')));
    envs[env] = { vars, lines: lines(capacityFromTfvars(env, vars)) };
  }
  const guide = { dev: lines(usage.guide_dev), production: lines(usage.guide_production) };
  return { envs, guide };
}

function render(m) {
  return [
    '## Ours, from the Terraform variables',
    '',
    table('dev', m.envs.dev.lines),
    table('staging', m.envs.staging.lines),
    table('production', m.envs.production.lines),
    '## The guide\'s tables, recomputed at London prices',
    '',
    table('Guide: development', m.guide.dev),
    table('Guide: production', m.guide.production),
  ].join('\n');
}

const BEGIN = '<!-- generated by deploy/cost/model.js: do not edit by hand -->';
const END = '<!-- end of generated part -->';

async function main() {
  const m = await model();
  const text = render(m);
  if (process.argv.includes('--write')) {
    const doc = path.join(root, 'docs/costs.md');
    const current = fs.readFileSync(doc, 'utf8');
    const a = current.indexOf(BEGIN);
    const b = current.indexOf(END);
    if (a < 0 || b < a) throw new Error('docs/costs.md has no generated part markers');
    fs.writeFileSync(doc, current.slice(0, a + BEGIN.length) + '\n\n' + text + '\n' + current.slice(b));
    console.log('updated docs/costs.md');
  } else {
    console.log(text);
  }
}

module.exports = { model, render, lines, total, capacityFromTfvars, environmentValues, BEGIN, END };
if (require.main === module) main().catch((e) => { console.error(e.message); process.exit(1); });
