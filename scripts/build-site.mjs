#!/usr/bin/env node
// Writes the self-contained static site to dist/:
//   dist/index.html, app.js, style.css, ...   from www/ (the page, the embed example, the document
//                                             viewer); scripts and styles minified by esbuild
//   dist/cost-estimator.js                    the element: www/cost-estimator.js and the modules
//                                             of www/cost-estimator/ (and Lit) bundled into one file
//   dist/cost-estimator-boot.js               index.html's early start (www/cost-estimator-boot.js),
//     and cost-estimator-chunk-<hash>.js      and what it shares with cost-estimator.js (the
//                                             engine client: one object for both)
//   dist/index.html's <cost-estimator>        its first view, worked out by the engine at build
//     and dist/cost-estimator.css             time (scripts/prerender.mjs), and its styles
//   dist/cost-census.js                       the census element, importing what it shares from
//                                             cost-estimator.js
//   dist/engine-worker.js                     the estimator's engine in a Web Worker
//                                             (www/engine-worker.js), which imports pkg/costshare.js
//   dist/census-worker.js                     the census's (www/census-worker.js), which imports
//                                             pkg/costshare_census.js
//   dist/pkg/costshare.js, costshare_bg.wasm  from target/wasm/pkg (scripts/build-wasm.sh): the
//     costshare.d.ts                          estimator's module (no census), wasm-bindgen's
//                                             TypeScript declarations, and
//     costshare_js.js                         the same engine compiled to JavaScript (wasm2js),
//                                             for pages that may not compile WebAssembly
//   dist/pkg/costshare_census.js,             the census's module: the engine with the group
//     costshare_census_bg.wasm, .d.ts         census, loaded only by the census's worker
//   dist/data/services.json                   from data/: the service vocabulary
//   dist/data/plans/*.json                    from data/plans/, whitespace removed, without the
//                                             supplementary `see_also` citations (tests/sources.rs
//                                             checks them in data/; the page shows each figure's
//                                             own `source`)
//   dist/data/typical-prices.json             from data/
//   dist/data/usage-presets.json              from data/ (if present): typical years of care
//   dist/data/cms-years.json                  from data/ (if present): the CMS table's years, which
//                                             the page fetches only to show the odds
//   dist/data/catalog.json                    generated: which plan files the page fetches
//   dist/docs/passages/*.json                 from docs/sources/: the passages the plans cite
//                                             (each cited line with PASSAGE_CONTEXT lines either
//                                             side), for the document viewer
//   lib/                                      the installable package (scripts/build-package.mjs),
//                                             made from the above
// Usage: node scripts/build-site.mjs [--no-minify]   (npm run build runs build-wasm.sh first)
//
// Size is budgeted (BENCHMARKS.md: all of dist/ within 250 KB gzipped): whole documents were
// 600 KB of it, and the element's ten modules compress far better as one.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildPackage } from './build-package.mjs';
import { buildTypes } from './build-types.mjs';
import { prerenderPage } from './prerender.mjs';
import { META_POLICY } from './csp.mjs';

const minify = !process.argv.includes('--no-minify');
/** Lines of the document shown either side of a cited line. */
const PASSAGE_CONTEXT = 2;

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const pkg = join(root, 'target', 'wasm', 'pkg');
const plansDir = join(root, 'data', 'plans');
const pricesFile = join(root, 'data', 'typical-prices.json');
const presetsFile = join(root, 'data', 'usage-presets.json');
const servicesFile = join(root, 'data', 'services.json');

function fail(message) {
  console.error(`[build-site] error: ${message}`);
  process.exit(1);
}

function parseJson(file, text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    fail(`${relative(root, file)}: ${e.message}`);
  }
}

for (const f of ['costshare.js', 'costshare_bg.wasm', 'costshare_js.js', 'costshare_census.js', 'costshare_census_bg.wasm']) {
  if (!existsSync(join(pkg, f))) fail(`${relative(root, join(pkg, f))} is missing: run npm run build:wasm first`);
}
if (!existsSync(join(root, 'www', 'index.html'))) fail('www/index.html is missing');
if (!existsSync(pricesFile)) fail('data/typical-prices.json is missing');
const planFiles = existsSync(plansDir) ? readdirSync(plansDir).filter((f) => f.endsWith('.json')).sort() : [];
if (planFiles.length === 0) fail('no plan files in data/plans/');

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'pkg'), { recursive: true });
mkdirSync(join(dist, 'data', 'plans'), { recursive: true });

// The page, the embed example and the viewer: copied, scripts and styles minified. The
// element's entry, cost-estimator.js, is bundled with every module it imports into one file
// (one request instead of a chain of eleven; it finds pkg/ and data/ beside itself).
const www = join(root, 'www');
// Not copied: the element's modules (bundled), the package's entries (lib/) and the lists of files
// (bundled into each entry).
const notCopied = [join(www, 'cost-estimator'), join(www, 'package')];
const lists = [join(www, 'element-files.js'), join(www, 'census-files.js')];
cpSync(www, dist, { recursive: true, filter: (src) => !notCopied.some((d) => src === d || src.startsWith(d + '/')) && !lists.includes(src) });
const esbuildOptions = { minify, charset: 'utf8', legalComments: 'none', target: 'es2022', logLevel: 'warning' };
// The element's stylesheets are Lit css`…` templates (cost-estimator/styles/*.js), which esbuild
// leaves as they are (and the census element's own): the CSS is minified here, as CSS (these
// templates have no ${} parts).
const minifiedCss = {
  name: 'minified-css-template',
  setup(build) {
    build.onLoad({ filter: /cost-estimator[\\/](styles[\\/][a-z-]+|census[\\/]sheet)\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const contents = source.replace(/css`([^`$]*)`/g, (_, raw) => {
        // The template's text as JavaScript reads it (its escapes, such as "\\25b8", cooked),
        // minified, then written back as a template literal.
        const text = new Function(`return \`${raw}\`;`)();
        const minified = esbuild.transformSync(text, { loader: 'css', minify: true }).code.trim();
        return `css\`${minified.replace(/[\\`]|\$\{/g, (c) => `\\${c}`)}\``;
      });
      return { contents, loader: 'js' };
    });
  },
};
cpSync(join(pkg, 'costshare_bg.wasm'), join(dist, 'pkg', 'costshare_bg.wasm'));
cpSync(join(pkg, 'costshare_census_bg.wasm'), join(dist, 'pkg', 'costshare_census_bg.wasm'));

// Every page carries the site's policy itself, so a static host without headers serves it too.
for (const f of readdirSync(dist).filter((f) => f.endsWith('.html'))) {
  const file = join(dist, f);
  const html = readFileSync(file, 'utf8');
  if (!html.includes('<meta charset="utf-8">')) fail(`www/${f}: no <meta charset="utf-8"> to put the policy after`);
  writeFileSync(file, html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${META_POLICY}">`));
}
for (const f of ['costshare.d.ts', 'costshare_census.d.ts']) if (existsSync(join(pkg, f))) cpSync(join(pkg, f), join(dist, 'pkg', f));

// The element's declarations and its Custom Elements Manifest, generated from its source.
try {
  buildTypes(dist);
} catch (e) {
  fail(`types: ${e.message}`);
}

/** A data file as the page gets it: parsed (so a broken file is refused) and written compactly. */
function copyJson(from, to) {
  const text = readFileSync(from, 'utf8');
  const value = parseJson(from, text);
  writeFileSync(to, minify ? JSON.stringify(value) : text);
  return value;
}

copyJson(pricesFile, join(dist, 'data', 'typical-prices.json'));
if (!existsSync(servicesFile)) fail('data/services.json is missing');
copyJson(servicesFile, join(dist, 'data', 'services.json'));

// The document viewer's passages: every line a plan cites, with PASSAGE_CONTEXT lines either
// side, by document. A file of { file, title, lines (the document's length), context, passages:
// [[first line number, [text of each line]]] }.
const cited = new Map(); // document file → Set of line numbers
const titles = new Map(); // document file → its title, from the plans that cite it
function collectCitations(value, documentFile) {
  if (Array.isArray(value)) {
    for (const v of value) collectCitations(v, documentFile);
  } else if (value && typeof value === 'object') {
    if (Number.isInteger(value.line) && typeof value.quote === 'string') {
      const file = value.file ?? documentFile;
      if (!cited.has(file)) cited.set(file, new Set());
      cited.get(file).add(value.line);
    }
    for (const v of Object.values(value)) collectCitations(v, documentFile);
  }
}

/** A value without its `see_also` citations, at any depth. */
function withoutSeeAlso(value) {
  if (Array.isArray(value)) return value.map(withoutSeeAlso);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'see_also').map(([k, v]) => [k, withoutSeeAlso(v)]));
  return value;
}

// Plan files travel in one file per plan document (data/plans/<document title>.json, { plans:
// [...] }): the options of one brochure share most of their words (assumptions, quotes), which
// gzip finds only within a file, so a document's options together are about half the bytes of
// its options apart (BENCHMARKS.md), and a page comparing them asks once. The plan files in
// data/plans/ stay one per option; each plan in a bundle is exactly its file, minified.
const bundles = new Map(); // bundle file → [plan]
/** A file name from a document's title: lowercase words and dashes, at most 48 characters. */
function slug(text) {
  const words = text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return words.length <= 48 ? words : words.slice(0, 49).replace(/-[^-]*$/, '');
}
const plans = planFiles.map((file) => {
  const from = join(plansDir, file);
  const plan = withoutSeeAlso(parseJson(from, readFileSync(from, 'utf8')));
  collectCitations(plan, plan.document?.file);
  if (plan.document?.file && plan.document.title) titles.set(plan.document.file, plan.document.title);
  const id = file.replace(/\.json$/, '');
  if (plan.id !== undefined && plan.id !== id) fail(`data/plans/${file}: id is "${plan.id}", the file name says "${id}"`);
  const bundle = `plans/${slug(plan.document?.title || plan.document?.file || id) || id}.json`;
  if (!bundles.has(bundle)) bundles.set(bundle, []);
  bundles.get(bundle).push(plan);
  const entry = { id, file: bundle };
  // What the element shows of a plan before the engine has read its file (the plan picker, grouped
  // by offer, and the ranking's names); everything else the page asks the engine (`planView`).
  for (const key of ['name', 'short_name', 'es']) {
    if (plan[key] !== undefined) entry[key] = plan[key];
  }
  if (plan.offer) entry.offer = { id: plan.offer.id, name: plan.offer.name, ...(plan.offer.es ? { es: plan.offer.es } : {}) };
  // Whether some figures are samples (the badge); the words saying so come with the plan's file.
  if (plan.sample_figures) entry.sample = true;
  return entry;
});
for (const [bundle, list] of bundles) {
  writeFileSync(join(dist, 'data', bundle), minify ? JSON.stringify({ plans: list }) : `${JSON.stringify({ plans: list }, null, 2)}\n`);
}

const hasPresets = existsSync(presetsFile);
if (hasPresets) {
  copyJson(presetsFile, join(dist, 'data', 'usage-presets.json'));
}
// The CMS table's years: fetched by the page only when it shows the odds (issue #23).
const cmsYearsFile = join(root, 'data', 'cms-years.json');
const hasCmsYears = existsSync(cmsYearsFile);
if (hasCmsYears) copyJson(cmsYearsFile, join(dist, 'data', 'cms-years.json'));

// Paths in the catalog are relative to data/catalog.json itself.
const catalog = { services: 'services.json', prices: 'typical-prices.json', ...(hasPresets ? { presets: 'usage-presets.json' } : {}), ...(hasCmsYears ? { cms_years: 'cms-years.json' } : {}), plans };
writeFileSync(join(dist, 'data', 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n');

const sourcesDir = join(root, 'docs', 'sources');
mkdirSync(join(dist, 'docs', 'passages'), { recursive: true });
for (const [file, lines] of cited) {
  if (!/^[A-Za-z0-9_.-]+\.txt$/.test(file) || !existsSync(join(sourcesDir, file))) fail(`a plan cites docs/sources/${file}, which is missing`);
  const text = readFileSync(join(sourcesDir, file), 'utf8').split(/\r?\n/);
  const keep = new Set();
  for (const line of lines) {
    for (let n = Math.max(1, line - PASSAGE_CONTEXT); n <= Math.min(text.length, line + PASSAGE_CONTEXT); n++) keep.add(n);
  }
  const passages = [];
  let current = null;
  for (let n = 1; n <= text.length; n++) {
    if (!keep.has(n)) {
      current = null;
    } else {
      if (!current) passages.push((current = [n, []]));
      current[1].push(text[n - 1]);
    }
  }
  const out = { file, title: titles.get(file) ?? null, lines: text.length, context: PASSAGE_CONTEXT, passages };
  writeFileSync(join(dist, 'docs', 'passages', file.replace(/\.txt$/, '.json')), JSON.stringify(out));
}

// ---- the scripts: after the data, whose files the element's entries list for bundlers ----

/** Every file under `dir`, as paths relative to `from`. */
function filesUnder(dir, from) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), from) : [relative(from, join(dir, e.name)).split('\\').join('/')]));
}
// The files the element fetches, written into element-files.js as `new URL('./…', import.meta.url)`
// (a bundler copies each and rewrites its address): the module and every data file.
const fetchedFiles = ['pkg/costshare_bg.wasm', ...filesUnder(join(dist, 'data'), dist).sort()];
/** Each engine's worker and the glue it imports (kept a file of its own). */
const WORKER_GLUE = { 'engine-worker.js': './pkg/costshare.js', 'census-worker.js': './pkg/costshare_census.js' };
const elementPlugins = [
  {
    name: 'element-files',
    setup(build) {
      build.onLoad({ filter: /[\\/]www[\\/]element-files\.js$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('  /* build: files */')) throw new Error('www/element-files.js has no "/* build: files */" line');
        const lines = fetchedFiles.map((f) => `  ${JSON.stringify(f)}: new URL(${JSON.stringify(`./${f}`)}, import.meta.url),`).join('\n');
        return { contents: source.replace('  /* build: files */', lines), loader: 'js' };
      });
    },
  },
  {
    // The engines' hosts, imported into the page only where no worker can start: their own files.
    name: 'engine-worker-external',
    setup(build) {
      build.onResolve({ filter: /^\.\/(engine|census)-worker\.js$/ }, (args) => ({ path: args.path, external: true }));
    },
  },
];
let bootChunks = []; // what cost-estimator-boot.js imports (index.html preloads them)
try {
  for (const f of readdirSync(dist).filter((f) => /\.(js|css)$/.test(f))) {
    const file = join(dist, f);
    if (f === 'cost-estimator-boot.js') continue; // built with cost-estimator.js
    if (f === 'cost-estimator.js') {
      // The element and the page's early start (cost-estimator-boot.js, which starts the engine
      // before the element's code arrives: docs/decisions.md 44), sharing what both import (the
      // engine client, the data, the files' addresses) as cost-estimator-chunk-<hash>.js, so that
      // both use one client. Beside them: element-files.js finds the files from its own address.
      const built = await esbuild.build({ ...esbuildOptions, entryPoints: [join(www, f), join(www, 'cost-estimator-boot.js')], outdir: dist, entryNames: '[name]', chunkNames: 'cost-estimator-[name]-[hash]', splitting: true, metafile: true, absWorkingDir: root, allowOverwrite: true, bundle: true, format: 'esm', plugins: [...elementPlugins, ...(minify ? [minifiedCss] : [])] });
      const boot = Object.entries(built.metafile.outputs).find(([, o]) => o.entryPoint?.endsWith('cost-estimator-boot.js'));
      bootChunks = boot[1].imports.filter((i) => i.kind === 'import-statement').map((i) => relative(dist, join(root, i.path)).split('\\').join('/'));
      continue;
    }
    if (f === 'cost-census.js') {
      // The census takes Lit, the engine client, the words and the styles from cost-estimator.js
      // (which re-exports cost-estimator/shared.js) rather than carrying copies of them.
      const fromEstimator = {
        name: 'shared-from-estimator',
        setup(build) {
          // Lit and the modules cost-estimator/shared.js re-exports.
          build.onResolve({ filter: /^lit$|(^|\/)(data|engine-client|i18n\/index|styles|site)\.js$/ }, () => ({ path: './cost-estimator.js', external: true }));
        },
      };
      await esbuild.build({ ...esbuildOptions, entryPoints: [join(www, f)], outfile: file, allowOverwrite: true, bundle: true, format: 'esm', plugins: [fromEstimator, ...elementPlugins, ...(minify ? [minifiedCss] : [])] });
      continue;
    }
    if (f === 'engine-worker.js' || f === 'census-worker.js') {
      // The glue stays its own file (embedders may load it too); the worker imports it.
      esbuild.buildSync({ ...esbuildOptions, entryPoints: [join(www, f)], outfile: file, allowOverwrite: true, bundle: true, format: 'esm', external: [WORKER_GLUE[f]] });
      continue;
    }
    const loader = f.endsWith('.css') ? 'css' : 'js';
    writeFileSync(file, esbuild.transformSync(readFileSync(file, 'utf8'), { ...esbuildOptions, loader, ...(loader === 'js' ? { format: 'esm' } : {}) }).code);
  }
  // The engines' JS glue: minified too (its name and exports stay).
  for (const f of ['costshare.js', 'costshare_census.js']) {
    const glue = esbuild.transformSync(readFileSync(join(pkg, f), 'utf8'), { ...esbuildOptions, format: 'esm' }).code;
    writeFileSync(join(dist, 'pkg', f), glue);
  }
  // The engine compiled to JavaScript (wasm2js): minified the same way.
  const jsEngine = esbuild.transformSync(readFileSync(join(pkg, 'costshare_js.js'), 'utf8'), { ...esbuildOptions, format: 'esm' }).code;
  writeFileSync(join(dist, 'pkg', 'costshare_js.js'), jsEngine);
} catch (e) {
  fail(`esbuild: ${e.message}`);
}

// The answer in the HTML: index.html's <cost-estimator> with its first view, worked out by the
// engine just built (scripts/prerender.mjs), and the element's styles as dist/cost-estimator.css.
try {
  const minifyCss = (css) => (minify ? esbuild.transformSync(css, { loader: 'css', minify: true }).code : css);
  await prerenderPage({ file: join(dist, 'index.html'), site: dist, minifyCss });
  // The early start's chunks asked for with the page, not after the early start has arrived.
  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  const preload = bootChunks.map((c) => `<link rel="modulepreload" href="${c}">`).join('\n  ');
  if (index.includes('cost-estimator-boot.js')) writeFileSync(join(dist, 'index.html'), index.replace(/(\n\s*)(<script type="module" src="cost-estimator-boot\.js")/, (_, space, tag) => `${space}${preload}${space}${tag}`));
} catch (e) {
  fail(`prerender: ${e?.stack ?? e}`);
}

// The installable package (lib/), from what is in dist/ now.
try {
  const manifest = JSON.parse(readFileSync(join(dist, 'custom-elements.json'), 'utf8'));
  await buildPackage({ dist, esbuild, esbuildOptions, plugins: [...elementPlugins, ...(minify ? [minifiedCss] : [])], manifest, workers: WORKER_GLUE });
} catch (e) {
  fail(`package: ${e.message}`);
}

function du(dir) {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    n += e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size;
  }
  return n;
}
console.error(`[build-site] dist/: ${plans.length} plans, ${(du(dist) / 1024).toFixed(1)} KiB in all`);
