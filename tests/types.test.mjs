// Types for embedders (issue #15): the declarations in dist/ are generated from the element's
// JSDoc by tsc and its manifest by @custom-elements-manifest/analyzer (scripts/build-types.mjs).
// Here an embedder's TypeScript (tests/types/embedder.ts) is type-checked against them, strict,
// with lines that must be refused; and the manifest is checked against the element's source.
// Run `npm run build` first.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DIST, ROOT } from './support.mjs';

const tsc = (...args) => spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('dist/ ships the element’s declarations, the module’s, and a Custom Elements Manifest', () => {
  for (const f of ['cost-estimator.d.ts', 'cost-estimator/element.d.ts', 'cost-estimator/types.d.ts', 'pkg/costshare.d.ts', 'custom-elements.json']) {
    assert.ok(existsSync(join(DIST, f)), `dist/${f} is missing`);
  }
  const entry = readFileSync(join(DIST, 'cost-estimator.d.ts'), 'utf8');
  assert.match(entry, /'cost-estimator': CostEstimator;/, 'the tag is not declared on HTMLElementTagNameMap');
  assert.match(entry, /'estimate-change': CustomEvent<EstimateChangeDetail>;/, 'the event is not declared on HTMLElementEventMap');
});

test('an embedder’s TypeScript type-checks against dist/ (strict), and what it must not do is refused', () => {
  const r = tsc('-p', join('tests', 'types', 'tsconfig.json'));
  assert.equal(r.status, 0, `tsc found errors in tests/types/embedder.ts:\n${r.stdout}${r.stderr}`);
});

test('the same embedder code with a money field used as a number fails to type-check', () => {
  // The check can fail: a scenario that passes a number where the declarations say Money.
  const r = tsc('-p', join('tests', 'types', 'tsconfig.wrong.json'));
  assert.notEqual(r.status, 0, 'tsc accepted a number where money (a decimal string) belongs');
  assert.match(r.stdout, /wrong-embedder\.ts\(\d+,\d+\): error TS2322/, r.stdout);
});

test('the manifest names the element’s tag, attributes, event, parts and custom properties', () => {
  const manifest = JSON.parse(readFileSync(join(DIST, 'custom-elements.json'), 'utf8'));
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement);
  assert.deepEqual(elements.map((d) => d.tagName).sort(), ['cost-census', 'cost-estimator']);
  const element = elements.find((d) => d.tagName === 'cost-estimator');
  // Every attribute the element observes (its static properties in element.js) is in the
  // manifest, and the manifest names no attribute the element does not have.
  const source = readFileSync(join(ROOT, 'www', 'cost-estimator', 'element.js'), 'utf8');
  const block = source.match(/static properties = \{([\s\S]*?)\n {2}\};/)?.[1];
  assert.ok(block, 'static properties not found in element.js');
  const observed = [...block.matchAll(/^\s{4}(\w+): \{([^}]*)\}/gm)].map(([, name, body]) => body.match(/attribute: '([^']+)'/)?.[1] ?? name.toLowerCase());
  const inManifest = (element.attributes ?? []).map((a) => a.name);
  assert.deepEqual([...inManifest].sort(), [...observed].sort(), 'the manifest’s attributes differ from the element’s');
  assert.ok(element.attributes.every((a) => a.description), 'an attribute without a description');
  assert.deepEqual(element.events?.map((e) => e.name).sort(), ['estimate-change', 'estimate-share']);
  assert.deepEqual(element.slots?.map((x) => x.name), ['broker-logo']);
  const census = elements.find((d) => d.tagName === 'cost-census');
  assert.deepEqual(census.attributes.map((a) => a.name).sort(), ['data-base', 'lang', 'plans']);
  assert.deepEqual(census.events?.map((e) => e.name), ['census-complete']);
  assert.ok(element.cssParts?.length >= 4 && element.cssProperties?.length >= 8, 'parts or custom properties missing');
  const members = new Set((element.members ?? []).filter((m) => m.privacy !== 'private').map((m) => m.name));
  for (const m of ['ready', 'result', 'scenario', 'estimate', 'compare', 'addPlan', 'summaryText']) assert.ok(members.has(m), `member ${m} missing`);
});
