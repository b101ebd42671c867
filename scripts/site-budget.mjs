// The size budget, per page (docs/decisions.md, "The size budget, decided"): what each page of
// dist/ can load, each engine's module, the JavaScript engine, and the files for embedders' tools,
// each gzipped at level 9 file by file with Node's zlib and counted in bytes (a KB is 1,000 bytes,
// the stricter reading). tests/budget.test.mjs holds the site to these figures in every
// `npm test`; `npm run bench` reports them (BENCHMARKS.md). Not a test itself.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The figures (docs/decisions.md 40): what was measured once the enrollment choice and the plan
 * view (#20), months and the payment plan (#22), the odds (#23) and the answer in the HTML (#24)
 * were all in, plus about 3-4% for fixes; no feature is in flight. Anything more must be argued
 * for again there, with what it buys. */
export const BUDGETS = {
  /** The estimator's module (pkg/costshare_bg.wasm, without the census): measured 143,928
   * (107,431 when the census moved out: +16.1 KB the plan view and enrollment choice, +13.2 KB
   * claims in time and the payment plan, +7.7 KB the odds). */
  estimatorWasm: 150_000,
  /** The census's module (pkg/costshare_census_bg.wasm, the engine with the census): 170,120. */
  censusWasm: 177_000,
  /** Everything the estimator's page can load but the odds' data (below): measured 306,108
   * (295,856 at decision 40; the presets from the CMS table, the early start and the cents sums
   * since: decision 47). The examples and the document viewer are held to it too. */
  estimatorPage: 312_000,
  /** Everything the census page can load: measured 303,147 (294,037 at decision 40). */
  censusPage: 309_000,
  /** The engine compiled to JavaScript, loaded only where WebAssembly is refused: 205,832 (the
   * census's module has none). */
  javascriptEngine: 214_000,
  /** The odds' data (data/cms-years.json), fetched only when a visitor opens the odds: 20,487. */
  oddsData: 22_000,
  /** The declarations and the Custom Elements Manifest, which no page loads: 19,859. */
  developer: 22_000,
};

/** The odds' data (the CMS table's years): the estimator fetches it only when a visitor opens
 * "Your odds" (www/cost-estimator/controllers/odds.js), never with the first estimate, so it has
 * a budget of its own rather than counting in every page's (decision 40). */
export const isOddsFile = (file) => file === 'data/cms-years.json';
/** The engine compiled to JavaScript: a page loads it only where WebAssembly is refused. */
export const isFallbackFile = (file) => file === 'pkg/costshare_js.js';

/** Files for embedders' tools (TypeScript, editors, element catalogs), never requested by a page. */
export const isDeveloperFile = (file) => file.endsWith('.d.ts') || file === 'custom-elements.json';

// What each engine's element loads: its script, its worker, the module's glue and bytes.
// (cost-estimator.js imports what it shares with the site's early start, cost-estimator-boot.js,
// from cost-estimator-chunk-<hash>.js, beside it.)
const ESTIMATOR = ['cost-estimator.js', 'cost-estimator-chunk-*', 'engine-worker.js', 'pkg/costshare.js', 'pkg/costshare_bg.wasm'];
// The census's script imports what it shares from cost-estimator.js (decision 13), whole.
const CENSUS = ['cost-census.js', 'cost-estimator.js', 'cost-estimator-chunk-*', 'census-worker.js', 'pkg/costshare_census.js', 'pkg/costshare_census_bg.wasm'];
// The data: a visitor may pick any plan, so every plan document's file counts.
const DATA = ['data/'];
// A figure's citation opens the document viewer with the cited passages.
const VIEWER = ['document.html', 'document.js', 'document.css', 'docs/passages/'];

/** Each page and what it can load (a path ending in / is a folder, all of it). The examples
 * carry the estimator's element and are held to its page's budget. */
export const PAGES = {
  'index.html': { budget: 'estimatorPage', files: ['index.html', 'favicon.png', 'style.css', 'cost-estimator.css', 'app.js', 'cost-estimator-boot.js', ...ESTIMATOR, ...DATA, ...VIEWER] },
  'census.html': { budget: 'censusPage', files: ['census.html', 'favicon.png', 'style.css', ...CENSUS, ...DATA] },
  'embed-example.html': { budget: 'estimatorPage', files: ['embed-example.html', 'favicon.png', 'embed-example.css', ...ESTIMATOR, ...DATA, ...VIEWER] },
  'broker-example.html': { budget: 'estimatorPage', files: ['broker-example.html', 'favicon.png', 'broker-example.css', 'broker-example.js', 'broker-logo.svg', ...ESTIMATOR, ...DATA, ...VIEWER] },
  'document.html': { budget: 'estimatorPage', files: [...VIEWER] },
};

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** Every file of `dist` with its size gzipped: [[path relative to dist, with /, bytes]]. */
export function gzippedSizes(dist) {
  return walk(dist)
    .map((f) => [relative(dist, f).split(sep).join('/'), gzipSync(readFileSync(f), { level: 9 }).length])
    .sort((a, b) => b[1] - a[1]);
}

/** The files of `sizes` a page can load: [[file, bytes]]; `missing`: listed files not there. */
export function pageFiles(page, sizes) {
  const listed = PAGES[page].files;
  // A path ending in / is a folder, in * a prefix (chunks named by their hash), else a file.
  const matches = (l, f) => (l.endsWith('/') || l.endsWith('*') ? f.startsWith(l.replace(/\*$/, '')) : f === l);
  const files = sizes.filter(([f]) => !isOddsFile(f) && listed.some((l) => matches(l, f)));
  const missing = listed.filter((l) => !sizes.some(([f]) => matches(l, f)));
  return { files, missing };
}

export const total = (list) => list.reduce((n, [, s]) => n + s, 0);

/** The figures of a built dist/: per page, per module, the JavaScript engine, the developer files. */
export function measure(dist) {
  const sizes = gzippedSizes(dist);
  const of = (file) => sizes.find(([f]) => f === file)?.[1] ?? null;
  return {
    sizes,
    pages: Object.fromEntries(Object.keys(PAGES).map((p) => [p, total(pageFiles(p, sizes).files)])),
    estimatorWasm: of('pkg/costshare_bg.wasm'),
    censusWasm: of('pkg/costshare_census_bg.wasm'),
    javascriptEngine: of('pkg/costshare_js.js'),
    oddsData: of('data/cms-years.json'),
    developer: total(sizes.filter(([f]) => isDeveloperFile(f))),
    all: total(sizes),
  };
}
