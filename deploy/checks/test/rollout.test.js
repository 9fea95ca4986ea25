'use strict';
// deploy/scripts/ecs-deploy.sh run against a stand-in `aws` command that records every call and
// answers as ECS would: the rollout registers revisions with the new image, migrates before any
// service moves, stops if the migration fails, and fails if a service rolled back.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const script = path.resolve(__dirname, '../../scripts/ecs-deploy.sh');
const SHA = 'a'.repeat(40);
const IMAGE = `123456789012.dkr.ecr.eu-west-2.amazonaws.com/cma:${SHA}`;

// The stand-in: logs "aws <args>" lines to $FAKE_DIR/calls and keeps registered definitions.
const FAKE_AWS = `#!/usr/bin/env bash
set -euo pipefail
echo "$*" >> "$FAKE_DIR/calls"
args="$*"
arg() { local want=$1; shift; while [ $# -gt 0 ]; do if [ "$1" = "$want" ]; then echo "$2"; return; fi; shift; done; }
service=$(arg --services "$@")
family=\${service:-none}
case "$args" in
  "ecs describe-services"*"services[0].taskDefinition"*)
    echo "arn:aws:ecs:eu-west-2:123456789012:task-definition/cma-dev-$family:7" ;;
  "ecs describe-services"*"awsvpcConfiguration"*)
    echo '{"subnets":["subnet-1","subnet-2"],"securityGroups":["sg-api"],"assignPublicIp":"ENABLED"}' ;;
  "ecs describe-services"*"PRIMARY"*)
    if [ "\${FAKE_ROLLBACK:-}" = "$service" ]; then n=7; else n=8; fi
    echo "arn:aws:ecs:eu-west-2:123456789012:task-definition/cma-dev-$service:$n" ;;
  "ecs describe-task-definition"*)
    arn=$(arg --task-definition "$@"); fam=\${arn##*/}; fam=\${fam%%:*}
    cat <<JSON
{"taskDefinitionArn":"$arn","family":"$fam","revision":7,"status":"ACTIVE","compatibilities":["EC2","FARGATE"],
 "requiresAttributes":[{"name":"x"}],"registeredAt":"2026-01-01T00:00:00Z","registeredBy":"someone",
 "containerDefinitions":[{"name":"app","image":"123456789012.dkr.ecr.eu-west-2.amazonaws.com/cma:${'b'.repeat(40)}"},
                         {"name":"xray-daemon","image":"public.ecr.aws/xray/aws-xray-daemon:3.3.13"}],
 "cpu":"256","memory":"512","networkMode":"awsvpc"}
JSON
    ;;
  "ecs register-task-definition"*)
    file=$(arg --cli-input-json "$@"); file=\${file#file://}
    fam=$(jq -r .family "$file"); cp "$file" "$FAKE_DIR/registered-$fam.json"
    echo "arn:aws:ecs:eu-west-2:123456789012:task-definition/$fam:8" ;;
  "ecs run-task"*) echo "arn:aws:ecs:eu-west-2:123456789012:task/cma-dev/migrate1" ;;
  "ecs wait"*) ;;
  "ecs describe-tasks"*) echo "\${FAKE_MIGRATE_EXIT:-0}" ;;
  "ecs update-service"*) echo "$service" ;;
  *) echo "unexpected aws call: $args" >&2; exit 99 ;;
esac
`;

function rollout(image, env = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ecs-deploy-'));
  fs.mkdirSync(path.join(dir, 'bin'));
  fs.writeFileSync(path.join(dir, 'bin/aws'), FAKE_AWS, { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'calls'), '');
  const result = spawnSync('bash', [script, 'cma-dev', image], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${path.join(dir, 'bin')}:${process.env.PATH}`, FAKE_DIR: dir, ...env },
  });
  const calls = fs.readFileSync(path.join(dir, 'calls'), 'utf8').split('\n').filter(Boolean);
  const registered = Object.fromEntries(fs.readdirSync(dir).filter((f) => f.startsWith('registered-'))
    .map((f) => [f.slice('registered-cma-dev-'.length, -5), JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))]));
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout, calls, registered };
}

const first = (calls, pattern) => calls.findIndex((c) => pattern.test(c));

test('a rollout registers new revisions, migrates once, then moves and watches every service', () => {
  const r = rollout(IMAGE);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(Object.keys(r.registered).sort(), ['api', 'web', 'worker']);
  for (const def of Object.values(r.registered)) {
    assert.equal(def.containerDefinitions.find((c) => c.name === 'app').image, IMAGE);
    assert.equal(def.containerDefinitions.find((c) => c.name === 'xray-daemon').image, 'public.ecr.aws/xray/aws-xray-daemon:3.3.13');
    for (const k of ['taskDefinitionArn', 'revision', 'status', 'compatibilities', 'requiresAttributes', 'registeredAt', 'registeredBy'])
      assert.ok(!(k in def), `${k} would make register-task-definition fail`);
  }
  const run = r.calls.find((c) => c.startsWith('ecs run-task'));
  assert.match(run, /--task-definition arn:aws:ecs:eu-west-2:123456789012:task-definition\/cma-dev-api:8/);
  assert.match(run, /"command":\["migrate"\]/);
  assert.match(run, /subnets=\[subnet-1,subnet-2\],securityGroups=\[sg-api\],assignPublicIp=ENABLED/);
  const updates = r.calls.filter((c) => c.startsWith('ecs update-service'));
  assert.equal(updates.length, 3);
  for (const u of updates) assert.match(u, /--task-definition arn:aws:ecs:eu-west-2:123456789012:task-definition\/cma-dev-(api|web|worker):8/);
  assert.ok(!r.calls.some((c) => /force-new-deployment/.test(c)));
  const order = [/^ecs register-task-definition/, /^ecs run-task/, /^ecs wait tasks-stopped/, /^ecs describe-tasks/, /^ecs update-service/, /^ecs wait services-stable/]
    .map((p) => first(r.calls, p));
  assert.ok(order.every((i) => i >= 0), `missing call: ${order}`);
  assert.deepEqual([...order].sort((a, b) => a - b), order, r.calls.join('\n'));
  assert.equal(r.calls.filter((c) => c.startsWith('ecs register-task-definition')).length, 3);
  assert.equal(r.calls.filter((c) => c.startsWith('ecs run-task')).length, 1);
});

test('a failed migration stops the rollout before any service moves', () => {
  const r = rollout(IMAGE, { FAKE_MIGRATE_EXIT: '1' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /migration task .* exited with 1; nothing was rolled out/);
  assert.equal(r.calls.filter((c) => c.startsWith('ecs update-service')).length, 0);
});

test('a service its circuit breaker rolled back fails the rollout', () => {
  const r = rollout(IMAGE, { FAKE_ROLLBACK: 'worker' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /worker rolled back to .*cma-dev-worker:7/);
});

test('an image not tagged with a commit SHA is refused before any AWS call', () => {
  const r = rollout('123456789012.dkr.ecr.eu-west-2.amazonaws.com/cma:latest');
  assert.equal(r.status, 2);
  assert.deepEqual(r.calls, []);
});
