// The built page (dist/index.html) in Chromium, used as its visitors use it, through its
// controls: a federal family of four expecting a baby choosing between three options, a
// Medicare retiree with three drugs choosing between two, a broker handing a client the
// comparison; the keyboard alone; Spanish; a phone's width; bad input; an engine failure; the
// Content-Security-Policy; no request beyond the page's own files. Every state runs axe-core;
// screenshots go to test-results/. Every figure checked is the engine's. Run `npm run build` first.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CONTENT_SECURITY_POLICY, META_POLICY } from '../scripts/csp.mjs';
import { EL, addDrug, addPerson, answer, field, fieldMessage, noJunk, onFirstScreen, preset, scenarioOf, setAge, setCount, settled } from './browser-flows.mjs';
import { RESULTS, axeViolations, openPage, pageWidth, screenshot, shadowText, startBrowser, waitForEstimates } from './browser-support.mjs';
import { DIST, loadWasm, loadedEngine } from './support.mjs';

const engine = loadedEngine(await loadWasm());
const COLORADO = ['kp-co-fehb-2022-high', 'kp-co-fehb-2022-standard', 'kp-co-fehb-2022-prosper'];

let browser;
before(async () => {
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
});

/** The engine's own answer for the element's current scenario: the estimate and the ranking. */
async function engineAnswer(page, plans) {
  const scenario = await scenarioOf(page);
  const ids = plans ?? engine.optionsFor(scenario.plan, null);
  return { scenario, estimate: engine.estimate(scenario), comparison: engine.compare(scenario, ids) };
}

/** The answer on the page equals the engine's, option by option. */
async function sameAsEngine(page, plans) {
  await settled(page);
  const shown = await answer(page);
  const { estimate, comparison } = await engineAnswer(page, plans);
  assert.equal(shown.total, estimate.total_annual_cost, 'the total is the engine’s');
  // A plan with no sibling option shows no ranking.
  const ranked = comparison.options.length > 1 ? comparison.options : [];
  assert.deepEqual(
    shown.options.map((o) => [o.plan, o.total, o.worst]),
    ranked.map((o) => [o.plan, o.estimate.total_annual_cost, o.worst_case.total]),
    'every option, in the engine’s order, with its total and worst case',
  );
  return { shown, comparison };
}

/** axe-core finds nothing on the page as it is now. */
async function accessible(page, what) {
  assert.deepEqual(await axeViolations(page), [], `axe-core violations: ${what}`);
}

test('the page opens under its own Content-Security-Policy, header and <meta>, with the engine in a Web Worker', async () => {
  const page = await openPage(browser, '');
  const response = await page.request.get(browser.url);
  assert.equal(response.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${META_POLICY}">`), 'dist/index.html carries the policy itself');
  assert.match(META_POLICY, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.ok(page.workers().some((w) => w.url().endsWith('/engine-worker.js')), 'the engine runs in a worker');
  await sameAsEngine(page);
  await noJunk(page);
  await accessible(page, 'the opening page');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a Colorado federal family of four expecting a baby: the options ranked beside the total, on the first screen', async () => {
  for (const width of [1280, 390]) {
    const page = await openPage(browser, '', { width, height: width === 1280 ? 800 : 844 });
    await setAge(page, 'you', 38);
    const spouse = await addPerson(page, 'spouse', 36);
    const first = await addPerson(page, 'child', 6);
    const second = await addPerson(page, 'child', 3);
    assert.deepEqual([spouse, first, second], ['spouse', 'child-1', 'child-2']);
    // No red error while the family was being entered (the enrollment follows the people).
    assert.equal(await page.locator(`${EL} .ce-err`).count(), 0);
    await preset(page, 'you', 'medium');
    await preset(page, 'spouse', 'having_a_baby');
    await preset(page, 'child-1', 'low');
    await preset(page, 'child-2', 'low');
    const { shown, comparison } = await sameAsEngine(page, COLORADO);
    assert.equal(comparison.options.length, 3);
    assert.equal((await scenarioOf(page)).enrollment, undefined, 'the engine picks the type four people need');
    assert.match(await page.locator(`${EL} [data-enrollment-hint]`).textContent(), /4 people/);
    const result = engine.estimate(await scenarioOf(page));
    assert.equal(result.enrollment, 'self_and_family');
    // The prenatal visits cost nothing, as the brochure says.
    assert.ok(result.lines.filter((l) => l.service === 'prenatal_visit').every((l) => l.member_pays === '0.00'));

    await page.evaluate(() => window.scrollTo(0, 0));
    for (const o of shown.options) {
      const total = page.locator(`${EL} .ce-option[data-plan="${o.plan}"] .ce-option-total`);
      if (width === 1280) assert.ok(await onFirstScreen(page, total), `${o.plan}'s total is on the first screen at 1280×800`);
    }
    if (width === 390) {
      // On a phone the ranking comes under the total, with only the answer's actions (print,
      // copy) between them.
      const gap = await page.evaluate((sel) => {
        const root = document.querySelector(sel).shadowRoot;
        const actions = root.querySelector('.ce-answer [data-actions]').getBoundingClientRect();
        return root.querySelector('.ce-options').getBoundingClientRect().top - root.querySelector('.ce-total').getBoundingClientRect().bottom - actions.height;
      }, EL);
      assert.ok(gap >= 0 && gap < 40, `the ranking is ${gap}px under the total and the actions`);
      assert.ok((await pageWidth(page)) <= 390, 'no sideways scrolling');
    }
    await accessible(page, `the family's answer at ${width}px`);
    await screenshot(page, `family-${width}.png`);

    // Choosing the cheapest from the ranking switches to it; the household stays.
    const cheapest = comparison.cheapest;
    if (cheapest !== 'kp-co-fehb-2022-standard') {
      await page.locator(`${EL} [data-choose="${cheapest}"]`).click();
      await page.waitForFunction(([sel, plan]) => document.querySelector(sel).shadowRoot.querySelector(`.ce-option.is-chosen[data-plan="${plan}"]`), [EL, cheapest]);
      await sameAsEngine(page, COLORADO);
      assert.equal((await scenarioOf(page)).members.length, 4);
    }
    // The chart of the amount of care: the engine's curves, the crossings said in words.
    await page.locator(`${EL} [data-panel="chart"] > summary`).click();
    await page.locator(`${EL} .ce-layout .ce-chart`).waitFor();
    const curves = engine.costCurves(await scenarioOf(page), engine.optionsFor('kp-co-fehb-2022-standard', null));
    const drawn = await page.locator(`${EL} .ce-layout .ce-curve[data-plan]`).evaluateAll((lines) => lines.map((l) => l.dataset.plan));
    assert.deepEqual(drawn, curves.curves.map((c) => c.plan));
    // Nothing of the chart is clipped: every label sits inside the drawing.
    const clipped = await page.locator(`${EL} .ce-layout .ce-chart`).evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('text')].filter((t) => {
        const r = t.getBoundingClientRect();
        return r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
      }).map((t) => t.textContent);
    });
    assert.deepEqual(clipped, [], `clipped chart labels at ${width}px`);
    await accessible(page, `the chart at ${width}px`);
    await screenshot(page, `family-chart-${width}.png`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('the family’s flow with the keyboard alone takes at most 60 key presses', async () => {
  const page = await openPage(browser, '');
  let presses = 0;
  const press = async (key, times = 1) => {
    for (let i = 0; i < times; i++) {
      await page.keyboard.press(key);
      presses += 1;
      await page.waitForTimeout(30);
    }
  };
  const type = async (text) => {
    for (const ch of text) await press(ch);
  };
  const focused = () => page.evaluate((sel) => {
    const a = document.activeElement;
    const inner = a?.shadowRoot?.activeElement ?? a;
    return inner?.dataset?.key ?? inner?.dataset?.add ?? inner?.dataset?.choose ?? inner?.textContent?.trim().slice(0, 30) ?? null;
  }, EL);
  // "Start from a typical year": Enter opens the list (its first year takes the focus), Tab
  // to the year wanted, Enter applies it (the arrow keys apply nothing on the way).
  const year = async (nth) => {
    await press('Enter');
    await press('Tab', nth - 1);
    await press('Enter');
  };
  const tabTo = async (want, max = 20) => {
    for (let i = 0; i < max; i++) {
      await press('Tab');
      if ((await focused()) === want) return;
    }
    assert.fail(`Tab never reached ${want} (at ${await focused()})`);
  };
  await tabTo('age:you');
  await type('38');
  await tabTo('preset:you');
  await year(2); // Medium use
  await tabTo('spouse');
  await press('Enter');
  assert.equal(await focused(), 'age:spouse');
  await type('36');
  await tabTo('preset:spouse');
  await year(5); // Having a baby
  await tabTo('child');
  await press('Enter');
  assert.equal(await focused(), 'age:child-1');
  await type('6');
  await tabTo('preset:child-1');
  await year(1); // Low use
  await tabTo('child');
  await press('Enter');
  await type('3');
  await tabTo('preset:child-2');
  await year(1);
  await tabTo('Back to the answer');
  await press('Enter');
  await settled(page);
  const { comparison } = await engineAnswer(page, COLORADO);
  const shown = await scenarioOf(page);
  assert.deepEqual(shown.members.map((m) => m.age), [38, 36, 6, 3]);
  if (comparison.cheapest !== shown.plan) {
    await tabTo(comparison.cheapest);
    await press('Enter');
    await page.waitForFunction(([sel, plan]) => document.querySelector(sel).shadowRoot.querySelector(`.ce-option.is-chosen[data-plan="${plan}"]`), [EL, comparison.cheapest]);
  }
  await sameAsEngine(page, COLORADO);
  assert.ok(presses <= 60, `the family's flow took ${presses} key presses`);
  console.log(`# keyboard: the family's flow took ${presses} key presses`);
  await accessible(page, 'after the keyboard flow');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a 70-year-old County of Fresno retiree with three brand drugs: drugs in plain words, the three County options ranked (Traditional prices members 65 and over with Parts A and B, 002 L1478)', async () => {
  for (const width of [1280, 390]) {
    const page = await openPage(browser, '', { width });
    await field(page, 'plan').selectOption('kp-ncal-fresno-2025-sa-high-high');
    await page.locator(`${EL} [data-key="medicare:you"]`).waitFor();
    await setAge(page, 'you', 70);
    await field(page, 'medicare:you').selectOption('parts_a_and_b');
    for (let i = 0; i < 3; i++) await addDrug(page, 'you', { service: 'rx_preferred_brand', often: 'monthly' });
    const words = await page.locator(`${EL} [data-fills]`).allTextContents();
    assert.deepEqual(words, Array(3).fill('12 fills of 30 days at a plan pharmacy'));
    const labels = await page.locator(`${EL} .ce-drug label`).allTextContents();
    assert.ok(labels.includes('What kind of drug') && labels.includes('How often'), 'every drug field is labelled visibly');
    const { comparison, shown } = await sameAsEngine(page);
    assert.deepEqual(shown.options.map((o) => o.plan).sort(), ['kp-ncal-fresno-2025-sa-high-high', 'kp-ncal-fresno-2025-sa-low', 'kp-ncal-fresno-2025-traditional']);
    const scenario = await scenarioOf(page);
    assert.equal(scenario.services.reduce((n, s) => n + s.count, 0), 36, 'three drugs taken all year are 36 fills');
    const drugs = engine.estimate(scenario).lines.filter((l) => l.service === 'rx_preferred_brand').length;
    assert.equal(drugs, 36);
    assert.equal(comparison.options.length, 3);
    await accessible(page, `the retiree at ${width}px`);
    await screenshot(page, `retiree-${width}.png`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('a broker hands a client the comparison: a link reopens the same view, and the printout names everything', async () => {
  const page = await openPage(browser, '');
  await field(page, 'plan').selectOption('kp-ga-fehb-2022-standard');
  await setAge(page, 'you', 52);
  await addPerson(page, 'spouse', 50);
  await preset(page, 'you', 'managing_diabetes');
  await setCount(page, 'spouse', 'specialist_visit', 3);
  await field(page, 'pay').selectOption('monthly');
  await page.locator(`${EL} [data-panel="chart"] > summary`).click();
  await settled(page);
  const { comparison } = await sameAsEngine(page);
  await page.waitForFunction(() => /open=[^&]*chart/.test(decodeURIComponent(location.hash)));
  const link = page.url();
  assert.match(link, /#.*plan=kp-ga-fehb-2022-standard.*&p=you\*52&p=spouse\*50/);

  const again = await openPage(browser, link.replace(browser.url, ''));
  await settled(again);
  assert.deepEqual(await answer(again), await answer(page), 'the same total and ranking');
  assert.ok(await again.locator(`${EL} [data-panel="chart"]`).evaluate((d) => d.open), 'the chart is open again');
  await again.locator(`${EL} .ce-layout .ce-chart`).waitFor();

  // The printout: who offers the plan, the program and year, the household and its care, every
  // option's totals and worst case, the assumptions, the date.
  await again.emulateMedia({ media: 'print' });
  assert.equal(await again.locator(`${EL} .ce-layout`).evaluate((e) => getComputedStyle(e).display), 'none');
  const sheet = again.locator(`${EL} .ce-print`);
  assert.notEqual(await sheet.evaluate((e) => getComputedStyle(e).display), 'none');
  const text = await sheet.textContent();
  assert.match(text, /Kaiser Foundation Health Plan of Georgia · FEHB · plan year 2022/);
  assert.match(text, new RegExp(`Made on .*${new Date().getFullYear()}`));
  assert.match(text, /You \(age 52\): .*Spouse \(age 50\): Specialist office visit × 3/s);
  for (const o of comparison.options) {
    const row = sheet.locator(`tr[data-plan="${o.plan}"]`);
    assert.ok((await row.textContent()).includes(`$${Number(o.estimate.total_annual_cost).toLocaleString('en-US', { minimumFractionDigits: 2 })}`), `${o.plan}'s total printed`);
    assert.ok((await row.textContent()).includes(`$${Number(o.worst_case.total).toLocaleString('en-US', { minimumFractionDigits: 2 })}`), `${o.plan}'s worst case printed`);
  }
  assert.match(text, /Assumptions/);
  await again.screenshot({ path: join(RESULTS, 'print-view.png'), fullPage: true });
  for (const format of ['Letter', 'A4']) {
    const pdf = await again.pdf({ format, printBackground: true });
    writeFileSync(join(RESULTS, `print-view-${format}.pdf`), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
    assert.ok(pages >= 1 && pages <= 3, `${format}: the comparison prints on ${pages} pages`);
  }
  await again.emulateMedia({ media: 'screen' });
  await accessible(again, 'the reopened link');
  assert.deepEqual([...page.problems, ...again.problems], []);
  await page.close();
  await again.close();
});

test('who pays the premium: the whole premium, the share paid toward it and the visitor’s, in English and Spanish; a contribution typed in; the tax saved', async () => {
  const page = await openPage(browser, '');
  await settled(page);
  const share = page.locator(`${EL} [data-premium-share]`);
  const money = (s) => `$${Number(s).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;
  // FEHB: the rate table's Gov't share is the contribution (seed 001, the premium table).
  let result = engine.estimate(await scenarioOf(page));
  assert.equal(result.contribution, 'government_share');
  assert.equal((await share.textContent()).trim(), `The whole premium is ${money(result.premium_gross_annual)} a year: the government pays ${money(result.contribution_annual)}, you pay ${money(result.premium_annual)}.`);
  assert.equal(await page.locator(`${EL} [data-figure="premium"]`).getAttribute('data-amount'), result.premium_annual);

  // The visitor's own employer contribution replaces it, and the tax rate shows premium conversion.
  await page.locator(`${EL} [data-panel="premium"] > summary`).click();
  await field(page, 'contribution-kind').selectOption('percent');
  await field(page, 'contribution').fill('80');
  await field(page, 'taxRate').fill('22');
  await settled(page);
  const scenario = await scenarioOf(page);
  assert.deepEqual(scenario.employer_contribution, { percent: '80' });
  assert.equal(scenario.marginal_tax_rate, '22');
  result = engine.estimate(scenario);
  assert.equal(result.contribution, 'percent');
  const text = (await share.textContent()).replace(/\s+/g, ' ').trim();
  assert.ok(text.startsWith(`The whole premium is ${money(result.premium_gross_annual)} a year: your employer or group pays ${money(result.contribution_annual)}, you pay ${money(result.premium_annual)}.`), text);
  assert.ok(text.includes(`About ${money(result.premium_after_tax_annual)} after the tax premium conversion saves.`), text);
  await page.waitForFunction(() => /ec=percent\*80/.test(location.hash)); // the shared link carries it

  // In Spanish, the same figures in Spanish words.
  await page.getByRole('button', { name: 'Español' }).click();
  await page.locator(`${EL} .ce[lang="es"]`).waitFor();
  const es = (await share.textContent()).replace(/\s+/g, ' ').trim();
  assert.match(es, /^La prima completa es de .* al año: su empleador o grupo paga .* y usted paga .*\./);
  await accessible(page, 'the premium share in Spanish');
  await page.getByRole('button', { name: 'English' }).click();

  // A County of Fresno premium: the group's whole premium, said plainly to be before any contribution.
  await field(page, 'plan').selectOption('kp-ncal-fresno-2025-traditional');
  await field(page, 'contribution').fill('');
  await settled(page);
  result = engine.estimate(await scenarioOf(page));
  assert.ok(result.assumptions.some((a) => a.code === 'premium_before_contribution'));
  assert.equal((await share.textContent()).trim(), `This is the whole premium, ${money(result.premium_gross_annual)} a year, before any contribution from an employer or group: yours may be less.`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a Medicare Advantage plan asks each person’s Medicare status, refuses a member without Part B at the field, and says why an age under 65 is unlikely', async () => {
  const page = await openPage(browser, '');
  await field(page, 'plan').selectOption('kp-ncal-fresno-2025-sa-low');
  await page.locator(`${EL} [data-key="medicare:you"]`).waitFor();
  // Under 65 with the status not given: priced as the engine assumes, and said to be unlikely.
  await setAge(page, 'you', 40);
  await settled(page);
  assert.match(await page.locator(`${EL} [data-medicare-warning="you"]`).textContent(), /You are 40: members of this Medicare Advantage plan must have Medicare Part B, which before 65 comes only with a disability or kidney failure/);
  const result = engine.estimate(await scenarioOf(page));
  assert.ok(result.assumptions.some((a) => a.code === 'medicare_assumed' && a.member === 'you'));
  // Without Part B: refused at the person's Medicare field, in words.
  await field(page, 'medicare:you').selectOption('part_a_only');
  await page.locator(`${EL} .ce-answer[data-state="stale"]`).waitFor();
  assert.equal(await fieldMessage(page, 'medicare:you'), 'This is a Medicare Advantage plan: each member must have Medicare Part B.');
  await accessible(page, 'a member without Part B');
  await setAge(page, 'you', 70);
  await field(page, 'medicare:you').selectOption('parts_a_and_b');
  await settled(page);
  assert.equal(await page.locator(`${EL} [data-medicare-warning]`).count(), 0, 'no warning at 70 with Parts A and B');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('Spanish: the words, the reasons and the field errors follow the language; quotes stay English', async () => {
  const page = await openPage(browser, '');
  await setAge(page, 'you', 200);
  await page.locator(`${EL} .ce-answer[data-state="stale"]`).waitFor();
  assert.equal(await fieldMessage(page, 'age:you'), 'Enter an age in whole years, from 0 to 120.');
  await page.getByRole('button', { name: 'Español' }).click();
  await page.locator(`${EL} .ce[lang="es"]`).waitFor();
  // The error is in the state, so the new language says it at the same field.
  assert.equal(await fieldMessage(page, 'age:you'), 'Escriba una edad en años cumplidos, de 0 a 120.');
  assert.equal(await field(page, 'age:you').getAttribute('aria-invalid'), 'true');
  await setAge(page, 'you', 60);
  await preset(page, 'you', 'hospital_stay');
  await settled(page);
  assert.equal(await page.locator('html').getAttribute('lang'), 'es');
  assert.match(page.url(), /lang=es/);
  await page.locator(`${EL} [data-panel="details"] > summary`).click();
  await page.locator(`${EL} [data-panel="sources"] > summary`).click();
  // The panel is drawn when opened (as tests/widget.test.mjs waits for it): its quotes then.
  await page.locator(`${EL} [data-panel="sources"] .ce-sources`).first().waitFor();
  const text = await shadowText(page);
  assert.match(text, /Usted paga los primeros \$\d[\d,]*\.\d\d para su deducible/);
  assert.match(text, /Hospitalización \(por ingreso\)/, 'service names from the vocabulary, in Spanish');
  for (const english of ['You pay', 'the plan pays', 'Total for the year', 'Each person', 'Your options']) {
    assert.ok(!text.includes(english), `English "${english}" on the Spanish page`);
  }
  const quotes = await page.locator(`${EL} q`).evaluateAll((qs) => qs.map((q) => q.lang));
  assert.ok(quotes.length > 0 && quotes.every((lang) => lang === 'en'), 'the document’s words are marked English');
  // And said so, in Spanish, where a visitor reads them: the plan's rules are its documents' English.
  assert.equal((await page.locator(`${EL} [data-plan-words-english]`).textContent()).trim(), 'Las reglas del plan se citan en inglés, tal como las dicen los documentos del plan.');
  // Citations read as words: the PDF's lost spaces restored for display.
  const cites = await page.locator(`${EL} .ce-cite q`).allTextContents();
  assert.ok(cites.every((q) => !/[a-z]\$\d|\d\$\d/.test(q)), `unreadable citations: ${cites.filter((q) => /[a-z]\$\d|\d\$\d/.test(q))}`);
  // The option names too (the plan files' `es`), in the picker, the total and the ranking.
  const options = await field(page, 'plan').locator('option').allTextContents();
  assert.ok(options.includes('Opción Estándar') && options.includes('Opción Alta'), `options in Spanish: ${options.join(', ')}`);
  assert.ok(!options.includes('Standard Option'), 'no English option name in the picker');
  const answerText = await page.locator(`${EL} .ce-answer`).textContent();
  assert.ok(answerText.includes('Opción Estándar') && !/Standard Option|High Option/.test(answerText), `option names in the answer: ${answerText.slice(0, 300)}`);
  await noJunk(page);
  await accessible(page, 'Spanish');
  await screenshot(page, 'page-es-1280.png');
  // A citation opens the document page in Spanish; the document's lines stay English.
  const href = await page.locator(`${EL} .ce-cite a`).first().getAttribute('href');
  assert.match(href, /[?&]lang=es/);
  const doc = await browser.context.newPage();
  await doc.goto(href);
  await doc.locator('li.cited').waitFor();
  assert.equal(await doc.locator('html').getAttribute('lang'), 'es');
  assert.match(await doc.locator('#status').textContent(), /^Línea \d+ de \d+, con hasta 2 líneas antes y después\.$/);
  assert.match(await doc.locator('#about').textContent(), /El documento está en inglés/);
  assert.equal(await doc.locator('ol.lines').first().getAttribute('lang'), 'en');
  assert.equal(await doc.getByRole('button', { name: 'Mostrar todos los pasajes citados' }).count(), 1);
  assert.deepEqual(await axeViolations(doc), [], 'axe on the Spanish document page');
  await doc.close();
  const phone = await openPage(browser, page.url().replace(browser.url, ''), { width: 360 });
  assert.equal(await phone.locator('html').getAttribute('lang'), 'es');
  assert.equal((await answer(phone)).total, (await answer(page)).total);
  assert.ok((await pageWidth(phone)) <= 360, 'no sideways scrolling at 360px');
  await accessible(phone, 'Spanish at 360px');
  await screenshot(phone, 'page-es-360.png');
  assert.deepEqual([...page.problems, ...phone.problems], []);
  await page.close();
  await phone.close();
});

test('bad input: a plain-words message at the field, the last figures kept and marked stale, and heard', async () => {
  for (const width of [360, 1280]) {
    const page = await openPage(browser, '', { width });
    await setCount(page, 'you', 'primary_care_visit', 2);
    await settled(page);
    const good = (await answer(page)).total;

    await setCount(page, 'you', 'primary_care_visit', -1);
    await page.locator(`${EL} .ce-answer[data-state="stale"]`).waitFor();
    assert.equal(await fieldMessage(page, 'count:you:primary_care_visit'), 'Enter a whole number of times, such as 3.');
    assert.equal((await answer(page)).total, good, 'the last good total stays');
    await setCount(page, 'you', 'primary_care_visit', 2);
    await settled(page);

    await page.locator(`${EL} [data-panel="prices"] > summary`).click();
    await field(page, 'price:primary_care_visit').fill('about 150');
    await page.locator(`${EL} .ce-answer[data-state="stale"]`).waitFor();
    assert.equal(await fieldMessage(page, 'price:primary_care_visit'), 'Enter an amount in dollars, such as 120.00.');
    await field(page, 'price:primary_care_visit').fill('-5');
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.textContent.includes('An amount cannot be negative.'), EL);
    await field(page, 'price:primary_care_visit').fill('$12.50');
    await settled(page);
    assert.notEqual((await answer(page)).total, good, 'the price typed is used (below the copay)');
    await sameAsEngine(page);

    await setAge(page, 'you', 400);
    await page.locator(`${EL} .ce-answer[data-state="stale"]`).waitFor();
    assert.equal(await fieldMessage(page, 'age:you'), 'Enter an age in whole years, from 0 to 120.');
    await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('[data-live]').textContent.includes('Enter an age in whole years'), EL);
    await noJunk(page);
    await accessible(page, `an error at ${width}px`);
    await screenshot(page, `error-${width}.png`);
    await setAge(page, 'you', 40);
    await settled(page);
    assert.equal(await page.locator(`${EL} .ce-err`).count(), 0, 'no messages left');
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('people before paperwork: an empty age waits until left; a chosen enrollment that does not fit yet is never an error', async () => {
  const page = await openPage(browser, '');
  await field(page, 'enrollment').selectOption('self_and_family');
  await page.waitForFunction((sel) => /needs more people/.test(document.querySelector(sel).shadowRoot.querySelector('[data-enrollment-hint]')?.textContent), EL);
  assert.equal(await page.locator(`${EL} .ce-err`).count(), 0, 'no error for a choice made before the people');
  await settled(page);
  await page.locator(`${EL} [data-add="spouse"]`).click();
  assert.equal(await page.locator(`${EL} .ce-err`).count(), 0, 'a new person’s empty age is not an error yet');
  await page.keyboard.press('Tab'); // leave the empty age
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.ce-err'), EL);
  assert.equal(await fieldMessage(page, 'age:spouse'), 'Enter an age.');
  await field(page, 'age:spouse').fill('41');
  await settled(page);
  assert.equal((await scenarioOf(page)).enrollment, 'self_and_family', 'the choice applies once it fits');
  assert.equal(engine.estimate(await scenarioOf(page)).enrollment, 'self_and_family');
  // A quick start replaces the household only after a clear choice, and one step undoes it.
  await page.locator(`${EL} [data-example="family"]`).click();
  await page.locator(`${EL} [data-confirm="cancel"]`).click();
  assert.deepEqual((await scenarioOf(page)).members.map((m) => m.age), [40, 41]);
  await page.locator(`${EL} [data-example="family"]`).click();
  await page.locator(`${EL} [data-confirm="replace"]`).click();
  await settled(page);
  assert.deepEqual((await scenarioOf(page)).members.map((m) => m.age), [38, 7]);
  await page.locator(`${EL} [data-notice] button`).click();
  await settled(page);
  assert.deepEqual((await scenarioOf(page)).members.map((m) => m.age), [40, 41]);
  await accessible(page, 'after undo');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('an unexpected engine failure shows a failed state, and the next change works with a fresh engine', async () => {
  const page = await openPage(browser, '');
  await setCount(page, 'you', 'specialist_visit', 1);
  await settled(page);
  const good = (await answer(page)).total;
  const worker = page.workers().find((w) => w.url().endsWith('/engine-worker.js'));
  await worker.evaluate(async () => {
    const glue = await import(new URL('pkg/costshare.js', self.location.href).href);
    glue.Engine.prototype.estimate = () => {
      throw new WebAssembly.RuntimeError('unreachable');
    };
  });
  await setCount(page, 'you', 'specialist_visit', 2);
  await page.locator(`${EL} .ce-answer[data-state="failed"]`).waitFor();
  assert.match(await page.locator(`${EL} [data-failed]`).textContent(), /Something went wrong/);
  assert.equal((await answer(page)).total, good, 'the last good figures stay');
  await accessible(page, 'the failed state');
  await page.screenshot({ path: join(RESULTS, 'failed-1280.png') });
  await setCount(page, 'you', 'specialist_visit', 3);
  await settled(page);
  await sameAsEngine(page);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('an engine that cannot start: the page says the estimator could not load, and nothing throws', async () => {
  const page = await openPage(browser, '', { wait: false });
  // The form is drawn while the engine starts, and calls are sent behind its start: a module
  // that does not compile must still end in the load failure, not a form that waits forever.
  await page.route('**/pkg/costshare_bg.wasm', (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: Buffer.from('not a module') }));
  await page.reload();
  page.problems.length = 0;
  await page.locator(`${EL} [role="alert"]`).waitFor();
  assert.match(await page.locator(`${EL} [role="alert"]`).textContent(), /The estimator could not load/);
  const ready = await page.locator(EL).evaluate((el) => el.ready.then(() => 'resolved', (e) => `rejected: ${e?.code ?? e?.name}`));
  assert.match(ready, /^rejected/);
  await accessible(page, 'an engine that cannot start');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('after loading its own files the page makes no request: nothing is sent anywhere', async () => {
  const page = await openPage(browser, '');
  await settled(page);
  await page.waitForTimeout(500);
  const own = new URL(browser.url).origin;
  assert.deepEqual(page.requests.filter((r) => !r.url.startsWith(own)), [], 'no request to another origin');
  const count = page.requests.length;
  await setAge(page, 'you', 55);
  await addPerson(page, 'spouse', 50);
  await preset(page, 'spouse', 'high');
  await field(page, 'plan').selectOption('kp-co-fehb-2022-high');
  await settled(page);
  await page.getByRole('button', { name: 'Español' }).click();
  await page.waitForTimeout(300);
  assert.deepEqual(page.requests.slice(count).map((r) => r.url), [], 'requests after loading');
  assert.equal(page.contentTypes.get('/pkg/costshare_bg.wasm'), 'application/wasm');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the first estimate waits for the chosen plan’s document only; a plan whose file is on its way is priced once it arrives', async () => {
  const page = await openPage(browser, '', { wait: false });
  let release;
  const held = new Promise((resolve) => (release = resolve));
  // The plans of one document travel in one file (scripts/build-site.mjs).
  await page.route('**/data/plans/kaiser-permanente-georgia-fehb-2022-brochure.json', async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  page.problems.length = 0;
  await page.waitForFunction(() => performance.getEntriesByName('cost-estimator:first-estimate').length);
  const fetched = await page.evaluate(() => {
    const first = performance.getEntriesByName('cost-estimator:first-estimate')[0].startTime;
    return [...new Set(performance.getEntriesByType('resource').filter((e) => e.name.includes('/data/plans/') && e.startTime < first).map((e) => e.name.split('/').pop()))];
  });
  assert.deepEqual(fetched, ['kaiser-permanente-colorado-fehb-2022-brochure.json'], 'plan files fetched before the first estimate');
  // The first estimate may be the page's early start's, told over the HTML's view (its controls
  // do nothing): the element's own view before the form is used.
  await waitForEstimates(page);
  const shown = (await answer(page)).total;
  await field(page, 'plan').selectOption('kp-ga-fehb-2022-standard');
  await page.waitForTimeout(300);
  assert.equal((await answer(page)).total, shown, 'nothing changes until the plan is in the engine');
  assert.match(await page.locator(`${EL} .ce-answer .ce-status`).textContent(), /Loading the chosen plan’s figures/);
  await accessible(page, 'a plan loading');
  release();
  await page.waitForFunction(([sel, old]) => document.querySelector(sel).shadowRoot.querySelector('.ce-total-amount')?.dataset.amount !== old, [EL, shown]);
  await sameAsEngine(page);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the KP Plus example says its figures are samples wherever they are shown', async () => {
  const page = await openPage(browser, '');
  await field(page, 'plan').selectOption('kp-plus-example-co-2022-standard');
  await setCount(page, 'you', 'specialist_visit', 1);
  await settled(page);
  const use = await page.locator(`${EL} [data-row="you:specialist_visit"]`);
  await use.locator('input[type="checkbox"]').check();
  await use.locator('[data-key^="billed:"]').fill('400.00');
  await settled(page);
  await sameAsEngine(page);
  const text = await shadowText(page);
  assert.match(text, /Sample figures/);
  await page.locator(`${EL} [data-panel="details"] > summary`).click();
  await page.locator(`${EL} [data-panel="details"] table`).waitFor();
  assert.match(await shadowText(page), /sample figures that come from no document/);
  const result = engine.estimate(await scenarioOf(page));
  assert.equal(Number(result.lines[0].balance_billed), 400 - Number(result.lines[0].allowed));
  assert.notEqual(result.lines[0].balance_billed, '0.00');
  await accessible(page, 'KP Plus');
  await screenshot(page, 'page-kp-plus-1280.png');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a hostile shared link: bad values at their fields in plain words, nothing breaks', async () => {
  const evil = encodeURIComponent('<img src=x onerror=alert(1)>');
  const page = await openPage(browser, `#plan=kp-co-fehb-2022-standard&p=you*abc&s=you*primary_care_visit*0x10&s=you*lab_test*%25203%2520&price-lab_test=${evil}&s=you*${evil}*1`, { wait: false });
  await page.locator(`${EL} .ce-answer`).waitFor();
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('.ce-err'), EL);
  assert.equal(await fieldMessage(page, 'age:you'), 'Enter an age in whole years, from 0 to 120.');
  assert.equal(await field(page, 'age:you').inputValue(), 'abc', 'the field shows what the link holds');
  await setAge(page, 'you', 40);
  await page.waitForFunction((sel) => document.querySelector(sel).shadowRoot.querySelector('[aria-invalid="true"][data-key="count:you:primary_care_visit"]'), EL);
  assert.equal(await field(page, 'count:you:primary_care_visit').inputValue(), '0x10');
  assert.equal(await fieldMessage(page, 'count:you:primary_care_visit'), 'Enter a whole number of times, such as 3.');
  assert.equal(await page.locator(`${EL} img`).count(), 0, 'no markup from the link');
  await accessible(page, 'a hostile link');
  assert.deepEqual(page.problems.filter((p) => !p.startsWith('dialog')), []);
  assert.ok(!page.problems.some((p) => p.startsWith('dialog')), 'no dialog');
  await page.close();
});

test('keyboard: collapsed groups are out of the tab order; every control shows its focus', async () => {
  const page = await openPage(browser, '');
  // At rest first: the element's view, its ranking in (the HTML's first view, taken over, has
  // other nodes; a click on one as it is replaced opens nothing).
  await settled(page);
  const focusables = () => page.evaluate((sel) => [...document.querySelector(sel).shadowRoot.querySelectorAll('input, select, button, summary, a[href]')].filter((e) => e.offsetParent !== null || e.tagName === 'SUMMARY').length, EL);
  const closed = await focusables();
  await page.locator(`${EL} [data-person="you"] .ce-care > summary`).click();
  // The care's groups are drawn when it opens (a render after the click): count once they are.
  await page.waitForFunction(([sel, n]) => [...document.querySelector(sel).shadowRoot.querySelectorAll('input, select, button, summary, a[href]')].filter((e) => e.offsetParent !== null || e.tagName === 'SUMMARY').length !== n, [EL, closed], { timeout: 5_000 }).catch(() => {});
  const opened = await focusables();
  assert.ok(opened > closed && opened - closed < 15, `opening the care adds ${opened - closed} stops (the groups' summaries), not every field`);
  await page.locator(`${EL} [data-person="you"] .ce-care > summary`).focus();
  await page.keyboard.press('Tab');
  const outline = await page.evaluate((sel) => {
    const a = document.querySelector(sel).shadowRoot.activeElement;
    return `${a?.dataset.group ?? a?.parentElement?.dataset.group}: ${getComputedStyle(a).outlineStyle}`;
  }, EL);
  assert.match(outline, /: solid$/, `the focused control shows its focus (${outline})`);
  await page.locator(`${EL} .ce-skip`).first().focus();
  assert.ok(await page.locator(`${EL} .ce-skip`).first().isVisible());
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate((sel) => document.querySelector(sel).shadowRoot.activeElement?.classList.contains('ce-answer'), EL), true, 'skip to the answer');
  await accessible(page, 'the keyboard test');
  await page.close();
});

test('the built site works from any folder of any static host', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'costshare-host-'));
  try {
    cpSync(DIST, join(dir, 'tools', 'estimator'), { recursive: true });
    const { startServer } = await import('../scripts/serve.mjs');
    const { server, url } = await startServer({ root: dir, port: 0 });
    try {
      const page = await browser.context.newPage();
      const problems = [];
      page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
      await page.goto(new URL('tools/estimator/', url).href);
      await page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.ce-total-amount[data-amount]'), EL, { timeout: 20_000 });
      assert.deepEqual(problems, []);
      await page.close();
    } finally {
      server.close();
      server.closeAllConnections();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.ok(existsSync(join(DIST, 'engine-worker.js')));
});

test('an unknown plan id in the attributes is reported, not fatal', async () => {
  const page = await openPage(browser, 'embed-example.html', { wait: false });
  await page.evaluate(() => {
    const el = document.createElement('cost-estimator');
    el.setAttribute('plans', 'kp-co-fehb-2022-high nope-plan');
    el.id = 'probe';
    document.body.append(el);
  });
  await page.waitForFunction(() => document.querySelector('#probe')?.shadowRoot?.querySelector('.ce-total-amount[data-amount]'), null, { timeout: 20_000 });
  assert.match(await shadowText(page, '#probe'), /not in the catalog and are left out: nope-plan/);
  await page.close();
});

test('each person’s progress: the family amounts only where they apply, never a family limit for one person', async () => {
  const page = await openPage(browser, '');
  const el = page.locator(EL);
  const people = page.locator(`${EL} details[data-panel="people"]`);
  const show = async (scenario) => {
    await el.evaluate((e, s) => {
      e.scenario = s;
    }, scenario);
    await settled(page);
    if (!(await people.evaluate((d) => d.open))) await people.locator('summary').click();
  };
  const base = { plan: 'kp-co-fehb-2022-standard', pay_schedule: 'biweekly', services: [] };
  await show({ ...base, enrollment: 'self_only', members: [{ id: 'you', age: 45 }] });
  await page.locator(`${EL} .ce-people-results`).waitFor();
  assert.equal(await page.locator(`${EL} [data-family]`).count(), 0, 'one person: no family meter');
  // Seed 001: the family deductible "$300 per family" and out-of-pocket maximum "$11,000".
  await show({ ...base, enrollment: 'self_and_family', members: [{ id: 'you', age: 45 }, { id: 'p2', age: 44 }, { id: 'p3', age: 9 }] });
  const family = page.locator(`${EL} [data-family]`);
  await family.waitFor();
  const text = await family.innerText();
  assert.ok(text.includes('of $300.00') && text.includes('of $11,000.00'), text);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});
