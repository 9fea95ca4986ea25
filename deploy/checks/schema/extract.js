#!/usr/bin/env node
'use strict';
// Regenerates schema/aws-provider.json: the arguments and nested blocks of every AWS resource and
// data source deploy/terraform uses, as the AWS provider 5.100.0 declares them. The source is the
// jsii metadata of @cdktf/provider-aws@20.1.0, which is generated from that provider's schema:
//
//   mkdir -p /tmp/provider-aws && cd /tmp/provider-aws && npm pack @cdktf/provider-aws@20.1.0
//   tar xzf cdktf-provider-aws-20.1.0.tgz package/.jsii
//   node deploy/checks/schema/extract.js /tmp/provider-aws/package/.jsii
//
// Only the types in use are kept, so the committed file stays small; a type added to the
// Terraform needs this script run again (the schema test names the missing type).
const fs = require('node:fs');
const path = require('node:path');
const { terraformTypes } = require('../lib/terraform');

const PROVIDER_VERSION = '5.100.0';
const PACKAGE = '@cdktf/provider-aws@20.1.0';

function main() {
  const jsiiPath = process.argv[2];
  if (!jsiiPath) throw new Error('usage: extract.js <path to package/.jsii>');
  const jsii = JSON.parse(fs.readFileSync(jsiiPath, 'utf8'));
  const types = jsii.types;

  // tf type name -> config interface fqn, from the classes' "Represents a {@link …} aws_x" docs.
  const classes = { resource: new Map(), data: new Map() };
  for (const [fqn, t] of Object.entries(types)) {
    if (t.kind !== 'class' || !t.docs || !t.docs.summary) continue;
    const m = t.docs.summary.match(/providers\/hashicorp\/aws\/([\d.]+)\/docs\/(resources|data-sources)\/\S+ (aws_\w+)\}/);
    if (!m) continue;
    if (m[1] !== PROVIDER_VERSION) throw new Error(`${fqn} documents provider ${m[1]}, expected ${PROVIDER_VERSION}`);
    classes[m[2] === 'resources' ? 'resource' : 'data'].set(m[3], `${fqn}Config`);
  }

  const snake = (camel) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const nameOf = (prop) => {
    const text = `${prop.docs.summary || ''} ${prop.docs.remarks || ''}`;
    const m = text.match(/#([a-z0-9_]+) [A-Za-z0-9]+#/);
    return m ? m[1] : snake(prop.name);
  };
  // The struct a property is a block of, if any.
  const blockType = (type) => {
    if (!type) return null;
    if (type.fqn && types[type.fqn] && types[type.fqn].kind === 'interface' && type.fqn.startsWith('@cdktf/provider-aws.')) return type.fqn;
    if (type.collection) return blockType(type.collection.elementtype);
    if (type.union) for (const u of type.union.types) { const b = blockType(u); if (b) return b; }
    return null;
  };

  // 'list' or 'map' for collection attributes (lists and sets are both arrays in jsii), else null.
  const collectionKind = (type) => {
    if (type.collection) return type.collection.kind === 'map' ? 'map' : 'list';
    if (type.union) {
      const kinds = type.union.types.map(collectionKind).filter(Boolean);
      return kinds.length === type.union.types.filter((u) => u.fqn !== 'cdktf.IResolvable').length && kinds.length ? kinds[0] : null;
    }
    return null;
  };

  const describe = (fqn, depth = 0) => {
    if (depth > 12) throw new Error(`nesting too deep at ${fqn}`);
    const node = { attributes: {}, kinds: {}, blocks: {} };
    const seen = new Set();
    const visit = (ifqn) => {
      if (seen.has(ifqn)) return;
      seen.add(ifqn);
      const t = types[ifqn];
      for (const base of t.interfaces || []) if (base.startsWith('@cdktf/provider-aws.')) visit(base);
      for (const prop of t.properties || []) {
        const name = nameOf(prop);
        const block = blockType(prop.type);
        if (block) node.blocks[name] = { required: !prop.optional, ...describe(block, depth + 1) };
        else {
          node.attributes[name] = prop.optional ? 0 : 1;
          const kind = collectionKind(prop.type);
          if (kind) node.kinds[name] = kind;
        }
      }
    };
    visit(fqn);
    return node;
  };

  const root = path.resolve(__dirname, '../../terraform');
  const used = terraformTypes(root);
  const schema = { provider: `hashicorp/aws ${PROVIDER_VERSION}`, source: PACKAGE, resource: {}, data: {} };
  for (const kind of ['resource', 'data']) {
    for (const type of [...used[kind]].filter((t) => t.startsWith('aws_')).sort()) {
      const fqn = classes[kind].get(type);
      if (!fqn || !types[fqn]) throw new Error(`${kind} ${type} is not in provider ${PROVIDER_VERSION}`);
      schema[kind][type] = describe(fqn);
    }
  }
  const out = path.join(__dirname, 'aws-provider.json');
  // One type per line, so a regenerated schema shows in a diff as the types that changed.
  const section = (kind) => Object.entries(schema[kind]).map(([t, n]) => `    ${JSON.stringify(t)}: ${JSON.stringify(n)}`).join(',\n');
  const text = `{\n  "provider": ${JSON.stringify(schema.provider)},\n  "source": ${JSON.stringify(schema.source)},\n` +
    `  "resource": {\n${section('resource')}\n  },\n  "data": {\n${section('data')}\n  }\n}\n`;
  JSON.parse(text);
  fs.writeFileSync(out, text);
  console.log(`wrote ${out}: ${Object.keys(schema.resource).length} resources, ${Object.keys(schema.data).length} data sources`);
}

main();
