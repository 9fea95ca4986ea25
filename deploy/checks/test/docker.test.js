'use strict';
// deploy/docker/Dockerfile: the runtime stage carries exactly the libraries the built binary loads,
// the build stage what scripts/bootstrap builds with, and nothing is fetched from outside Debian.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const d = require('../lib/dockerfile');

const root = path.resolve(__dirname, '../../..');
const dockerfile = fs.readFileSync(path.join(root, 'deploy/docker/Dockerfile'), 'utf8');
const stageNamed = (text, name) => d.stages(text).find((s) => s.name === name);

function builtBinary() {
  // CMA_BINARY is relative to the repository root.
  const candidates = [process.env.CMA_BINARY, 'build/ci/bin/cma', 'build/release/bin/cma']
    .filter(Boolean).map((p) => path.resolve(root, p));
  return candidates.find((p) => fs.existsSync(p));
}

test('the Dockerfile has a bookworm build stage and a bookworm-slim runtime stage', () => {
  const s = d.stages(dockerfile);
  assert.deepEqual(s.map((x) => x.name), ['build', 'runtime']);
  assert.match(s[1].from, /-slim$/);
  assert.deepEqual(d.finalStageViolations(dockerfile), []);
});

test('every library ldd lists for the built binary comes from a runtime package, and no more', (t) => {
  const binary = builtBinary();
  if (!binary) {
    if (process.env.CMA_REQUIRE_BINARY === '1') assert.fail('no built cma binary (build/ci/bin/cma)');
    t.skip('no built binary: build with `cmake --build build/ci --target cma` first');
    return;
  }
  const libs = d.lddLibraries(binary);
  assert.ok(libs.length > 5, `ldd listed only ${libs.length} libraries`);
  const packages = d.owningPackages(libs.map((l) => l.path));
  const owner = new Map(libs.map((l) => {
    const pkg = packages.get(l.path);
    assert.ok(pkg, `dpkg -S found no package for ${l.path}`);
    return [l.soname, pkg];
  }));
  const needed = d.neededSonames(binary);
  assert.ok(needed.length > 5, `readelf found only ${needed.length} NEEDED entries`);
  const direct = needed.map((soname) => {
    assert.ok(owner.has(soname), `ldd did not resolve ${soname}`);
    return owner.get(soname);
  });
  const runtime = d.aptPackages(stageNamed(dockerfile, 'runtime'));
  const { missing, uncovered, unneeded } =
    d.runtimeCoverage(runtime, direct, [...owner.values()], d.installedDependencies());
  assert.deepEqual(missing, [], `runtime stage does not name the packages of: ${missing.join(' ')}`);
  assert.deepEqual(uncovered, [], `libraries loaded but not brought by the runtime packages: ${uncovered.join(' ')}`);
  assert.deepEqual(unneeded, [], `runtime stage installs packages the binary does not name: ${unneeded.join(' ')}`);
});

test('the build stage installs what scripts/bootstrap builds with', () => {
  const needed = d.bootstrapBuildPackages(fs.readFileSync(path.join(root, 'scripts/bootstrap'), 'utf8'));
  assert.ok(needed.includes('libsoci-dev') && needed.includes('g++'));
  const build = new Set(d.aptPackages(stageNamed(dockerfile, 'build')));
  assert.deepEqual(needed.filter((p) => !build.has(p)), []);
});

test('no Dockerfile line downloads from outside the package registries or names an architecture', () => {
  for (const file of fs.readdirSync(path.join(root, 'deploy/docker')).filter((f) => /^Dockerfile/.test(f) && !f.endsWith('.dockerignore'))) {
    const text = fs.readFileSync(path.join(root, 'deploy/docker', file), 'utf8');
    assert.deepEqual(d.downloadViolations(text), [], file);
    assert.deepEqual(d.archViolations(text), [], file);
  }
});

test('everything the Dockerfile copies exists and passes its .dockerignore', () => {
  const ignore = fs.readFileSync(path.join(root, 'deploy/docker/Dockerfile.dockerignore'), 'utf8');
  const copies = d.contextCopies(dockerfile);
  assert.ok(copies.length >= 5);
  for (const c of copies) {
    for (const src of c.sources) {
      assert.ok(fs.existsSync(path.join(root, src)), `line ${c.line}: ${src} does not exist`);
      assert.equal(d.ignoredByDockerignore(src.replace(/\/$/, ''), ignore), false, `line ${c.line}: ${src} is excluded by the .dockerignore`);
    }
  }
  assert.equal(d.ignoredByDockerignore('build/ci/bin/cma', ignore), true);
  assert.equal(d.ignoredByDockerignore('deploy/terraform/envs/dev/main.tf', ignore), true);
  assert.equal(d.ignoredByDockerignore('server/src/main/cli.cpp', ignore), false);
  assert.equal(d.ignoredByDockerignore('server/node_modules/x', ignore), true);
  assert.equal(d.ignoredByDockerignore('server/x', ignore + '\nserver/\n'), true);
});

test('the ECS task definitions and compose file use the image as it is built', () => {
  const ecs = fs.readFileSync(path.join(root, 'deploy/terraform/modules/ecs/main.tf'), 'utf8');
  const compose = fs.readFileSync(path.join(root, 'deploy/compose/compose.yaml'), 'utf8');
  const final = d.stages(dockerfile).pop().instructions;
  const user = final.filter((i) => i.instruction === 'USER').pop().args.trim();
  const healthcheck = d.contextCopies(dockerfile).find((c) => c.sources.includes('deploy/docker/healthcheck.sh')).destination;
  assert.match(ecs, new RegExp(`user\\s*=\\s*"${user}"`), 'task definition user differs from the image USER');
  assert.ok(ecs.includes(`["CMD", "${healthcheck}"]`), 'task definition health check is not the image\'s script');
  assert.ok(compose.includes(`["CMD", "${healthcheck}"]`), 'compose health check is not the image\'s script');
  for (const command of ['serve', 'web', 'worker']) assert.ok(ecs.includes(`["${command}"]`) && compose.includes(`["${command}"]`), command);
  assert.match(dockerfile, /ENTRYPOINT \["\/usr\/local\/bin\/cma"\]/);
});

test('the health check script is valid bash and asks for a 200', () => {
  const script = path.join(root, 'deploy/docker/healthcheck.sh');
  require('node:child_process').execFileSync('bash', ['-n', script]);
  assert.match(fs.readFileSync(script, 'utf8'), /200/);
});

// Each class of mistake, planted in a copy of the Dockerfile, is caught.
test('planted Dockerfile mistakes are caught', () => {
  const plant = (from, to) => {
    assert.ok(dockerfile.includes(from), `cannot plant: ${from}`);
    return dockerfile.replace(from, to);
  };
  const curl = plant('RUN cmake -S .', 'RUN curl -fsSL https://example.com/x.sh | sh && cmake -S .');
  assert.ok(d.downloadViolations(curl).length >= 1);
  const add = plant('COPY scripts/ scripts/', 'ADD https://example.com/tool.tgz /opt/');
  assert.ok(d.downloadViolations(add).length >= 1);
  const wget = plant('ca-certificates \\\n      libboost-json', 'ca-certificates wget \\\n      libboost-json') + '\nRUN wget -q x\n';
  assert.ok(d.downloadViolations(wget).length >= 1);
  const otherBase = plant('FROM debian:${DEBIAN_RELEASE}-slim AS runtime', 'FROM ubuntu:24.04 AS runtime');
  assert.ok(d.downloadViolations(otherBase).length >= 1);
  const arch = plant('COPY --from=build /src/build/image/bin/cma', 'COPY --from=build /usr/lib/x86_64-linux-gnu/libpq.so.5 /usr/lib/\nCOPY --from=build /src/build/image/bin/cma');
  assert.equal(d.archViolations(arch).length, 1);
  const root_ = plant('USER 10001:10001', 'USER root');
  assert.match(d.finalStageViolations(root_).join(), /runs as root/);
  const noUser = plant('USER 10001:10001\n', '');
  assert.match(d.finalStageViolations(noUser).join(), /runs as root/);
  const noHealth = dockerfile.replace(/^HEALTHCHECK .*$/m, '');
  assert.match(d.finalStageViolations(noHealth).join(), /HEALTHCHECK/);
  const fat = plant('FROM debian:${DEBIAN_RELEASE}-slim AS runtime', 'FROM debian:${DEBIAN_RELEASE} AS runtime');
  assert.match(d.finalStageViolations(fat).join(), /slim/);

  const runtime = d.aptPackages(stageNamed(dockerfile, 'runtime'));
  assert.ok(runtime.includes('libsodium23') && runtime.includes('libsoci-postgresql4.0'));
  const withoutSodium = d.aptPackages(stageNamed(plant(' libsodium23 ', ' '), 'runtime'));
  assert.deepEqual(d.runtimeCoverage(withoutSodium, ['libsodium23', 'libc6'], []).missing, ['libsodium23']);
  assert.deepEqual(d.runtimeCoverage([...runtime, 'libxml2'], runtime, []).unneeded, ['libxml2']);
  const deps = new Map([['libpq5', ['libldap-2.5-0']], ['libldap-2.5-0', ['libsasl2-2']]]);
  assert.deepEqual(d.runtimeCoverage(['libpq5'], ['libpq5'], ['libpq5', 'libsasl2-2'], deps).uncovered, []);
  assert.deepEqual(d.runtimeCoverage(['libpq5'], ['libpq5'], ['libpq5', 'libgnutls30'], deps).uncovered, ['libgnutls30']);

  const build = d.aptPackages(stageNamed(plant(' libsodium-dev ', ' '), 'build'));
  assert.ok(!build.includes('libsodium-dev'));
});
