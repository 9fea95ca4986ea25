'use strict';
// .github/workflows: valid YAML, jobs wired together, OIDC only, SHA-tagged multi-arch images,
// deploys by task definition behind environments, production after staging after dev.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { parseWorkflow, workflowProblems } = require('../lib/workflows');

const root = path.resolve(__dirname, '../../..');
const dir = path.join(root, '.github/workflows');
const texts = Object.fromEntries(fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => [f, fs.readFileSync(path.join(dir, f), 'utf8')]));
const parsed = (over = {}) => Object.fromEntries(Object.entries({ ...texts, ...over }).map(([f, t]) => [f, parseWorkflow(t)]));

test('workflows parse and keep the pipeline rules', () => {
  assert.ok(texts['deploy.yml'] && texts['environment.yml']);
  assert.deepEqual(workflowProblems(parsed()), []);
});

test('the pipeline runs make test, plans on pull requests and rolls out dev, staging, production in order', () => {
  const wf = parsed();
  const deploy = wf['deploy.yml'];
  assert.deepEqual(deploy.on.push.branches, ['main']);
  assert.ok(deploy.on.pull_request);
  assert.ok(deploy.jobs.test.steps.some((s) => s.run === 'make test'));
  assert.match(deploy.jobs.plan.if, /pull_request/);
  assert.match(deploy.jobs.plan.steps.map((s) => s.run || '').join('\n'), /terraform plan/);
  assert.match(deploy.jobs.image.if, /push/);
  assert.match(deploy.jobs.manifest.steps.map((s) => s.run || '').join('\n'), /imagetools create -t "\$image" "\$image-amd64" "\$image-arm64"/);
  assert.match(deploy.jobs.manifest.outputs.image, /steps\.ref\.outputs\.image/);
  assert.deepEqual(deploy.jobs.dev.needs, ['manifest']);
  assert.deepEqual(deploy.jobs.production.needs, ['manifest', 'staging']);
  assert.deepEqual(deploy.jobs.staging.needs, ['manifest', 'dev']);
  assert.equal(deploy.jobs.production.with.environment, 'production');
  const rollout = wf['environment.yml'].jobs.rollout;
  assert.equal(rollout.environment.name, '${{ inputs.environment }}');
  const script = rollout.steps.map((s) => s.run || '').join('\n');
  assert.ok(script.indexOf('terraform apply') < script.indexOf('ecs-deploy.sh'));
});

test('the rollout script registers task definitions, migrates first and waits for stability', () => {
  const file = path.join(root, 'deploy/scripts/ecs-deploy.sh');
  execFileSync('bash', ['-n', file]);
  const s = fs.readFileSync(file, 'utf8');
  assert.ok(!/force-new-deployment/.test(s));
  const order = ['register-task-definition', 'run-task', 'wait tasks-stopped', 'update-service', 'wait services-stable'].map((w) => s.indexOf(w));
  assert.ok(order.every((i) => i > 0), 'a step is missing');
  assert.deepEqual([...order].sort((a, b) => a - b), order, 'steps out of order');
  assert.match(s, /"command":\["migrate"\]/);
});

test('planted workflow mistakes are caught', () => {
  const plant = (file, from, to) => {
    assert.ok(texts[file].includes(from), `cannot plant: ${from}`);
    return workflowProblems(parsed({ [file]: texts[file].replace(from, to) })).join('\n');
  };
  assert.match(plant('deploy.yml', 'role-to-assume: ${{ vars.AWS_IMAGE_PUBLISHER_ROLE_ARN }}',
    'aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}'), /long-lived AWS keys/);
  assert.match(plant('deploy.yml', 'image="${{ steps.ecr.outputs.registry }}/cma:${{ github.sha }}"', 'image="${{ steps.ecr.outputs.registry }}/cma:latest"'), /:latest/);
  assert.match(plant('deploy.yml', 'tags: ${{ steps.ecr.outputs.registry }}/cma:${{ github.sha }}-${{ matrix.arch }}', 'tags: ${{ steps.ecr.outputs.registry }}/cma:build-${{ matrix.arch }}'), /not the commit SHA/);
  assert.match(plant('deploy.yml', 'runner: ubuntu-24.04-arm', 'runner: ubuntu-24.04'), /under emulation/);
  assert.match(plant('environment.yml', 'run: deploy/scripts/ecs-deploy.sh "$CLUSTER" "${{ inputs.image }}"',
    'run: aws ecs update-service --cluster "$CLUSTER" --service api --force-new-deployment'), /force-new-deployment/);
  assert.match(plant('deploy.yml', 'run: make test', 'run: npm test'), /npm test/);
  assert.match(plant('deploy.yml', 'platform: linux/arm64', 'platform: linux/amd64'), /not amd64 and arm64/);
  assert.match(plant('deploy.yml', "    permissions:\n      contents: read\n      id-token: write\n    outputs:", '    outputs:'), /job manifest assumes an AWS role without id-token: write/);
  assert.match(plant('deploy.yml', 'needs: [manifest, staging]', 'needs: [manifest, stagin]'), /unknown job stagin/);
  assert.match(plant('deploy.yml', 'uses: docker/setup-buildx-action@v3', 'uses: docker/setup-buildx-action'), /without a version/);
  assert.match(plant('deploy.yml', '- id: ecr\n', '- name: ecr\n'), /steps\.ecr/);
  assert.match(plant('environment.yml', '    environment:\n      name: ${{ inputs.environment }}\n      url: ${{ vars.APP_URL }}\n', ''), /outside a GitHub environment/);
  assert.throws(() => parseWorkflow(texts['deploy.yml'].replace('jobs:\n', 'jobs:\n  test:\n    runs-on: x\n')), /unique|Map keys/);
});
