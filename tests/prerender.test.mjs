// The answer in the HTML (issue #24 items 4 and 5): dist/index.html carries <cost-estimator>'s
// first view, worked out at build time by the engine through the element's own views
// (scripts/prerender.mjs, www/cost-estimator/ssr/). In Chromium:
//   - with JavaScript off, the page shows the default view's answer, and its figures equal the
//     engine's (`costshare estimate` / `compare` on the same scenario) and figures worked by hand
//     from the brochure; nothing that needs a script is offered; axe finds nothing; it prints;
//   - with JavaScript on, the element takes over in place: the same figures, no layout shift, and
//     no frame without the answer or with two;
//   - the first paint has the answer before any script has run.
// And in Node: the renderer's output for bindings, and the command line's markup for attributes.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { html, nothing, svg } from 'lit';
import { chromium } from 'playwright-core';
import { live } from 'lit/directives/live.js';
import { repeat } from 'lit/directives/repeat.js';
import { renderToString } from '../www/cost-estimator/ssr/html.js';
import { NO_SCRIPT_RULES } from '../www/cost-estimator/ssr/no-script.js';
import { startServer } from '../scripts/serve.mjs';
import { axeViolations, screenshot } from './browser-support.mjs';
import { CLI, DIST, ROOT, buildCli } from './support.mjs';

const EL = 'cost-estimator';

// The default view: one person aged 40 (the element's first state), Kaiser Permanente Colorado
// FEHB 2022 Standard Option, Self Only, paid biweekly, no care. Worked by hand from the brochure
// (docs/sources/001_e72fe1ec6a77dd26.txt):
//   Standard, L3841 "Standard Option Self Only654$228.17$76.06…": the enrollee pays $76.06 and the
//     government $228.17 every two weeks: 26 × 76.06 = 1,977.56 a year; 26 × 228.17 = 5,932.42;
//     the whole premium 26 × 304.23 = 7,909.98. No care: the total is the premium, 1,977.56.
//   Prosper, L3856 "Prosper Self OnlyN41$135.05$45.02…": 26 × 45.02 = 1,170.52.
//   High, L3838 "High Option Self Only651$244.86$111.86…": 26 × 111.86 = 2,908.36.
//   At most (the premium plus the self-only out-of-pocket maximum, L805: $5,500 Standard, $4,000
//     High, $7,000 Prosper): 7,477.56, 6,908.36, 8,170.52.
// Ranked cheapest first: Prosper, Standard, High.
const BY_HAND = {
  total: '1977.56',
  premium: '1977.56',
  care: '0.00',
  options: [
    { plan: 'kp-co-fehb-2022-prosper', total: '1170.52', worst: '8170.52' },
    { plan: 'kp-co-fehb-2022-standard', total: '1977.56', worst: '7477.56' },
    { plan: 'kp-co-fehb-2022-high', total: '2908.36', worst: '6908.36' },
  ],
};
const SCENARIO = { plan: 'kp-co-fehb-2022-standard', members: [{ id: 'you', age: 40 }], services: [] };

/** Decimal strings compared as money (the engine writes "1977.56", the page may write "1977.56"). */
const cents = (d) => Math.round(Number(d) * 100);

/** What the page's shadow root shows: the total, its split, the ranked options, as data-amounts. */
function shown(page) {
  return page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const q = (s) => root.querySelector(s);
    return {
      total: q('.ce-layout .ce-total-amount')?.getAttribute('data-amount') ?? null,
      premium: q('.ce-layout [data-figure="premium"]')?.getAttribute('data-amount') ?? null,
      care: q('.ce-layout [data-figure="care"]')?.getAttribute('data-amount') ?? null,
      options: [...root.querySelectorAll('.ce-layout .ce-option')].map((li) => ({
        plan: li.getAttribute('data-plan'),
        total: li.querySelector('.ce-option-total')?.getAttribute('data-amount'),
        worst: li.querySelector('[data-worst]')?.getAttribute('data-worst'),
      })),
    };
  }, EL);
}

// A browser whose contexts can turn JavaScript off (browser-support.mjs's is one persistent context).
const browser = { url: '', chromium: null, server: null };
before(async () => {
  const served = await startServer({ root: DIST, port: 0, quiet: true });
  browser.url = served.url;
  browser.server = served.server;
  browser.chromium = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
});
after(async () => {
  await browser.chromium?.close();
  browser.server?.close();
  browser.server?.closeAllConnections();
});

/** A new context (JavaScript on or off) with a page, and what goes wrong on it. */
async function open({ javaScriptEnabled, width = 1280, height = 800 }) {
  const context = await browser.chromium.newContext({ javaScriptEnabled, viewport: { width, height }, locale: 'en-US' });
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && page.problems.push(`console error: ${m.text()}`));
  return { context, page };
}

test('dist/index.html carries the first view as a declarative shadow root, its styles in a file', () => {
  const page = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.match(page, /<cost-estimator url-state plan="kp-co-fehb-2022-standard"><template shadowrootmode="open"><link rel="stylesheet" href="cost-estimator.css">/);
  assert.match(page, /<link rel="stylesheet" href="cost-estimator.css">\s*<\/head>/, 'the sheet in the head holds the first paint until it is in');
  assert.ok(!/Loading the estimator/.test(page), 'nothing says it is loading');
  assert.ok(!/<style/.test(page), 'no inline style: the page keeps its policy (style-src self)');
  assert.ok(!/@click|\.value=|\?open=|\$\{/.test(page), 'no Lit binding syntax left in the markup');
});

/** axe over the page as it is without scripts. axe is itself a script whose timers never fire
 * where JavaScript is off, so it runs on a page whose scripts are refused, with what the
 * browser does where scripting is off applied by hand: the `(scripting: none)` rules, the
 * <noscript> note shown, the page's language switch hidden. */
async function axeWithoutScripts(width) {
  const { context, page } = await open({ javaScriptEnabled: true, width });
  await page.route(/\.m?js$/, (route) => route.abort());
  await page.goto(browser.url);
  await page.evaluate(
    ([sel, rules]) => {
      const root = document.querySelector(sel).shadowRoot;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(rules);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
      for (const n of root.querySelectorAll('noscript')) {
        const t = document.createElement('template');
        t.innerHTML = n.textContent;
        n.replaceWith(t.content);
      }
      document.querySelector('.lang-switch').style.display = 'none';
    },
    [EL, NO_SCRIPT_RULES],
  );
  const violations = await axeViolations(page);
  await context.close();
  return violations;
}

test('JavaScript off: the default answer, equal to the engine and to the brochure worked by hand; nothing that needs a script; axe clean; it prints', { timeout: 600_000 }, async () => {
  buildCli();
  const run = (args) => {
    const r = spawnSync(CLI, args, { cwd: ROOT, encoding: 'utf8', input: JSON.stringify(SCENARIO) });
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout);
  };
  const engine = run(['estimate', '-']);
  const compared = run(['compare', '-']);
  assert.equal(engine.total_annual_cost, BY_HAND.total, 'the engine agrees with the brochure');
  for (const width of [1280, 390]) {
    const { context, page } = await open({ javaScriptEnabled: false, width });
    await page.goto(browser.url);
    const seen = await shown(page);
    assert.deepEqual(seen, BY_HAND, `the answer at ${width}px, by hand`);
    assert.equal(cents(seen.total), cents(engine.total_annual_cost));
    assert.equal(cents(seen.premium), cents(engine.premium_annual));
    assert.equal(cents(seen.care), cents(engine.member_pays_total));
    assert.deepEqual(
      seen.options.map((o) => [o.plan, cents(o.total), cents(o.worst)]),
      compared.options.map((o) => [o.plan, cents(o.estimate.total_annual_cost), cents(o.worst_case.total)]),
      'the ranking equals costshare compare',
    );
    // Nothing offered that needs a script: no control of the element's is visible, the page's
    // language switch neither; the note says what was estimated and why it cannot change.
    const live = await page.evaluate((sel) => {
      const visible = (el) => el.checkVisibility?.() ?? el.offsetParent !== null;
      const root = document.querySelector(sel).shadowRoot;
      const controls = [...root.querySelectorAll('button, input, select, textarea, a[href^="#"]')].filter(visible);
      return { controls: controls.map((c) => c.outerHTML.slice(0, 80)), clickable: controls.filter((c) => getComputedStyle(c).pointerEvents !== 'none').length, lang: [...document.querySelectorAll('[data-lang]')].filter(visible).length, note: root.querySelector('.ce-no-script')?.textContent ?? '' };
    }, EL);
    assert.equal(live.clickable, 0, `controls that need a script: ${live.controls.join(' | ')}`);
    assert.equal(live.lang, 0, 'the language switch needs a script');
    assert.match(live.note, /You \(40\) · Self Only · Biweekly.*needs JavaScript/s);
    assert.deepEqual(await axeWithoutScripts(width), [], `axe with JavaScript off at ${width}px`);
    await screenshot(page, `prerender-no-js-${width}.png`);
    // Printed: the answer as on screen, with the note (the proposal is the element's, drawn
    // after its own first view).
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      const answer = root.querySelector('.ce-answer');
      const box = answer.getBoundingClientRect();
      return { shown: box.height > 0 && getComputedStyle(root.querySelector('.ce-layout')).display !== 'none', text: answer.innerText, note: getComputedStyle(root.querySelector('.ce-no-script')).display };
    }, EL);
    assert.ok(printed.shown, 'the answer prints');
    assert.match(printed.text, /\$1,977\.56[^]*Prosper[^]*\$1,170\.52/);
    assert.notEqual(printed.note, 'none', 'the note prints');
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});

test('JavaScript on: the element takes over in place, the same figures, no layout shift, never a frame without the answer or with two', { timeout: 120_000 }, async () => {
  for (const width of [1280, 390]) {
    const { context, page } = await open({ javaScriptEnabled: true, width, height: width > 800 ? 800 : 844 });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value))).observe({ type: 'layout-shift', buffered: true });
      window.frames = [];
      const tick = () => {
        const root = document.querySelector('cost-estimator')?.shadowRoot;
        if (root && document.readyState !== 'loading') window.frames.push(`${root.querySelectorAll('.ce-layout .ce-total-amount').length}:${root.querySelector('.ce-total-amount')?.getAttribute('data-amount')}:${root.querySelectorAll('.ce-layout .ce-option').length}`);
        if (!window.changed) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      window.heard = [];
      document.addEventListener('estimate-change', (e) => window.heard.push({ total: e.detail.result?.total_annual_cost, stale: e.detail.stale, defined: Boolean(customElements.get('cost-estimator')) }));
    });
    await page.goto(browser.url);
    // The first estimate: the engine's result, told once it is the HTML's figures (by the page's
    // early start, before the element is defined, or by the element), then the element's own view.
    await page.waitForFunction((sel) => window.heard.length > 0 && customElements.get('cost-estimator') && !document.querySelector(sel).shadowRoot.querySelector('link[rel="stylesheet"]'), EL, { timeout: 60_000 });
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve((window.changed = true))))));
    const after = await shown(page);
    assert.deepEqual(after, BY_HAND, `the element's own figures at ${width}px`);
    const { shifts, frames, heard } = await page.evaluate(() => ({ shifts: window.shifts, frames: [...new Set(window.frames)], heard: window.heard }));
    assert.deepEqual(heard.map((h) => [h.total, h.stale]), [[BY_HAND.total, false]], 'one estimate-change, with the engine\'s result');
    const cls = shifts.reduce((a, b) => a + b, 0);
    assert.ok(cls < 0.001, `layout shift ${cls} at ${width}px`);
    assert.deepEqual(frames, ['1:1977.56:3'], `every frame showed one answer, the same: ${frames.join(', ')}`);
    // And the element works: choosing another option from the ranking shows its total.
    await page.locator(`${EL} [data-choose="kp-co-fehb-2022-high"]`).click();
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.ce-total-amount')?.getAttribute('data-amount') === '2908.36', EL);
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});

test('the first estimate is told early only when the engine confirms the HTML: another result, or a link with its own state, leaves it to the element', { timeout: 120_000 }, async () => {
  for (const [name, hash, edit] of [
    ['a result the engine does not give', '', (html) => html.replace(/"result":"[0-9a-f]{14}"/, '"result":"00000000000000"')],
    ['a shared link with another plan', '#plan=kp-co-fehb-2022-high&p=you*40', (html) => html],
  ]) {
    const { context, page } = await open({ javaScriptEnabled: true });
    await page.route(/\/(index\.html)?$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: edit(await response.text()) });
    });
    await page.addInitScript(() => {
      window.heard = [];
      document.addEventListener('estimate-change', (e) => window.heard.push({ total: e.detail.result?.total_annual_cost, defined: Boolean(customElements.get('cost-estimator')), htmlView: Boolean(document.querySelector('cost-estimator').shadowRoot.querySelector('script.ce-first-view')) }));
    });
    await page.goto(browser.url + hash);
    await page.waitForFunction(() => window.heard.length > 0, null, { timeout: 60_000 });
    await page.waitForTimeout(300);
    const heard = await page.evaluate(() => window.heard);
    const total = hash ? '2908.36' : '1977.56';
    assert.deepEqual(heard, [{ total, defined: true, htmlView: false }], `${name}: told once, by the element, its own view drawn`);
    assert.equal((await shown(page)).total, total, name);
    assert.deepEqual(page.problems, []);
    await context.close();
  }
});

test('the first paint has the answer, before any script has run', { timeout: 60_000 }, async () => {
  const { context, page } = await open({ javaScriptEnabled: true });
  // The element's script held back: what is painted is the HTML's alone.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/cost-estimator.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(browser.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  const painted = await page.evaluate(() => {
    const root = document.querySelector('cost-estimator').shadowRoot;
    const total = root.querySelector('.ce-total-amount');
    const box = total.getBoundingClientRect();
    return { defined: Boolean(customElements.get('cost-estimator')), text: total.textContent.trim(), visible: box.width > 0 && box.height > 0, size: getComputedStyle(total).fontSize };
  });
  assert.equal(painted.defined, false, 'the element is not defined yet');
  assert.equal(painted.text, '$1,977.56');
  assert.ok(painted.visible);
  assert.ok(parseFloat(painted.size) > 20, `the total in its own size (styled): ${painted.size}`);
  await screenshot(page, 'prerender-before-script.png');
  release();
  await context.close();
});

test('the renderer: text, attributes, booleans, properties, directives, events left out', () => {
  const items = ['a', 'b<'];
  const out = renderToString(html`<div id=${'x"y'} class="c ${'d'} ${nothing}" ?hidden=${false} ?open=${true} @click=${() => {}}>
    ${items.map((i) => html`<i>${i}</i>`)}${nothing}${null}${0}
    <input .value=${live('5 & 6')} .checked=${true}><select .value=${'b'}><option ?selected=${true}>b</option></select>
    ${repeat(items, (i) => i, (i) => html`<b title="${i}">${i}</b>`)}${svg`<circle r=${2}></circle>`}
  </div>`);
  assert.equal(
    out.replace(/\s+/g, ' ').trim(),
    '<div id="x&quot;y" class="c d " open > <i>a</i><i>b&lt;</i>0 <input value="5 &amp; 6" checked><select ><option selected>b</option></select> <b title="a">a</b><b title="b&lt;">b&lt;</b><circle r="2"></circle> </div>',
  );
});

test('the command line: the markup for an embedder’s attributes (Spanish, two plans)', { timeout: 60_000 }, () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'prerender.mjs'), '--plans', 'kp-co-fehb-2022-high kp-co-fehb-2022-standard', '--plan', 'kp-co-fehb-2022-high', '--lang', 'es', '--inline-styles'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^<cost-estimator plans="kp-co-fehb-2022-high kp-co-fehb-2022-standard" plan="kp-co-fehb-2022-high" lang="es"><template shadowrootmode="open"><style>:host[^]*<\/style><script type="application\/json" class="ce-first-view">\{"locale":"es-US","scenario":\{"plan":"kp-co-fehb-2022-high",[^<]*\}<\/script><noscript>/);
  assert.match(r.stdout, /data-amount="2908.36"/, 'High Option, Self Only: 26 × 111.86 (L3838)');
  assert.match(r.stdout, /Su estimación|Total del año/);
  assert.equal((r.stdout.match(/class="ce-option /g) ?? []).length, 2, 'the two plans listed, ranked');
  const bad = spawnSync(process.execPath, [join(ROOT, 'scripts', 'prerender.mjs'), '--plan'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--plan needs a value/);
});
