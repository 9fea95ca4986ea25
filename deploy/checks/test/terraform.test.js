'use strict';
// deploy/terraform checked without a terraform binary: HCL parses, references resolve, nothing is
// declared twice, every resource matches the AWS provider 5.100 schema, and the policy rules hold.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const tf = require('../lib/terraform');
const policy = require('../lib/policy');
const { environmentValues } = require('../../cost/model');

const root = path.resolve(__dirname, '../../terraform');
const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../schema/aws-provider.json'), 'utf8'));
const envNames = ['dev', 'staging', 'production'];

const cache = new Map();
const load = (dir) => {
  if (!cache.has(dir)) cache.set(dir, tf.loadConfig(dir));
  return cache.get(dir);
};
const allConfigs = () => Promise.all(tf.configDirs(root).map(load));

// Loads one directory with one file's text edited: how the planted-mistake tests work.
async function planted(rel, file, from, to, ...more) {
  const dir = path.join(root, rel);
  let text = fs.readFileSync(path.join(dir, file), 'utf8');
  const edits = [[from, to]];
  for (let i = 0; i < more.length; i += 2) edits.push([more[i], more[i + 1]]);
  for (const [a, b] of edits) {
    assert.ok(text.includes(a), `cannot plant in ${rel}/${file}: "${a}" not found`);
    text = text.replace(a, b);
  }
  return tf.loadConfig(dir, { [file]: text });
}
const allProblems = async (config) => [
  ...(await tf.referenceProblems(config, load)),
  ...tf.duplicateProblems(config),
  ...tf.schemaProblems(config, schema),
  ...policy.configProblems(config),
];

test('every .tf file parses', async () => {
  const configs = await allConfigs();
  assert.ok(configs.length >= 12, `only ${configs.length} configurations found`);
  const resources = configs.reduce((n, c) => n + c.resources.length, 0);
  assert.ok(resources > 100, `only ${resources} resources`);
});

test('every file keeps terraform fmt\'s alignment of = signs', () => {
  const files = [];
  const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = path.join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.tf(vars)?$/.test(e.name)) files.push(p);
  });
  walk(root);
  assert.ok(files.length > 40);
  for (const f of files) assert.deepEqual(tf.alignmentProblems(fs.readFileSync(f, 'utf8')), [], path.relative(root, f));
  const sample = 'resource "a" "b" {\n  x      = 1\n  longer = 2\n  tags = {\n    A   = 1\n    BBB = "=="\n  }\n}\n';
  assert.deepEqual(tf.alignmentProblems(sample), []);
  assert.deepEqual(tf.alignmentProblems(sample.replace('x      = 1', 'x = 1')), ['line 2: x = 1']);
  assert.deepEqual(tf.alignmentProblems(sample.replace('    BBB = "=="', '    BBB  = "=="')), ['line 6: BBB  = "=="']);
});

test('every reference resolves and module arguments match module variables', async () => {
  for (const config of await allConfigs()) assert.deepEqual(await tf.referenceProblems(config, load), [], config.dir);
});

test('nothing is declared twice', async () => {
  for (const config of await allConfigs()) assert.deepEqual(tf.duplicateProblems(config), [], config.dir);
});

test('every resource and data source matches the AWS provider 5.100 schema', async () => {
  assert.equal(schema.provider, 'hashicorp/aws 5.100.0');
  for (const config of await allConfigs()) assert.deepEqual(tf.schemaProblems(config, schema), [], config.dir);
});

test('the committed schema covers exactly the types in use', () => {
  const used = tf.terraformTypes(root);
  assert.deepEqual(Object.keys(schema.resource).sort(), [...used.resource].filter((t) => t.startsWith('aws_')).sort());
  assert.deepEqual(Object.keys(schema.data).sort(), [...used.data].filter((t) => t.startsWith('aws_')).sort());
});

test('policy rules hold in every configuration', async () => {
  for (const config of await allConfigs()) assert.deepEqual(policy.configProblems(config), [], config.dir);
});

test('environments are one modules/stack call each, differing only in name, state key and tfvars', async () => {
  const read = (env, f) => fs.readFileSync(path.join(root, 'envs', env, f), 'utf8');
  const files = ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf'];
  for (const env of envNames) {
    assert.deepEqual(fs.readdirSync(path.join(root, 'envs', env)).sort(), [...files, 'moved.tf', 'terraform.tfvars'].sort(), env);
    for (const f of files) assert.equal(read(env, f).replaceAll(env, 'ENV'), read('production', f).replaceAll('production', 'ENV'), `envs/${env}/${f} differs from production's`);
    const config = await load(path.join(root, 'envs', env));
    assert.deepEqual(config.modules.map((m) => [m.name, m.body.source]), [['stack', '../../modules/stack']], env);
    assert.deepEqual(config.resources, [], `${env} declares resources of its own`);
    const stack = await load(path.join(root, 'modules/stack'));
    const moved = config.moved.map((m) => [m.body.from, m.body.to]).sort();
    assert.deepEqual(moved, stack.modules.map((m) => ['${module.' + m.name + '}', '${module.stack.module.' + m.name + '}']).sort(), `${env}: state of every module moves into module.stack`);
    const lines = files.reduce((n, f) => n + read(env, f).split('\n').length, 0);
    assert.ok(lines < 100, `envs/${env} has ${lines} lines of .tf: the wiring belongs in modules/stack`);
  }
  const keys = envNames.map((env) => read(env, 'versions.tf').match(/key\s*=\s*"([^"]+)"/)[1]);
  assert.deepEqual(keys, envNames.map((e) => `envs/${e}/terraform.tfstate`));
});

test('every composition but bootstrap keeps its state in S3 under its own key', async () => {
  const keys = new Map();
  for (const config of await allConfigs()) {
    if (config.dir.includes(`${path.sep}modules${path.sep}`) || config.dir.endsWith('bootstrap')) continue;
    const backend = config.terraform.map((t) => t.body.backend).find(Boolean);
    assert.ok(backend && backend.s3, `${config.dir} has no s3 backend`);
    const key = backend.s3[0].key;
    assert.ok(!keys.has(key), `${config.dir} shares state key ${key} with ${keys.get(key)}`);
    keys.set(key, config.dir);
  }
  assert.equal(keys.size, 4);
});

test('each environment\'s tfvars sets every required variable with a value of its type', async () => {
  for (const env of envNames) {
    const config = await load(path.join(root, 'envs', env));
    const file = path.join(root, 'envs', env, 'terraform.tfvars');
    const values = await tf.parseHcl(file, fs.readFileSync(file, 'utf8'));
    assert.deepEqual(await tf.tfvarsThroughModulesProblems(config, values, load), [], env);
  }
  for (const config of await allConfigs()) for (const v of config.variables) tf.parseType(v.body.type);
  const config = await load(path.join(root, 'envs/production'));
  const file = path.join(root, 'envs/production/terraform.tfvars');
  const text = fs.readFileSync(file, 'utf8');
  const problems = async (from, to) => {
    assert.ok(text.includes(from), `cannot plant: ${from}`);
    return (await tf.tfvarsThroughModulesProblems(config, await tf.parseHcl(file, text.replace(from, to)), load)).join('\n');
  };
  assert.match(await problems('az_count            = 2', 'az_count            = "two"'), /az_count: "two" is not a number/);
  assert.match(await problems('deletion_protection = true', 'deletion_protecton = true'), /settings: missing attribute deletion_protection[\s\S]*settings: unexpected attribute deletion_protecton/);
  assert.match(await problems('spot = true, on_demand_base = 0', 'spot = "yes", on_demand_base = 0'), /services\.worker\.spot: "yes" is not a bool/);
  assert.match(await problems(', on_demand_base = 0 }\n    web', ' }\n    web'), /services\.api: missing attribute on_demand_base/);
  assert.match(await problems('image_tag = "0000000000000000000000000000000000000000"', 'image_tg = "0000000000000000000000000000000000000000"'), /image_tg: no such variable[\s\S]*image_tag: required, not set/);
  assert.match(await problems('alert_emails           = ["ops@example.org"]', 'alert_emails           = "ops@example.org"'), /alert_emails: not a list/);
});

test('tfvars give valid Fargate sizes, Spot on x86, and production its protections', async () => {
  for (const env of envNames) {
    const file = path.join(root, 'envs', env, 'terraform.tfvars');
    const vars = environmentValues(await tf.parseHcl(file, fs.readFileSync(file, 'utf8')));
    assert.equal(vars.environment, env);
    assert.deepEqual(policy.tfvarsProblems(env, vars), []);
  }
});

test('module provider constraints admit the versions the compositions pin', async () => {
  const configs = await allConfigs();
  const pins = {};
  for (const c of configs.filter((c) => !c.dir.includes(`${path.sep}modules${path.sep}`))) {
    for (const [name, version] of Object.entries(policy.providerConstraints(c))) {
      assert.match(version, /^\d+\.\d+\.\d+$/, `${c.dir} must pin ${name} exactly`);
      if (pins[name]) assert.equal(version, pins[name], `${c.dir} pins ${name} ${version}, others ${pins[name]}`);
      pins[name] = version;
    }
  }
  assert.equal(pins.aws, '5.100.0');
  for (const c of configs.filter((c) => c.dir.includes(`${path.sep}modules${path.sep}`))) {
    const constraints = policy.providerConstraints(c);
    assert.ok(constraints.aws, `${c.dir} declares no aws constraint`);
    for (const [name, constraint] of Object.entries(constraints)) {
      assert.ok(policy.satisfies(pins[name], constraint), `${c.dir}: ${name} ${constraint} does not admit ${pins[name]}`);
    }
  }
});

test('the budget filters on the Environment tag the provider applies', async () => {
  const env = await load(path.join(root, 'envs/production'));
  const tags = env.locals.find((l) => l.name === 'tags').value;
  assert.equal(env.modules.find((m) => m.name === 'stack').body.tags, '${local.tags}');
  const stack = await load(path.join(root, 'modules/stack'));
  const obs = stack.modules.find((m) => m.name === 'observability').body;
  assert.ok(obs.budget_tag_key in tags, `budget tag ${obs.budget_tag_key} is not a default tag`);
  assert.equal(obs.budget_tag_value, '${var.tags.' + obs.budget_tag_key + '}');
  for (const p of env.providers) {
    assert.equal(p.body.default_tags[0].tags, '${local.tags}', `provider ${p.name} does not apply local.tags`);
  }
});

test('the load balancer redirects 80 to 443, serves 443 with ACM and routes /api/*', async () => {
  const alb = await load(path.join(root, 'modules/alb'));
  const listener = (n) => alb.resources.find((r) => r.type === 'aws_lb_listener' && r.name === n).body;
  const http = listener('http');
  assert.equal(http.port, 80);
  assert.equal(http.default_action[0].redirect[0].protocol, 'HTTPS');
  assert.equal(http.default_action[0].redirect[0].port, '443');
  const https = listener('https');
  assert.equal(https.protocol, 'HTTPS');
  assert.match(https.certificate_arn, /var\.certificate_arn/);
  const api = alb.resources.find((r) => r.type === 'aws_lb_listener_rule' && r.name === 'api').body;
  assert.deepEqual(api.condition[0].path_pattern[0].values, ['/api/*', '/ical/*']);
  assert.match(api.action[0].target_group_arn, /aws_lb_target_group\.api/);
});

// Each class of mistake, planted in a copy of the real files, is caught.
test('planted Terraform mistakes are caught', async () => {
  const expectCaught = async (rel, file, from, to, pattern, ...more) => {
    const problems = await allProblems(await planted(rel, file, from, to, ...more));
    assert.ok(problems.some((p) => pattern.test(p)), `not caught (${pattern}): ${problems.join('\n') || 'no problems'}`);
  };
  // The guide's mistakes.
  await expectCaught('modules/observability', 'main.tf', 'cost_filter {\n    name   = "TagKeyValue"\n    values = [format("user:%s$%s", var.budget_tag_key, var.budget_tag_value)]\n  }',
    'cost_filters = { Tag = ["Environment:${var.environment}"] }', /unsupported argument or block "cost_filters"/);
  await expectCaught('modules/ecs', 'main.tf', 'deployment_circuit_breaker {', 'deployment_configuration {\n    maximum_percent = 200\n  }\n  deployment_circuit_breaker {',
    /unsupported argument or block "deployment_configuration"/);
  await expectCaught('modules/data', 'main.tf', '# --- Cache', 'resource "aws_db_instance" "this" {\n  instance_class = "db.t4g.micro"\n}\n# --- Cache', /aws_db_instance\.this declared twice/);
  await expectCaught('modules/ecs', 'main.tf', '# --- Secrets', 'resource "aws_ecs_capacity_provider" "spot" {\n  name = "FARGATE_SPOT"\n  auto_scaling_group_provider {\n    auto_scaling_group_arn = "arn"\n  }\n}\n# --- Secrets',
    /Auto Scaling group capacity provider|type not in schema/);
  await expectCaught('modules/ecs', 'main.tf', 'capacity_providers = ["FARGATE", "FARGATE_SPOT"]', 'capacity_providers = ["FARGATE"]', /capacity providers do not include/);
  await expectCaught('modules/data', 'main.tf', 'monitoring_role_arn                   = var.db_monitoring_interval > 0 ? aws_iam_role.rds_monitoring[0].arn : null\n  enabled', 'enabled', /monitoring_interval without monitoring_role_arn/);
  await expectCaught('modules/data', 'main.tf', 'final_snapshot_identifier  = var.final_snapshot ? "${var.name}-final" : null', '', /no final_snapshot_identifier/);
  await expectCaught('modules/data', 'main.tf', 'vpc_security_group_ids = [aws_security_group.db.id]\n  parameter_group_name   = aws_db_parameter_group.this.name\n  publicly_accessible    = false\n  ca_cert_identifier     = "rds-ca-rsa2048-g1"\n\n  backup_retention_period    = 0',
    'parameter_group_name   = aws_db_parameter_group.this.name\n  backup_retention_period    = 0', /read replica without vpc_security_group_ids/);
  await expectCaught('modules/ecs', 'main.tf', '  network_configuration {\n    subnets          = var.subnet_ids\n    security_groups  = [aws_security_group.service[each.key].id]\n    assign_public_ip = var.assign_public_ip\n  }\n', '', /no network_configuration/);
  await expectCaught('modules/data', 'main.tf', 'engine_version = var.db_engine_version', 'engine_version = "15.4"', /engine_version 15\.4 is not/);
  await expectCaught('modules/ecs', 'main.tf', 'from_port                    = each.value.port\n  to_port                      = each.value.port', 'from_port                    = 0\n  to_port                      = 65535', /port range/);
  await expectCaught('modules/data', 'main.tf', 'storage_class = "INTELLIGENT_TIERING"', 'storage_class = "STANDARD_IA"', /no lifecycle transition into INTELLIGENT_TIERING/,
    'resource "aws_kms_key" "documents" {', 'resource "aws_s3_bucket_intelligent_tiering_configuration" "documents" {\n  bucket = aws_s3_bucket.documents.id\n  name   = "EntireBucket"\n  tiering {\n    access_tier = "ARCHIVE_ACCESS"\n    days        = 90\n  }\n}\nresource "aws_kms_key" "documents" {');
  await expectCaught('modules/observability', 'main.tf', 'dimensions          = { DBInstanceIdentifier = var.db_identifier }', 'dimensions          = { DBInstanceIdentifier = aws_db_instance.main.id }', /\.id where \.identifier|undeclared aws_db_instance\.main/);
  await expectCaught('modules/ecs', 'main.tf', 'image       = "${var.image_repository_url}:${var.image_tag}"', 'image       = "${var.image_repository_url}:latest"', /:latest/);
  await expectCaught('envs/production', 'versions.tf', 'use_lockfile = true', 'dynamodb_table = "cma-terraform-locks"', /use_lockfile|DynamoDB/);
  // Structure.
  await expectCaught('modules/alb', 'main.tf', 'vpc_id      = var.vpc_id', 'vpc_id      = var.vpc', /undeclared var\.vpc/);
  await expectCaught('modules/observability', 'main.tf', 'databases = { for role, id in { primary = var.db_identifier, replica = var.db_replica_identifier } : role => id if id != null }',
    'databases = merge({ primary = var.db_identifier }, var.db_replica_identifier == null ? {} : { replica = var.db_replica_identifier })', /conditional between \{\} and an object/);
  await expectCaught('modules/alb', 'main.tf', 'subnets                    = var.public_subnet_ids', 'subnets                    = local.subnets', /undeclared local\.subnets/);
  await expectCaught('modules/alb', 'main.tf', 'load_balancer_arn = aws_lb.this.arn\n  port              = 80', 'load_balancer_arn = aws_lb.main.arn\n  port              = 80', /undeclared aws_lb\.main/);
  await expectCaught('modules/stack', 'main.tf', 'alb_dns_name               = module.alb.dns_name', 'alb_dns_name               = module.alb.dns', /does not output/);
  await expectCaught('modules/stack', 'main.tf', 'az_count    = var.settings.az_count', 'az_count    = var.settings.az_count\n  zones       = 3', /does not declare/);
  await expectCaught('modules/stack', 'main.tf', '  region      = var.settings.region\n', '', /required variable region/);
  await expectCaught('modules/stack', 'main.tf', 'az_count    = var.settings.az_count', 'az_count    = var.settings.zones', /var\.settings\.zones, which the type of var\.settings does not have/);
  await expectCaught('envs/production', 'main.tf', 'settings  = var.settings', 'setting   = var.settings', /passes setting, which the module does not declare/);
  await expectCaught('envs/production', 'main.tf', 'settings  = var.settings', '', /does not pass required variable settings/);
  await expectCaught('envs/production', 'moved.tf', 'to   = module.stack.module.alb', 'to   = module.stack.module.lb', /module\.stack calls no module lb/);
  await expectCaught('envs/production', 'moved.tf', 'to   = module.stack.module.alb', 'to   = module.stak.module.alb', /undeclared module\.stak/);
  await expectCaught('envs/production', 'outputs.tf', 'module.stack.cluster_name', 'module.stack.cluster', /does not output/);
  await expectCaught('modules/data', 'main.tf', 'storage_encrypted     = true\n\n  db_name', 'storage_encrypted     = false\n\n  db_name', /storage_encrypted is not true/);
  await expectCaught('modules/data', 'main.tf', 'transit_encryption_enabled = true', 'transit_encryption_enabled = false', /transit_encryption_enabled/);
  await expectCaught('modules/alb', 'main.tf', 'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket ', 'resource "aws_s3_bucket_public_access_block" "logs" {\n  bucket = "x"\n  xbucket ', /no public access block|unsupported argument/);
  await expectCaught('modules/data', 'main.tf', 'variable = "aws:SecureTransport"', 'variable = "aws:SourceIp"', /does not deny requests without TLS/);
  await expectCaught('modules/ecs', 'main.tf', 'rollback = true', 'rollback = false', /circuit breaker with rollback/);
  await expectCaught('modules/ecs', 'main.tf', 'ignore_changes = [task_definition, desired_count]', 'ignore_changes = [desired_count]', /ignore task_definition/);
  await expectCaught('modules/ecs', 'main.tf', 'referenced_security_group_id = var.alb_security_group_id', 'cidr_ipv4                    = "0.0.0.0/0"', /whole internet/);
  await expectCaught('modules/ecs', 'variables.tf', '  description = "Port of `cma web`."\n', '', /web_port has no description/);
  await expectCaught('modules/cdn', 'main.tf', 'restrictions {', 'restriction {', /unsupported argument or block "restriction"|required block "restrictions"/);
  await expectCaught('modules/network', 'main.tf', 'map_public_ip_on_launch = false', 'map_public_ip_on_launch = false\n  public_ip_on_launch     = true', /unsupported argument or block "public_ip_on_launch"/);
  await expectCaught('modules/alb', 'main.tf', '  load_balancer_type         = "application"', '  load_balancer_type         = "application"\n  access_logs = { bucket = "x" }', /"access_logs" is a block/);
  await expectCaught('modules/cdn', 'main.tf', '  enabled         = true\n', '', /required argument "enabled" missing/);
  await expectCaught('modules/observability', 'main.tf', 'databases = { for role, id in { primary = var.db_identifier, replica = var.db_replica_identifier } : role => id if id != null }',
    'databases = merge({ primary = var.db_identifier }, var.db_replica_identifier == null ? {} : { replica = var.db_replica_identifier })', /conditional between \{\} and an object/);
  await expectCaught('modules/alb', 'main.tf', 'subnets                    = var.public_subnet_ids', 'subnets                    = "subnet-0abc"', /"subnets" takes a list, given a single value/);
  await expectCaught('modules/alb', 'main.tf', 'idle_timeout               = 60', 'idle_timeout               = [60]', /"idle_timeout" takes a single value, given a list/);
  await expectCaught('modules/network', 'main.tf', 'tags = { Name = var.name }\n}\n\nresource "aws_internet_gateway"', 'tags = ["Name"]\n}\n\nresource "aws_internet_gateway"', /"tags" takes a map, given a list/);
});

test('planted tfvars and version mistakes are caught', async () => {
  const file = path.join(root, 'envs/production/terraform.tfvars');
  const text = fs.readFileSync(file, 'utf8');
  const parsed = async (from, to) => { assert.ok(text.includes(from)); return tf.parseHcl(file, text.replace(from, to)); };
  const problems = async (from, to) => policy.tfvarsProblems('production', environmentValues(await parsed(from, to))).join('\n');
  assert.match(await problems('cpu = 1024, memory = 2048', 'cpu = 1024, memory = 1024'), /not a Fargate size/);
  assert.match(await problems('cpu_architecture = "X86_64", spot = true', 'cpu_architecture = "ARM64", spot = true'), /Fargate Spot/);
  assert.match(await problems('deletion_protection = true', 'deletion_protection = false'), /deletion_protection/);
  assert.match(await problems('db_final_snapshot         = true', 'db_final_snapshot         = false'), /final database snapshot/);
  assert.match(await problems('db_read_replica           = true', 'db_read_replica           = false'), /read replica/);
  assert.match(await problems('image_tag = "0000000000000000000000000000000000000000"', 'image_tag = "latest"'), /commit SHA/);
  assert.equal(policy.satisfies('5.100.0', '>= 5.100.0, < 6.0.0'), true);
  assert.equal(policy.satisfies('5.99.1', '>= 5.100.0, < 6.0.0'), false);
  assert.equal(policy.satisfies('6.0.0', '>= 5.100.0, < 6.0.0'), false);
  assert.equal(policy.satisfies('5.100.0', '~> 5.0'), true);
  assert.equal(policy.fargateSizeValid(512, 4096), true);
  assert.equal(policy.fargateSizeValid(256, 4096), false);
  assert.equal(policy.fargateSizeValid(4096, 9216), true);
});

test('whole expressions are told apart from templates', () => {
  assert.equal(tf.isWholeExpression('${var.x}'), true);
  assert.equal(tf.isWholeExpression('${[for s in values(var.m) : "arn:${var.r}:${s}"]}'), true);
  assert.equal(tf.isWholeExpression('${jsonencode({ a = "}" })}'), true);
  assert.equal(tf.isWholeExpression('${a}-${b}'), false);
  assert.equal(tf.isWholeExpression('${x}${y}'), false);
  assert.equal(tf.isWholeExpression('plain'), false);
});

test('references are found inside templates but not inside string literals', () => {
  const refs = tf.references(['arn:aws:ecs:${var.region}:${local.account}:service/x', '${jsonencode({ Service = "ecs-tasks.amazonaws.com", b = "${aws_s3_bucket.x.arn}/*" })}', 'literal aws_lb.fake.arn', '$${var.escaped}']);
  assert.deepEqual(refs.map((r) => `${r.kind}:${r.type || ''}${r.type ? '.' : ''}${r.name}`).sort(), ['local:account', 'resource:aws_s3_bucket.x', 'var:region']);
});

// Issue 16's list, item by item, against the real configuration.
test('each mistake the guide makes is absent, and everything it leaves out is present', async () => {
  const configs = await allConfigs();
  const all = configs.flatMap((c) => c.resources.map((r) => ({ ...r, dir: path.relative(root, c.dir) })));
  const of = (type) => all.filter((r) => r.type === type);
  const text = (v) => JSON.stringify(v);

  assert.ok(!all.some((r) => 'cost_filters' in r.body), 'cost_filters');
  assert.ok(of('aws_budgets_budget').every((b) => b.body.cost_filter.some((f) => f.name === 'TagKeyValue')));
  for (const s of of('aws_ecs_service')) {
    assert.ok(!('deployment_configuration' in s.body));
    assert.ok('deployment_maximum_percent' in s.body && 'deployment_minimum_healthy_percent' in s.body);
    assert.equal(s.body.deployment_circuit_breaker[0].rollback, true);
    assert.ok(s.body.network_configuration, `${s.name}: network_configuration`);
  }
  assert.equal(of('aws_ecs_capacity_provider').length, 0);
  assert.deepEqual(of('aws_ecs_cluster_capacity_providers')[0].body.capacity_providers, ['FARGATE', 'FARGATE_SPOT']);
  const dbs = of('aws_db_instance');
  assert.deepEqual(dbs.map((d) => d.name).sort(), ['replica', 'this']);
  for (const d of dbs) assert.match(d.body.monitoring_role_arn, /aws_iam_role\.rds_monitoring/);
  const primary = dbs.find((d) => d.name === 'this').body;
  assert.match(primary.final_snapshot_identifier, /-final/);
  assert.equal(primary.engine_version, '${var.db_engine_version}');
  assert.deepEqual(dbs.find((d) => d.name === 'replica').body.vpc_security_group_ids, ['${aws_security_group.db.id}']);
  for (const r of of('aws_vpc_security_group_ingress_rule')) assert.equal(r.body.from_port, r.body.to_port, `${r.dir} ${r.name}`);
  assert.equal(of('aws_security_group').filter((g) => g.body.ingress).length, 0);
  const docsLifecycle = of('aws_s3_bucket_lifecycle_configuration').find((l) => l.dir === 'modules/data').body;
  assert.deepEqual(docsLifecycle.rule[0].transition[0], { days: 0, storage_class: 'INTELLIGENT_TIERING' });
  const dashboard = text(of('aws_cloudwatch_dashboard')[0].body);
  assert.ok(!/aws_db_instance/.test(dashboard) && /DBInstanceIdentifier/.test(dashboard));
  const dataOutputs = text((await load(path.join(root, 'modules/data'))).outputs);
  assert.match(dataOutputs, /aws_db_instance\.this\.identifier/);

  // Missing from the guide, present here.
  assert.equal(of('aws_ecr_repository')[0].body.image_tag_mutability, 'IMMUTABLE');
  assert.ok(of('aws_ecr_lifecycle_policy').length === 1);
  assert.ok(of('aws_iam_openid_connect_provider').length === 1);
  assert.ok(of('aws_iam_role').some((r) => r.name === 'execution') && of('aws_iam_role').some((r) => r.name === 'task'));
  assert.ok(of('aws_iam_role').some((r) => r.dir === 'modules/deploy_role'));
  assert.deepEqual(of('aws_lb_listener').map((l) => l.body.port).sort(), [443, 80]);
  assert.ok(of('aws_lb_listener_rule').some((r) => text(r.body).includes('/api/*')));
  const taskDefs = text(of('aws_ecs_task_definition')[0].body);
  assert.match(taskDefs, /xray-daemon/);
  const roles = (await load(path.join(root, 'modules/ecs'))).locals.find((l) => l.name === 'roles').value;
  assert.deepEqual(Object.keys(roles).sort(), ['api', 'web', 'worker']);
  assert.deepEqual(roles.worker.command, ['worker']);
  assert.equal(of('aws_ecs_service')[0].body.for_each, '${local.roles}');
  assert.ok(of('aws_elasticache_replication_group').length === 1);
  assert.ok(of('aws_cloudfront_distribution').length === 1);
  assert.ok(of('aws_route53_record').length >= 3);
  assert.ok(of('aws_cloudwatch_metric_alarm').length >= 8);
  assert.ok(of('aws_s3_bucket_policy').some((p) => p.dir === 'modules/alb'));
  assert.ok(of('aws_s3_bucket').some((b) => b.dir === 'bootstrap'));
});
