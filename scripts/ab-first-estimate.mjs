// An A/B of the first estimate: two built sites served side by side, loaded alternately with
// a blank page, so all three see the same moments of a shared machine. Prints the medians.
// Usage: node scripts/ab-first-estimate.mjs <dist A> <dist B> [runs=7]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';

const [a, b, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 7);
const blankDir = mkdtempSync(join(tmpdir(), 'costshare-blank-'));
writeFileSync(join(blankDir, 'index.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><title>blank</title><script type="module" src="blank.mjs"></script><p>blank</p></html>\n');
writeFileSync(join(blankDir, 'blank.mjs'), "document.dispatchEvent(new CustomEvent('estimate-change'));\n");
const servers = await Promise.all([resolve(a), resolve(b), blankDir].map((root) => startServer({ root, port: 0, quiet: true })));
const userDataDir = mkdtempSync(join(tmpdir(), 'costshare-ab-chromium-'));
const browser = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

// The page reports its first estimate on the console, read over the DevTools protocol: waiting
// with page.waitForFunction would inject Playwright's script into the page and poll it, ~30 ms of
// the main thread at 4x on the page under test (and none on the blank page, done before it starts).
async function firstEstimate(url, throttle) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.addInitScript(() => document.addEventListener('estimate-change', () => { if (!window.firstEstimateMs) console.debug(`first-estimate ${(window.firstEstimateMs = performance.now())}`); }));
  const reported = new Promise((resolve) => page.on('console', (m) => { if (m.text().startsWith('first-estimate ')) resolve(Number(m.text().slice(15))); }));
  await page.goto(url, { waitUntil: 'commit' });
  const ms = await Promise.race([reported, new Promise((_, reject) => setTimeout(() => reject(new Error(`${url}: no estimate in 60 s`)), 60_000))]);
  await page.close();
  return ms;
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const out = {};
for (const throttle of [1, 4]) {
  const times = [[], [], []];
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < 3; k++) times[k].push(await firstEstimate(servers[k].url, throttle));
  }
  out[`x${throttle}`] = { a: median(times[0]), b: median(times[1]), blank: median(times[2]) };
  console.log(`${throttle}x: A ${out[`x${throttle}`].a.toFixed(1)} ms (${(out[`x${throttle}`].a / out[`x${throttle}`].blank).toFixed(1)}×), B ${out[`x${throttle}`].b.toFixed(1)} ms (${(out[`x${throttle}`].b / out[`x${throttle}`].blank).toFixed(1)}×), blank ${out[`x${throttle}`].blank.toFixed(1)} ms; medians of ${runs}`);
}
await browser.close();
for (const s of servers) s.server.close();
rmSync(blankDir, { recursive: true, force: true });
rmSync(userDataDir, { recursive: true, force: true });
