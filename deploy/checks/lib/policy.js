'use strict';
// Rules the Terraform must keep beyond "it parses and resolves": security, durability, and each
// mistake of the customer's deployment guide that must not come back.
const path = require('node:path');
const { expressions } = require('./terraform');

const isModule = (config, name) => path.basename(config.dir) === name && path.basename(path.dirname(config.dir)) === 'modules';
const ref = (value) => (typeof value === 'string' ? value : JSON.stringify(value));
const literal = (value) => typeof value === 'boolean' || typeof value === 'number' || (typeof value === 'string' && !value.includes('${'));
const only = (body, key) => (Array.isArray(body[key]) ? body[key] : []);

function allStrings(value, out = []) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => allStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => allStrings(v, out));
  return out;
}

// Oldest minor of each major that RDS still offers for new instances (older ones, such as the
// guide's 15.4, are refused at create time). A major alone takes the newest minor. Raise these as
// RDS retires minors.
const POSTGRES_OLDEST_MINOR = { 15: 10, 16: 6 };
function postgresCreatable(version) {
  const m = version.match(/^(\d+)(?:\.(\d+))?$/);
  if (!m || !(m[1] in POSTGRES_OLDEST_MINOR)) return false;
  return m[2] === undefined || Number(m[2]) >= POSTGRES_OLDEST_MINOR[m[1]];
}

// Problems in one configuration directory.
function configProblems(config) {
  const problems = [];
  const at = (r) => `${path.basename(config.dir)}/${path.basename(r.file)}: ${r.type}.${r.name}`;
  const resources = (type) => config.resources.filter((r) => r.type === type);

  // Every variable typed and described, every output described.
  for (const v of config.variables) {
    if (!v.body.type) problems.push(`${path.basename(config.dir)}: variable ${v.name} has no type`);
    if (!v.body.description) problems.push(`${path.basename(config.dir)}: variable ${v.name} has no description`);
  }
  for (const o of config.outputs) if (!o.body.description) problems.push(`${path.basename(config.dir)}: output ${o.name} has no description`);

  // No mutable image tags.
  for (const file of config.files) {
    for (const s of allStrings(file.json)) if (/\S:latest\b/.test(s)) problems.push(`${path.basename(file.file)}: ":latest" image tag in ${s.slice(0, 60)}`);
  }

  // Ingress: from anywhere only to the load balancer; never a port range or every protocol.
  for (const r of resources('aws_vpc_security_group_ingress_rule')) {
    if (/0\.0\.0\.0\/0|::\/0/.test(ref(r.body.cidr_ipv4) + ref(r.body.cidr_ipv6)) && !isModule(config, 'alb'))
      problems.push(`${at(r)}: ingress from the whole internet outside the load balancer`);
    if (r.body.ip_protocol === '-1' || r.body.ip_protocol === 'all') problems.push(`${at(r)}: ingress on every protocol`);
    if (ref(r.body.from_port) !== ref(r.body.to_port)) problems.push(`${at(r)}: ingress opens a port range`);
  }
  for (const r of resources('aws_security_group')) {
    for (const ing of only(r.body, 'ingress')) {
      problems.push(`${at(r)}: inline ingress block (use aws_vpc_security_group_ingress_rule, one port each)`);
      if (ing.from_port === 0 && ing.to_port === 65535) problems.push(`${at(r)}: ingress opens ports 0-65535`);
    }
  }
  for (const r of resources('aws_security_group_rule')) problems.push(`${at(r)}: aws_security_group_rule (use the per-rule vpc_security_group_*_rule resources)`);

  // Storage encrypted, databases private, versions current.
  for (const r of resources('aws_db_instance')) {
    if (r.body.storage_encrypted !== true) problems.push(`${at(r)}: storage_encrypted is not true`);
    if (r.body.publicly_accessible === true) problems.push(`${at(r)}: publicly accessible database`);
    if (!r.body.replicate_source_db) {
      const v = String(r.body.engine_version || '');
      if (r.body.engine === 'postgres' && literal(v) && !postgresCreatable(v)) problems.push(`${at(r)}: engine_version ${v} is not a PostgreSQL 15 or 16 RDS still creates`);
      if ('password' in r.body) problems.push(`${at(r)}: password in Terraform (use manage_master_user_password)`);
    } else if (!r.body.vpc_security_group_ids) {
      problems.push(`${at(r)}: read replica without vpc_security_group_ids`);
    }
    const interval = r.body.monitoring_interval;
    if (interval !== undefined && interval !== 0 && !r.body.monitoring_role_arn) problems.push(`${at(r)}: monitoring_interval without monitoring_role_arn`);
    if (r.body.skip_final_snapshot !== true && !r.body.replicate_source_db && !r.body.final_snapshot_identifier)
      problems.push(`${at(r)}: skip_final_snapshot may be false but no final_snapshot_identifier`);
  }
  for (const r of resources('aws_elasticache_replication_group')) {
    if (r.body.at_rest_encryption_enabled !== true) problems.push(`${at(r)}: at_rest_encryption_enabled is not true`);
    if (r.body.transit_encryption_enabled !== true) problems.push(`${at(r)}: transit_encryption_enabled is not true`);
    if (!r.body.auth_token) problems.push(`${at(r)}: no auth_token`);
  }
  const bucketRefs = (type) => new Set(resources(type).map((r) => ref(r.body.bucket)));
  const encrypted = bucketRefs('aws_s3_bucket_server_side_encryption_configuration');
  const blocked = bucketRefs('aws_s3_bucket_public_access_block');
  const withPolicy = bucketRefs('aws_s3_bucket_policy');
  for (const r of resources('aws_s3_bucket')) {
    const id = '${aws_s3_bucket.' + r.name + '.id}';
    if (!encrypted.has(id)) problems.push(`${at(r)}: no server-side encryption configuration`);
    if (!blocked.has(id)) problems.push(`${at(r)}: no public access block`);
    if (!withPolicy.has(id)) problems.push(`${at(r)}: no bucket policy (TLS only)`);
  }
  for (const r of resources('aws_s3_bucket_policy')) {
    const doc = config.data.find((d) => ref(r.body.policy) === '${data.aws_iam_policy_document.' + d.name + '.json}');
    const tlsOnly = doc && only(doc.body, 'statement').some((s) => s.effect === 'Deny' &&
      only(s, 'condition').some((c) => c.variable === 'aws:SecureTransport'));
    if (!tlsOnly) problems.push(`${at(r)}: policy does not deny requests without TLS`);
  }
  // Intelligent-Tiering settings apply only to objects in that class: something must move them there.
  if (resources('aws_s3_bucket_intelligent_tiering_configuration').length) {
    const moves = resources('aws_s3_bucket_lifecycle_configuration').some((l) => only(l.body, 'rule')
      .some((rule) => only(rule, 'transition').some((t) => t.storage_class === 'INTELLIGENT_TIERING')));
    if (!moves) problems.push(`${path.basename(config.dir)}: intelligent-tiering configuration but no lifecycle transition into INTELLIGENT_TIERING`);
  }

  // ECS: Fargate Spot through the cluster's capacity providers; services roll back and have a network.
  for (const r of resources('aws_ecs_capacity_provider')) {
    if (r.body.auto_scaling_group_provider) problems.push(`${at(r)}: an Auto Scaling group capacity provider (Fargate Spot is aws_ecs_cluster_capacity_providers)`);
  }
  const spotInServices = resources('aws_ecs_service').some((s) => JSON.stringify(s.body).includes('FARGATE_SPOT'));
  if (spotInServices && !resources('aws_ecs_cluster_capacity_providers').some((c) => JSON.stringify(c.body.capacity_providers || '').includes('FARGATE_SPOT')))
    problems.push(`${path.basename(config.dir)}: a service uses FARGATE_SPOT but the cluster's capacity providers do not include it`);
  for (const r of resources('aws_ecs_service')) {
    if (!r.body.network_configuration) problems.push(`${at(r)}: no network_configuration (awsvpc tasks need one)`);
    const breaker = only(r.body, 'deployment_circuit_breaker')[0];
    if (!breaker || breaker.enable !== true || breaker.rollback !== true) problems.push(`${at(r)}: no deployment circuit breaker with rollback`);
    const ignored = JSON.stringify((only(r.body, 'lifecycle')[0] || {}).ignore_changes || '');
    if (!ignored.includes('task_definition') || !ignored.includes('desired_count'))
      problems.push(`${at(r)}: lifecycle must ignore task_definition and desired_count (CI and autoscaling own them)`);
  }

  // `cond ? {} : { a = … }`: Terraform refuses conditionals whose arms are objects of different
  // attributes ("Inconsistent conditional result types"); a filtered for expression works.
  for (const file of config.files) {
    for (const e of expressions(file.json)) {
      if (/\?\s*\{\s*\}\s*:\s*\{[^{}]*\w\s*=/.test(e) || /\?\s*\{[^{}]*\w\s*=[^{}]*\}\s*:\s*\{\s*\}/.test(e))
        problems.push(`${path.basename(file.file)}: conditional between {} and an object with attributes: ${e.trim().slice(0, 80)}`);
    }
  }

  // Dashboards and alarms name RDS instances by identifier (.id is not the identifier in v5).
  for (const file of config.files) {
    for (const s of allStrings(file.json)) if (/aws_db_instance\.[\w\[\]0-9]+\.id\b/.test(s)) problems.push(`${path.basename(file.file)}: aws_db_instance …id where .identifier is meant`);
  }

  // Budgets: cost_filter on a tag (cost_filters was removed in provider 5).
  for (const r of resources('aws_budgets_budget')) {
    const filters = only(r.body, 'cost_filter');
    if (!filters.some((f) => f.name === 'TagKeyValue')) problems.push(`${at(r)}: budget has no TagKeyValue cost_filter`);
  }

  // State: S3 backend with native locking and no DynamoDB table.
  for (const t of config.terraform) {
    const backends = Array.isArray(t.body.backend) ? t.body.backend : t.body.backend ? [t.body.backend] : [];
    for (const backend of backends) {
      const s3 = (backend.s3 || [])[0];
      if (!s3) { problems.push(`${path.basename(config.dir)}: backend is not s3`); continue; }
      if (s3.use_lockfile !== true) problems.push(`${path.basename(config.dir)}: s3 backend without use_lockfile = true`);
      if ('dynamodb_table' in s3) problems.push(`${path.basename(config.dir)}: s3 backend still names a DynamoDB lock table`);
      if (s3.encrypt !== true) problems.push(`${path.basename(config.dir)}: s3 backend without encrypt = true`);
    }
  }
  return problems;
}

// Constraint strings like ">= 5.100.0, < 6.0.0" or "5.100.0" against a version.
function satisfies(version, constraint) {
  const v = version.split('.').map(Number);
  const cmp = (a, b) => { for (let i = 0; i < 3; i++) { const d = (a[i] || 0) - (b[i] || 0); if (d) return d; } return 0; };
  return constraint.split(',').map((c) => c.trim()).every((c) => {
    const m = c.match(/^(>=|<=|>|<|=|!=|~>)?\s*([\d.]+)$/);
    if (!m) throw new Error(`cannot read constraint ${c}`);
    const w = m[2].split('.').map(Number);
    const d = cmp(v, w);
    switch (m[1] || '=') {
      case '>=': return d >= 0;
      case '<=': return d <= 0;
      case '>': return d > 0;
      case '<': return d < 0;
      case '!=': return d !== 0;
      case '~>': { const upper = w.slice(0, Math.max(1, w.length - 1)); upper[upper.length - 1] += 1; return d >= 0 && cmp(v, upper) < 0; }
      default: return d === 0;
    }
  });
}

// provider name -> version constraint, from a configuration's terraform blocks.
function providerConstraints(config) {
  const out = {};
  for (const t of config.terraform) for (const rp of only(t.body, 'required_providers')) {
    for (const [name, spec] of Object.entries(rp)) out[name] = spec.version;
  }
  return out;
}

// Fargate's allowed CPU/memory pairs (MiB).
function fargateSizeValid(cpu, memory) {
  const ranges = { 256: [512, 1024, 2048], 512: [1024, 2048, 3072, 4096] };
  if (ranges[cpu]) return ranges[cpu].includes(memory);
  const span = { 1024: [2048, 8192, 1024], 2048: [4096, 16384, 1024], 4096: [8192, 30720, 1024], 8192: [16384, 61440, 4096], 16384: [32768, 122880, 8192] }[cpu];
  return Boolean(span) && memory >= span[0] && memory <= span[1] && (memory - span[0]) % span[2] === 0;
}

// Problems in one environment's terraform.tfvars (parsed).
function tfvarsProblems(name, vars) {
  const problems = [];
  for (const [role, s] of Object.entries(vars.services || {})) {
    if (!fargateSizeValid(s.cpu, s.memory)) problems.push(`${name}: ${role} cpu ${s.cpu} with memory ${s.memory} is not a Fargate size`);
    if (s.spot && s.cpu_architecture !== 'X86_64') problems.push(`${name}: ${role} runs on Fargate Spot, which has no ${s.cpu_architecture}`);
    if (s.min_count > s.max_count) problems.push(`${name}: ${role} min_count above max_count`);
  }
  for (const role of ['api', 'web', 'worker']) if (!(vars.services || {})[role]) problems.push(`${name}: no ${role} service`);
  if (!/^[0-9a-f]{40}$/.test(vars.image_tag || '')) problems.push(`${name}: image_tag is not a commit SHA`);
  if (vars.environment === 'production') {
    if (vars.deletion_protection !== true) problems.push(`${name}: production without deletion_protection`);
    if (vars.db_final_snapshot !== true) problems.push(`${name}: production without a final database snapshot`);
    if (vars.db_read_replica !== true) problems.push(`${name}: production without the read replica`);
    if (vars.db_multi_az !== true) problems.push(`${name}: production database not Multi-AZ`);
    if (!(vars.db_monitoring_interval > 0)) problems.push(`${name}: production without Enhanced Monitoring`);
  }
  return problems;
}

module.exports = { configProblems, postgresCreatable, satisfies, providerConstraints, fargateSizeValid, tfvarsProblems };
