'use strict';
// Reads a Dockerfile into stages and checks the rules deploy/docker must keep.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

// Joins continuation lines and drops comments; returns [{line, instruction, args}].
function instructions(text) {
  const out = [];
  let buffer = '';
  let startLine = 0;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (!buffer && /^\s*(#|$)/.test(line)) return;
    if (buffer && /^\s*#/.test(line)) return;
    if (!buffer) startLine = i + 1;
    if (/\\\s*$/.test(line)) {
      buffer += line.replace(/\\\s*$/, ' ');
      return;
    }
    buffer += line;
    const m = buffer.trim().match(/^(\S+)\s*(.*)$/s);
    out.push({ line: startLine, instruction: m[1].toUpperCase(), args: m[2] });
    buffer = '';
  });
  return out;
}

// [{name, from, instructions}] in file order.
function stages(text) {
  const result = [];
  for (const ins of instructions(text)) {
    if (ins.instruction === 'FROM') {
      const m = ins.args.match(/^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?/i);
      result.push({ name: m[2] || String(result.length), from: m[1], instructions: [] });
    } else if (result.length) {
      result[result.length - 1].instructions.push(ins);
    }
  }
  return result;
}

// Package names given to `apt-get install` in one stage's RUN lines.
function aptPackages(stage) {
  const packages = [];
  for (const ins of stage.instructions) {
    if (ins.instruction !== 'RUN') continue;
    for (const command of ins.args.split(/&&|;|\|\|/)) {
      const words = command.trim().split(/\s+/);
      const at = words.findIndex((w, i) => w === 'install' && words.slice(0, i).some((x) => /(^|\/)apt(-get)?$/.test(x)));
      if (at < 0) continue;
      for (const w of words.slice(at + 1)) if (w && !w.startsWith('-')) packages.push(w);
    }
  }
  return packages;
}

// Every instruction that would fetch something from outside Debian's archive.
function downloadViolations(text) {
  const found = [];
  for (const ins of instructions(text)) {
    const where = `line ${ins.line}: ${ins.instruction} ${ins.args.slice(0, 80)}`;
    if (ins.instruction === 'ADD' && /(https?|ftp|git):\/\/|git@/i.test(ins.args)) found.push(`ADD from a URL, ${where}`);
    if (ins.instruction === 'RUN') {
      if (/\b(curl|wget|git\s+clone|pip3?\s+install|npm\s+(install|ci)|gem\s+install|go\s+install|cargo\s+install)\b/.test(ins.args))
        found.push(`download tool, ${where}`);
      if (/(https?|ftp):\/\//i.test(ins.args)) found.push(`URL in RUN, ${where}`);
      if (/sources\.list|apt-key|add-apt-repository|signed-by/.test(ins.args)) found.push(`extra apt source, ${where}`);
    }
    if (ins.instruction === 'FROM' && !/^(--platform=\S+\s+)?(debian:\$\{DEBIAN_RELEASE\}(-slim)?|debian:bookworm(-slim)?|build|runtime)(\s|$)/i.test(ins.args))
      found.push(`base image other than Debian bookworm, ${where}`);
  }
  return found;
}

// Paths and names that tie an image to one CPU architecture.
function archViolations(text) {
  return instructions(text)
    .filter((ins) => /x86_64|amd64|aarch64|arm64|i386/.test(ins.args) && ins.instruction !== 'LABEL')
    .map((ins) => `line ${ins.line}: ${ins.instruction} names an architecture`);
}

function finalStageViolations(text) {
  const all = stages(text);
  const last = all[all.length - 1];
  const problems = [];
  const users = last.instructions.filter((i) => i.instruction === 'USER');
  const user = users.length ? users[users.length - 1].args.trim() : 'root';
  if (/^(root|0)(:|$)/.test(user)) problems.push(`final stage runs as ${user}`);
  if (!last.instructions.some((i) => i.instruction === 'HEALTHCHECK' && !/^NONE/i.test(i.args)))
    problems.push('final stage has no HEALTHCHECK');
  if (!/-slim/.test(last.from)) problems.push(`final stage is ${last.from}, not a -slim image`);
  if (!last.instructions.some((i) => i.instruction === 'ENTRYPOINT' && /cma"/.test(i.args)))
    problems.push('final stage does not run cma');
  return problems;
}

// `ldd` of a binary: [{soname, path}] for every library loaded from a file.
function lddLibraries(binary) {
  const text = execFileSync('ldd', [binary], { encoding: 'utf8' });
  const libs = [];
  for (const line of text.split('\n')) {
    let m = line.match(/^\s*(\S+)\s+=>\s+(\/\S+)\s+\(/);
    if (m) { libs.push({ soname: m[1], path: m[2] }); continue; }
    if (/=>\s+not found/.test(line)) throw new Error(`ldd: ${line.trim()}`);
    m = line.match(/^\s*(\/\S+)\s+\(/);
    if (m) libs.push({ soname: path.basename(m[1]), path: m[1] });
  }
  return libs;
}

// Sonames the binary itself names (DT_NEEDED), as opposed to what those libraries pull in.
function neededSonames(binary) {
  const text = execFileSync('readelf', ['-d', binary], { encoding: 'utf8' });
  return [...text.matchAll(/\(NEEDED\)\s+Shared library: \[([^\]]+)\]/g)].map((m) => m[1]);
}

// Installed packages' dependencies: Map package -> [first installed alternative of each dependency].
function installedDependencies() {
  const text = execFileSync('dpkg-query', ['-W', '-f=${Package}\t${Pre-Depends}, ${Depends}\n'], { encoding: 'utf8' });
  const installed = new Set(text.split('\n').map((l) => l.split('\t')[0]).filter(Boolean));
  const deps = new Map();
  for (const line of text.split('\n')) {
    const [pkg, list = ''] = line.split('\t');
    if (!pkg) continue;
    const chosen = [];
    for (const dep of list.split(',')) {
      const alternatives = dep.split('|').map((a) => a.trim().split(/[\s(]/)[0].replace(/:\w+$/, '')).filter(Boolean);
      const pick = alternatives.find((a) => installed.has(a));
      if (pick) chosen.push(pick);
    }
    deps.set(pkg, chosen);
  }
  return deps;
}

// Every package that installing `packages` brings, by the installed packages' Depends.
function closure(packages, deps) {
  const seen = new Set();
  const todo = [...packages];
  while (todo.length) {
    const p = todo.pop();
    if (seen.has(p)) continue;
    seen.add(p);
    for (const d of deps.get(p) || []) todo.push(d);
  }
  return seen;
}

// The Debian packages owning files (Map path -> package), trying the merged-/usr spellings of each
// path, in one dpkg call.
function owningPackages(files) {
  const spellings = new Map();
  for (const file of files) {
    const set = new Set([file]);
    try { set.add(fs.realpathSync(file)); } catch { /* kept as given */ }
    for (const c of [...set]) set.add(c.startsWith('/usr/') ? c.slice(4) : '/usr' + c);
    spellings.set(file, [...set]);
  }
  let out = '';
  try {
    out = execFileSync('dpkg', ['-S', ...new Set([...spellings.values()].flat())],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 24 });
  } catch (e) {
    out = e.stdout || '';  // dpkg exits 1 when some spellings are unknown
  }
  const byPath = new Map();
  for (const line of out.split('\n')) {
    const at = line.lastIndexOf(': ');
    if (at < 0) continue;
    byPath.set(line.slice(at + 2).trim(), line.slice(0, at).split(',')[0].trim().replace(/:[a-z0-9]+$/, ''));
  }
  const result = new Map();
  for (const [file, names] of spellings) {
    const hit = names.find((n) => byPath.has(n));
    result.set(file, hit ? byPath.get(hit) : null);
  }
  return result;
}

// Packages in the runtime stage that are not shared libraries the binary loads.
// libmagic-mgc is the type database libmagic1 reads (docs/documents.md), and tesseract-ocr-eng the
// English model the OCR reads: both named so they are never dropped.
const RUNTIME_EXTRAS = new Set(['ca-certificates', 'libmagic-mgc', 'tesseract-ocr-eng']);

// directPackages: own the libraries the binary names; loadedPackages: own every library ldd loads;
// installed: the packages' Depends, so that what apt brings along counts as covered.
function runtimeCoverage(runtimePackages, directPackages, loadedPackages, deps = new Map()) {
  const listed = new Set(runtimePackages);
  const direct = new Set(directPackages);
  const brought = closure(runtimePackages, deps);
  return {
    missing: [...direct].filter((p) => !listed.has(p)),
    uncovered: [...new Set(loadedPackages)].filter((p) => !brought.has(p)),
    unneeded: [...listed].filter((p) => !direct.has(p) && !RUNTIME_EXTRAS.has(p)),
  };
}

// The build packages of scripts/bootstrap: compilers, build tools and -dev libraries (not test ones).
function bootstrapBuildPackages(bootstrapText) {
  const m = bootstrapText.match(/PACKAGES=\(([\s\S]*?)\)/);
  if (!m) throw new Error('scripts/bootstrap: no PACKAGES=( … ) list');
  const words = m[1].replace(/#.*$/gm, '').split(/\s+/).filter(Boolean);
  const tools = new Set(['g++', 'cmake', 'ninja-build', 'pkg-config', 'python3', 'python3-yaml']);
  return words.filter((w) => tools.has(w) || (/-dev$/.test(w) && !/gtest|gmock|benchmark/.test(w)));
}

// Whether a build-context path survives a .dockerignore (patterns in order, later ones win,
// "!" re-includes; "*" matches within one path segment, "**" across segments).
function ignoredByDockerignore(relPath, ignoreText) {
  const toRegex = (pattern) => new RegExp('^' + pattern.replace(/\/+$/, '').split('/').map((seg) => (seg === '**' ? '.*'
    : seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]'))).join('/').replace(/\.\*\//g, '(.*/)?') + '(/.*)?$');
  let ignored = false;
  for (const raw of ignoreText.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (toRegex(negate ? line.slice(1) : line).test(relPath)) ignored = !negate;
  }
  return ignored;
}

// Sources of COPY instructions that read the build context (not --from a stage).
function contextCopies(text) {
  return instructions(text).filter((i) => i.instruction === 'COPY' && !/--from=/.test(i.args)).map((i) => {
    const words = i.args.split(/\s+/).filter((w) => w && !w.startsWith('--'));
    return { line: i.line, sources: words.slice(0, -1), destination: words[words.length - 1] };
  });
}

module.exports = {
  ignoredByDockerignore, contextCopies,
  instructions, stages, aptPackages, downloadViolations, archViolations, finalStageViolations,
  lddLibraries, neededSonames, installedDependencies, closure, owningPackages, runtimeCoverage, bootstrapBuildPackages,
};
