// The size budget of the built site, per page (docs/decisions.md, "The size budget, decided";
// the figures and what each page can load are scripts/site-budget.mjs): gzipped at level 9 file
// by file with Node's zlib, a KB counted as 1,000 bytes (the stricter reading).
//   - what each page can load: the estimator's page (index.html and everything it may request:
//     its scripts, the estimator's module, every plan document's data, the document viewer with
//     the cited passages), the census page (its script, the estimator's bundle it shares, the
//     census's own module and worker, the data), and the examples and the viewer on their own;
//   - each engine's module: the estimator's (no census) and the census's;
//   - the engine compiled to JavaScript, loaded only where WebAssembly is refused;
//   - the declarations and the Custom Elements Manifest, which no page loads (issue #15).
// Every file of dist/ is counted under one of these, so a new file cannot escape the budget.
// Sizes are exact, unlike timings, so they are checked here; timings are only recorded
// (npm run bench). When this fails, something must get smaller or a figure be argued for again
// in docs/decisions.md and BENCHMARKS.md.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BUDGETS, PAGES, isDeveloperFile, isFallbackFile, measure, pageFiles, total } from '../scripts/site-budget.mjs';
import { DIST } from './support.mjs';

const m = measure(DIST);
const list = (files) => files.slice(0, 8).map(([f, s]) => `${f} ${s}`).join(', ');

for (const [page, { budget }] of Object.entries(PAGES)) {
  test(`what ${page} can load is at most ${BUDGETS[budget]} bytes gzipped (${budget})`, () => {
    const { files, missing } = pageFiles(page, m.sizes);
    assert.deepEqual(missing, [], `${page}: files it loads are not in dist/`);
    assert.ok(total(files) <= BUDGETS[budget], `${page} can load ${total(files)} bytes gzipped (budget ${BUDGETS[budget]}); largest: ${list(files)}`);
  });
}

test(`the estimator's module is at most ${BUDGETS.estimatorWasm} bytes gzipped, the census's at most ${BUDGETS.censusWasm}`, () => {
  assert.ok(m.estimatorWasm > 0 && m.censusWasm > 0, 'a module is missing from dist/pkg');
  assert.ok(m.estimatorWasm <= BUDGETS.estimatorWasm, `pkg/costshare_bg.wasm is ${m.estimatorWasm} bytes gzipped (budget ${BUDGETS.estimatorWasm})`);
  assert.ok(m.censusWasm <= BUDGETS.censusWasm, `pkg/costshare_census_bg.wasm is ${m.censusWasm} bytes gzipped (budget ${BUDGETS.censusWasm})`);
  // The census is the census's module's alone: what it adds is not on the estimator's page.
  assert.ok(m.censusWasm - m.estimatorWasm > 15_000, `the census's module is only ${m.censusWasm - m.estimatorWasm} bytes larger: is the census still in the estimator's?`);
  for (const page of ['index.html', 'embed-example.html', 'broker-example.html']) {
    assert.ok(!pageFiles(page, m.sizes).files.some(([f]) => f.includes('census')), `${page} counts a census file`);
  }
});

test(`the engine compiled to JavaScript, loaded only where WebAssembly is refused, is at most ${BUDGETS.javascriptEngine} bytes gzipped`, () => {
  assert.ok(m.javascriptEngine > 0, 'no pkg/costshare_js.js in dist/');
  assert.ok(m.javascriptEngine <= BUDGETS.javascriptEngine, `pkg/costshare_js.js is ${m.javascriptEngine} bytes gzipped (budget ${BUDGETS.javascriptEngine})`);
});

test(`the declarations and manifest for embedders are at most ${BUDGETS.developer} bytes gzipped`, () => {
  const developer = m.sizes.filter(([f]) => isDeveloperFile(f));
  assert.ok(developer.some(([f]) => f === 'custom-elements.json') && developer.some(([f]) => f === 'cost-estimator.d.ts'), 'the declarations or the manifest are missing');
  assert.ok(m.developer <= BUDGETS.developer, `${m.developer} bytes gzipped: ${list(developer)}`);
});

test('every file of dist/ is counted: on a page, or the JavaScript engine, or for embedders’ tools', () => {
  const onPage = new Set(Object.keys(PAGES).flatMap((p) => pageFiles(p, m.sizes).files.map(([f]) => f)));
  const uncounted = m.sizes.filter(([f]) => !onPage.has(f) && !isFallbackFile(f) && !isDeveloperFile(f));
  assert.deepEqual(uncounted, [], 'files no budget counts: list them under the page that loads them (scripts/site-budget.mjs)');
  // The document viewer carries cited passages, not whole documents.
  assert.ok(!m.sizes.some(([f]) => f.startsWith('docs/sources')), 'whole documents in dist/');
  console.log(`# sizes: ${Object.entries(m.pages).map(([p, n]) => `${p} ${n}`).join(', ')}; .wasm ${m.estimatorWasm} (estimator), ${m.censusWasm} (census); JavaScript engine ${m.javascriptEngine}; developer files ${m.developer}; all of dist/ ${m.all} bytes gzipped`);
});
