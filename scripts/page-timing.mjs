// What `npm run bench` and `scripts/ab-first-estimate.mjs` share to time the first estimate: the
// blank page that is its baseline, a throttled page with the cache off, and hearing the estimate.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `blank.html` (+ `blank.mjs`) into `dir`: a page whose one module script says "done"
 * at once, the least any page with a script can take on this machine at that moment. */
export function writeBlankPage(dir) {
  writeFileSync(join(dir, 'blank.html'), '<!doctype html><html lang="en"><meta charset="utf-8"><title>blank</title><script type="module" src="blank.mjs"></script><p>blank</p></html>\n');
  writeFileSync(join(dir, 'blank.mjs'), "document.dispatchEvent(new CustomEvent('estimate-change'));\n");
}

/** A new page of `browser` with the cache off and the CPU slowed `throttle` times. */
export async function throttledPage(browser, throttle) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  return page;
}

/**
 * Resolves to the milliseconds from navigation to the page's first `estimate-change` (the
 * element fires it, bubbling, once the figures are rendered), or `null` after `timeoutMs`. Call
 * before navigating: the first estimate can come before the load event. The page says when on
 * the console, read over the DevTools protocol: waiting with page.waitForFunction would run
 * Playwright's script in the page while it loads (~30 ms of its main thread at 4x, which the
 * blank page, done by then, never pays).
 */
export async function firstEstimateHeard(page, timeoutMs = 60_000) {
  await page.addInitScript(() => {
    document.addEventListener('estimate-change', () => {
      if (window.firstEstimateMs) return;
      window.firstEstimateMs = performance.now();
      console.debug(`first-estimate ${window.firstEstimateMs}`);
    });
  });
  const heard = new Promise((resolve) => page.on('console', (m) => { if (m.text().startsWith('first-estimate ')) resolve(Number(m.text().slice(15))); }));
  return () => Promise.race([heard, new Promise((resolve) => setTimeout(() => resolve(null), timeoutMs))]);
}
