// <cost-estimator> as an embedder uses it, in Chromium: estimate(scenario) gives the CLI's result
// to the cent and refuses with the engine's code and field; compare(); the attributes (plans,
// plan, lang, employer-contribution); the estimate-change event; two elements on one page; the
// script included twice; a host page with hostile CSS (dist/embed-example.html); plan text with
// markup shown as text; "Copy summary" without url-state. Run `npm run build` first.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { answer, field, preset, setCount, settled } from './browser-flows.mjs';
import { axeViolations, openPage, pageWidth, screenshot, shadowText, startBrowser, waitForEstimates } from './browser-support.mjs';
import { DEMO, ROOT, buildCli, cli, goldenFiles, loadWasm, loadedEngine, withoutWords } from './support.mjs';

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

/** The native CLI's result for a scenario, without the words only the CLI adds. */
function native(scenario) {
  const file = join(tmp, `scenario-${++files}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  const r = cli('estimate', file);
  assert.equal(r.status, 0, `costshare estimate exited ${r.status}: ${r.stderr}`);
  return withoutWords(JSON.parse(r.stdout));
}

/** Calls el.estimate for each scenario in the page: [{ result } | { error: { name, code, field, message } }]. */
function estimateAll(page, scenarios, selector = 'cost-estimator') {
  return page.evaluate(
    async ([sel, list]) => {
      const el = document.querySelector(sel);
      const out = [];
      for (const s of list) {
        try {
          out.push({ result: await el.estimate(s) });
        } catch (e) {
          out.push({ error: { name: e.name, code: e.code, field: e.field, path: e.path, params: e.params, origin: e.origin, message: e.message, isError: e instanceof Error } });
        }
      }
      return out;
    },
    [selector, scenarios],
  );
}

test('estimate(scenario) returns the CLI’s result, to the cent, for every golden case', async () => {
  const cases = goldenFiles().flatMap((g) => (g.cases ?? []).filter((c) => !c.expect_error).map((c) => ({ name: `${g.file}: ${c.name}`, scenario: { plan: g.plan, ...c.scenario } })));
  cases.push({ name: 'the demo scenario', scenario: DEMO.scenario });
  cases.push({
    name: 'a family on a Senior Advantage plan, with Part D drugs',
    scenario: {
      plan: 'kp-ncal-fresno-2025-sa-high-high',
      enrollment: 'per_member',
      pay_schedule: 'monthly',
      members: [{ id: 'a', age: 71, medicare: 'parts_a_and_b' }, { id: 'b', age: 68, medicare: 'parts_a_and_b' }],
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
  assert.ok(cases.length > 100, `only ${cases.length} cases`);
  const page = await openPage(browser, '');
  const got = await estimateAll(page, cases.map((c) => c.scenario));
  for (const [i, c] of cases.entries()) {
    assert.ok(got[i].result, `${c.name}: ${JSON.stringify(got[i].error)}`);
    assert.deepStrictEqual(withoutWords(got[i].result), native(c.scenario), `${c.name}: the element and the CLI differ`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('without Web Workers the same client runs the engine in the page, with the same figures', async () => {
  // A browser or a host page's policy without workers: the client falls back to the engine's
  // host in the page, which compiles the module's bytes itself.
  const page = await openPage(browser, 'about:blank', { wait: false });
  await page.addInitScript(() => {
    delete window.Worker;
  });
  await page.goto(browser.url);
  await waitForEstimates(page);
  assert.equal(page.workers().length, 0, 'no worker started');
  const scenarios = [DEMO.scenario, { plan: 'kp-ncal-fresno-2025-sa-low', enrollment: 'per_member', members: [{ id: 'a', age: 70, medicare: 'parts_a_and_b' }], services: [{ member: 'a', service: 'rx_preferred_brand', count: 12 }] }];
  const got = await estimateAll(page, scenarios);
  for (const [i, s] of scenarios.entries()) {
    assert.ok(got[i].result, JSON.stringify(got[i].error));
    assert.deepStrictEqual(withoutWords(got[i].result), native(s));
  }
  await setCount(page, 'you', 'specialist_visit', 2);
  await settled(page);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('estimate() refuses a bad scenario with an Error carrying the engine’s code and field, then works on', async () => {
  const page = await openPage(browser, '');
  const bad = [
    [{ ...DEMO.scenario, services: [{ member: 'you', service: 'lab_test', count: -1 }] }, 'services[0].count', 'invalid_number'],
    [{ ...DEMO.scenario, services: [{ member: 'you', service: 'lab_test', allowed: 'abc' }] }, 'services[0].allowed', 'invalid_money'],
    [{ ...DEMO.scenario, members: [{ id: 'you', age: 400 }] }, 'members[0].age', 'out_of_range'],
    [{ ...DEMO.scenario, members: [{ id: 'you', age: Number.NaN }] }, 'members[0].age', 'invalid_number'],
    [{ ...DEMO.scenario, plan: 'no-such-plan' }, 'plan', 'unknown_plan'],
  ];
  const got = await estimateAll(page, [...bad.map((b) => b[0]), DEMO.scenario]);
  bad.forEach(([, fieldPath, code], i) => {
    assert.equal(got[i].error?.isError, true, JSON.stringify(got[i]));
    assert.equal(got[i].error.field, fieldPath);
    assert.equal(got[i].error.code, code);
    // The field as keys and indices, the input it is in, the values the message names.
    const path = got[i].error.path.map((s, j) => (typeof s === 'number' ? `[${s}]` : j ? `.${s}` : s)).join('');
    assert.equal(path, fieldPath, JSON.stringify(got[i].error));
    assert.equal(got[i].error.origin, 'scenario');
    assert.equal(typeof got[i].error.params, 'object');
  });
  assert.deepStrictEqual(got.at(-1).result, engine.estimate(DEMO.scenario));
  assert.equal(await page.locator('cost-estimator .ce-answer').getAttribute('data-state'), 'ok', 'the page’s own estimate is untouched');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the element fires estimate-change whenever the figures change, with the error’s code when stale', async () => {
  const page = await openPage(browser, '');
  await page.evaluate(() => {
    window.seen = [];
    document.querySelector('cost-estimator').addEventListener('estimate-change', (e) =>
      window.seen.push({ total: e.detail.result?.total_annual_cost, stale: e.detail.stale, code: e.detail.error?.code ?? null, field: e.detail.error?.field ?? null }),
    );
  });
  await preset(page, 'you', 'low');
  await settled(page);
  const total = (await answer(page)).total;
  await field(page, 'age:you').fill('-3');
  await page.locator('cost-estimator .ce-answer[data-state="stale"]').waitFor();
  const seen = await page.evaluate(() => window.seen);
  assert.deepEqual(seen.at(-2), { total, stale: false, code: null, field: null });
  assert.deepEqual(seen.at(-1), { total, stale: true, code: 'invalid_type', field: 'members[0].age' });
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
      const before = (await answer(page, el)).total;
      await setCount(page, 'you', 'primary_care_visit', 2, el);
      await page.waitForFunction(([sel, old]) => document.querySelector(sel).shadowRoot.querySelector('.ce-total-amount')?.dataset.amount !== old, [el, before]);
      assert.notEqual(await field(page, 'count:you:primary_care_visit', el).evaluate((i) => getComputedStyle(i).display), 'none', 'inputs are shown (the host hides its own)');
      assert.equal(await page.locator(`${el} .ce-answer .ce-status`).first().evaluate((s) => getComputedStyle(s).display), 'none', 'an empty status stays hidden (the host shows [hidden])');
      const box = await page.locator(`${el} .ce`).boundingBox();
      assert.ok(box.width > 200 && box.x >= 0 && box.x + box.width <= width, `${id} fits the page at ${width}px`);
      const widest = await page.locator(el).evaluate((host) => Math.max(...[...host.shadowRoot.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right)));
      assert.ok(widest <= box.x + box.width + 0.5, `${id}: something inside reaches ${widest}px, past the element's ${box.x + box.width}px`);
    }
    // The element's styles stay inside it: the host's own rules still apply to the host's elements.
    assert.equal(await page.locator('.host-table').evaluate((t) => getComputedStyle(t).display), 'none');
    assert.equal(await page.locator('.lede').evaluate((p) => getComputedStyle(p).borderTopStyle), 'dotted');
    assert.equal(await page.locator('h1').evaluate((h) => getComputedStyle(h).textTransform), 'uppercase');
    // Theming through the documented custom properties.
    assert.equal(await page.locator('#georgia .ce-answer').evaluate((a) => getComputedStyle(a).borderTopColor), 'rgb(122, 31, 92)');
    assert.equal(await page.locator('#georgia .ce').evaluate((r) => getComputedStyle(r).fontFamily), 'Georgia, "DejaVu Serif", serif');
    assert.ok((await pageWidth(page)) <= width, `the host page scrolls sideways at ${width}px`);
    assert.deepEqual(page.problems, []);
    assert.deepEqual(await axeViolations(page), [], `axe-core violations at ${width}px`);
    await screenshot(page, `embed-${width}.png`);
    await page.close();
  }
});

test('attributes: plans restricts and ranks the list, plan preselects, lang picks the language, all followed later', async () => {
  const page = await openPage(browser, 'embed-example.html');
  const options = (sel) => page.locator(`${sel} [data-key="plan"] option`).evaluateAll((o) => o.map((x) => x.value));
  assert.deepEqual(await options('#colorado'), ['kp-co-fehb-2022-high', 'kp-co-fehb-2022-standard']);
  assert.deepEqual(await options('#georgia'), ['kp-ga-fehb-2022-high', 'kp-ga-fehb-2022-standard', 'kp-ga-fehb-2022-prosper']);
  assert.equal(await page.locator('#colorado [data-key="plan"]').inputValue(), 'kp-co-fehb-2022-standard');
  assert.equal(await page.locator('#georgia [data-key="plan"]').inputValue(), 'kp-ga-fehb-2022-prosper');
  await settled(page, '#colorado');
  assert.deepEqual((await answer(page, '#colorado')).options.map((o) => o.plan).sort(), ['kp-co-fehb-2022-high', 'kp-co-fehb-2022-standard'], 'the listed plans are ranked');
  assert.equal(await page.locator('#georgia .ce').getAttribute('lang'), 'es');
  assert.equal(await page.locator('#colorado .ce').getAttribute('lang'), 'en');
  assert.match(await shadowText(page, '#georgia'), /Su estimación/);
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
  const defined = await page.evaluate(async () => {
    const first = customElements.get('cost-estimator');
    await import(new URL('cost-estimator.js?third-time', document.baseURI).href);
    return first === customElements.get('cost-estimator');
  });
  assert.ok(defined, 'the element keeps its one definition');
  const georgiaBefore = (await answer(page, '#georgia')).total;
  const georgiaScenario = await page.locator('#georgia').evaluate((el) => el.scenario);
  await preset(page, 'you', 'medium', '#colorado');
  await settled(page, '#colorado');
  const coScenario = await page.locator('#colorado').evaluate((el) => el.scenario);
  const colorado = (await answer(page, '#colorado')).total;
  assert.equal(colorado, native(coScenario).total_annual_cost);
  assert.equal((await answer(page, '#georgia')).total, georgiaBefore, 'the other element did not change');
  assert.deepEqual(await page.locator('#georgia').evaluate((el) => el.scenario), georgiaScenario);
  // A price changed in one is not changed in the other.
  await page.locator('#colorado [data-panel="prices"] > summary').click();
  await field(page, 'price:primary_care_visit', '#colorado').fill('10');
  await settled(page, '#colorado');
  await setCount(page, 'you', 'primary_care_visit', 1, '#georgia');
  await settled(page, '#georgia');
  const georgiaNow = await page.locator('#georgia').evaluate((el) => el.scenario);
  assert.equal(georgiaNow.prices, undefined, 'Georgia uses the typical price');
  assert.equal((await answer(page, '#georgia')).total, native(georgiaNow).total_annual_cost);
  assert.equal(new URL(page.url()).hash, '', 'neither writes the host page’s URL (no url-state)');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('without url-state the element offers "Copy summary": plain text with the ranking', async () => {
  const page = await openPage(browser, 'embed-example.html');
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(browser.url).origin });
  await preset(page, 'you', 'medium', '#georgia');
  await settled(page, '#georgia');
  await page.locator('#georgia').getByRole('button', { name: 'Copiar resumen' }).click();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const shown = await answer(page, '#georgia');
  assert.match(text, /Comparación del costo de los planes de salud/);
  assert.match(text, /Kaiser Foundation Health Plan of Georgia · FEHB · año del plan 2022/);
  for (const o of shown.options) assert.ok(text.includes(Number(o.total).toLocaleString('en-US', { style: 'currency', currency: 'USD' })), `${o.plan} in the summary`);
  assert.doesNotMatch(text, /<|undefined|NaN/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('employer-contribution: set once by attribute, changed by the visitor in the field', async () => {
  const page = await openPage(browser, 'embed-example.html', { wait: false });
  await page.evaluate(() => {
    const el = document.createElement('cost-estimator');
    el.id = 'county';
    el.setAttribute('plans', 'kp-ncal-fresno-2025-sa-high-high kp-ncal-fresno-2025-sa-low');
    el.setAttribute('employer-contribution', '100.00');
    document.querySelector('main').prepend(el);
  });
  await settled(page, '#county');
  const scenario = await page.locator('#county').evaluate((el) => el.scenario);
  assert.deepEqual(scenario.employer_contribution, { amount: '100.00' });
  assert.equal(await field(page, 'contribution', '#county').inputValue(), '100.00');
  await field(page, 'contribution', '#county').fill('50.00');
  await settled(page, '#county');
  assert.deepEqual((await page.locator('#county').evaluate((el) => el.scenario)).employer_contribution, { amount: '50.00' });
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
  plan.services.primary_care_visit.summary = '<b onmouseover=alert(4)>bold</b>';
  plan.assumptions[0].text = '<iframe src="javascript:alert(5)"></iframe>';
  const id = await page.locator('cost-estimator').evaluate((el, p) => el.addPlan(p), plan);
  assert.equal(id, 'test-hostile-plan');
  await page.locator('cost-estimator [data-key="plan"]').selectOption(id);
  await page.waitForFunction(() => document.querySelector('cost-estimator').result?.plan === 'test-hostile-plan');
  await setCount(page, 'you', 'primary_care_visit', 2);
  await page.waitForFunction(() => document.querySelector('cost-estimator').result?.lines.length === 2);
  await page.locator('cost-estimator [data-panel="sources"] > summary').click();
  await page.locator('cost-estimator [data-panel="sources"] .ce-sources').first().waitFor();
  const found = await page.evaluate(() => {
    const root = document.querySelector('cost-estimator').shadowRoot;
    return {
      tags: ['img', 'script', 'iframe', 'b'].map((t) => root.querySelectorAll(t).length + document.querySelectorAll(`body ${t}`).length),
      text: root.textContent,
    };
  });
  assert.deepEqual(found.tags, [0, 0, 0, 0], 'markup from the plan became elements');
  for (const text of [`${payload} short`, '<script>alert(2)</script>', '<b onmouseover=alert(4)>bold</b>', '<iframe src="javascript:alert(5)"></iframe>']) {
    assert.ok(found.text.includes(text), `"${text}" is not shown as text`);
  }
  await page.waitForTimeout(300);
  assert.deepEqual(page.problems, [], 'no dialog, no error');
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('compare(): the engine’s comparison of the options the element ranks, and of any list given', async () => {
  const CO = engine.optionsFor('kp-co-fehb-2022-high', null);
  const scenario = {
    plan: 'kp-co-fehb-2022-high',
    members: [{ id: 'you', age: 40 }],
    services: [{ member: 'you', service: 'primary_care_visit', count: 3, allowed: '150.00' }],
  };
  const page = await openPage(browser, '');
  const el = page.locator('cost-estimator');
  assert.deepStrictEqual(await el.evaluate((e, s) => e.compare(s), scenario), engine.compare(scenario, CO));
  assert.deepStrictEqual(await el.evaluate((e, s) => e.compare(s, ['kp-co-fehb-2022-high']), scenario), engine.compare(scenario, ['kp-co-fehb-2022-high']));
  const refused = await el.evaluate((e, s) => e.compare(s, ['kp-co-fehb-2022-high', 'nope']).catch((x) => ({ code: x.code, field: x.field })), scenario);
  assert.deepEqual(refused, { code: 'unknown_plan', field: 'plans[1]' });
  // The same household through the scenario property: the page ranks the same options.
  await el.evaluate((e, s) => (e.scenario = s), scenario);
  await page.waitForFunction(() => document.querySelector('cost-estimator').result?.plan === 'kp-co-fehb-2022-high');
  await settled(page);
  const shown = await answer(page);
  const expected = engine.compare(await el.evaluate((e) => e.scenario), CO);
  assert.deepEqual(shown.options.map((o) => [o.plan, o.total]), expected.options.map((o) => [o.plan, o.estimate.total_annual_cost]));
  assert.deepEqual(page.problems, []);
  await page.close();
});
