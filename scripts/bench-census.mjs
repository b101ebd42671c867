// The browser census on a large file (issue #21): `node scripts/bench-census.mjs [households]
// [dist]` (default 1,000,000 households, this checkout's dist/; run `npm run build` first). A
// census of scripts/synthetic-census.mjs is chosen through <cost-census>'s file picker in
// headless Chromium, priced on the three Colorado FEHB 2022 options, then sorted by an option
// and paged. Printed: the time from choosing the file to the results on screen; the longest
// main-thread task (a PerformanceObserver of long tasks, installed before the page loads); the
// memory of every Chromium process (the sum of their proportional set sizes, PSS, from
// /proc/<pid>/smaps_rollup, sampled every 250 ms: the peak, and at the end) and the page's JS
// heap. Figures for BENCHMARKS.md; nothing is asserted.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { syntheticCensus } from './synthetic-census.mjs';

const households = Number(process.argv[2] ?? 1_000_000);
const root = process.argv[3] ?? new URL('../dist', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'costshare-bench-census-'));
const file = join(work, 'group.csv');
writeFileSync(file, syntheticCensus(households));
const bytes = readFileSync(file).length;

/** The summed PSS, in bytes, of the processes whose command line names `marker`. */
function pss(marker) {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) continue;
      const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (kb) total += Number(kb[1]) * 1024;
    } catch {
      /* the process ended */
    }
  }
  return total;
}

const { server, url } = await startServer({ root, port: 0 });
const profile = join(work, 'profile');
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  viewport: { width: 1280, height: 800 },
});
const page = await context.newPage();
await page.addInitScript(() => {
  window.longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask', buffered: true });
});
await page.goto(new URL('census.html', url).href);
await page.locator('cost-census [data-census="file"]').waitFor({ state: 'attached' });
const idle = pss(profile);
let peak = idle;
const sampler = setInterval(() => (peak = Math.max(peak, pss(profile))), 250);

const started = Date.now();
await page.evaluate(() => (window.longTasks.length = 0));
await page.locator('cost-census [data-census="file"]').setInputFiles(file);
await page.locator('cost-census [data-census-status]:not([data-census-status="reading"])').waitFor({ timeout: 3_600_000 });
const ms = Date.now() - started;
const status = await page.locator('cost-census [data-census-status]').textContent();
const pricing = await page.evaluate(() => window.longTasks.slice());

// Sorting by an option's total and turning a page, as a broker would next.
await page.evaluate(() => (window.longTasks.length = 0));
const sortStarted = Date.now();
await page.locator('cost-census [data-sort="kp-co-fehb-2022-prosper"]').click();
await page.locator('cost-census th[aria-sort="ascending"] [data-sort="kp-co-fehb-2022-prosper"]').waitFor({ timeout: 600_000 });
const sortMs = Date.now() - sortStarted;
const next = page.locator('cost-census [data-census="households-next"]');
if (await next.count()) await next.click();
await page.waitForTimeout(500);
const sorting = await page.evaluate(() => window.longTasks.slice());
clearInterval(sampler);
const end = pss(profile);
const heap = await (async () => {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable').catch(() => {});
  const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
})();

const mb = (n) => `${(n / 1e6).toFixed(0)} MB`;
const longest = (tasks) => (tasks.length ? Math.max(...tasks.map(([, d]) => d)) : 0);
console.log(
  JSON.stringify(
    {
      households,
      file_bytes: bytes,
      seconds: ms / 1000,
      status,
      longest_task_ms_while_pricing: longest(pricing),
      long_tasks_while_pricing: pricing.length,
      sort_ms: sortMs,
      longest_task_ms_sorting_and_paging: longest(sorting),
      chromium_pss_idle: mb(idle),
      chromium_pss_peak: mb(peak),
      chromium_pss_end: mb(end),
      page_js_heap_end: heap == null ? null : mb(heap),
    },
    null,
    2,
  ),
);
await context.close();
server.close();
server.closeAllConnections();
rmSync(work, { recursive: true, force: true });
