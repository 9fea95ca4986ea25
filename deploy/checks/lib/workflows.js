'use strict';
// Structural checks of .github/workflows: what the pipeline must and must not do.
const YAML = require('yaml');

function parseWorkflow(text) {
  const doc = YAML.parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length) throw new Error(doc.errors.map((e) => e.message).join('; '));
  return doc.toJS();
}

const runs = (job) => (job.steps || []).filter((s) => s.run).map((s) => s.run).join('\n');
const uses = (job) => (job.steps || []).filter((s) => s.uses).map((s) => s.uses);

// name -> parsed workflow; problems as readable lines.
function workflowProblems(workflows) {
  const problems = [];
  for (const [file, wf] of Object.entries(workflows)) {
    const text = JSON.stringify(wf);
    if (!wf.on) problems.push(`${file}: no trigger (on:)`);
    if (!wf.jobs || !Object.keys(wf.jobs).length) { problems.push(`${file}: no jobs`); continue; }
    if (/aws-access-key-id|aws-secret-access-key|AWS_SECRET_ACCESS_KEY|AWS_ACCESS_KEY_ID/.test(text)) problems.push(`${file}: long-lived AWS keys`);
    if (/\S:latest\b/.test(text)) problems.push(`${file}: a :latest tag`);
    if (/force-new-deployment/.test(text)) problems.push(`${file}: --force-new-deployment (deploy by registering task definitions)`);
    if (/\bnpm (test|ci)\b/.test(text) && !/deploy\/checks/.test(text)) problems.push(`${file}: npm test for a C++ server`);
    const jobNames = new Set(Object.keys(wf.jobs));
    for (const [name, job] of Object.entries(wf.jobs)) {
      const at = `${file}: job ${name}`;
      for (const need of [].concat(job.needs || [])) if (!jobNames.has(need)) problems.push(`${at} needs unknown job ${need}`);
      const needs = new Set([].concat(job.needs || []));
      const jobText = JSON.stringify(job);
      for (const m of jobText.matchAll(/needs\.([\w-]+)\./g)) if (!needs.has(m[1])) problems.push(`${at} reads needs.${m[1]} without needing it`);
      const stepIds = new Set((job.steps || []).map((s) => s.id).filter(Boolean));
      for (const m of jobText.matchAll(/steps\.([\w-]+)\./g)) if (!stepIds.has(m[1])) problems.push(`${at} reads steps.${m[1]}, which no step has as id`);
      for (const u of uses(job)) if (!u.startsWith('./') && !/@(v\d+(\.\d+)*|[0-9a-f]{40})$/.test(u)) problems.push(`${at} uses ${u} without a version`);
      if (job.uses && !job.uses.startsWith('./') && !/@(v\d+|[0-9a-f]{40})/.test(job.uses)) problems.push(`${at} calls ${job.uses} without a version`);
      const assumesRole = uses(job).some((u) => u.startsWith('aws-actions/configure-aws-credentials'));
      if (assumesRole) {
        const perms = job.permissions || wf.permissions || {};
        if (perms['id-token'] !== 'write') problems.push(`${at} assumes an AWS role without id-token: write`);
        for (const s of job.steps) if (s.uses && s.uses.startsWith('aws-actions/configure-aws-credentials') && !(s.with || {})['role-to-assume'])
          problems.push(`${at} configures AWS credentials without role-to-assume`);
      }
      const build = (job.steps || []).find((s) => s.uses && s.uses.startsWith('docker/build-push-action'));
      if (build) {
        const w = build.with || {};
        // platforms may come from the job's matrix: expand ${{ matrix.platform }} over it.
        const include = ((job.strategy || {}).matrix || {}).include || [];
        const platforms = /matrix\.platform/.test(w.platforms) ? include.map((m) => m.platform).join(',') : String(w.platforms);
        if (!/linux\/amd64/.test(platforms) || !/linux\/arm64/.test(platforms)) problems.push(`${at} builds for ${platforms}, not amd64 and arm64`);
        if (!/github\.sha/.test(String(w.tags))) problems.push(`${at} tags images with ${w.tags}, not the commit SHA`);
        if (w.file !== 'deploy/docker/Dockerfile') problems.push(`${at} builds ${w.file}`);
        for (const m of include) if (m.platform === 'linux/arm64' && !/arm/.test(m.runner || '')) problems.push(`${at} builds arm64 on ${m.runner}, under emulation`);
      }
      if (/\bterraform apply\b/.test(runs(job)) && !job.environment) problems.push(`${at} applies Terraform outside a GitHub environment`);
      if (/ecs-deploy\.sh/.test(runs(job)) && !job.environment) problems.push(`${at} deploys outside a GitHub environment`);
    }
  }
  return problems;
}

module.exports = { parseWorkflow, workflowProblems };
