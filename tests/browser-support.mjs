// Shared by the Chromium test files (not a test itself): the built site served by
// scripts/serve.mjs (with its Content-Security-Policy), headless Chromium through playwright-core,
// a record of every request and of every console error, page error and CSP violation, and axe-core.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve.mjs';
import { DIST, ROOT } from './support.mjs';

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
export const RESULTS = join(ROOT, 'test-results');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** Starts the server on a free port and Chromium; returns { url, context, close }. */
export async function startBrowser() {
  const { server, url } = await startServer({ root: DIST, port: 0 });
  const userDataDir = mkdtempSync(join(tmpdir(), 'costshare-chromium-'));
  // launchPersistentContext passes userDataDir as a fresh --user-data-dir.
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
  });
  mkdirSync(RESULTS, { recursive: true });
  return {
    url,
    context,
    async close() {
      await context.close();
      server.close();
      server.closeAllConnections();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `path` at `width` px and waits until every <cost-estimator> on it shows an estimate.
 * The page gets: page.problems (console errors, page errors, failed requests, HTTP errors, CSP
 * violations, dialogs), page.requests (every request: { url, at }) and page.contentTypes.
 */
export async function openPage(browser, path = '', { width = 1280, height = 800, wait = true } = {}) {
  const page = await browser.context.newPage();
  page.problems = [];
  page.requests = [];
  page.contentTypes = new Map();
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => page.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('request', (r) => page.requests.push({ url: r.url(), at: Date.now() }));
  page.on('response', (r) => {
    page.contentTypes.set(new URL(r.url()).pathname, r.headers()['content-type']);
    if (r.status() >= 400) page.problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('dialog', (d) => {
    page.problems.push(`dialog: ${d.type()} ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.setViewportSize({ width, height });
  await page.goto(new URL(path, browser.url).href);
  if (wait) await waitForEstimates(page);
  return page;
}

/** Waits until every <cost-estimator> on the page has shown an estimate: its own, not the
 * view the page's HTML carried (which has a <noscript> note at its root; its controls do nothing
 * until the element takes over). */
export async function waitForEstimates(page, timeout = 20_000) {
  await page
    .waitForFunction(
      () => {
        const all = [...document.querySelectorAll('cost-estimator')];
        return all.length > 0 && all.every((el) => el.shadowRoot?.querySelector('.ce-total-amount[data-amount]') && !el.shadowRoot.querySelector('noscript'));
      },
      null,
      { timeout },
    )
    .catch(async (e) => {
      const text = await page
        .evaluate(() => [...document.querySelectorAll('cost-estimator')].map((el) => el.shadowRoot?.textContent?.slice(0, 300)).join(' | '))
        .catch(() => '?');
      throw new Error(`no estimate on the page after ${timeout / 1000} s: "${text}"; ${page.problems.join('; ')}`, { cause: e });
    });
}

/** axe-core's violations on the whole page (open shadow roots included), as readable lines. */
export async function axeViolations(page) {
  await page.evaluate(AXE_SOURCE); // evaluated over the DevTools protocol, so the page's CSP allows it
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`).join('\n    ')}`);
}

/** The exact decimal the element shows as the year's total (its data-amount). */
export function totalOf(page, selector = 'cost-estimator') {
  return page.locator(`${selector} .ce-total-amount`).getAttribute('data-amount');
}

/** Waits until the element's shown total differs from `before` (results update as you type). */
export async function totalChange(page, before, selector = 'cost-estimator') {
  await page.waitForFunction(
    ([sel, old]) => document.querySelector(sel)?.shadowRoot?.querySelector('.ce-total-amount')?.getAttribute('data-amount') !== old,
    [selector, before],
  );
  return totalOf(page, selector);
}

/**
 * A full-page screenshot in test-results/. The viewport is made as tall as the page for it, so
 * the results column (sticky, as tall as the viewport, scrolling on its own) shows in full.
 */
export async function screenshot(page, name) {
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.min(Math.max(height, size.height), 8000) });
  await page.waitForTimeout(100);
  await page.screenshot({ path: join(RESULTS, name), fullPage: true });
  await page.setViewportSize(size);
}

/** Whether the document's width fits the viewport (no sideways scrolling). */
export async function pageWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** Every bit of text inside the elements' shadow roots. */
export function shadowText(page, selector = 'cost-estimator') {
  return page.evaluate((sel) => [...document.querySelectorAll(sel)].map((el) => el.shadowRoot.textContent).join('\n'), selector);
}
