#!/usr/bin/env node
// Writes the self-contained static site to dist/:
//   dist/index.html, app.js, style.css, ...   from www/ (the page, the embed example, the document
//                                             viewer, cost-estimator.js + cost-estimator/*.js)
//   dist/pkg/costshare.js, costshare_bg.wasm  from target/wasm/pkg (scripts/build-wasm.sh)
//   dist/data/plans/*.json                    from data/plans/
//   dist/data/typical-prices.json             from data/
//   dist/data/usage-presets.json              from data/ (if present): typical years of care
//   dist/data/catalog.json                    generated: which plan files the page fetches
//   dist/docs/sources/*.txt                   from docs/sources/: the documents the plans cite
// Usage: node scripts/build-site.mjs   (npm run build runs build-wasm.sh first)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = join(root, 'target', 'wasm', 'pkg');
const plansDir = join(root, 'data', 'plans');
const pricesFile = join(root, 'data', 'typical-prices.json');
const presetsFile = join(root, 'data', 'usage-presets.json');

function fail(message) {
  console.error(`[build-site] error: ${message}`);
  process.exit(1);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${relative(root, file)}: ${e.message}`);
  }
}

for (const f of ['costshare.js', 'costshare_bg.wasm']) {
  if (!existsSync(join(pkg, f))) fail(`${relative(root, join(pkg, f))} is missing: run npm run build:wasm first`);
}
if (!existsSync(join(root, 'www', 'index.html'))) fail('www/index.html is missing');
if (!existsSync(pricesFile)) fail('data/typical-prices.json is missing');
const planFiles = existsSync(plansDir) ? readdirSync(plansDir).filter((f) => f.endsWith('.json')).sort() : [];
if (planFiles.length === 0) fail('no plan files in data/plans/');

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'pkg'), { recursive: true });
mkdirSync(join(dist, 'data', 'plans'), { recursive: true });

cpSync(join(root, 'www'), dist, { recursive: true });
for (const f of ['costshare.js', 'costshare_bg.wasm']) cpSync(join(pkg, f), join(dist, 'pkg', f));

// The plan documents, for the page's "open the document at this line" links.
const sourcesDir = join(root, 'docs', 'sources');
if (existsSync(sourcesDir)) {
  mkdirSync(join(dist, 'docs', 'sources'), { recursive: true });
  for (const f of readdirSync(sourcesDir).filter((f) => f.endsWith('.txt'))) {
    writeFileSync(join(dist, 'docs', 'sources', f), readFileSync(join(sourcesDir, f)));
  }
}

readJson(pricesFile); // refuse to ship a file the page cannot parse
cpSync(pricesFile, join(dist, 'data', 'typical-prices.json'));

const plans = planFiles.map((file) => {
  const plan = readJson(join(plansDir, file));
  const id = file.replace(/\.json$/, '');
  if (plan.id !== undefined && plan.id !== id) fail(`data/plans/${file}: id is "${plan.id}", the file name says "${id}"`);
  cpSync(join(plansDir, file), join(dist, 'data', 'plans', file));
  const entry = { id, file: `plans/${file}` };
  for (const key of ['name', 'short_name', 'issuer', 'program', 'year']) {
    if (plan[key] !== undefined) entry[key] = plan[key];
  }
  return entry;
});

const hasPresets = existsSync(presetsFile);
if (hasPresets) {
  readJson(presetsFile);
  cpSync(presetsFile, join(dist, 'data', 'usage-presets.json'));
}

// Paths in the catalog are relative to data/catalog.json itself.
const catalog = { prices: 'typical-prices.json', ...(hasPresets ? { presets: 'usage-presets.json' } : {}), plans };
writeFileSync(join(dist, 'data', 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n');

function du(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    n += e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  }
  return n;
}
console.error(`[build-site] dist/: ${plans.length} plans, ${(du(dist) / 1024).toFixed(1)} KiB in all`);
