#!/usr/bin/env node
// What each of the element's fallbacks costs a visitor (BENCHMARKS.md, "Strict hosts"): dist/
// served under the site's policy (the fast path: WebAssembly in a worker), without
// 'wasm-unsafe-eval' (the engine compiled to JavaScript, in the worker), with worker-src 'none'
// (the .wasm in the page) and with both (JavaScript in the page). For each: the first estimate
// (navigation to the first estimate-change, cache off, CPU throttled 4x, a new browser context
// per load, median of N) and, unthrottled once loaded, the median time of the element's
// estimate() and compare() on the demo family. Prints a Markdown table; asserts nothing.
//   node scripts/bench-fallbacks.mjs [N=5]     (after npm run build)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CONTENT_SECURITY_POLICY } from './csp.mjs';
import { firstEstimateHeard, throttledPage } from './page-timing.mjs';
import { startServer } from './serve.mjs';

const root = join(import.meta.dirname, '..');
const runs = Number(process.argv[2] ?? 5);
const demo = JSON.parse(readFileSync(join(root, 'tests', 'demo-scenario.json'), 'utf8')).scenario;
const noWasm = (p) => p.replace(" 'wasm-unsafe-eval'", '');
const noWorker = (p) => p.replace("worker-src 'self'", "worker-src 'none'");
const MODES = [
  ['WebAssembly in a worker (the fast path)', CONTENT_SECURITY_POLICY],
  ["JavaScript in a worker (no 'wasm-unsafe-eval')", noWasm(CONTENT_SECURITY_POLICY)],
  ["WebAssembly in the page (worker-src 'none')", noWorker(CONTENT_SECURITY_POLICY)],
  ['JavaScript in the page (both)', noWasm(noWorker(CONTENT_SECURITY_POLICY))],
];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const rows = [];
try {
  for (const [name, policy] of MODES) {
    const { server, url } = await startServer({ root: join(root, 'dist'), port: 0, policy });
    const first = [];
    for (let i = 0; i < runs; i++) {
      const page = await throttledPage(browser, 4);
      const heard = await firstEstimateHeard(page);
      await page.goto(url);
      first.push(await heard());
      await page.context().close();
    }
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('cost-estimator')?.shadowRoot?.querySelector('.ce-total-amount[data-amount]'), null, { timeout: 60_000 });
    const calls = await page.locator('cost-estimator').evaluate(async (el, scenario) => {
      const time = async (fn, n) => {
        const out = [];
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          await fn();
          out.push(performance.now() - t);
        }
        return out.sort((a, b) => a - b)[Math.floor(n / 2)];
      };
      await el.estimate(scenario);
      await el.compare(scenario);
      return { estimate: await time(() => el.estimate(scenario), 20), compare: await time(() => el.compare(scenario), 10) };
    }, demo);
    await page.context().close();
    server.close();
    server.closeAllConnections();
    rows.push(`| ${name} | ${median(first.filter((x) => x !== null)).toFixed(0)} ms (${first.map((x) => x?.toFixed(0)).join(', ')}) | ${calls.estimate.toFixed(1)} ms | ${calls.compare.toFixed(1)} ms |`);
    console.error(rows.at(-1));
  }
} finally {
  await browser.close();
}
console.log(`| engine | first estimate, 4x CPU, cache off (median of ${runs}) | estimate(), demo family | compare(), 3 options |`);
console.log('|---|---|---|---|');
for (const row of rows) console.log(row);
