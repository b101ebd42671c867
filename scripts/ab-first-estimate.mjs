// An A/B of the first estimate: two built sites served side by side, loaded alternately with
// a blank page, so all three see the same moments of a shared machine. Prints the medians.
// Usage: node scripts/ab-first-estimate.mjs <dist A> <dist B> [runs=7] [--cold] [--floor]
// --cold: each load in a new browser context (as a first visitor meets the page: nothing of an
// earlier load kept, not even the compiled module's code cache), rather than a new page of one.
// --floor: also loads A's page with every script and preload taken out (its HTML and styles
// only: the answer in the HTML, painted with no script and no engine) and prints when its
// largest paint came: the least the page itself costs before any first estimate can be told.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { firstEstimateHeard, throttledPage, writeBlankPage } from './page-timing.mjs';
import { startServer } from './serve.mjs';

const cold = process.argv.includes('--cold');
const floor = process.argv.includes('--floor');
const [a, b, runsArg] = process.argv.slice(2).filter((x) => !x.startsWith('--'));
const runs = Number(runsArg ?? 7);
const blankDir = mkdtempSync(join(tmpdir(), 'costshare-blank-'));
writeBlankPage(blankDir);
const floorDir = floor ? mkdtempSync(join(tmpdir(), 'costshare-floor-')) : null;
if (floor) {
  cpSync(resolve(a), floorDir, { recursive: true });
  const page = join(floorDir, 'index.html');
  // Scripts that run (not the HTML's data blocks, which run nothing) and what is fetched for them.
  const html = readFileSync(page, 'utf8').replace(/<script\b[^>]*\bsrc=[^>]*><\/script>\s*/g, '').replace(/<link rel="(?:module)?preload"[^>]*>\s*/g, '');
  writeFileSync(page, html);
}
const servers = await Promise.all([resolve(a), resolve(b), blankDir, ...(floor ? [floorDir] : [])].map((root) => startServer({ root, port: 0, quiet: true })));
const paths = ['', '', 'blank.html'];
const userDataDir = mkdtempSync(join(tmpdir(), 'costshare-ab-chromium-'));
const launch = { executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] };
const browser = cold ? await chromium.launch(launch) : await chromium.launchPersistentContext(userDataDir, launch);

async function firstEstimate(url, throttle) {
  const context = cold ? await browser.newContext() : browser;
  const page = await throttledPage(context, throttle);
  const heard = await firstEstimateHeard(page);
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await heard();
  paints.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN));
  await page.close();
  if (cold) await context.close();
  if (ms === null) throw new Error(`${url}: no estimate in 60 s`);
  return ms;
}
let paints = [];

/** When the page without scripts (--floor) painted its largest part, in ms from navigation. */
async function floorPaint(url, throttle) {
  const context = cold ? await browser.newContext() : browser;
  const page = await throttledPage(context, throttle);
  await page.addInitScript(() => {
    window.largestPaintMs = NaN;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.largestPaintMs = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  const ms = await page.evaluate(() => window.largestPaintMs);
  await page.close();
  if (cold) await context.close();
  return ms;
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const out = {};
for (const throttle of [1, 4]) {
  const times = [[], [], []];
  const fcp = [[], [], []]; // first contentful paint (a page whose HTML carries the answer shows it then)
  const floors = [];
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < 3; k++) {
      paints = fcp[k];
      times[k].push(await firstEstimate(new URL(paths[k], servers[k].url).href, throttle));
    }
    if (floor) floors.push(await floorPaint(servers[3].url, throttle));
  }
  out[`x${throttle}`] = { a: median(times[0]), b: median(times[1]), blank: median(times[2]) };
  console.log(`${cold ? 'cold, ' : ''}${throttle}x: A ${out[`x${throttle}`].a.toFixed(1)} ms (${(out[`x${throttle}`].a / out[`x${throttle}`].blank).toFixed(1)}×), B ${out[`x${throttle}`].b.toFixed(1)} ms (${(out[`x${throttle}`].b / out[`x${throttle}`].blank).toFixed(1)}×), blank ${out[`x${throttle}`].blank.toFixed(1)} ms; medians of ${runs}`);
  console.log(`  first contentful paint: A ${median(fcp[0]).toFixed(1)} ms, B ${median(fcp[1]).toFixed(1)} ms, blank ${median(fcp[2]).toFixed(1)} ms`);
  if (floor) {
    const f = median(floors);
    console.log(`  floor (A's page without scripts), its largest paint: ${f.toFixed(1)} ms (${(f / out[`x${throttle}`].blank).toFixed(1)}× the blank page; A's first estimate is ${(out[`x${throttle}`].a / f).toFixed(2)}× it)`);
  }
}
await browser.close();
for (const s of servers) s.server.close();
rmSync(blankDir, { recursive: true, force: true });
if (floorDir) rmSync(floorDir, { recursive: true, force: true });
rmSync(userDataDir, { recursive: true, force: true });
