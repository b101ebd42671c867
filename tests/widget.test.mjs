// <cost-estimator> as an embedder uses it, in Chromium: estimate(scenario) gives the CLI's result
// to the cent, the attributes (plans, plan, lang), the estimate-change event, two elements on one
// page, the script included twice, a host page with hostile CSS (dist/embed-example.html), and plan
// text with markup in it shown as text. Run `npm run build` first (npm test does).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { RESULTS, axeViolations, openPage, pageWidth, screenshot, shadowText, startBrowser, totalChange, totalOf } from './browser-support.mjs';
import { DEMO, ROOT, buildCli, cli, goldenFiles, loadWasm, loadedEngine } from './support.mjs';

const engine = loadedEngine(await loadWasm());
const tmp = mkdtempSync(join(tmpdir(), 'costshare-widget-'));
let files = 0;

let browser;
before(async () => {
  buildCli();
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

/** The native CLI's result for a scenario. */
function native(scenario) {
  const file = join(tmp, `scenario-${++files}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  const r = cli('estimate', file);
  assert.equal(r.status, 0, `costshare estimate exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Calls el.estimate for each scenario in the page: [{ result } | { error }]. */
function estimateAll(page, scenarios, selector = 'cost-estimator') {
  return page.evaluate(
    async ([sel, list]) => {
      const el = document.querySelector(sel);
      const out = [];
      for (const s of list) {
        try {
          out.push({ result: await el.estimate(s) });
        } catch (e) {
          out.push({ error: `${e.constructor.name}: ${e.message}` });
        }
      }
      return out;
    },
    [selector, scenarios],
  );
}

test('estimate(scenario) returns the CLI’s result, to the cent, for every golden case', async () => {
  const cases = goldenFiles().flatMap((g) => (g.cases ?? []).map((c) => ({ name: `${g.file}: ${c.name}`, scenario: { plan: g.plan, ...c.scenario } })));
  cases.push({ name: 'the demo scenario', scenario: DEMO.scenario });
  cases.push({
    name: 'a family on a Senior Advantage plan, with Part D drugs',
    scenario: {
      plan: 'kp-ncal-fresno-2025-sa-high-high',
      enrollment: 'per_member',
      pay_schedule: 'monthly',
      members: [
        { id: 'a', age: 71, medicare: 'parts_a_and_b' },
        { id: 'b', age: 68 },
      ],
      services: [
        { member: 'a', service: 'rx_specialty', count: 12, days_supply: 30 },
        { member: 'b', service: 'inpatient_stay', days: 5, allowed: '20000.00' },
        { member: 'b', service: 'emergency_room_visit', admitted: true },
      ],
    },
  });
  cases.push({
    name: 'KP Plus out of network, with balance billing past the visit limit',
    scenario: {
      plan: 'kp-plus-example-co-2022-standard',
      enrollment: 'self_only',
      pay_schedule: 'monthly',
      members: [{ id: 'you', age: 50 }],
      services: [{ member: 'you', service: 'specialist_visit', count: 11, network: 'out_of_network', billed: '400.00' }],
    },
  });
  assert.ok(cases.length > 10, `only ${cases.length} cases`);
  const page = await openPage(browser, '');
  const got = await estimateAll(page, cases.map((c) => c.scenario));
  for (const [i, c] of cases.entries()) {
    assert.ok(got[i].result, `${c.name}: ${got[i].error}`);
    assert.deepStrictEqual(got[i].result, native(c.scenario), `${c.name}: the element and the CLI differ`);
  }
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('estimate() refuses a bad scenario with the engine’s error naming the field, then works on', async () => {
  const page = await openPage(browser, '');
  const bad = [
    { ...DEMO.scenario, services: [{ member: 'you', service: 'lab_test', count: -1 }] },
    { ...DEMO.scenario, services: [{ member: 'you', service: 'lab_test', allowed: 'abc' }] },
    { ...DEMO.scenario, members: [{ id: 'you', age: 400 }] },
    { ...DEMO.scenario, plan: 'no-such-plan' },
  ];
  const got = await estimateAll(page, [...bad, DEMO.scenario]);
  assert.match(got[0].error, /^Error: scenario: services\[0\]\.count: /);
  assert.match(got[1].error, /^Error: scenario: services\[0\]\.allowed: /);
  assert.match(got[2].error, /^Error: scenario: members\[0\]\.age: /);
  assert.match(got[3].error, /^Error: scenario: plan: /);
  assert.deepStrictEqual(got[4].result, engine.estimate(DEMO.scenario));
  assert.equal(await page.locator('cost-estimator .ce-results').getAttribute('data-state'), 'ok', 'the page’s own estimate is untouched');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the element fires estimate-change with the new result whenever the figures change', async () => {
  const page = await openPage(browser, '');
  await page.evaluate(() => {
    window.seen = [];
    document.querySelector('cost-estimator').addEventListener('estimate-change', (e) =>
      window.seen.push({ total: e.detail.result?.total_annual_cost, stale: e.detail.stale, error: e.detail.error?.message ?? null }),
    );
  });
  const before = await totalOf(page);
  await page.locator('cost-estimator [data-key="preset:you"]').selectOption('low');
  const total = await totalChange(page, before);
  await page.locator('cost-estimator [data-key="age:you"]').fill('-3');
  await page.locator('cost-estimator .ce-results[data-state="stale"]').waitFor();
  const seen = await page.evaluate(() => window.seen);
  assert.deepEqual(seen.at(-2), { total, stale: false, error: null });
  assert.equal(seen.at(-1).stale, true);
  assert.equal(seen.at(-1).total, total, 'a stale event still carries the last good result');
  assert.match(seen.at(-1).error, /members\[0\]\.age/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('embedding: a host page with hostile CSS neither breaks the element nor is changed by it', async () => {
  for (const width of [1280, 360]) {
    const page = await openPage(browser, 'embed-example.html', { width });
    for (const id of ['colorado', 'georgia']) {
      const el = `#${id}`;
      const style = await page.locator(`${el} .ce`).evaluate((root) => {
        const s = getComputedStyle(root);
        return { fontSize: s.fontSize, fontStyle: s.fontStyle, letterSpacing: s.letterSpacing, textAlign: s.textAlign, display: s.display };
      });
      assert.deepEqual(style, { fontSize: '16px', fontStyle: 'normal', letterSpacing: 'normal', textAlign: 'start', display: 'block' }, `${id}: host styles leaked in`);
      const count = page.locator(`${el} [data-key="count:you:primary_care_visit"]`);
      await count.evaluate((input) => (input.closest('details').open = true));
      assert.notEqual(await count.evaluate((i) => getComputedStyle(i).display), 'none', 'inputs are shown (the host hides its own)');
      const before = await totalOf(page, el);
      await count.fill('2');
      await totalChange(page, before, el);
      assert.equal(await page.locator(`${el} .ce-results table`).evaluate((t) => getComputedStyle(t).display), 'table', 'the table is shown (the host hides its own)');
      assert.equal(await page.locator(`${el} .ce-results .ce-status`).first().evaluate((s) => getComputedStyle(s).display), 'none', 'an empty status stays hidden (the host shows [hidden])');
      const box = await page.locator(el).boundingBox();
      assert.ok(box.width > 200 && box.x >= 0 && box.x + box.width <= width, `${id} fits the page at ${width}px`);
      const widest = await page.locator(el).evaluate((host) => Math.max(...[...host.shadowRoot.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)));
      assert.ok(widest <= box.x + box.width + 0.5, `${id}: something inside reaches ${widest}px, past the element's ${box.x + box.width}px`);
    }
    // The element's styles stay inside it: the host's own rules still apply to the host's elements.
    assert.equal(await page.locator('.host-table').evaluate((t) => getComputedStyle(t).display), 'none');
    assert.equal(await page.locator('.lede').evaluate((p) => getComputedStyle(p).borderTopStyle), 'dotted');
    assert.equal(await page.locator('h1').evaluate((h) => getComputedStyle(h).textTransform), 'uppercase');
    // Theming through the documented custom properties.
    const accent = await page.locator('#georgia .ce-step').first().evaluate((s) => getComputedStyle(s).backgroundColor);
    assert.equal(accent, 'rgb(122, 31, 92)');
    assert.equal(await page.locator('#georgia .ce').evaluate((r) => getComputedStyle(r).fontFamily), 'Georgia, "DejaVu Serif", serif');
    assert.ok((await pageWidth(page)) <= width, `the host page scrolls sideways at ${width}px`);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(await axeViolations(page), [], `axe-core violations at ${width}px`);
    await screenshot(page, `embed-${width}.png`);
    await page.close();
  }
});

test('attributes: plans restricts the list, plan preselects, lang picks the language', async () => {
  const page = await openPage(browser, 'embed-example.html');
  const options = (sel) => page.locator(`${sel} [data-key="plan"] option`).evaluateAll((o) => o.map((x) => x.value));
  assert.deepEqual(await options('#colorado'), ['kp-co-fehb-2022-high', 'kp-co-fehb-2022-standard']);
  assert.deepEqual(await options('#georgia'), ['kp-ga-fehb-2022-high', 'kp-ga-fehb-2022-standard', 'kp-ga-fehb-2022-prosper']);
  assert.equal(await page.locator('#colorado [data-key="plan"]').inputValue(), 'kp-co-fehb-2022-standard');
  assert.equal(await page.locator('#georgia [data-key="plan"]').inputValue(), 'kp-ga-fehb-2022-prosper');
  assert.equal(await page.locator('#georgia .ce').getAttribute('lang'), 'es');
  assert.equal(await page.locator('#colorado .ce').getAttribute('lang'), 'en');
  assert.match(await shadowText(page, '#georgia'), /Su estimación/);
  // Changing the attributes later is followed.
  await page.locator('#georgia').evaluate((el) => el.setAttribute('lang', 'en'));
  await page.locator('#georgia .ce[lang="en"]').waitFor();
  await page.locator('#colorado').evaluate((el) => el.setAttribute('plan', 'kp-co-fehb-2022-high'));
  await page.waitForFunction(() => document.querySelector('#colorado').result?.plan === 'kp-co-fehb-2022-high');
  await page.locator('#colorado').evaluate((el) => el.setAttribute('plans', 'kp-co-fehb-2022-high no-such-plan'));
  await page.waitForFunction(() => document.querySelector('#colorado').shadowRoot.textContent.includes('no-such-plan'));
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('two elements on one page work independently, and the script included twice does not throw', async () => {
  const page = await openPage(browser, 'embed-example.html');
  // The page includes cost-estimator.js twice (two URLs); include it a third time now.
  const defined = await page.evaluate(async () => {
    const first = customElements.get('cost-estimator');
    await import(new URL('cost-estimator.js?third-time', document.baseURI).href);
    return first === customElements.get('cost-estimator');
  });
  assert.ok(defined, 'the element keeps its one definition');

  const georgiaBefore = await totalOf(page, '#georgia');
  const georgiaScenario = await page.locator('#georgia').evaluate((el) => el.scenario);
  const before = await totalOf(page, '#colorado');
  await page.locator('#colorado').getByRole('button', { name: 'A family with a child' }).click();
  const colorado = await totalChange(page, before, '#colorado');
  const coScenario = await page.locator('#colorado').evaluate((el) => el.scenario);
  assert.equal(colorado, native(coScenario).total_annual_cost);
  assert.equal(await totalOf(page, '#georgia'), georgiaBefore, 'the other element did not change');
  assert.deepEqual(await page.locator('#georgia').evaluate((el) => el.scenario), georgiaScenario);

  await page.locator('#georgia [data-key="plan"]').selectOption('kp-ga-fehb-2022-high');
  const georgia = await totalChange(page, georgiaBefore, '#georgia');
  assert.equal(georgia, native(await page.locator('#georgia').evaluate((el) => el.scenario)).total_annual_cost);
  assert.equal(await totalOf(page, '#colorado'), colorado);
  // A price changed in one is not changed in the other.
  await page.locator('#georgia').getByRole('button', { name: 'Una familia con un niño' }).click();
  await page.locator('#georgia [data-key="price:primary_care_visit"]').fill('10');
  await page.waitForFunction(() => document.querySelector('#georgia').shadowRoot.querySelector('.ce-badge.is-own'));
  assert.equal(await page.locator('#colorado [data-key="price:primary_care_visit"]').inputValue(), '150.00');
  assert.equal(await totalOf(page, '#colorado'), colorado);
  // Neither writes the host page's URL (no url-state attribute).
  assert.equal(new URL(page.url()).hash, '');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('plan text with markup in it is shown as text: no element, no script, no dialog', async () => {
  const page = await openPage(browser, '');
  const payload = '<img src=x onerror=alert(1)>';
  const plan = JSON.parse(readFileSync(join(ROOT, 'data', 'plans', 'kp-co-fehb-2022-standard.json'), 'utf8'));
  plan.id = 'test-hostile-plan';
  plan.name = payload;
  plan.short_name = `${payload} short`;
  plan.document.title = '<script>alert(2)</script>';
  plan.services.primary_care_visit.label = '<img src=y onerror=alert(3)>';
  plan.services.primary_care_visit.summary = '<b onmouseover=alert(4)>bold</b>';
  plan.assumptions[0].text = '<iframe src="javascript:alert(5)"></iframe>';
  const id = await page.locator('cost-estimator').evaluate((el, p) => el.addPlan(p), plan);
  assert.equal(id, 'test-hostile-plan');
  await page.locator('cost-estimator [data-key="plan"]').selectOption(id);
  await page.waitForFunction(() => document.querySelector('cost-estimator').result?.plan === 'test-hostile-plan');
  const count = page.locator('cost-estimator [data-key="count:you:primary_care_visit"]');
  await count.evaluate((input) => (input.closest('details').open = true));
  await count.fill('2');
  await page.waitForFunction(() => document.querySelector('cost-estimator').result?.lines.length === 2);
  await page.locator('cost-estimator .ce-worked > summary').click();
  const found = await page.evaluate(() => {
    const root = document.querySelector('cost-estimator').shadowRoot;
    return {
      tags: ['img', 'script', 'iframe', 'b'].map((t) => root.querySelectorAll(t).length + document.querySelectorAll(`body ${t}`).length),
      text: root.textContent,
    };
  });
  assert.deepEqual(found.tags, [0, 0, 0, 0], 'markup from the plan became elements');
  for (const text of [payload, '<script>alert(2)</script>', '<img src=y onerror=alert(3)>', '<b onmouseover=alert(4)>bold</b>']) {
    assert.ok(found.text.includes(text), `"${text}" is not shown as text`);
  }
  await page.waitForTimeout(300);
  assert.deepEqual(page.problems, [], 'no dialog, no error');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('compare options: ranked totals, worst cases, the chart and its crossings, in English and Spanish', async () => {
  const CO = ['kp-co-fehb-2022-high', 'kp-co-fehb-2022-standard', 'kp-co-fehb-2022-prosper'];
  const scenario = {
    plan: 'kp-co-fehb-2022-high',
    enrollment: 'self_only',
    pay_schedule: 'biweekly',
    members: [{ id: 'you', age: 40 }],
    services: [{ member: 'you', service: 'primary_care_visit', count: 3, allowed: '150.00' }],
  };
  const expected = [
    ['kp-co-fehb-2022-prosper', '1200.52', '8170.52'],
    ['kp-co-fehb-2022-standard', '2067.56', '7477.56'],
    ['kp-co-fehb-2022-high', '2968.36', '6908.36'],
  ];
  for (const width of [1280, 360]) {
    const page = await openPage(browser, '', { width });
    const el = page.locator('cost-estimator');
    // The JS API: the options offered with the plan (same issuer, program and year) by default.
    const got = await el.evaluate((e, s) => e.compare(s), scenario);
    assert.deepEqual(
      got.options.map((o) => [o.plan, o.estimate.total_annual_cost, o.worst_case.total]),
      expected,
    );
    assert.equal(got.cheapest, 'kp-co-fehb-2022-prosper');
    assert.deepStrictEqual(got, engine.compare(scenario, CO));
    assert.deepStrictEqual(await el.evaluate((e, s) => e.compare(s, ['kp-co-fehb-2022-high']), scenario), engine.compare(scenario, ['kp-co-fehb-2022-high']));

    // The view: the same household in the fields (the typical price of a visit is 150.00).
    await el.evaluate((e, s) => (e.scenario = s), scenario);
    await page.waitForFunction(() => document.querySelector('cost-estimator').result?.total_annual_cost === '2968.36');
    await page.locator('cost-estimator .ce-compare > summary').click();
    const body = page.locator('cost-estimator .ce-compare-body[data-state="ok"]');
    await body.waitFor();
    const shown = await body.evaluate((b) =>
      [...b.querySelectorAll('.ce-option')].map((o) => [o.dataset.plan, o.querySelector('.ce-option-amount').dataset.amount, o.querySelector('.ce-worst').dataset.total, o.textContent]),
    );
    assert.deepEqual(shown.map((s) => s.slice(0, 3)), expected);
    assert.match(shown[0][3], /Cheapest/);
    assert.match(shown[0][3], /\$1,200\.52/);
    assert.match(shown[0][3], /At most \$8,170\.52 in a year: \$1,170\.52 of premium and \$7,000\.00 of cost sharing/);
    assert.ok(!/Cheapest/.test(shown[1][3]) && !/Cheapest/.test(shown[2][3]), 'only one option is marked cheapest');
    const curves = engine.costCurves(scenario, CO);
    const chart = await body.evaluate((b) => ({
      lines: b.querySelectorAll('svg.ce-chart polyline.ce-curve').length,
      role: b.querySelector('svg.ce-chart').getAttribute('role'),
      title: b.querySelector('svg.ce-chart title').textContent,
      styled: b.querySelectorAll('[style]').length,
      crossings: Number(b.querySelector('.ce-crossings').dataset.count),
      text: b.querySelector('.ce-crossings').textContent,
    }));
    assert.equal(chart.lines, 3);
    assert.equal(chart.role, 'img');
    assert.match(chart.title, /High Option/);
    assert.equal(chart.styled, 0);
    assert.equal(chart.crossings, curves.crossings.length);
    assert.equal(chart.text, 'Prosper costs the least at every amount of care shown.');
    assert.deepEqual(page.problems, []);
    assert.deepEqual(await axeViolations(page), [], `axe-core violations at ${width}px`);
    assert.ok((await pageWidth(page)) <= width, `the page scrolls sideways at ${width}px`);
    await page.locator('cost-estimator .ce-compare').screenshot({ path: join(RESULTS, `compare-${width}.png`) });

    // More care: the lines cross, and the sentence below the chart is the engine's.
    const more = { ...scenario, services: [...scenario.services, { member: 'you', service: 'inpatient_stay', count: 1, days: 3 }] };
    await el.evaluate((e, s) => (e.scenario = s), more);
    await page.waitForFunction(() => document.querySelector('cost-estimator').shadowRoot.querySelector('.ce-compare-body[data-state="ok"] .ce-crossings[data-count="1"]'));
    const crossed = engine.costCurves(await el.evaluate((e) => e.scenario), CO);
    assert.ok(crossed.crossings.length > 0);
    assert.equal(await page.locator('cost-estimator .ce-crossings').textContent(), crossed.crossings.map((x) => x.statement).join(''));
    assert.equal(await page.locator('cost-estimator svg.ce-chart polyline').count(), 3);

    // Spanish: the worst case and the crossing built from the numbers.
    await el.evaluate((e) => e.setAttribute('lang', 'es'));
    await page.locator('cost-estimator .ce[lang="es"]').waitFor();
    const es = await page.locator('cost-estimator .ce-compare-body').textContent();
    assert.match(es, /Comparar opciones|La más barata/);
    assert.match(es, /Como máximo .* en un año: .* de prima y .* de costos compartidos/);
    assert.match(es, /Prosper cuesta menos hasta unos .* de atención; a partir de ahí, Standard Option\./);
    assert.deepEqual(await axeViolations(page), [], `axe-core violations in Spanish at ${width}px`);
    await page.locator('cost-estimator .ce-compare').screenshot({ path: join(RESULTS, `compare-es-${width}.png`) });
    // No care: the options are still compared (premiums alone), the chart gives way to a note.
    await el.evaluate((e, s) => (e.scenario = s), { ...scenario, services: [] });
    await page.waitForFunction(() => document.querySelector('cost-estimator').shadowRoot.querySelector('.ce-compare-body[data-state="ok"] .ce-chart-none'));
    assert.equal(await page.locator('cost-estimator .ce-compare-body .ce-option').count(), 3);
    assert.equal(await page.locator('cost-estimator svg.ce-chart').count(), 0);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});
