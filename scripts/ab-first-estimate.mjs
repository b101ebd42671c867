// An A/B of the first estimate: two built sites served side by side, loaded alternately with
// a blank page, so all three see the same moments of a shared machine. Prints the medians.
// Usage: node scripts/ab-first-estimate.mjs <dist A> <dist B> [runs=7] [--cold]
// --cold: each load in a new browser context (as a first visitor meets the page: nothing of an
// earlier load kept, not even the compiled module's code cache), rather than a new page of one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { firstEstimateHeard, throttledPage, writeBlankPage } from './page-timing.mjs';
import { startServer } from './serve.mjs';

const cold = process.argv.includes('--cold');
const [a, b, runsArg] = process.argv.slice(2).filter((x) => x !== '--cold');
const runs = Number(runsArg ?? 7);
const blankDir = mkdtempSync(join(tmpdir(), 'costshare-blank-'));
writeBlankPage(blankDir);
const servers = await Promise.all([resolve(a), resolve(b), blankDir].map((root) => startServer({ root, port: 0, quiet: true })));
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
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const out = {};
for (const throttle of [1, 4]) {
  const times = [[], [], []];
  const fcp = [[], [], []]; // first contentful paint (a page whose HTML carries the answer shows it then)
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < 3; k++) {
      paints = fcp[k];
      times[k].push(await firstEstimate(new URL(paths[k], servers[k].url).href, throttle));
    }
  }
  out[`x${throttle}`] = { a: median(times[0]), b: median(times[1]), blank: median(times[2]) };
  console.log(`${cold ? 'cold, ' : ''}${throttle}x: A ${out[`x${throttle}`].a.toFixed(1)} ms (${(out[`x${throttle}`].a / out[`x${throttle}`].blank).toFixed(1)}×), B ${out[`x${throttle}`].b.toFixed(1)} ms (${(out[`x${throttle}`].b / out[`x${throttle}`].blank).toFixed(1)}×), blank ${out[`x${throttle}`].blank.toFixed(1)} ms; medians of ${runs}`);
  console.log(`  first contentful paint: A ${median(fcp[0]).toFixed(1)} ms, B ${median(fcp[1]).toFixed(1)} ms, blank ${median(fcp[2]).toFixed(1)} ms`);
}
await browser.close();
for (const s of servers) s.server.close();
rmSync(blankDir, { recursive: true, force: true });
rmSync(userDataDir, { recursive: true, force: true });
