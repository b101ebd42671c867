// The broker kit in Chromium (issue #12), on dist/broker-example.html, an agent's own page: the
// agent's block (broker-* attributes and the broker-logo slot) on screen and on the proposal;
// "Send to my agent", whose estimate-share event fires only after the visitor confirms; the
// printed proposal (ranked options, chart, key benefits side by side with their document lines,
// assumptions, disclaimer) on Letter and A4. (<cost-census> is tested in census-page.test.mjs.)
// Every figure checked is the engine's or the plan file's. Run `npm run build` first.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { EL, addPerson, answer, setAge, setCount, settled } from './browser-flows.mjs';
import { RESULTS, axeViolations, openPage, screenshot, startBrowser } from './browser-support.mjs';
import { DIST, ROOT, buildCli } from './support.mjs';

const PAGE = 'broker-example.html';
const COLORADO = ['kp-co-fehb-2022-high', 'kp-co-fehb-2022-standard', 'kp-co-fehb-2022-prosper'];
const planFile = (id) => JSON.parse(readFileSync(join(ROOT, 'data', 'plans', `${id}.json`), 'utf8'));

let browser;
before(async () => {
  buildCli();
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
});

/** Records every estimate-share event the page sees (it crosses the shadow boundary). */
async function recordShares(page) {
  await page.evaluate(() => {
    window.shares = [];
    document.addEventListener('estimate-share', (e) => window.shares.push(JSON.parse(JSON.stringify(e.detail))));
  });
  return () => page.evaluate(() => window.shares);
}

async function family(page) {
  await setAge(page, 'you', 44);
  await addPerson(page, 'spouse', 42);
  const child = await addPerson(page, 'child', 9);
  await setCount(page, 'you', 'specialist_visit', 4);
  await setCount(page, 'spouse', 'primary_care_visit', 3);
  await setCount(page, child, 'urgent_care_visit', 2);
  await settled(page);
}

test('the agent’s block: name, licence, phone and email as links, the logo slotted, on a phone and a desktop', async () => {
  for (const width of [360, 1280]) {
    const page = await openPage(browser, PAGE, { width });
    const block = page.locator(`${EL} [data-broker]`);
    await block.waitFor();
    assert.match(await block.textContent(), /Your agent:\s*Dana Whitfield/);
    assert.equal(await block.locator('[data-broker-id]').textContent(), 'NPN 17720456');
    assert.equal(await block.locator('[data-broker-phone]').getAttribute('href'), 'tel:3035550142');
    assert.equal(await block.locator('[data-broker-email]').getAttribute('href'), 'mailto:dana@summit-benefits.example');
    const logo = await page.locator(EL).evaluate((el) => {
      const slot = el.shadowRoot.querySelector('slot[name="broker-logo"]');
      const img = slot.assignedElements()[0];
      const r = img?.getBoundingClientRect();
      return { alt: img?.getAttribute('alt'), width: r?.width, height: r?.height };
    });
    assert.equal(logo.alt, 'Summit Benefits');
    assert.ok(logo.height > 0 && logo.height <= 60, `the logo is ${logo.height}px tall`);
    assert.deepEqual(await axeViolations(page), [], `axe at ${width}px`);
    await screenshot(page, `broker-${width}.png`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('a page without an agent shows no agent’s block and no "Send to my agent"', async () => {
  const page = await openPage(browser, '');
  assert.equal(await page.locator(`${EL} [data-broker]`).count(), 0);
  assert.equal(await page.locator(`${EL} [data-share]`).count(), 0);
  await page.close();
});

test('"Send to my agent" asks first: cancelling sends nothing; confirming fires one estimate-share with the scenario and the result', async () => {
  const page = await openPage(browser, PAGE);
  const shares = await recordShares(page);
  await family(page);
  const shown = await answer(page);

  // The keyboard opens the question; nothing has been handed over yet.
  await page.locator(`${EL} [data-share="open"]`).focus();
  await page.keyboard.press('Enter');
  await page.locator(`${EL} [data-share-confirm]`).waitFor();
  assert.match(await page.locator(`${EL} [data-share-confirm]`).textContent(), /Send this estimate to Dana Whitfield\?.*Nothing has left this page yet/s);
  assert.ok(await page.locator(`${EL} [data-share="confirm"]`).evaluate((b) => b.getRootNode().activeElement === b), 'focus moves to the confirm button');
  assert.deepEqual(await axeViolations(page), [], 'axe with the question open');
  assert.deepEqual(await shares(), [], 'opening the question fires nothing');

  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // Cancel
  await page.locator(`${EL} [data-share-confirm]`).waitFor({ state: 'detached' });
  assert.ok(await page.locator(`${EL} [data-share="open"]`).evaluate((b) => b.getRootNode().activeElement === b), 'focus returns to the button');
  assert.deepEqual(await shares(), [], 'cancelling fires nothing');
  assert.equal(await page.locator('#lead').isHidden(), true, 'the host’s form is still hidden');

  await page.locator(`${EL} [data-share="open"]`).click();
  await page.locator(`${EL} [data-share="confirm"]`).click();
  await page.waitForFunction(() => window.shares.length === 1);
  const [detail] = await shares();
  const scenario = await page.locator(EL).evaluate((el) => el.scenario);
  assert.deepEqual(detail.scenario, scenario, 'the scenario the fields describe');
  assert.equal(detail.result.total_annual_cost, shown.total, 'the total shown');
  assert.equal(detail.result.members.length, 3);
  assert.deepEqual(detail.comparison.options.map((o) => o.plan), shown.options.map((o) => o.plan), 'the ranking shown');
  assert.deepEqual(detail.broker, { name: 'Dana Whitfield', id: 'NPN 17720456', phone: '(303) 555-0142', email: 'dana@summit-benefits.example' });
  assert.equal(detail.stale, false);
  assert.equal(detail.lang, 'en');
  assert.match(await page.locator(`${EL} [data-share-status]`).textContent(), /Handed to this website for Dana Whitfield at .*call \(303\) 555-0142/);

  // The host page decides what happens: here its own form fills in.
  await page.locator('#lead').waitFor();
  assert.match(await page.locator('#lead-summary').textContent(), /Standard Option: \$[\d,]+\.\d\d for the year for 3 people/);
  assert.equal(await page.evaluate(() => window.shares.length), 1, 'one confirmation, one event');
  assert.deepEqual(page.problems, []);
  await screenshot(page, 'broker-shared.png');
  await page.close();
});

test('the proposal prints the agent, the household, every option, the chart, key benefits with their lines, the assumptions and the disclaimer, on Letter and A4', async () => {
  const page = await openPage(browser, PAGE);
  await family(page);
  const { options } = await answer(page);
  assert.equal(options.length, 3);
  await page.locator(`${EL} [data-proposal] [data-print="chart"] svg.ce-chart`).waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  const proposal = page.locator(`${EL} [data-proposal]`);
  assert.notEqual(await proposal.evaluate((e) => getComputedStyle(e).display), 'none');
  assert.notEqual(await page.locator(`${EL} [data-broker]`).evaluate((e) => getComputedStyle(e).display), 'none', 'the agent’s block prints');
  assert.equal(await page.locator(`${EL} .ce-share`).evaluate((e) => getComputedStyle(e).display), 'none', 'the send button does not');
  const text = await proposal.textContent();
  assert.match(text, /Made on .*· Prepared by Dana Whitfield/);
  assert.match(text, /You \(age 44\): Specialist office visit × 4.*Spouse \(age 42\): Primary care office visit × 3.*Child 1 \(age 9\): Urgent care visit × 2/s);
  for (const o of options) {
    const row = proposal.locator(`[data-print="options"] tr[data-plan="${o.plan}"]`);
    assert.match(await row.textContent(), new RegExp(`\\$${Number(o.total).toLocaleString('en-US', { minimumFractionDigits: 2 }).replace('.', '\\.')}`), `${o.plan}'s total`);
  }
  assert.ok(await proposal.locator('[data-print="chart"] svg.ce-chart polyline').count() === 3, 'a line per option in the chart');

  // Key benefits: a column per option, in the ranking's order; each figure from its plan file,
  // with a link to its document line.
  const benefits = proposal.locator('[data-print="benefits"]');
  assert.deepEqual(await benefits.locator('thead th').evaluateAll((ths) => ths.map((th) => th.dataset.plan)), options.map((o) => o.plan));
  const rows = await benefits.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ label: tr.querySelector('th').textContent.trim(), cells: [...tr.querySelectorAll('td')].map((td) => ({ text: td.textContent.replace(/\s+/g, ' ').trim(), links: [...td.querySelectorAll('a')].map((a) => a.href) })) })),
  );
  const labels = rows.map((r) => r.label);
  for (const l of ['Deductible', 'Out-of-pocket maximum', 'Primary care office visit', 'Specialist office visit', 'Emergency room visit', 'Hospital stay (per admission)', 'Generic drug', 'Preferred brand-name drug']) {
    assert.ok(labels.includes(l), `a row for ${l}: ${labels.join(', ')}`);
  }
  // The household takes no drug: two tiers as examples, not all six (a page of their own at 9 pt).
  assert.ok(!labels.includes('Specialty drug'), `no row for every tier: ${labels.join(', ')}`);
  options.forEach((o, i) => {
    const plan = planFile(o.plan);
    const cell = (label) => rows.find((r) => r.label === label).cells[i];
    const oop = cell('Out-of-pocket maximum');
    assert.ok(oop.text.startsWith(`$${Number(plan.out_of_pocket_max.individual).toLocaleString('en-US')} a person`), `${o.plan} OOP: ${oop.text}`);
    assert.ok(oop.links.some((href) => href.endsWith(`#L${plan.out_of_pocket_max.source.line}`)), `${o.plan} OOP cites its line`);
    const specialist = cell('Specialist office visit');
    assert.ok(specialist.text.includes(plan.services.specialist_visit.summary), `${o.plan} specialist: ${specialist.text}`);
    assert.ok(specialist.links.some((href) => href.endsWith(`#L${plan.services.specialist_visit.source.line}`)));
    const deductible = cell('Deductible');
    assert.ok(plan.deductible ? deductible.text.includes(`$${Number(plan.deductible.individual).toLocaleString('en-US')}`) : deductible.text === 'None', `${o.plan} deductible: ${deductible.text}`);
  });
  assert.match(text, /Assumptions/);
  assert.match(text, /It is not a bill or a promise of coverage/);
  await page.screenshot({ path: join(RESULTS, 'proposal-print.png'), fullPage: true });
  for (const format of ['Letter', 'A4']) {
    const pdf = await page.pdf({ format, printBackground: true });
    writeFileSync(join(RESULTS, `proposal-${format}.pdf`), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length;
    assert.ok(pages >= 1 && pages <= 3, `${format}: the proposal prints on ${pages} pages`);
  }
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('broker attributes are shown as text, whatever they hold, and follow changes', async () => {
  const page = await openPage(browser, PAGE);
  await page.locator(EL).evaluate((el) => {
    el.setAttribute('broker-name', '<img src=x onerror="window.pwned=1">Eve\u001b[2J');
    el.setAttribute('broker-phone', 'javascript:alert(1)');
    el.setAttribute('broker-id', '12345');
  });
  const block = page.locator(`${EL} [data-broker]`);
  await page.waitForFunction(() => document.querySelector('cost-estimator').shadowRoot.querySelector('[data-broker]').textContent.includes('Eve'));
  assert.match(await block.textContent(), /<img src=x onerror="window.pwned=1">Eve \[2J/);
  assert.equal(await block.locator('img').count(), 0, 'no markup made from an attribute');
  // Text that is not a phone number is shown, never dialled (issue #21: it dialled "1").
  assert.equal(await block.locator('[data-broker-phone]').textContent(), 'javascript:alert(1)');
  assert.equal(await block.locator('a[data-broker-phone]').count(), 0, 'not a link');
  assert.equal(await block.locator('[data-broker-id]').textContent(), 'License or NPN 12345');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  await page.locator(EL).evaluate((el) => ['broker-name', 'broker-id', 'broker-phone', 'broker-email'].forEach((a) => el.removeAttribute(a)));
  await block.waitFor({ state: 'detached' });
  assert.deepEqual(page.problems, []);
  await page.close();
});
