// The element's edges in Chromium (issue #21): links that name what is not there, a host script's
// bad or huge scenario, estimate() on an element not in the page or whose worker dies, plans
// added by one element, the broker-* attributes (an address, digits the visitor sees, bidi
// isolation, one share per confirmation), and host policies (no workers, no WebAssembly),
// each served with its Content-Security-Policy header. Each case failed before its fix.
// Run `npm run build` first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CONTENT_SECURITY_POLICY, startServer } from '../scripts/serve.mjs';
import { EL, answer, field, settled } from './browser-flows.mjs';
import { axeViolations, openPage, screenshot, shadowText, startBrowser, waitForEstimates } from './browser-support.mjs';
import { DEMO, DIST, ROOT } from './support.mjs';

let browser;
before(async () => {
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
});

const planFile = (id) => JSON.parse(readFileSync(join(ROOT, 'data', 'plans', `${id}.json`), 'utf8'));

/** The estimate-error events an element fires, recorded in the page. */
async function recordErrors(page, selector = EL) {
  await page.locator(selector).evaluate((el) => {
    window.refused = [];
    el.addEventListener('estimate-error', (e) => window.refused.push(e.detail));
  });
}

// ---- links ---------------------------------------------------------------------------------

test('a link whose drug says o-constructor prices its 12 fills, marks “how often” and says so', { timeout: 60_000 }, async () => {
  // Hand-computed (docs/sources, Kaiser Colorado FEHB 2022 brochure): Standard Option Self
  // Only, biweekly, 26 × $76.06 = $1,977.56 (line 3841); a specialty drug is $200 for up to a
  // 30-day supply at a Plan pharmacy (line 2670), no deductible: 12 × $200 = $2,400.00. Total
  // $4,377.56 (the page showed $2,177.56: one fill).
  for (const width of [390, 1280]) {
    const page = await openPage(browser, 'about:blank', { wait: false, width });
    await page.goto(new URL('#plan=kp-co-fehb-2022-standard&p=you*40&s=you*rx_specialty*12*o-constructor', browser.url).href);
    await waitForEstimates(page);
    await settled(page);
    assert.equal((await answer(page)).total, '4377.56');
    const notice = page.locator(`${EL} [data-notice="link"]`);
    assert.match(await notice.textContent(), /how often “constructor”/);
    await page.locator(`${EL} [data-person="you"] .ce-care > summary`).click();
    await page.locator(`${EL} [data-group="you:rx"] > summary`).click();
    const often = field(page, 'often:u1');
    assert.equal(await often.getAttribute('aria-invalid'), 'true');
    assert.equal(await often.inputValue(), 'custom', 'the schedule used is shown');
    assert.deepEqual(page.problems, []);
    assert.deepEqual(await axeViolations(page), [], `axe at ${width}px`);
    await screenshot(page, `link-unknown-value-${width}.png`);
    await page.close();
  }
});

test('a link with __proto__ for a service and constructor for the pay schedule: the rest is priced, the two are named', { timeout: 60_000 }, async () => {
  const page = await openPage(browser, 'about:blank', { wait: false });
  await page.goto(new URL('#plan=kp-co-fehb-2022-standard&p=you*40&s=you*__proto__*3&s=you*specialist_visit*2&pay=constructor&enr=prototype', browser.url).href);
  await waitForEstimates(page);
  await settled(page);
  const scenario = await page.locator(EL).evaluate((el) => el.scenario);
  assert.deepEqual(scenario.services, [{ member: 'you', service: 'specialist_visit', count: 2 }]);
  assert.equal(scenario.pay_schedule, undefined);
  const text = await page.locator(`${EL} [data-notice="link"]`).textContent();
  for (const named of ['kind of care “__proto__”', 'pay schedule “constructor”', 'enrollment type “prototype”']) assert.ok(text.includes(named), `${named} in: ${text}`);
  assert.equal(await field(page, 'pay').getAttribute('aria-invalid'), 'true', 'the pay field is marked');
  assert.equal(await field(page, 'pay').inputValue(), 'biweekly', 'and shows the schedule used');
  assert.match(await page.locator(`${EL} [data-field="pay"] .ce-err`).textContent(), /The link gave a value that is not one of these; the one shown is used/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

// ---- the scenario property -----------------------------------------------------------------

test('el.scenario refuses what the form cannot hold with estimate-error and a code, and keeps its fields; no unhandled rejection', { timeout: 60_000 }, async () => {
  const page = await openPage(browser, 'embed-example.html');
  await recordErrors(page, '#colorado');
  const before = await page.locator('#colorado').evaluate((el) => el.scenario);
  const many = (n) => Array.from({ length: n }, (_, i) => ({ id: `p${i}`, age: 30 }));
  const cases = [
    [{ ...DEMO.scenario, plan: 'kp-ga-fehb-2022-high' }, 'not_offered', 'plan'],
    [{ ...DEMO.scenario, plan: 'no-such-plan' }, 'unknown_plan', 'plan'],
    [{ plan: 'kp-co-fehb-2022-high', members: many(21) }, 'too_many', 'members'],
    [{ plan: 'kp-co-fehb-2022-high', members: many(1000) }, 'too_many', 'members'],
    [{ plan: 'kp-co-fehb-2022-high', members: [{ id: 'a', age: 30 }], services: Array.from({ length: 2001 }, () => ({ member: 'a', service: 'lab_test' })) }, 'too_many', 'services'],
    [{ plan: 'kp-co-fehb-2022-high', members: [{ id: 'a', age: 30 }], services: [{ member: 'b', service: 'lab_test' }] }, 'unknown_member', 'services[0].member'],
    [{ plan: 'kp-co-fehb-2022-high', members: [{ id: 'a', age: 30 }], services: [{ member: 'a', service: 'constructor' }] }, 'unknown_service', 'services[0].service'],
    [{ plan: 'kp-co-fehb-2022-high', members: [{ id: 'a', age: 30, medicare: 'maybe' }] }, 'unknown_value', 'members[0].medicare'],
    [{ plan: 'kp-co-fehb-2022-high', members: [{ age: 30 }] }, 'missing_field', 'members[0].id'],
    // The form holds a visit's month and the payment plan (issue #22), not one month per claim.
    [{ plan: 'kp-co-fehb-2022-high', members: [{ id: 'a', age: 30 }], services: [{ member: 'a', service: 'lab_test', count: 2, months: [1, 7] }] }, 'unknown_field', 'services[0].months'],
    [{ plan: 'kp-co-fehb-2022-high', members: [{ id: 'a', age: 30 }], prices: { lab_test: 40 } }, 'invalid_type', 'prices.lab_test'],
    [null, 'wrong_argument', null],
  ];
  for (const [scenario] of cases) await page.locator('#colorado').evaluate((el, s) => (el.scenario = s), scenario);
  await page.waitForFunction((n) => window.refused.length === n, cases.length);
  const refused = await page.evaluate(() => window.refused);
  cases.forEach(([, code, fieldPath], i) => {
    assert.equal(refused[i].code, code, JSON.stringify(refused[i]));
    assert.equal(refused[i].field, fieldPath);
    assert.ok(Array.isArray(refused[i].path) && typeof refused[i].message === 'string');
  });
  assert.deepEqual(await page.locator('#colorado').evaluate((el) => el.scenario), before, 'the fields are unchanged');
  // A scenario the form can hold is shown, and priced.
  await page.locator('#colorado').evaluate((el) => (el.scenario = { plan: 'kp-co-fehb-2022-high', members: [{ id: 'a', age: 30 }], services: [{ member: 'a', service: 'primary_care_visit', count: 2 }] }));
  await page.waitForFunction(() => document.querySelector('#colorado').result?.plan === 'kp-co-fehb-2022-high');
  await page.waitForTimeout(300);
  assert.deepEqual(page.problems, [], 'no page error, no unhandled rejection');
  await page.close();
});

test('estimate() settles on an element never connected, and on one removed from the page', { timeout: 60_000 }, async () => {
  const page = await openPage(browser, '');
  const got = await page.evaluate(async (scenario) => {
    const detached = document.createElement('cost-estimator');
    const fresh = await detached.estimate(scenario);
    const shown = document.querySelector('cost-estimator');
    shown.remove();
    const removed = await shown.estimate(scenario);
    const refused = await detached.estimate({ ...scenario, plan: 'nope' }).catch((e) => e.code);
    return { fresh: fresh.total_annual_cost, removed: removed.total_annual_cost, refused };
  }, DEMO.scenario);
  assert.equal(got.fresh, got.removed);
  assert.match(got.fresh, /^\d+\.\d\d$/);
  assert.equal(got.refused, 'unknown_plan');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('when the engine’s worker dies, the estimate waiting fails with engine_failure, the figures show out of date, and retry works', { timeout: 60_000 }, async () => {
  const page = await openPage(browser, '');
  await settled(page);
  const before = (await answer(page)).total;
  const [worker] = page.workers();
  assert.ok(worker, 'the engine runs in a worker');
  // The worker stops answering (its replies lost), then its thread ends, with no event.
  await worker.evaluate(() => {
    globalThis.postMessage = () => {};
  });
  await field(page, 'age:you').fill('41');
  const pending = page.locator(EL).evaluate((el, s) => el.estimate(s).then((r) => r.total_annual_cost, (e) => e.code), DEMO.scenario);
  await page.waitForTimeout(200);
  await worker.evaluate(() => setTimeout(() => close(), 0)).catch(() => {});
  assert.equal(await pending, 'engine_failure', 'estimate() settles');
  await page.locator(`${EL} .ce-answer[data-state="failed"]`).waitFor();
  assert.ok(await page.locator(`${EL} .ce-total.is-stale`).count(), 'the old figures are marked out of date');
  assert.equal((await answer(page)).total, before);
  await page.locator(`${EL} [data-failed] button`).click();
  await settled(page);
  assert.notEqual((await answer(page)).total, null);
  assert.equal(page.workers().length, 1, 'a fresh worker');
  assert.match(await page.locator(EL).evaluate((el, s) => el.estimate(s).then((r) => r.total_annual_cost), DEMO.scenario), /^\d+\.\d\d$/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('plans added by one element are its own: another neither prices them nor is refused its own of the same id', { timeout: 60_000 }, async () => {
  const page = await openPage(browser, 'embed-example.html');
  const mine = { ...planFile('kp-co-fehb-2022-standard'), id: 'test-added', name: 'Added by Colorado — Standard', short_name: 'Colorado’s' };
  const theirs = { ...planFile('kp-ga-fehb-2022-standard'), id: 'test-added', name: 'Added by Georgia — Standard', short_name: 'Georgia’s' };
  assert.equal(await page.locator('#colorado').evaluate((el, p) => el.addPlan(p), mine), 'test-added');
  const scenario = { plan: 'test-added', members: [{ id: 'you', age: 40 }], services: [{ member: 'you', service: 'specialist_visit', count: 2 }] };
  assert.equal(await page.locator('#georgia').evaluate((el, s) => el.estimate(s).then(() => 'priced', (e) => e.code), scenario), 'unknown_plan');
  assert.equal(await page.locator('#georgia').evaluate((el, p) => el.addPlan(p), theirs), 'test-added');
  const names = await page.evaluate(async (s) => Promise.all(['#colorado', '#georgia'].map((id) => document.querySelector(id).estimate(s).then((r) => r.plan_name))), scenario);
  assert.deepEqual(names, ['Added by Colorado — Standard', 'Added by Georgia — Standard']);
  // Each offers its own.
  assert.ok((await field(page, 'plan', '#colorado').evaluateAll((s) => s.map((x) => x.textContent).join())).includes('Colorado’s'));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the census element refuses price(null) with a code instead of throwing', { timeout: 60_000 }, async () => {
  const page = await openPage(browser, 'census.html', { wait: false });
  await page.locator('cost-census [data-census="file"]').waitFor({ state: 'attached' });
  const got = await page.locator('cost-census').evaluate((el) => Promise.all([null, 42, {}].map((x) => el.price(x).then(() => 'priced', (e) => e.code))));
  assert.deepEqual(got, ['wrong_argument', 'wrong_argument', 'wrong_argument']);
  assert.deepEqual(page.problems, []);
  await page.close();
});

// ---- the agent's attributes --------------------------------------------------------------------

test('broker-email is linked only as an address, broker-phone dials only what is shown, every attribute isolated', { timeout: 60_000 }, async () => {
  const page = await openPage(browser, 'broker-example.html');
  const block = page.locator(`${EL} [data-broker]`);
  await page.locator(EL).evaluate((el) => {
    el.setAttribute('broker-email', 'dana@summit-benefits.example?bcc=eve@evil.example&body=Hello');
    el.setAttribute('broker-phone', '1-800-FLOWERS ext. 12');
    el.setAttribute('broker-name', 'Dana \u202Enamtihw\u202C Whitfield');
  });
  await page.waitForFunction(() => document.querySelector('cost-estimator').shadowRoot.querySelector('[data-broker-email]')?.textContent === 'dana@summit-benefits.example');
  assert.equal(await block.locator('[data-broker-email]').getAttribute('href'), 'mailto:dana@summit-benefits.example');
  assert.equal(await block.locator('[data-broker-phone]').getAttribute('href'), 'tel:18003569377;ext=12');
  assert.equal(await block.locator('[data-broker-phone]').textContent(), '1-800-FLOWERS ext. 12 (1-800-3569377)', 'the digits dialled are shown');
  const name = await block.locator('.ce-broker-name bdi').textContent();
  assert.equal(name, 'Dana namtihw Whitfield', 'bidi overrides are not kept');
  for (const sel of ['.ce-broker-name', '[data-broker-id]', '[data-broker-phone]', '[data-broker-email]']) assert.ok(await block.locator(`${sel} bdi`).count(), `${sel} is isolated`);
  // In the confirmation too; and Enter pressed twice sends once.
  await page.evaluate(() => {
    window.shares = [];
    document.querySelector('cost-estimator').addEventListener('estimate-share', (e) => window.shares.push(e.detail));
  });
  await page.locator(`${EL} [data-share="open"]`).click();
  const confirm = page.locator(`${EL} [data-share="confirm"]`);
  await confirm.waitFor();
  assert.ok(await page.locator(`${EL} [data-share-confirm] p bdi`).count(), 'the question isolates the name');
  assert.ok(await confirm.locator('bdi').count(), 'the button isolates the name');
  await confirm.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.locator(`${EL} [data-share-status] bdi`).first().waitFor();
  await page.waitForTimeout(200);
  assert.equal(await page.evaluate(() => window.shares.length), 1, 'one confirmation, one event');
  assert.equal(await page.evaluate(() => window.shares[0].broker.email), 'dana@summit-benefits.example');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'broker-attributes-1280.png');
  await page.close();
});

// ---- host policies ---------------------------------------------------------------------------

/** The site served with another Content-Security-Policy header (the pages keep their <meta>). */
async function servedWith(policy) {
  const { server, url } = await startServer({ root: DIST, port: 0, policy });
  return { url, close: () => (server.close(), server.closeAllConnections()) };
}
const expectedViolations = (page, directive) => page.problems.filter((p) => !(p.includes(directive) || p.includes('Refused to') || p.includes('WebAssembly')));

test('with worker-src \'none\' the element runs the engine in the page, with the same figures', { timeout: 60_000 }, async () => {
  const site = await servedWith(CONTENT_SECURITY_POLICY.replace("worker-src 'self'", "worker-src 'none'"));
  try {
    const page = await openPage(browser, new URL('embed-example.html', site.url).href);
    assert.equal(page.workers().length, 0, 'no worker ran');
    await settled(page, '#colorado');
    const got = await page.locator('#colorado').evaluate((el, s) => el.estimate(s), DEMO.scenario);
    const inWorker = await (async () => {
      const normal = await openPage(browser, 'embed-example.html');
      const r = await normal.locator('#colorado').evaluate((el, s) => el.estimate(s), DEMO.scenario);
      await normal.close();
      return r;
    })();
    assert.deepEqual(got, inWorker);
    assert.ok(page.problems.some((p) => p.includes('worker-src')), 'the browser did refuse the worker');
    assert.deepEqual(expectedViolations(page, 'worker-src'), []);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  } finally {
    site.close();
  }
});

test('without \'wasm-unsafe-eval\' the engine compiled to JavaScript gives the same figures, and each element says so once (estimate-warning)', { timeout: 90_000 }, async () => {
  const site = await servedWith(CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", ''));
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      window.said = [];
      document.addEventListener('estimate-warning', (e) => window.said.push(`${e.target.id} ${e.detail.code}`));
    });
    const requested = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(new URL('embed-example.html', site.url).href);
    await waitForEstimates(page, 60_000);
    const got = await page.locator('#colorado').evaluate((el, s) => el.estimate(s), DEMO.scenario);
    const normal = await openPage(browser, 'embed-example.html');
    const inWasm = await normal.locator('#colorado').evaluate((el, s) => el.estimate(s), DEMO.scenario);
    assert.ok(!normal.requests.some((r) => r.url.endsWith('/pkg/costshare_js.js')), 'the JavaScript engine is loaded only where WebAssembly is refused');
    await normal.close();
    assert.deepEqual(got, inWasm);
    assert.ok(requested.includes('/pkg/costshare_js.js'));
    assert.deepEqual((await page.evaluate(() => window.said)).sort(), ['colorado engine_javascript', 'georgia engine_javascript']);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  } finally {
    site.close();
  }
});

test('without \'wasm-unsafe-eval\' and without the JavaScript engine the element says so in plain words, in English and Spanish, not the browser’s error', { timeout: 60_000 }, async () => {
  const site = await servedWith(CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", ''));
  try {
    for (const width of [390, 1280]) {
      const page = await browser.context.newPage();
      page.problems = [];
      page.on('console', (m) => m.type() === 'error' && page.problems.push(m.text()));
      await page.route('**/pkg/costshare_js.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
      await page.setViewportSize({ width, height: 800 });
      await page.goto(new URL('embed-example.html', site.url).href);
      for (const [id, words] of [
        ['#colorado', /cannot run on this page: the page’s security settings do not allow the calculator it uses \(WebAssembly\)/],
        ['#georgia', /no puede funcionar en esta página/],
      ]) {
        await page.locator(`${id} [data-load-error="wasm_refused"]`).waitFor({ timeout: 30_000 });
        const text = await shadowText(page, id);
        assert.match(text, words);
        assert.doesNotMatch(text, /CompileError|Refused to compile|unsafe-eval' is not an allowed/);
      }
      assert.deepEqual(page.problems.filter((p) => !(p.includes('wasm') || p.includes('WebAssembly') || p.includes('Refused to') || p.includes('404'))), []);
      assert.deepEqual(await axeViolations(page), [], `axe at ${width}px`);
      await screenshot(page, `policy-no-wasm-${width}.png`);
      await page.close();
    }
  } finally {
    site.close();
  }
});
