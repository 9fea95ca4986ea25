'use strict';
// Loads Terraform configurations with @cdktf/hcl2json (HashiCorp's HCL parser compiled to WASM,
// so it runs offline) and checks them without a terraform binary.
const fs = require('node:fs');
const path = require('node:path');

const META_ARGUMENTS = new Set(['count', 'for_each', 'depends_on', 'lifecycle', 'provider', 'provisioner', 'connection']);
const MODULE_META = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

function tfFiles(dir) {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.tf')).sort().map((f) => path.join(dir, f));
}

// Every directory under root holding .tf files.
function configDirs(root) {
  const out = [];
  const walk = (d) => {
    if (tfFiles(d).length) out.push(d);
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory() && !e.name.startsWith('.')) walk(path.join(d, e.name));
    }
  };
  walk(root);
  return out.sort();
}

// Resource and data source types named anywhere under root (a plain text scan, for schema/extract.js).
function terraformTypes(root) {
  const used = { resource: new Set(), data: new Set() };
  for (const dir of configDirs(root)) {
    for (const file of tfFiles(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(resource|data)\s+"([a-z0-9_]+)"\s+"/gm)) used[m[1]].add(m[2]);
    }
  }
  return used;
}

let parser;
async function parseHcl(file, text) {
  parser = parser || require('@cdktf/hcl2json');
  return parser.parse(file, text);
}

// A configuration directory: its blocks by kind, with the file each came from.
async function loadConfig(dir, overrides = {}) {
  const config = {
    dir, files: [], resources: [], data: [], variables: [], outputs: [], locals: [], modules: [],
    terraform: [], providers: [], moved: [],
  };
  for (const file of tfFiles(dir)) {
    const name = path.basename(file);
    const text = name in overrides ? overrides[name] : fs.readFileSync(file, 'utf8');
    const json = await parseHcl(file, text);
    config.files.push({ file, json });
    for (const [type, byName] of Object.entries(json.resource || {}))
      for (const [n, bodies] of Object.entries(byName)) for (const body of bodies) config.resources.push({ type, name: n, body, file });
    for (const [type, byName] of Object.entries(json.data || {}))
      for (const [n, bodies] of Object.entries(byName)) for (const body of bodies) config.data.push({ type, name: n, body, file });
    for (const [n, bodies] of Object.entries(json.variable || {})) for (const body of bodies) config.variables.push({ name: n, body, file });
    for (const [n, bodies] of Object.entries(json.output || {})) for (const body of bodies) config.outputs.push({ name: n, body, file });
    for (const block of json.locals || []) for (const [n, value] of Object.entries(block)) config.locals.push({ name: n, value, file });
    for (const [n, bodies] of Object.entries(json.module || {})) for (const body of bodies) config.modules.push({ name: n, body, file });
    for (const block of json.terraform || []) config.terraform.push({ body: block, file });
    for (const [n, bodies] of Object.entries(json.provider || {})) for (const body of bodies) config.providers.push({ name: n, body, file });
    for (const body of json.moved || []) config.moved.push({ body, file });
  }
  return config;
}

// The expression text inside every ${…} of a string, with string literals blanked out, so that
// "arn:aws:…" or "s3.amazonaws.com" never look like references.
function expressions(value) {
  const out = [];
  const scan = (s) => {
    let i = 0;
    let expr = '';
    const stack = []; // 'e' expression (with its brace depth) or 's' string
    let depth = 0;
    let mode = 's';
    while (i < s.length) {
      const c = s[i];
      if (mode === 's') {
        if (c === '\\') { i += 2; continue; }
        if (s.startsWith('$${', i)) { i += 3; continue; }
        if (s.startsWith('${', i)) { stack.push({ mode, depth }); mode = 'e'; depth = 0; expr += ' ('; i += 2; continue; }
        if (c === '"' && stack.length) { const top = stack.pop(); mode = top.mode; depth = top.depth; expr += ' '; i += 1; continue; }
        i += 1;
        continue;
      }
      if (c === '"') { stack.push({ mode, depth }); mode = 's'; expr += ' '; i += 1; continue; }
      if (c === '{') depth += 1;
      if (c === '}') {
        if (depth === 0) {
          const top = stack.pop();
          mode = top.mode; depth = top.depth; expr += ') ';
          if (!stack.length) { out.push(expr); expr = ''; }
          i += 1;
          continue;
        }
        depth -= 1;
      }
      expr += c;
      i += 1;
    }
    if (expr.trim()) out.push(expr);
  };
  const walk = (v) => {
    if (typeof v === 'string') scan(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.entries(v).forEach(([k, x]) => { scan(k); walk(x); });
  };
  walk(value);
  return out;
}

// References in a value: [{kind: var|local|module|data|resource, type, name, attr}].
function references(value) {
  const refs = [];
  for (const e of expressions(value)) {
    for (const m of e.matchAll(/(?<![\w.\-])(var|local)\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/g)) refs.push({ kind: m[1], name: m[2], attr: m[3] });
    for (const m of e.matchAll(/(?<![\w.\-])module\.([A-Za-z_][\w-]*)(?:\.([A-Za-z_][\w-]*))?/g)) refs.push({ kind: 'module', name: m[1], attr: m[2] });
    for (const m of e.matchAll(/(?<![\w.\-])data\.([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)/g)) refs.push({ kind: 'data', type: m[1], name: m[2] });
    for (const m of e.matchAll(/(?<![\w.\-])((?:aws|random)_[a-z0-9_]+)\.([A-Za-z_][\w-]*)/g)) refs.push({ kind: 'resource', type: m[1], name: m[2] });
  }
  return refs;
}

// Everything in a configuration that is not where it should be, as readable lines.
async function referenceProblems(config, loadModule = loadConfig) {
  const problems = [];
  const declared = {
    var: new Set(config.variables.map((v) => v.name)),
    local: new Set(config.locals.map((l) => l.name)),
    module: new Map(config.modules.map((m) => [m.name, m])),
    data: new Set(config.data.map((d) => `${d.type}.${d.name}`)),
    resource: new Set(config.resources.map((r) => `${r.type}.${r.name}`)),
  };
  const moduleOutputs = new Map();
  const moduleVariables = new Map();
  for (const m of config.modules) {
    const source = m.body.source;
    if (typeof source !== 'string' || !source.startsWith('.')) { problems.push(`module.${m.name}: source must be a local path, is ${source}`); continue; }
    const dir = path.resolve(config.dir, source);
    if (!fs.existsSync(dir)) { problems.push(`module.${m.name}: source ${source} does not exist`); continue; }
    const child = await loadModule(dir);
    moduleOutputs.set(m.name, new Set(child.outputs.map((o) => o.name)));
    moduleVariables.set(m.name, child.variables);
  }
  // An object-typed variable's attributes: var.settings.az_count is checked as a name of its own.
  const objectAttrs = new Map();
  for (const v of config.variables) {
    const t = typeof v.body.type === 'string' ? parseType(v.body.type) : null;
    if (t && t.kind === 'object') objectAttrs.set(v.name, t.attrs);
  }
  const where = (file) => path.basename(file);
  const check = (value, context, file) => {
    for (const r of references(value)) {
      const at = `${where(file)}: ${context}`;
      if (r.kind === 'var' && !declared.var.has(r.name)) problems.push(`${at} uses undeclared var.${r.name}`);
      else if (r.kind === 'var' && r.attr && objectAttrs.has(r.name) && !(r.attr in objectAttrs.get(r.name)))
        problems.push(`${at} uses var.${r.name}.${r.attr}, which the type of var.${r.name} does not have`);
      if (r.kind === 'local' && !declared.local.has(r.name)) problems.push(`${at} uses undeclared local.${r.name}`);
      if (r.kind === 'module') {
        if (!declared.module.has(r.name)) problems.push(`${at} uses undeclared module.${r.name}`);
        else if (r.attr && moduleOutputs.has(r.name) && !moduleOutputs.get(r.name).has(r.attr))
          problems.push(`${at} uses module.${r.name}.${r.attr}, which that module does not output`);
      }
      if (r.kind === 'data' && !declared.data.has(`${r.type}.${r.name}`)) problems.push(`${at} uses undeclared data.${r.type}.${r.name}`);
      if (r.kind === 'resource' && !declared.resource.has(`${r.type}.${r.name}`)) problems.push(`${at} uses undeclared ${r.type}.${r.name}`);
    }
  };
  for (const r of config.resources) check(r.body, `${r.type}.${r.name}`, r.file);
  for (const d of config.data) check(d.body, `data.${d.type}.${d.name}`, d.file);
  for (const o of config.outputs) check(o.body, `output.${o.name}`, o.file);
  for (const l of config.locals) check(l.value, `local.${l.name}`, l.file);
  for (const v of config.variables) check(v.body.validation || [], `variable.${v.name}`, v.file);
  for (const p of config.providers) check(p.body, `provider.${p.name}`, p.file);
  // moved { from = module.x, to = module.stack.module.x }: the target must be a module that exists,
  // and the old address no longer declared here.
  for (const { body, file } of config.moved) {
    const from = String(body.from).replace(/^\$\{|\}$/g, '');
    const to = String(body.to).replace(/^\$\{|\}$/g, '');
    const at = `${where(file)}: moved ${from}`;
    const target = to.match(/^module\.([A-Za-z_][\w-]*)\.module\.([A-Za-z_][\w-]*)$/);
    if (!target) { problems.push(`${at}: target ${to} is not module.<call>.module.<call>`); continue; }
    const call = declared.module.get(target[1]);
    if (!call) { problems.push(`${at}: target uses undeclared module.${target[1]}`); continue; }
    const child = await loadModule(path.resolve(config.dir, call.body.source));
    if (!child.modules.some((m) => m.name === target[2])) problems.push(`${at}: module.${target[1]} calls no module ${target[2]}`);
    const old = from.match(/^module\.([A-Za-z_][\w-]*)$/);
    if (old && declared.module.has(old[1])) problems.push(`${at}: module.${old[1]} is still declared here`);
  }
  for (const m of config.modules) {
    check(m.body, `module.${m.name}`, m.file);
    const vars = moduleVariables.get(m.name);
    if (!vars) continue;
    const names = new Set(vars.map((v) => v.name));
    for (const arg of Object.keys(m.body)) {
      if (!MODULE_META.has(arg) && !names.has(arg)) problems.push(`${where(m.file)}: module.${m.name} passes ${arg}, which the module does not declare`);
    }
    for (const v of vars) {
      if (!('default' in v.body) && !(v.name in m.body)) problems.push(`${where(m.file)}: module.${m.name} does not pass required variable ${v.name}`);
    }
  }
  return problems;
}

function duplicateProblems(config) {
  const problems = [];
  const seen = new Map();
  const note = (key, file) => {
    if (seen.has(key)) problems.push(`${key} declared twice (${path.basename(seen.get(key))}, ${path.basename(file)})`);
    else seen.set(key, file);
  };
  config.resources.forEach((r) => note(`${r.type}.${r.name}`, r.file));
  config.data.forEach((d) => note(`data.${d.type}.${d.name}`, d.file));
  config.variables.forEach((v) => note(`var.${v.name}`, v.file));
  config.outputs.forEach((o) => note(`output.${o.name}`, o.file));
  config.locals.forEach((l) => note(`local.${l.name}`, l.file));
  config.modules.forEach((m) => note(`module.${m.name}`, m.file));
  return problems;
}

// "${…}" and nothing else: a value computed by an expression (whose type is not known here), as
// opposed to a template like "${a}-b", which is a string.
function isWholeExpression(value) {
  if (typeof value !== 'string' || !value.startsWith('${') || !value.endsWith('}')) return false;
  // A stack of contexts: 'e' inside an expression (counting its braces), 's' inside a string.
  const stack = [{ mode: 'e', depth: 0 }];
  for (let i = 2; i < value.length; i++) {
    const top = stack[stack.length - 1];
    const c = value[i];
    if (top.mode === 's') {
      if (c === '\\') i += 1;
      else if (value.startsWith('${', i)) { stack.push({ mode: 'e', depth: 0 }); i += 1; }
      else if (c === '"') stack.pop();
      continue;
    }
    if (c === '"') stack.push({ mode: 's' });
    else if (c === '{') top.depth += 1;
    else if (c === '}') {
      if (top.depth > 0) { top.depth -= 1; continue; }
      stack.pop();
      if (!stack.length) return i === value.length - 1;
    }
  }
  return false;
}

// Arguments and blocks against the provider schema (schema/aws-provider.json).
function schemaProblems(config, schema) {
  const problems = [];
  const visit = (body, node, at) => {
    const dynamicNames = new Set();
    for (const dyn of body.dynamic ? [].concat(body.dynamic) : []) {
      for (const [name, list] of Object.entries(dyn)) {
        dynamicNames.add(name);
        if (!node.blocks[name]) { problems.push(`${at}: no block type "${name}" (dynamic)`); continue; }
        for (const d of list) for (const content of d.content || []) visit(content, node.blocks[name], `${at}.${name}`);
      }
    }
    for (const [key, value] of Object.entries(body)) {
      if (key === 'dynamic' || META_ARGUMENTS.has(key)) continue;
      if (key in node.attributes) {
        const kind = (node.kinds || {})[key] || 'scalar';
        const given = Array.isArray(value) ? 'list' : value && typeof value === 'object' ? 'map' : isWholeExpression(value) ? 'expression' : 'scalar';
        // Terraform converts between strings, numbers and bools, but never a list to a single
        // value, a single value to a collection, or a list to a map. Expressions are not typed here.
        if (given !== 'expression' && given !== kind)
          problems.push(`${at}: "${key}" takes a ${kind === 'scalar' ? 'single value' : kind}, given a ${given === 'scalar' ? 'single value' : given}`);
        continue;
      }
      if (key in node.blocks) {
        if (!Array.isArray(value)) { problems.push(`${at}: "${key}" is a block, written as an argument`); continue; }
        for (const item of value) visit(item, node.blocks[key], `${at}.${key}`);
        continue;
      }
      problems.push(`${at}: unsupported argument or block "${key}"`);
    }
    for (const [name, required] of Object.entries(node.attributes)) {
      if (required && !(name in body)) problems.push(`${at}: required argument "${name}" missing`);
    }
    for (const [name, block] of Object.entries(node.blocks)) {
      if (block.required && !(name in body) && !dynamicNames.has(name)) problems.push(`${at}: required block "${name}" missing`);
    }
  };
  for (const [kind, list] of [['resource', config.resources], ['data', config.data]]) {
    for (const r of list) {
      if (!r.type.startsWith('aws_')) continue;
      const node = schema[kind][r.type];
      const at = `${path.relative(path.resolve(config.dir, '../../..'), r.file)}: ${kind === 'data' ? 'data.' : ''}${r.type}.${r.name}`;
      if (!node) { problems.push(`${at}: type not in schema/aws-provider.json (run schema/extract.js)`); continue; }
      visit(r.body, node, at);
    }
  }
  return problems;
}

// terraform fmt's alignment rule, as hclwrite applies it: a line has an assignment cell when it
// has a top-level '=' after its first token and the rest of the line is bracket-balanced (a line
// that opens a multi-line value has none); consecutive lines with one form a chain whose '=' signs
// stand one column after the chain's longest name. Returns "line N: text" for each that does not.
function alignmentProblems(text) {
  const problems = [];
  const scan = (line) => {
    let inString = false;
    let eq = -1;
    let net = 0;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (inString) {
        if (c === '\\') i += 1;
        else if (c === '"') inString = false;
        continue;
      }
      if (c === '"') { inString = true; continue; }
      if (c === '#' || line.startsWith('//', i)) break;
      if (eq < 0 && c === '=' && !'=>'.includes(line[i + 1] || ' ') && !'!<>='.includes(line[i - 1] || ' ')) eq = i;
      else if (eq >= 0 && '{[('.includes(c)) net += 1;
      else if (eq >= 0 && '}])'.includes(c)) net -= 1;
    }
    return { eq, net };
  };
  let chain = [];
  const close = () => {
    const width = Math.max(...chain.map((c) => c.line.slice(0, c.eq).trimEnd().length));
    for (const c of chain) if (c.eq !== width + 1) problems.push(`line ${c.n}: ${c.line.trim().slice(0, 70)}`);
    chain = [];
  };
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    const { eq, net } = trimmed && !trimmed.startsWith('#') ? scan(line) : { eq: -1, net: 0 };
    if (eq > 0 && line.slice(0, eq).trim() && net === 0) chain.push({ n: index + 1, line, eq });
    else if (chain.length) close();
  });
  if (chain.length) close();
  return problems;
}

// A variable's type constraint ("${map(object({ a = number }))}") as a tree.
function parseType(text) {
  const src = text.replace(/^\$\{|\}$/g, '');
  let i = 0;
  const ws = () => { while (/\s|,/.test(src[i] || '')) i++; };
  const word = () => { ws(); const m = src.slice(i).match(/^[A-Za-z_][\w-]*/); if (!m) throw new Error(`type: expected a name at ${src.slice(i, i + 20)}`); i += m[0].length; return m[0]; };
  const expect = (c) => { ws(); if (src[i] !== c) throw new Error(`type: expected ${c} at ${src.slice(i, i + 20)}`); i++; };
  const type = () => {
    const name = word();
    if (['string', 'number', 'bool', 'any'].includes(name)) return { kind: name };
    expect('(');
    let t;
    if (name === 'object') {
      expect('{');
      const attrs = {};
      ws();
      while (src[i] !== '}') { const k = word(); expect('='); attrs[k] = type(); ws(); }
      expect('}');
      t = { kind: 'object', attrs };
    } else if (['list', 'set', 'map'].includes(name)) {
      t = { kind: name, element: type() };
    } else {
      throw new Error(`type: unknown ${name}`);
    }
    expect(')');
    return t;
  };
  const t = type();
  ws();
  if (i !== src.length) throw new Error(`type: trailing text ${src.slice(i)}`);
  return t;
}

// Where a literal value (as hcl2json gives it) does not fit a type tree: a list of paths.
function typeMismatches(value, t, at = '') {
  if (typeof value === 'string' && value.includes('${')) return []; // an expression: not checked
  switch (t.kind) {
    case 'any': return [];
    case 'string': return typeof value === 'string' ? [] : [`${at}: ${JSON.stringify(value)} is not a string`];
    case 'number': return typeof value === 'number' ? [] : [`${at}: ${JSON.stringify(value)} is not a number`];
    case 'bool': return typeof value === 'boolean' ? [] : [`${at}: ${JSON.stringify(value)} is not a bool`];
    case 'list': case 'set':
      return Array.isArray(value) ? value.flatMap((v, k) => typeMismatches(v, t.element, `${at}[${k}]`)) : [`${at}: not a ${t.kind}`];
    case 'map':
      return value && typeof value === 'object' && !Array.isArray(value)
        ? Object.entries(value).flatMap(([k, v]) => typeMismatches(v, t.element, `${at}.${k}`)) : [`${at}: not a map`];
    case 'object': {
      if (!value || typeof value !== 'object' || Array.isArray(value)) return [`${at}: not an object`];
      const out = [];
      for (const [k, sub] of Object.entries(t.attrs)) {
        if (!(k in value)) out.push(`${at}: missing attribute ${k}`);
        else out.push(...typeMismatches(value[k], sub, `${at}.${k}`));
      }
      for (const k of Object.keys(value)) if (!(k in t.attrs)) out.push(`${at}: unexpected attribute ${k}`);
      return out;
    }
    default: throw new Error(`type kind ${t.kind}`);
  }
}

// A composition's tfvars against its variables: undeclared names, wrong types, required ones unset.
function tfvarsTypeProblems(config, values, alsoSet = []) {
  const problems = [];
  const vars = new Map(config.variables.map((v) => [v.name, v]));
  for (const [name, value] of Object.entries(values)) {
    const v = vars.get(name);
    if (!v) { problems.push(`${name}: no such variable`); continue; }
    problems.push(...typeMismatches(value, parseType(v.body.type), name));
  }
  for (const [name, v] of vars) {
    if (!('default' in v.body) && !(name in values) && !alsoSet.includes(name)) problems.push(`${name}: required, not set`);
  }
  return problems;
}

// A composition's tfvars followed into the modules it calls: a variable of type any passed whole
// to a module (settings = var.settings) is checked against that module's variable type.
async function tfvarsThroughModulesProblems(config, values, loadModule = loadConfig) {
  const problems = tfvarsTypeProblems(config, values);
  const rootTypes = new Map(config.variables.map((v) => [v.name, v.body.type ? parseType(v.body.type) : { kind: 'any' }]));
  for (const m of config.modules) {
    const child = await loadModule(path.resolve(config.dir, m.body.source));
    for (const v of child.variables) {
      const arg = m.body[v.name];
      const whole = typeof arg === 'string' && isWholeExpression(arg) && arg.match(/^\$\{var\.([A-Za-z_][\w-]*)\}$/);
      if (!whole || !(whole[1] in values) || rootTypes.get(whole[1]).kind !== 'any') continue;
      problems.push(...typeMismatches(values[whole[1]], parseType(v.body.type), whole[1]));
    }
  }
  return problems;
}

module.exports = {
  tfvarsThroughModulesProblems,
  isWholeExpression, parseType, typeMismatches, tfvarsTypeProblems, alignmentProblems, configDirs, terraformTypes, parseHcl, loadConfig, expressions, references,
  referenceProblems, duplicateProblems, schemaProblems,
};
