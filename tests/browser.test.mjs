// The built site (dist/) in Chromium: the page loads the engine and the data, shows the demo
// estimate with the same total as the engine gives in Node, passes axe-core, does not overflow a
// phone's width, and leaves screenshots in test-results/. Run `npm run build` first.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { DEMO, DIST, ROOT, loadWasm, loadedEngine } from './support.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Headless as root, and no background traffic: this machine reaches only package registries.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const RESULTS = join(ROOT, 'test-results');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

const expected = loadedEngine(await loadWasm()).estimate(DEMO.scenario);

let server, url, context, userDataDir;
const problems = []; // console errors, page errors, failed requests
const contentTypes = new Map();

before(async () => {
  ({ server, url } = await startServer({ root: DIST, port: 0 }));
  userDataDir = mkdtempSync(join(tmpdir(), 'costshare-chromium-'));
  // launchPersistentContext passes userDataDir as a fresh --user-data-dir.
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
  });
  context.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`);
    if (m.type() === 'warning') console.log(`[browser warning] ${m.text()}`);
  });
  context.on('weberror', (e) => problems.push(`page error: ${e.error().message}`));
  context.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  context.on('response', (r) => {
    contentTypes.set(new URL(r.url()).pathname, r.headers()['content-type']);
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  mkdirSync(RESULTS, { recursive: true });
});

after(async () => {
  await context?.close();
  server?.close();
  server?.closeAllConnections();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function openPage(width) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 800 });
  await page.goto(url);
  await page
    .locator('#total[data-amount]')
    .waitFor({ timeout: 20_000 })
    .catch(async (e) => {
      const status = await page.locator('#status').textContent().catch(() => '?');
      throw new Error(`no estimate on the page after 20 s; status: "${status}"; ${problems.join('; ')}`, { cause: e });
    });
  return page;
}

async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE); // evaluated over the DevTools protocol, so the page's CSP allows it
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
}

test('the page shows the demo estimate, with the engine total', async () => {
  const page = await openPage(1280);
  const total = page.locator('#total');
  assert.equal(await total.getAttribute('data-amount'), expected.total_annual_cost);
  assert.equal((await total.textContent()).trim(), usd.format(expected.total_annual_cost));
  assert.equal(await page.locator('#member-pays-total').getAttribute('data-amount'), expected.member_pays_total);
  assert.equal(await page.locator('#premium-annual').getAttribute('data-amount'), expected.premium_annual);
  assert.equal(await page.locator('#lines tbody tr').count(), expected.lines.length);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(contentTypes.get('/pkg/costshare_bg.wasm'), 'application/wasm');
  assert.deepEqual(problems, []);

  assert.deepEqual(await axeViolations(page), [], 'axe-core violations at 1280px');
  await page.screenshot({ path: join(RESULTS, 'page-1280.png'), fullPage: true });
  await page.close();
});

test('at 360px: no horizontal overflow, no axe violations', async () => {
  const page = await openPage(360);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `the page is ${width}px wide at a 360px viewport`);
  assert.deepEqual(await axeViolations(page), [], 'axe-core violations at 360px');
  await page.screenshot({ path: join(RESULTS, 'page-360.png'), fullPage: true });
  assert.deepEqual(problems, []);
  await page.close();
});
