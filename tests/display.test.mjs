// How the element looks where visitors' settings change it (issue #24 item 6), in Chromium: dark
// mode (prefers-color-scheme: dark) on the site's page, which declares `color-scheme: light dark`,
// for the page and the element alike, axe-clean with the chart open; a page that declares no
// colour scheme keeps a light element; paper is light whatever the screen; the chart in forced
// colours (Windows high contrast) drawn in the system's colours. Screenshots in test-results/.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { EL, preset, settled } from './browser-flows.mjs';
import { axeViolations, openPage, screenshot, startBrowser } from './browser-support.mjs';

let browser;
before(async () => {
  browser = await startBrowser();
});
after(() => browser?.close());

/** The relative luminance (WCAG) of a computed `rgb(…)` colour. */
function luminance(color) {
  const [r, g, b] = color.match(/[\d.]+/g).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The computed colours of the page and of the element's box. */
function colours(page, selector = EL) {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel).shadowRoot.querySelector('.ce');
    const css = getComputedStyle(box);
    return { page: getComputedStyle(document.documentElement).backgroundColor, pageText: getComputedStyle(document.body).color, surface: css.backgroundColor, text: css.color };
  }, selector);
}

/** Gives the household a year of care and opens the chart. */
async function withChart(page) {
  await preset(page, 'you', 'medium');
  await settled(page);
  await page.locator(`${EL} [data-panel="chart"] > summary`).click();
  await page.locator(`${EL} .ce-layout .ce-chart .ce-curve`).first().waitFor();
}

test('dark mode: the page and the element go dark together, and stay readable (axe), chart open', { timeout: 90_000 }, async () => {
  for (const width of [390, 1280]) {
    const page = await openPage(browser, '', { width, wait: false });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    page.problems.length = 0; // the first load, cut short by the reload
    await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.ce-total-amount[data-amount]') && !document.querySelector(sel).shadowRoot.querySelector('noscript'), EL);
    const dark = await colours(page);
    assert.ok(luminance(dark.page) < 0.05 && luminance(dark.surface) < 0.05, `dark backgrounds: ${JSON.stringify(dark)}`);
    assert.ok(luminance(dark.text) > 0.6 && luminance(dark.pageText) > 0.6, `light text: ${JSON.stringify(dark)}`);
    await withChart(page);
    assert.deepEqual(await axeViolations(page), [], `axe in dark mode at ${width}px`);
    await screenshot(page, `dark-mode-${width}.png`);
    // The same page in light: light backgrounds (the defaults as before).
    await page.emulateMedia({ colorScheme: 'light' });
    const light = await colours(page);
    assert.ok(luminance(light.page) > 0.9 && luminance(light.surface) > 0.9, `light backgrounds: ${JSON.stringify(light)}`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('dark mode: a page that declares no colour scheme keeps a light element; a host can force dark; print is light', { timeout: 60_000 }, async () => {
  const page = await openPage(browser, 'embed-example.html', { wait: false });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  page.problems.length = 0; // the first load, cut short by the reload
  await page.waitForFunction(() => [...document.querySelectorAll('cost-estimator')].every((el) => el.shadowRoot?.querySelector('.ce-total-amount[data-amount]')));
  assert.ok(luminance((await colours(page, '#colorado')).surface) > 0.9, 'the element follows its light page, not only the system');
  await page.locator('#colorado').evaluate((el) => {
    el.style.colorScheme = 'dark';
  });
  assert.ok(luminance((await colours(page, '#colorado')).surface) < 0.05, 'color-scheme: dark on the element makes it dark');
  assert.deepEqual(await axeViolations(page), [], 'axe with one element forced dark');
  await screenshot(page, 'dark-mode-forced-element.png');
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  const printed = await page.locator('#colorado').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('.ce')).color);
  assert.ok(luminance(printed) < 0.05, `printed text is dark on paper: ${printed}`);
  await page.close();
});

test('forced colours: the chart’s axes, titles and curves take the system’s colours', { timeout: 60_000 }, async () => {
  const page = await openPage(browser, '', { width: 1280 });
  await withChart(page);
  await page.emulateMedia({ forcedColors: 'active' });
  const got = await page.locator(EL).evaluate((el) => {
    const root = el.shadowRoot;
    const probe = document.createElement('span');
    probe.style.color = 'CanvasText';
    root.append(probe);
    const text = getComputedStyle(probe).color;
    probe.remove();
    const fill = (sel) => getComputedStyle(root.querySelector(sel)).fill;
    const stroke = (sel) => getComputedStyle(root.querySelector(sel)).stroke;
    return { text, label: fill('.ce-layout .ce-chart-label'), tick: fill('.ce-layout .ce-chart-tick'), axis: stroke('.ce-layout .ce-chart-axis'), curves: [...root.querySelectorAll('.ce-layout .ce-chart .ce-curve')].map((c) => getComputedStyle(c).strokeDasharray) };
  });
  assert.equal(got.label, got.text, 'axis titles in the text colour');
  assert.equal(got.tick, got.text, 'axis figures in the text colour');
  assert.equal(got.axis, got.text, 'axes in the text colour');
  assert.equal(new Set(got.curves).size, got.curves.length, `each curve its own dash pattern: ${got.curves.join(' | ')}`);
  await screenshot(page, 'forced-colors-chart-1280.png');
  await page.close();
});
