// The built page (dist/index.html) in Chromium, used as a person would: choosing a plan, adding
// services for two people, reading the totals (always the engine's figures), the language switch,
// the state in the URL, the print view, bad input, an engine failure, the Content-Security-Policy
// and the absence of any request beyond the page's own files. Every test runs axe-core; screenshots
// at 360 and 1280 px go to test-results/. Run `npm run build` first.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CONTENT_SECURITY_POLICY } from '../scripts/serve.mjs';
import { RESULTS, axeViolations, openPage, pageWidth, screenshot, shadowText, startBrowser, totalChange, totalOf, usd, waitForEstimates } from './browser-support.mjs';
import { DEMO, DIST, loadWasm, loadedEngine } from './support.mjs';

const engine = loadedEngine(await loadWasm());
const EL = 'cost-estimator';

let browser;
before(async () => {
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
});

/** Types a count for one person's service, opening its group first. */
async function setCount(page, member, service, count) {
  const input = page.locator(`${EL} [data-key="count:${member}:${service}"]`);
  await input.evaluate((el) => {
    const group = el.closest('details');
    if (group) group.open = true;
  });
  await input.fill(String(count));
}

/** No placeholder or conversion slipped into the text people read. */
async function noJunk(page) {
  assert.doesNotMatch(await shadowText(page), /\[object|\bnull\b|\bundefined\b|\bNaN\b/);
}

async function field(page, key) {
  return page.locator(`${EL} [data-key="${key}"]`);
}

/** The error message shown next to a field (its aria-describedby), or null. */
async function fieldMessage(page, key) {
  return (await field(page, key)).evaluate((input) => {
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/);
    const root = input.getRootNode();
    return ids.map((id) => root.getElementById(id)).find((el) => el?.classList.contains('ce-err'))?.textContent ?? null;
  });
}

test('the page shows the demo estimate with the engine’s figures, under the strict CSP', async () => {
  const expected = engine.estimate(DEMO.scenario);
  const page = await openPage(browser, '');
  const response = await page.request.get(browser.url);
  assert.equal(response.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
  assert.match(CONTENT_SECURITY_POLICY, /script-src 'self' 'wasm-unsafe-eval'/);

  // Nothing chosen to start with: the year's total is the premium alone.
  const start = await totalOf(page);
  assert.equal(await page.locator(`${EL} .ce-results tbody tr`).count(), 0);
  await page.locator(EL).evaluate((el, scenario) => (el.scenario = scenario), DEMO.scenario);
  const total = await totalChange(page, start);
  assert.equal(total, expected.total_annual_cost);
  assert.equal((await page.locator(`${EL} .ce-total-amount`).textContent()).trim(), usd.format(expected.total_annual_cost));
  assert.equal(await page.locator(`${EL} [data-figure="care"]`).getAttribute('data-amount'), expected.member_pays_total);
  assert.equal(await page.locator(`${EL} [data-figure="premium"]`).getAttribute('data-amount'), expected.premium_annual);
  // One row per run of identical claims; together they are every line of the result.
  const times = await page.locator(`${EL} .ce-results tbody tr`).evaluateAll((rows) => rows.map((r) => Number(r.dataset.times)));
  assert.equal(times.reduce((a, b) => a + b, 0), expected.lines.length);
  assert.deepEqual(await page.locator(EL).evaluate((el) => el.result), expected);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(page.contentTypes.get('/pkg/costshare_bg.wasm'), 'application/wasm');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), [], 'axe-core violations at 1280px');
  await screenshot(page, 'page-1280.png');
  await page.close();
});

test('choosing a plan: the enrollment types, pay schedules and person fields follow the plan', async () => {
  const page = await openPage(browser, '');
  const plan = await field(page, 'plan');
  const offered = await plan.locator('option').evaluateAll((options) => options.map((o) => o.value));
  assert.deepEqual([...offered].sort(), [...engine.planIds()].sort(), 'every catalog plan is offered');
  const sample = await plan.locator('option[value="kp-plus-example-co-2022-standard"]').textContent();
  assert.match(sample, /sample/i, 'the KP Plus example says it has sample figures');

  let before = await totalOf(page);
  await plan.selectOption('kp-ga-fehb-2022-high');
  let total = await totalChange(page, before);
  const georgia = engine.estimate({
    plan: 'kp-ga-fehb-2022-high',
    enrollment: 'self_only',
    pay_schedule: 'biweekly',
    members: [{ id: 'you', age: 40 }],
    services: [],
  });
  assert.equal(total, georgia.total_annual_cost);
  assert.match(await page.locator(`${EL} .ce-plan-name`).textContent(), /Georgia FEHB 2022 — High Option/);
  assert.deepEqual(await (await field(page, 'enrollment')).locator('option').evaluateAll((o) => o.map((x) => x.value)), [
    'self_only',
    'self_plus_one',
    'self_and_family',
  ]);

  // A Senior Advantage plan prices each person and is paid monthly, with a Part D drug limit.
  before = total;
  await plan.selectOption('kp-ncal-fresno-2025-sa-low');
  total = await totalChange(page, before);
  assert.deepEqual(await (await field(page, 'enrollment')).locator('option').evaluateAll((o) => o.map((x) => x.value)), ['per_member']);
  assert.deepEqual(await (await field(page, 'pay')).locator('option').evaluateAll((o) => o.map((x) => x.value)), ['monthly']);
  assert.equal(await (await field(page, 'medicare:you')).count(), 1, 'Medicare status is asked for');
  await (await field(page, 'medicare:you')).selectOption('parts_a_and_b');
  await (await field(page, 'age:you')).fill('70');
  before = await totalOf(page);
  await setCount(page, 'you', 'rx_specialty', 12);
  total = await totalChange(page, before);
  const senior = engine.estimate({
    plan: 'kp-ncal-fresno-2025-sa-low',
    enrollment: 'per_member',
    pay_schedule: 'monthly',
    members: [{ id: 'you', age: 70, medicare: 'parts_a_and_b' }],
    services: [{ member: 'you', service: 'rx_specialty', count: 12, days_supply: 30, channel: 'retail' }],
  });
  assert.equal(total, senior.total_annual_cost);
  const meters = await page.locator(`${EL} [data-member="you"] [role="progressbar"]`).evaluateAll((bars) =>
    bars.map((b) => [b.getRootNode().getElementById(b.getAttribute('aria-labelledby')).textContent, b.getAttribute('aria-valuetext')]),
  );
  assert.deepEqual(
    meters.map(([name]) => name),
    ['Out-of-pocket maximum', 'Part D drug limit'],
  );
  assert.equal(meters[1][1], `${usd.format(senior.members[0].part_d.applied)} of ${usd.format(senior.members[0].part_d.limit)}`);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await noJunk(page);
  await screenshot(page, 'page-senior-advantage-1280.png');
  await page.close();
});

test('services for two people: the total, each person and each line are the engine’s', async () => {
  const page = await openPage(browser, '');
  await (await field(page, 'add-person')).click();
  const age = await field(page, 'age:person-2');
  await age.fill('9');
  assert.equal(await (await field(page, 'enrollment')).inputValue(), 'self_plus_one', 'two people: Self Plus One');
  await (await field(page, 'age:you')).fill('45');
  await setCount(page, 'you', 'emergency_room_visit', 1);
  await (await field(page, 'admitted:you:emergency_room_visit')).check();
  await setCount(page, 'you', 'inpatient_stay', 1);
  await (await field(page, 'days:you:inpatient_stay')).fill('4');
  await setCount(page, 'you', 'rx_generic', 3);
  await (await field(page, 'supply:you:rx_generic')).fill('90');
  await (await field(page, 'channel:you:rx_generic')).selectOption('mail');
  await setCount(page, 'person-2', 'primary_care_visit', 3);
  await setCount(page, 'person-2', 'urgent_care_visit', 1);
  const scenario = {
    plan: 'kp-co-fehb-2022-standard',
    enrollment: 'self_plus_one',
    pay_schedule: 'biweekly',
    members: [
      { id: 'you', age: 45 },
      { id: 'person-2', age: 9 },
    ],
    services: [
      { member: 'you', service: 'emergency_room_visit', admitted: true },
      { member: 'you', service: 'inpatient_stay', days: 4 },
      { member: 'you', service: 'rx_generic', count: 3, days_supply: 90, channel: 'mail' },
      { member: 'person-2', service: 'primary_care_visit', count: 3 },
      { member: 'person-2', service: 'urgent_care_visit' },
    ],
  };
  const expected = engine.estimate(scenario);
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel).shadowRoot.querySelector('.ce-total-amount')?.getAttribute('data-amount') === want,
    [EL, expected.total_annual_cost],
  );
  assert.equal((await page.locator(`${EL} .ce-total-amount`).textContent()).trim(), usd.format(expected.total_annual_cost));
  for (const m of expected.members) {
    const card = page.locator(`${EL} [data-member="${m.id}"]`);
    assert.equal(await card.locator('.ce-person-pays [data-amount]').getAttribute('data-amount'), m.member_pays, `${m.id} pays`);
  }
  // Progress toward the deductible and the out-of-pocket maximum, as accessible progress bars.
  const deductible = page.locator(`${EL} [data-member="you"] [role="progressbar"]`).first();
  assert.equal(await deductible.getAttribute('aria-valuenow'), String(Number(expected.members[0].deductible.applied)));
  assert.equal(await deductible.getAttribute('aria-valuemax'), String(Number(expected.members[0].deductible.limit)));
  assert.match(await deductible.getAttribute('aria-valuetext'), /\$150\.00 of \$150\.00, met/);
  // Each line: the engine's amounts and a plain-language reason.
  const rows = page.locator(`${EL} .ce-results tbody tr`);
  const stay = rows.nth(1);
  const stayLine = expected.lines[1];
  assert.equal(await stay.getAttribute('data-service'), 'inpatient_stay');
  assert.equal(await stay.locator('td[data-amount]').getAttribute('data-amount'), stayLine.member_pays);
  assert.match(
    await stay.locator('.ce-line-reason').textContent(),
    new RegExp(`You pay the first \\$150\\.00 toward your deductible, then the \\$750\\.00 copay; the plan pays ${usd.format(stayLine.plan_pays).replace(/[$.]/g, '\\$&')}\\.`),
  );
  assert.match(await rows.first().locator('.ce-line-reason').textContent(), /admitted/);
  const times = await rows.evaluateAll((r) => r.map((x) => Number(x.dataset.times)));
  assert.equal(times.reduce((a, b) => a + b, 0), expected.lines.length);
  // The prices used, each saying where it comes from: all illustrative.
  const prices = page.locator(`${EL} .ce-price`);
  assert.equal(await prices.count(), 5);
  assert.equal(await prices.locator('.ce-badge.is-illustrative').count(), 5);
  assert.equal(await (await field(page, 'price:inpatient_stay')).inputValue(), '3500.00');
  assert.match(await prices.filter({ has: page.locator('[data-key="price:inpatient_stay"]') }).textContent(), /a day/);
  // The rules behind the figures: one click away.
  await page.locator(`${EL} .ce-worked > summary`).click();
  const rule = page.locator(`${EL} [data-rule="inpatient_stay"]`);
  assert.match(await rule.textContent(), /document line \d+\b/);
  assert.ok((await rule.locator('q').count()) > 0, 'the document is quoted');
  assert.ok((await page.locator(`${EL} [data-assumption]`).count()) > 0, 'the assumptions are listed');
  const link = await rule.locator('a').first().getAttribute('href');
  assert.match(link, /document\.html\?file=001_e72fe1ec6a77dd26\.txt&line=\d+$/);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await noJunk(page);
  await screenshot(page, 'page-two-people-1280.png');

  // The document viewer shows the cited line.
  const doc = await browser.context.newPage();
  await doc.goto(link);
  const line = Number(new URL(link).searchParams.get('line'));
  await doc.locator(`#L${line}.cited`).waitFor();
  assert.deepEqual(await axeViolations(doc), [], 'axe-core on the document viewer');
  const quote = await rule.locator('q').first().textContent();
  assert.ok((await doc.locator(`#L${line}`).textContent()).replace(/\s+/g, ' ').includes(quote.replace(/\s+/g, ' ').slice(0, 20)));
  // The site carries the cited passages, not whole documents: the passage around the line,
  // numbered as in the document, then every passage with the uncited lines between noted.
  assert.match(await doc.locator('h1').textContent(), /Colorado FEHB 2022 brochure/);
  assert.match(await doc.locator('#status').textContent(), new RegExp(`^Line ${line} of \\d+, with up to 2 lines either side`));
  for (const n of [line - 2, line + 2]) assert.equal(await doc.locator(`#L${n}`).count(), 1, `line ${n} is shown`);
  await screenshot(doc, 'document-passage.png');
  await doc.getByRole('button', { name: 'Show every cited passage' }).click();
  assert.ok((await doc.locator('ol.lines').count()) > 20, 'every passage');
  assert.match(await doc.locator('.gap').first().textContent(), /^Lines? \d+ (to \d+ )?(are|is) not cited\.$/);
  await doc.locator(`#L${line}.cited`).waitFor();
  assert.deepEqual(await axeViolations(doc), [], 'axe-core on every passage');
  await doc.close();
  await page.close();
});

test('the first estimate waits for the chosen plan only; a plan whose file is still on its way is priced once it arrives', async () => {
  // Hold back one plan file, so choosing it happens before it has arrived.
  const page = await openPage(browser, '', { wait: false });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/data/plans/kp-ga-fehb-2022-standard.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  page.problems.length = 0; // the first load's plan fetches, aborted by the reload
  await page.waitForFunction(() => performance.getEntriesByName('cost-estimator:first-estimate').length);
  const before = await page.evaluate(() => {
    const first = performance.getEntriesByName('cost-estimator:first-estimate')[0].startTime;
    return [...new Set(performance.getEntriesByType('resource')
      .filter((e) => e.name.includes('/data/plans/') && e.startTime < first)
      .map((e) => e.name.split('/').pop()))];
  });
  assert.deepEqual(before, ['kp-co-fehb-2022-standard.json'], 'plan files fetched before the first estimate');

  const shown = await totalOf(page);
  await (await field(page, 'plan')).selectOption('kp-ga-fehb-2022-standard');
  await page.waitForTimeout(300);
  assert.equal(await totalOf(page), shown, 'nothing changes until the plan is in the engine');
  assert.match(await page.locator(`${EL} .ce-results .ce-status`).textContent(), /Loading the chosen plan’s figures/);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'page-plan-loading-1280.png');
  release();
  const total = await totalChange(page, shown);
  const expected = engine.estimate({ plan: 'kp-ga-fehb-2022-standard', enrollment: 'self_only', pay_schedule: 'biweekly', members: [{ id: 'you', age: 40 }], services: [] });
  assert.equal(total, expected.total_annual_cost);
  assert.match(await page.locator(`${EL} .ce-plan-name`).textContent(), /Georgia FEHB 2022 — Standard Option/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the state is in the URL: a copied link shows the same estimate, and the print view is one page', async () => {
  const page = await openPage(browser, '');
  const before = await totalOf(page);
  await page.locator(EL).getByRole('button', { name: 'A family with a child' }).click();
  const total = await totalChange(page, before);
  // Below the $30 copay, the price is what you pay (the lesser-of rule): the total moves.
  await (await field(page, 'price:primary_care_visit')).fill('20');
  const edited = await totalChange(page, total);
  await page.waitForFunction(() => location.hash.includes('price-primary_care_visit=20'));
  const link = page.url();
  assert.match(link, /#.*plan=kp-co-fehb-2022-standard.*&p=you\*38&p=person-2\*7/);

  const again = await openPage(browser, link.replace(browser.url, ''));
  assert.equal(await totalOf(again), edited);
  assert.equal(await (await field(again, 'count:person-2:primary_care_visit')).inputValue(), '3');
  assert.equal(await (await field(again, 'price:primary_care_visit')).inputValue(), '20');
  assert.equal(await again.locator(`${EL} .ce-badge.is-own`).count(), 1, 'a changed price says it is yours');

  // Print: the inputs give way to a summary that fits one page.
  await again.emulateMedia({ media: 'print' });
  assert.equal(await again.locator(`${EL} .ce-inputs`).evaluate((el) => getComputedStyle(el).display), 'none');
  assert.notEqual(await again.locator(`${EL} .ce-results table`).evaluate((el) => getComputedStyle(el).display), 'none');
  await screenshot(again, 'print-view.png');
  const pdf = await again.pdf({ format: 'Letter', printBackground: true });
  writeFileSync(join(RESULTS, 'print-view.pdf'), pdf);
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
  assert.equal(pages, 1, `the print view is ${pages} pages`);
  await again.emulateMedia({ media: 'screen' });
  assert.deepEqual([...page.problems, ...again.problems], []);
  assert.deepEqual(await axeViolations(again), []);
  await page.close();
  await again.close();
});

test('language switch: Spanish words and reasons, the document’s quotes kept in English', async () => {
  const page = await openPage(browser, '');
  const before = await totalOf(page);
  await (await field(page, 'preset:you')).selectOption('hospital_stay');
  const total = await totalChange(page, before);
  assert.match(await page.locator(`${EL} .ce-preset .ce-hint`).first().textContent(), /three-day admission.*Illustrative counts/);
  await page.getByRole('button', { name: 'Español' }).click();
  await page.locator(`${EL} .ce[lang="es"]`).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  assert.match(page.url(), /lang=es/);
  assert.equal(await page.locator(`${EL} .ce-results h2`).first().textContent(), 'Su estimación');
  assert.equal(await totalOf(page), total, 'the same figures');
  const text = await shadowText(page);
  assert.match(text, /Usted paga los primeros \$\d+\.\d\d para su deducible/);
  assert.match(text, /Consulta con un especialista/, 'service labels translated');
  for (const english of ['You pay', 'the plan pays', 'Total for the year', 'Each person']) {
    assert.ok(!text.includes(english), `English "${english}" on the Spanish page`);
  }
  await page.locator(`${EL} .ce-worked > summary`).click();
  const quotes = await page.locator(`${EL} .ce-worked q`).evaluateAll((qs) => qs.map((q) => q.lang));
  assert.ok(quotes.length > 0 && quotes.every((lang) => lang === 'en'), 'quotes from the document are marked English');
  assert.deepEqual(await axeViolations(page), []);
  await noJunk(page);
  await screenshot(page, 'page-es-1280.png');

  // A reload keeps the language and the care; at a phone's width too.
  const phone = await openPage(browser, page.url().replace(browser.url, ''), { width: 360 });
  assert.equal(await phone.locator('html').getAttribute('lang'), 'es');
  assert.equal(await totalOf(phone), total);
  assert.ok((await pageWidth(phone)) <= 360, 'no sideways scrolling at 360px');
  assert.deepEqual(await axeViolations(phone), []);
  await screenshot(phone, 'page-es-360.png');
  await phone.getByRole('button', { name: 'English' }).click();
  await phone.locator(`${EL} .ce[lang="en"]`).waitFor();
  assert.deepEqual([...page.problems, ...phone.problems], []);
  await page.close();
  await phone.close();
});

test('at 360px: no horizontal overflow, no axe violations', async () => {
  const page = await openPage(browser, '', { width: 360 });
  const before = await totalOf(page);
  await page.locator(EL).getByRole('button', { name: 'A family with a child' }).click();
  await totalChange(page, before);
  assert.ok((await pageWidth(page)) <= 360, `the page is ${await pageWidth(page)}px wide at a 360px viewport`);
  const results = await page.locator(`${EL} .ce-results`).boundingBox();
  assert.ok(results.x >= 0 && results.x + results.width <= 360, 'the results fit the screen');
  assert.deepEqual(await axeViolations(page), [], 'axe-core violations at 360px');
  await screenshot(page, 'page-360.png');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('bad input: a plain-words message at the field, the last result kept and marked stale', async () => {
  for (const width of [360, 1280]) {
    const page = await openPage(browser, '', { width });
    const premiumOnly = await totalOf(page);
    await setCount(page, 'you', 'primary_care_visit', 2);
    const good = await totalChange(page, premiumOnly);
    const state = () => page.locator(`${EL} .ce-results`).getAttribute('data-state');

    // A negative count.
    await setCount(page, 'you', 'primary_care_visit', -1);
    await page.locator(`${EL} .ce-results[data-state="stale"]`).waitFor();
    assert.equal(await fieldMessage(page, 'count:you:primary_care_visit'), 'Enter a whole number from 0 to 1,000.');
    assert.equal(await (await field(page, 'count:you:primary_care_visit')).getAttribute('aria-invalid'), 'true');
    assert.equal(await totalOf(page), good, 'the last good total stays');
    assert.match(await page.locator(`${EL} .ce-results .ce-notice`).textContent(), /out of date/);
    await setCount(page, 'you', 'primary_care_visit', 2);
    await page.locator(`${EL} .ce-results[data-state="ok"]`).waitFor();
    assert.equal(await fieldMessage(page, 'count:you:primary_care_visit'), null);

    // Text in a price.
    await (await field(page, 'price:primary_care_visit')).fill('about 150');
    await page.locator(`${EL} .ce-results[data-state="stale"]`).waitFor();
    assert.equal(await fieldMessage(page, 'price:primary_care_visit'), 'Enter an amount in dollars, such as 120.00.');
    await (await field(page, 'price:primary_care_visit')).fill('-5');
    await page.waitForFunction(() =>
      document.querySelector('cost-estimator').shadowRoot.textContent.includes('An amount cannot be negative.'),
    );
    await (await field(page, 'price:primary_care_visit')).fill('$12.50');
    await page.locator(`${EL} .ce-results[data-state="ok"]`).waitFor();
    assert.notEqual(await totalOf(page), good, 'the price the user typed is used (below the copay)');

    // An absurd age.
    await (await field(page, 'age:you')).fill('400');
    await page.locator(`${EL} .ce-results[data-state="stale"]`).waitFor();
    assert.equal(await fieldMessage(page, 'age:you'), 'Enter an age in whole years, from 0 to 120.');
    // Screen readers hear it too (a polite live region), not only those who see the field.
    await page.waitForFunction(() =>
      document.querySelector('cost-estimator').shadowRoot.querySelector('[aria-live]').textContent.includes('Enter an age in whole years'),
    );
    const text = await shadowText(page);
    assert.doesNotMatch(text, /NaN|undefined|\[object/);
    assert.deepEqual(await axeViolations(page), []);
    if (width === 360) await screenshot(page, `error-${width}.png`);
    else await page.screenshot({ path: join(RESULTS, `error-${width}.png`) });
    await (await field(page, 'age:you')).fill('40');
    await page.locator(`${EL} .ce-results[data-state="ok"]`).waitFor();
    assert.equal(await state(), 'ok');
    assert.equal(await page.locator(`${EL} .ce-err`).count(), 0, 'no messages left');
    assert.deepEqual(page.problems, [], 'no console errors: the messages are on the page');
    await page.close();
  }
});

test('an unexpected engine failure shows a failed state, and the next change works', async () => {
  const page = await openPage(browser, '');
  const premiumOnly = await totalOf(page);
  await setCount(page, 'you', 'specialist_visit', 1);
  const good = await totalChange(page, premiumOnly);
  // Break the loaded engine instance for good, as a trap in the .wasm would.
  await page.evaluate(async () => {
    const glue = await import(new URL('pkg/costshare.js', document.baseURI).href);
    glue.Engine.prototype.estimate = () => {
      throw new WebAssembly.RuntimeError('unreachable');
    };
  });
  await setCount(page, 'you', 'specialist_visit', 2);
  await page.locator(`${EL} .ce-results[data-state="failed"]`).waitFor();
  assert.match(await page.locator(`${EL} [data-failed]`).textContent(), /Something went wrong/);
  assert.equal(await totalOf(page), good, 'the last good figures stay, marked stale');
  await page.screenshot({ path: join(RESULTS, 'failed-1280.png') });
  // The next change gets a fresh engine.
  await setCount(page, 'you', 'specialist_visit', 3);
  await page.locator(`${EL} .ce-results[data-state="ok"]`).waitFor();
  const scenario = await page.locator(EL).evaluate((el) => el.scenario);
  assert.equal(await totalOf(page), engine.estimate(scenario).total_annual_cost);
  assert.deepEqual(await page.locator(EL).evaluate((el, s) => el.estimate(s), scenario), engine.estimate(scenario));
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('after loading its own files the page makes no request: nothing is sent anywhere', async () => {
  const page = await openPage(browser, '');
  await page.waitForLoadState('networkidle');
  const loaded = page.requests.length;
  const origin = new URL(browser.url).origin;
  // Use it: a plan, people, care, a price, the language, the disclosure, the URL.
  await (await field(page, 'plan')).selectOption('kp-co-fehb-2022-high');
  await page.locator(EL).getByRole('button', { name: 'A family with a child' }).click();
  await (await field(page, 'add-person')).click();
  await (await field(page, 'age:person-3')).fill('12');
  await setCount(page, 'person-3', 'lab_test', 2);
  await (await field(page, 'price:lab_test')).fill('75.00');
  await page.getByRole('button', { name: 'Español' }).click();
  await page.locator(`${EL} .ce-worked > summary`).click();
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForTimeout(500);
  assert.deepEqual(page.requests.slice(loaded).map((r) => r.url), [], 'requests after the page loaded');
  for (const { url } of page.requests) {
    const u = new URL(url);
    assert.equal(u.origin, origin, `a request to another origin: ${url}`);
    const file = join(DIST, decodeURIComponent(u.pathname));
    const path = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
    assert.ok(existsSync(path), `a request for something that is not one of the site's files: ${url}`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the KP Plus example says its figures are samples wherever they are shown', async () => {
  const page = await openPage(browser, '');
  await (await field(page, 'plan')).selectOption('kp-plus-example-co-2022-standard');
  await page.waitForFunction(() => document.querySelector('cost-estimator').result?.plan === 'kp-plus-example-co-2022-standard');
  assert.match(await page.locator(`${EL} .ce-sample-note`).first().textContent(), /sample values/);
  assert.match(await page.locator(`${EL} .ce-scenario-line`).textContent(), /Sample figures/);
  await setCount(page, 'you', 'specialist_visit', 2);
  const oon = await field(page, 'oon:you:specialist_visit');
  assert.match(await page.locator(`${EL} label[for="${await oon.getAttribute('id')}"]`).textContent(), /sample figures/);
  await oon.check();
  await (await field(page, 'billed:you:specialist_visit')).fill('400');
  const scenario = {
    plan: 'kp-plus-example-co-2022-standard',
    enrollment: 'self_only',
    pay_schedule: 'biweekly',
    members: [{ id: 'you', age: 40 }],
    services: [{ member: 'you', service: 'specialist_visit', count: 2, network: 'out_of_network', billed: '400' }],
  };
  const expected = engine.estimate(scenario);
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel).shadowRoot.querySelector('.ce-total-amount')?.getAttribute('data-amount') === want,
    [EL, expected.total_annual_cost],
  );
  const reason = await page.locator(`${EL} .ce-results tbody tr .ce-line-reason`).first().textContent();
  assert.match(reason, /billed above the allowed price/);
  assert.match(reason, /sample figures that come from no document/);
  await page.locator(`${EL} .ce-worked > summary`).click();
  const rule = page.locator(`${EL} [data-rule="specialist_visit"]`);
  assert.equal(await rule.locator(".ce-badge.is-sample").count(), 1, await rule.textContent());
  // A price changed and put back.
  const price = await field(page, 'price:specialist_visit');
  await price.fill('300');
  await page.locator(`${EL} [data-key="reset-price:specialist_visit"]`).click();
  assert.equal(await price.inputValue(), '250.00');
  await page.waitForFunction(
    ([sel, want]) => document.querySelector(sel).shadowRoot.querySelector('.ce-total-amount')?.getAttribute('data-amount') === want,
    [EL, expected.total_annual_cost],
  );
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await noJunk(page);
  await screenshot(page, 'page-kp-plus-1280.png');
  await page.close();
});

test('the built site works from any folder of any static host', async () => {
  const root = mkdtempSync(join(tmpdir(), 'costshare-host-'));
  const { startServer } = await import('../scripts/serve.mjs');
  const host = await startServer({ root, port: 0 });
  try {
    cpSync(DIST, join(root, 'some', 'folder'), { recursive: true });
    const page = await browser.context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
    for (const path of ['some/folder/', 'some/folder/index.html', 'some/folder/embed-example.html']) {
      await page.goto(new URL(path, host.url).href);
      await page.waitForFunction(() =>
        [...document.querySelectorAll('cost-estimator')].every((el) => el.shadowRoot?.querySelector('.ce-total-amount[data-amount]')),
      );
    }
    assert.deepEqual(problems, []);
    await page.close();
  } finally {
    host.server.close();
    host.server.closeAllConnections();
    rmSync(root, { recursive: true, force: true });
  }
});

test('keyboard only: every control is reached in order, shows its focus and works', async () => {
  const page = await openPage(browser, '');
  const focused = () =>
    page.evaluate(() => {
      const inner = document.querySelector('cost-estimator').shadowRoot.activeElement;
      const el = inner ?? document.activeElement;
      const style = getComputedStyle(el);
      return { key: el.dataset?.key ?? el.tagName.toLowerCase(), text: el.textContent.trim().slice(0, 40), outline: style.outlineStyle, inside: Boolean(inner) };
    });
  const order = [];
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    order.push(f.key === 'button' || f.key === 'summary' ? `${f.key}:${f.text}` : f.key);
    if (f.inside) assert.notEqual(f.outline, 'none', `no visible focus on ${f.key}`);
  }
  assert.deepEqual(order, [
    'button:English',
    'button:Español',
    'plan',
    'enrollment',
    'pay',
    'age:you',
    'add-person',
    'example:family',
    'example:clear',
    'preset:you',
  ]);
  // Open the first group with the keyboard and type a count.
  await page.keyboard.press('Tab');
  assert.equal((await focused()).key, 'summary');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal((await focused()).key, 'count:you:preventive_visit');
  const before = await totalOf(page);
  await page.keyboard.press('Tab');
  await page.keyboard.type('3');
  assert.equal((await focused()).key, 'count:you:primary_care_visit');
  await totalChange(page, before);
  assert.equal(await page.locator(`${EL} .ce-results tbody tr`).getAttribute('data-times'), '3');
  // A quick start with the keyboard.
  await (await field(page, 'example:family')).focus();
  await page.keyboard.press('Enter');
  await page.locator(`${EL} [data-key="age:person-2"]`).waitFor();
  assert.equal((await focused()).key, 'example:family', 'focus stays on the button after the fields are rebuilt');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('errors about the enrollment or a person’s premium are shown at those fields', async () => {
  const page = await openPage(browser, '');
  await (await field(page, 'add-person')).click();
  await (await field(page, 'age:person-2')).fill('30');
  await (await field(page, 'enrollment')).selectOption('self_only');
  await page.locator(`${EL} .ce-results[data-state="stale"]`).waitFor();
  assert.equal(await fieldMessage(page, 'enrollment'), 'This enrollment type does not fit the number of people covered.');
  await (await field(page, 'plan')).selectOption('kp-ncal-fresno-2025-sa-low');
  await page.locator(`${EL} .ce-results[data-state="ok"]`).waitFor();
  await (await field(page, 'medicare:you')).selectOption('none');
  await (await field(page, 'age:you')).fill('70');
  await page.locator(`${EL} .ce-results[data-state="stale"]`).waitFor();
  assert.match(await fieldMessage(page, 'age:you'), /no premium for this person/);
  await (await field(page, 'medicare:you')).selectOption('parts_a_and_b');
  await page.locator(`${EL} .ce-results[data-state="ok"]`).waitFor();
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('a hostile shared link: bad values are shown at their fields in plain words, nothing breaks', async () => {
  const hostile = [
    'plan=kp-co-fehb-2022-standard',
    'p=you*-40',
    `p=${encodeURIComponent('<img src=x onerror=alert(1)>')}*30`,
    'p=you*41',
    's=you*primary_care_visit*abc',
    's=you*brain_transplant*2',
    's=nobody*lab_test*1',
    'price-primary_care_visit=lots',
    'price-__proto__=1',
    '%E0%A4%A',
  ].join('&');
  const page = await openPage(browser, `#${hostile}`, { wait: false });
  await page.waitForFunction((sel) => {
    const st = document.querySelector(sel)?.shadowRoot?.querySelector('.ce-results')?.getAttribute('data-state');
    return st && st !== 'loading';
  }, EL, { timeout: 20_000 });
  assert.notEqual(await page.locator(`${EL} .ce-results`).getAttribute('data-state'), 'failed');
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  assert.equal(await page.locator(`${EL} img`).count(), 0, 'markup in a link stays text');
  await noJunk(page);
  // Something says what is wrong, in words, at a field or in a notice.
  const messages = await page.locator(EL).evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('.ce-err, .ce-notice')].map((n) => n.textContent.trim()).filter(Boolean));
  assert.ok(messages.length > 0, 'the bad values are reported');
  assert.equal(dialogs, 0);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  // And the element still works once a value is fixed.
  await page.goto(new URL('./', browser.url).href);
  await waitForEstimates(page);
  await page.close();
});

test('an unknown plan id in the attributes is reported, not fatal', async () => {
  const page = await openPage(browser, '');
  await page.evaluate(() => {
    const el = document.createElement('cost-estimator');
    el.id = 'odd';
    el.setAttribute('plans', 'kp-co-fehb-2022-high no-such-plan');
    el.setAttribute('plan', 'no-such-plan');
    document.body.append(el);
  });
  await page.waitForFunction(() => document.querySelector('#odd')?.shadowRoot?.querySelector('.ce-notice'));
  const notice = await page.locator('#odd').evaluate((el) => el.shadowRoot.querySelector('.ce-notice').textContent);
  assert.match(notice, /no-such-plan/);
  assert.deepEqual(page.problems, []);
  await page.close();
});
