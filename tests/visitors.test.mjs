// The smaller things a visitor meets (issue #20's list), each through the page's controls in
// Chromium: a typical year reached by keyboard; where the focus goes and what the live region
// says after an option or the example is chosen; the chart's lines above "at most" explained for
// a large family; "Send to my agent" beside the answer on a phone; the document viewer's
// flattened table rows and its way back; the printout's sizes; the answer inside a 1280×800
// screen; another drug like one listed. Each failed before its fix. The figures said are worked
// by hand from the documents (docs/sources/, lines cited). Run `npm run build` first.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { EL, scenarioOf, setCount, settled } from './browser-flows.mjs';
import { RESULTS, axeViolations, openPage, screenshot, startBrowser } from './browser-support.mjs';
import { Visitor, accessibleOnScreenAndInPrint, coloradoFamily, dollars, household, printout } from './visitor.mjs';

let browser;
before(async () => {
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
});

/** The focused element inside the estimator: its data-key, data-preset or class, and text. */
function focused(page) {
  return page.evaluate((sel) => {
    const a = document.querySelector(sel).shadowRoot.activeElement;
    if (!a) return null;
    return { key: a.dataset.key ?? a.dataset.preset ?? a.dataset.confirm ?? null, classes: [...a.classList], text: a.textContent.replace(/\s+/g, ' ').trim(), plan: a.closest('[data-plan]')?.dataset.plan ?? null };
  }, EL);
}

/** Waits until the focus is where `want(focused)` says (a handler moves it once the page is drawn). */
async function focusedWhere(page, want, what) {
  for (let i = 0; i < 40; i++) {
    const now = await focused(page);
    if (now && want(now)) return now;
    await page.waitForTimeout(25);
  }
  assert.fail(`the focus is not on ${what}: ${JSON.stringify(await focused(page))}`);
}

/** Waits until the live region says something matching `pattern`; returns it. */
async function heard(page, pattern) {
  const handle = await page.waitForFunction(
    ([sel, source]) => {
      const text = document.querySelector(sel).shadowRoot.querySelector('[data-live]').textContent.trim();
      return new RegExp(source).test(text) && text;
    },
    [EL, pattern.source],
    { timeout: 10_000 },
  );
  return handle.jsonValue();
}


test('"Start from a typical year" by keyboard: the arrow keys apply nothing, Tab reaches "Having a baby", focus comes back', async () => {
  const page = await openPage(browser, '');
  const v = new Visitor(page, 'a typical year by keyboard');
  // With no age (the page starts at 40: cleared), the light, middle and heavy years (the CMS
  // table's rows for the person's age group, docs/decisions.md 46) cannot be chosen, and the
  // list says why; the first year that can has the focus.
  const age = page.locator(`${EL} [data-key="age:you"]`);
  await age.fill('');
  // (This part is set-up, not the keyboard walk: its clicks and keys are not counted.) The click
  // leaves the age field, whose "Enter an age." appears on a line below the row: the button
  // must not move under the pointer (inside the field, the message made it taller and the row's
  // end alignment moved the button down, so the click landed on nothing).
  const toggle = page.locator(`${EL} [data-key="preset:you"]`);
  // Where it is on the page (not the window, which scrolls to the list's focus), once the page
  // has answered the empty age.
  const onPage = () => toggle.evaluate((e) => { const r = e.getBoundingClientRect(); return { x: r.x + scrollX, y: r.y + scrollY }; });
  let where = await onPage();
  for (let last = null; JSON.stringify(last) !== JSON.stringify(where); ) {
    last = where;
    await page.waitForTimeout(250);
    where = await onPage();
  }
  await toggle.click();
  assert.match(await v.at('[data-person="you"] .ce-err').textContent(), /Enter an age/);
  assert.deepEqual(await onPage(), where, 'the button stays where it was when the age field shows its message');
  assert.equal(await v.at('[data-preset-needs-age]').textContent(), 'Type this person’s age first: the light, middle and heavy years are the national CMS table’s for their age group.');
  for (const id of ['low', 'medium', 'high']) assert.equal(await v.at(`[data-preset="${id}"]`).isDisabled(), true, id);
  await focusedWhere(page, (f) => f.key === 'hospital_stay', 'the first year that can be chosen');
  await page.keyboard.press('Escape');
  await age.fill('38');
  await age.blur();
  await settled(page);
  await v.at('[data-key="preset:you"]').focus();
  // What a keyboard or screen-reader user tries first on a list: the arrows. A <select> applied
  // "Low use" on the first one, so "Having a baby" could never be reached.
  for (const key of ['ArrowDown', 'ArrowDown', 'ArrowUp', 'End', 'Home']) await v.press(key);
  await page.waitForTimeout(300);
  assert.equal(await v.at('[data-summary="you"]').textContent(), 'no care chosen', 'no care applied by an arrow key');
  assert.equal(await v.at('[data-notice]').count(), 0);

  await v.press('Enter'); // opens the list; the first year has the focus
  await focusedWhere(page, (f) => f.key === 'low', 'the first year');
  assert.equal(await v.at('[data-key="preset:you"]').getAttribute('aria-expanded'), 'true');
  assert.deepEqual(await axeViolations(page), [], 'axe with the typical years open');
  await v.press('Escape'); // closes it, back on the button
  await focusedWhere(page, (f) => f.key === 'preset:you', 'the button');
  assert.equal(await v.at('[data-presets]').count(), 0);

  await v.press('Enter');
  await focusedWhere(page, (f) => f.key === 'low', 'the first year');
  for (let i = 0; i < 4; i++) await v.press('Tab'); // Low, Medium, High, A hospital stay, Having a baby
  assert.equal((await focused(page)).key, 'having_a_baby');
  await v.press('Enter');
  await settled(page);
  assert.equal(await v.at('[data-notice="presetApplied"] p').textContent(), 'You: care replaced with “Having a baby (CMS’s 2014 table, at 2014 prices)”.');
  // The CMS table's Maternity row (data/usage-presets.json): lab tests 22, preventive visits 2,
  // prenatal visits 21; the delivery; two generic fills.
  assert.equal(await v.at('[data-summary="you"]').textContent(), '45 visits · 1 stay · 2 fills');
  await focusedWhere(page, (f) => f.key === 'preset:you', 'the button again, not the page');
  await accessibleOnScreenAndInPrint(page, 'a typical year applied');
  const { keys } = v.report();
  assert.ok(keys <= 15, `${keys} keys`);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('choosing an option in the ranking keeps the focus on it, and the live region says its total and whether it is the cheapest', async () => {
  // A 40-year-old alone with no care pays the premium alone, Self Only your share × 26: High
  // $111.86 (001 L3838), Standard $76.06 (L3841), Prosper $45.02 (L3856).
  const high = dollars(11186 * 26);
  const standard = dollars(7606 * 26);
  const prosper = dollars(4502 * 26);
  assert.deepEqual([high, standard, prosper], ['$2,908.36', '$1,977.56', '$1,170.52']);
  for (const width of [1280, 390]) {
    const page = await openPage(browser, '', { width });
    await settled(page);
    assert.equal(await heard(page, /./), `Standard Option: ${standard} for the year. Prosper costs less: ${prosper}.`);
    const v = new Visitor(page, 'an option from the ranking');
    await v.click('[data-choose="kp-co-fehb-2022-high"]');
    await focusedWhere(page, (f) => f.plan === 'kp-co-fehb-2022-high' && f.classes.includes('ce-option-name'), 'the option chosen');
    assert.equal(await heard(page, /^High Option/), `High Option: ${high} for the year. Prosper costs less: ${prosper}.`);
    // By keyboard from there: Shift+Tab reaches the option above (Standard, ranked second); Enter
    // chooses it, and the focus stays with it.
    await v.press('Shift+Tab');
    assert.equal((await focused(page)).plan, 'kp-co-fehb-2022-standard');
    await v.press('Enter');
    await focusedWhere(page, (f) => f.plan === 'kp-co-fehb-2022-standard' && f.classes.includes('ce-option-name'), 'Standard, chosen by keyboard');
    assert.equal(await heard(page, /^Standard/), `Standard Option: ${standard} for the year. Prosper costs less: ${prosper}.`);
    await v.click('[data-choose="kp-co-fehb-2022-prosper"]');
    assert.equal(await heard(page, /^Prosper/), `Prosper: ${prosper} for the year, the cheapest of the 3 options.`);
    await accessibleOnScreenAndInPrint(page, `an option chosen at ${width}px`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('"Try an example household" moves the focus to the answer, which the live region names with its plan and rank; asking first focuses "Replace"', async () => {
  const page = await openPage(browser, '');
  await settled(page);
  const v = new Visitor(page, 'the example household');
  await v.click('[data-example="family"]'); // one person, no care: nothing to replace, no question
  await settled(page);
  await focusedWhere(page, (f) => f.classes.includes('ce-answer'), 'the answer');
  const said = await heard(page, /^Standard Option: \$[\d,]+\.\d\d for the year/);
  assert.match(said, /^Standard Option: \$[\d,]+\.\d\d for the year(, the cheapest of the 3 options\.|\. (High Option|Prosper) costs less: \$[\d,]+\.\d\d\.)$/);
  assert.equal(await v.at('[data-notice="householdReplaced"] p').textContent(), 'The example household replaced yours.');
  // With entries to replace, it asks first; the focus goes to the question's first answer.
  await v.click('[data-notice] button'); // undo
  await settled(page);
  // The focus stays where the Undo button was: on the notice that says it was undone.
  await focusedWhere(page, (f) => f.classes.includes('ce-notice') && f.text === 'Undone.', 'the “undone” notice');
  await v.click('[data-add="spouse"]');
  await v.type('50');
  await settled(page);
  await v.click('[data-example="family"]');
  await focusedWhere(page, (f) => f.key === 'replace', '“Replace”');
  assert.deepEqual(await axeViolations(page), [], 'axe with the example’s question');
  await v.press('Enter');
  await settled(page);
  await focusedWhere(page, (f) => f.classes.includes('ce-answer'), 'the answer');
  assert.deepEqual((await page.locator(EL).evaluate((el) => el.scenario)).members.map((m) => m.age), [38, 7]);
  await accessibleOnScreenAndInPrint(page, 'the example');
  v.report();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the Medicare example couple (68 and 66) is told, with the example, that its typical years are the national data’s 55-and-over group', async () => {
  const page = await openPage(browser, '');
  await settled(page);
  const v = new Visitor(page, 'the Medicare example household');
  await v.choose('[data-key="plan"]', 'kp-ncal-fresno-2025-sa-high-high');
  await v.at('[data-key="medicare:you"]').waitFor();
  await settled(page);
  await v.click('[data-example="family"]');
  await settled(page);
  assert.deepEqual((await page.locator(EL).evaluate((el) => el.scenario)).members.map((m) => m.age), [68, 66]);
  // The table's oldest group is people 55 and over, mostly under Medicare age (decision 46).
  assert.equal(
    (await v.at('[data-notice="householdReplaced"] p').textContent()).trim(),
    'The example household replaced yours. At 65 and over these years are the table’s oldest group, 55 and over: people mostly under Medicare age, who have less care than most people over 65.',
  );
  // And in Spanish, the same two sentences.
  await page.locator(EL).evaluate((el) => el.setAttribute('lang', 'es'));
  await settled(page);
  assert.equal(
    (await v.at('[data-notice="householdReplaced"] p').textContent()).trim(),
    'El hogar de ejemplo reemplazó al suyo. A partir de los 65 años estos años son los del grupo de más edad de la tabla, 55 años o más: personas en su mayoría sin edad de Medicare, que reciben menos atención que la mayoría de las personas de más de 65.',
  );
  v.report();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a large family’s chart says why its lines rise above “at most”: scaled care passes yearly visit limits, not covered', async () => {
  const page = await openPage(browser, '');
  const v = new Visitor(page, 'a large family’s chart');
  // Six people with a heavy year each (the CMS table's decile 9 for their age group), and 8
  // physical therapy visits a person, of the 20 a year Colorado covers (001 L1390); the chart
  // scales the care up to several times as much. (The table's heavy years alone have 1 to 3
  // visits a person, which the chart's scale does not take past the limit.)
  await household(v, 45, [['spouse', 44], ['child', 16], ['child', 14], ['child', 11], ['child', 8]]);
  for (const person of ['you', 'spouse', 'child-1', 'child-2', 'child-3', 'child-4']) {
    await v.click(`[data-key="preset:${person}"]`);
    await v.click(`[data-presets="${person}"] [data-preset="high"]`);
    await setCount(page, person, 'physical_therapy_visit', 8);
  }
  await settled(page);
  await v.open('[data-panel="chart"]');
  await v.at('.ce-layout .ce-chart').waitFor();
  const caption = (await v.at('.ce-layout figcaption').textContent()).replace(/\s+/g, ' ');
  assert.match(caption, /From about \$[\d,]+ of care, the lines? of .+ rises? above (its|their) “at most” figure in the ranking: that figure caps covered care only, and care scaled up that far goes past the plan’s yearly limits on visits or days \(care past a limit is not covered\)/);
  // The same words describe the chart to a screen reader, and print beside it.
  const description = await v.at('.ce-layout .ce-chart desc').textContent();
  assert.match(description, /“at most” figure/);
  await accessibleOnScreenAndInPrint(page, 'the large family’s chart');
  await screenshot(page, 'large-family-chart-1280.png');
  v.report();

  // A household whose lines stay under "at most" is told nothing of the kind.
  const small = await openPage(browser, '');
  const s = new Visitor(small, 'a small household’s chart');
  await s.typeInto('[data-key="age:you"]', '30');
  await s.click('[data-key="preset:you"]');
  await s.click('[data-presets="you"] [data-preset="low"]');
  await settled(small);
  await s.open('[data-panel="chart"]');
  await s.at('.ce-layout .ce-chart').waitFor();
  assert.doesNotMatch(await s.at('.ce-layout figcaption').textContent(), /“at most”/);
  assert.deepEqual([...page.problems, ...small.problems], []);
  await page.close();
  await small.close();
});

test('"Send to my agent" is beside the answer on a phone, not three screens above it', async () => {
  const page = await openPage(browser, 'broker-example.html', { width: 390, height: 844 });
  const v = new Visitor(page, 'send to my agent on a phone');
  await household(v, 44, [['spouse', 42], ['child', 9]]);
  await settled(page);
  const where = await page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    const send = root.querySelector('[data-share="open"]');
    return { inAnswer: Boolean(send.closest('.ce-answer')), below: send.getBoundingClientRect().top - root.querySelector('.ce-total-amount').getBoundingClientRect().top };
  }, EL);
  assert.ok(where.inAnswer, 'with the answer’s actions');
  assert.ok(where.below > 0 && where.below < 844 / 2, `${where.below}px under the total`);
  await v.click('[data-share="open"]');
  await v.at('[data-share-confirm]').waitFor();
  assert.ok(await v.at('.ce-answer [data-share-confirm]').isVisible(), 'the question comes where it was asked');
  assert.ok(await v.at('[data-share="confirm"]').evaluate((b) => b.getRootNode().activeElement === b));
  await accessibleOnScreenAndInPrint(page, 'the question on a phone');
  await screenshot(page, 'send-to-agent-390.png');
  v.report();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the document viewer shows a flattened rate table row as its cells, says so, and has a way back', async () => {
  const page = await openPage(browser, '');
  await settled(page);
  const v = new Visitor(page, 'a citation and back');
  await v.typeInto('[data-key="age:you"]', '38'); // one person: Self Only, whatever the enrollment rule
  await settled(page);
  await v.open('[data-panel="sources"]');
  // The premium's line: Self Only, 001 L3841.
  const link = v.at('[data-panel="sources"] .ce-sources > li:first-child .ce-cite a').first();
  assert.match(await link.getAttribute('href'), /file=001_e72fe1ec6a77dd26\.txt&line=3841/);
  const [doc] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
  await doc.locator('li.cited').waitFor();
  const row = doc.locator('li.cited');
  assert.deepEqual(await row.locator('.cell').allTextContents(), ['Standard Option Self Only', '654', '$228.17', '$76.06', '$494.38', '$164.79']);
  assert.equal(await row.locator('.mark').textContent(), 'table row');
  assert.doesNotMatch(await row.innerText(), /Only654\$228\.17\$76\.06/, 'no run-together cells');
  // Its neighbours too: Self and Family, two lines down (001 L3843).
  assert.deepEqual(await doc.locator('#L3843 .cell').allTextContents(), ['Standard Option Self and Family', '655', '$515.67', '$171.89', '$1,117.28', '$372.43']);
  assert.match(await doc.locator('.flattened').first().textContent(), /rows of a table that the PDF ran together/);
  assert.deepEqual(await axeViolations(doc), [], 'axe on the document page');
  await screenshot(doc, 'document-rate-table.png');
  // Opened in a tab of its own: the way back closes it.
  assert.equal(await doc.locator('#back').textContent(), 'Close this tab and go back to the estimate');
  await Promise.all([doc.waitForEvent('close'), doc.locator('#back').click()]);

  // Followed in the same tab (a printout's link): the way back returns to the estimate as it was.
  const href = await link.getAttribute('href');
  await page.waitForFunction(() => /open=[^&]*sources/.test(decodeURIComponent(location.hash)));
  const hash = new URL(page.url()).hash;
  await page.goto(href);
  await page.locator('li.cited').waitFor();
  assert.equal(await page.locator('#back').textContent(), 'Back to the estimate');
  await page.locator('#back').click();
  await page.waitForURL((url) => url.hash === hash, { waitUntil: 'commit' });
  await page.locator(`${EL} .ce-total-amount[data-amount]`).waitFor();
  await settled(page);
  assert.deepEqual((await page.locator(EL).evaluate((el) => el.scenario)).members.map((m) => m.age), [38]);
  // In Spanish, the viewer's own words.
  await page.goto(href.replace('&line=', '&lang=es&line='));
  await page.locator('li.cited').waitFor();
  assert.equal(await page.locator('li.cited .mark').textContent(), 'fila de tabla');
  assert.equal(await page.locator('#back').textContent(), 'Volver a la estimación');
  assert.deepEqual(await axeViolations(page), [], 'axe on the Spanish document page');
  v.report();
  assert.deepEqual(page.problems.filter((p) => !p.includes('favicon')), []);
  await page.close();
});

test('the printout: every word at 9 pt or more, the disclaimer on the first page, no focusable link hidden from assistive technology', async () => {
  const page = await openPage(browser, 'broker-example.html');
  const v = new Visitor(page, 'the printout');
  await household(v, 52, [['spouse', 50]]);
  await v.click('[data-key="preset:you"]');
  await v.click('[data-presets="you"] [data-preset="managing_diabetes"]');
  await settled(page);
  await page.locator(`${EL} [data-proposal] [data-print="chart"] svg.ce-chart`).waitFor({ state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  const sizes = await page.locator(EL).evaluate((el) => {
    const sheet = el.shadowRoot.querySelector('[data-proposal]');
    const out = [];
    for (const node of sheet.querySelectorAll('*')) {
      if (node.closest('svg') || !node.getClientRects().length) continue; // the chart's labels scale with the chart; nothing not printed
      if (![...node.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) continue;
      out.push([node.closest('[data-assumptions]') ? 'assumptions' : node.closest('[data-print]')?.dataset.print ?? node.tagName, Number.parseFloat(getComputedStyle(node).fontSize)]);
    }
    return out;
  });
  const small = sizes.filter(([, px]) => px < 12); // 9 pt = 12 px
  assert.deepEqual(small, [], 'text under 9 pt');
  assert.ok(sizes.some(([where]) => where === 'assumptions'), 'the assumptions print');
  assert.deepEqual(await axeViolations(page), [], 'axe under print media');
  await page.emulateMedia({ media: null });
  const { pages, disclaimerFirst } = await printout(page);
  assert.ok(disclaimerFirst, 'the disclaimer prints under the title, never on a page of its own');
  assert.ok(pages <= 3, `${pages} pages`);
  v.report();
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('the answer fits a 1280×800 screen: the ranking, Print and Copy in view, scrolled or not', async () => {
  for (const path of ['', 'broker-example.html']) {
    const page = await openPage(browser, path, { width: 1280, height: 800 });
    const v = new Visitor(page, `the answer at 1280×800${path ? ' with an agent' : ''}`);
    await coloradoFamily(v);
    const inView = (css) =>
      page.evaluate(([sel, c]) => {
        const r = document.querySelector(sel).shadowRoot.querySelector(c).getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
      }, [EL, css]);
    for (const y of [0, 900]) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(100);
      assert.ok(await inView('[data-action="print"]'), `Print in view, scrolled ${y}px`);
      assert.ok(await inView('[data-action="copy"]'), `Copy in view, scrolled ${y}px`);
      if (path) assert.ok(await inView('[data-share="open"]'), `Send to my agent in view, scrolled ${y}px`);
    }
    // Scrolled, the answer stays in view whole (it is sticky, and never taller than the screen).
    assert.ok(await inView('.ce-answer'), 'the whole answer in view');
    await page.screenshot({ path: join(RESULTS, `answer-1280x800${path ? '-agent' : ''}.png`) });
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('another drug like this one: three brand-name drugs by mail in 9 clicks (it took 21)', async () => {
  const page = await openPage(browser, '');
  const v = new Visitor(page, 'three drugs alike');
  await v.open('[data-person="you"] .ce-care');
  await v.open('[data-group="you:rx"]');
  const opened = v.clicks;
  await v.click('[data-add-drug="you"]');
  const first = (await focusedWhere(page, (f) => /^service:/.test(f.key ?? ''), 'the drug’s kind')).key.split(':')[1];
  await v.choose(`[data-key="service:${first}"]`, 'rx_preferred_brand');
  await v.choose(`[data-key="often:${first}"]`, 'quarterly');
  await v.choose(`[data-key="channel:${first}"]`, 'mail');
  await v.click(`[data-add-like="${first}"]`);
  await focusedWhere(page, (f) => /^service:/.test(f.key ?? ''), 'the new drug’s first field');
  await v.click(`[data-add-like="${first}"]`);
  assert.equal(v.clicks - opened, 9);
  assert.deepEqual(await v.at('.ce-drug [data-fills]').allTextContents(), Array(3).fill('4 fills of 90 days by mail order'));
  assert.deepEqual(await v.at('.ce-drug legend').allTextContents(), ['Drug 1', 'Drug 2', 'Drug 3']);
  await settled(page);
  const scenario = await page.locator(EL).evaluate((el) => el.scenario);
  assert.deepEqual(scenario.services, Array(3).fill({ member: 'you', service: 'rx_preferred_brand', count: 4, days_supply: 90, channel: 'mail' }));
  await accessibleOnScreenAndInPrint(page, 'three drugs alike');
  v.report();
  assert.deepEqual(page.problems, []);
  await page.close();
});

// "Having a baby" is the CMS 2014 table's Maternity row (data/usage-presets.json,
// docs/decisions.md 43): $7,140.27 allowed in all, its lab tests 7 × $23.95 + 15 × $23.94 =
// $167.65 + $359.10 = $526.75 on one line of 22. Standard Option (the page's plan) charges
// nothing for lab tests (001 L991).
test('a typical year from the CMS table: its line shows the count and the prices it holds, in both languages, keeps them in the link, and one price once the count changes', async () => {
  const page = await openPage(browser, '');
  const v = new Visitor(page, 'a CMS row on the form');
  await v.typeInto('[data-key="age:you"]', '36');
  await v.click('[data-key="preset:you"]');
  assert.equal(
    (await v.at('[data-presets="you"] [data-preset="having_a_baby"]').textContent()).replace(/\s+/g, ' ').trim(),
    'Having a baby (CMS’s 2014 table, at 2014 prices) · $7,140.27 allowed in all',
  );
  await v.click('[data-presets="you"] [data-preset="having_a_baby"]');
  await settled(page);
  const allowedShown = async () => (await v.at('.ce-answer').textContent()).replace(/\s+/g, ' ');
  assert.match(await allowedShown(), /of \$7,140\.27 in prices/);
  await v.open('[data-person="you"] .ce-care');
  await v.open('[data-group="you:tests"]');
  assert.equal(await v.at('[data-row="you:lab_test"] [data-key="count:you:lab_test"]').inputValue(), '22');
  assert.equal(await v.at('[data-row="you:lab_test"] [data-claims]').textContent(), '$23.94–$23.95 each, $526.75 in all');
  const labs = (await scenarioOf(page)).services.filter((u) => u.service === 'lab_test');
  assert.deepEqual(labs.map((u) => [u.count, u.allowed]), [[7, '23.95'], [15, '23.94']]);
  await accessibleOnScreenAndInPrint(page, 'a line that holds a typical year’s claims');

  // The link reopens the same lines with the same prices.
  const again = await openPage(browser, page.url().replace(browser.url, ''));
  await settled(again);
  const w = new Visitor(again, 'the link');
  assert.match((await w.at('.ce-answer').textContent()).replace(/\s+/g, ' '), /of \$7,140\.27 in prices/);
  await w.open('[data-person="you"] .ce-care');
  await w.open('[data-group="you:tests"]');
  assert.equal(await w.at('[data-row="you:lab_test"] [data-claims]').textContent(), '$23.94–$23.95 each, $526.75 in all');
  await again.locator('[data-lang="es"]').click();
  await again.locator(`${EL} [data-row="you:lab_test"] [data-claims]`).filter({ hasText: 'cada uno' }).waitFor();
  assert.equal(await w.at('[data-row="you:lab_test"] [data-claims]').textContent(), '$23.94–$23.95 cada uno, $526.75 en total');
  await again.close();

  // 10 lab tests instead: one price, the typical $60.00 (data/typical-prices.json): 7,140.27 −
  // 526.75 + 10 × 60.00 = 7,213.52.
  await v.typeInto('[data-key="count:you:lab_test"]', '10');
  await settled(page);
  assert.equal(await v.at('[data-row="you:lab_test"] [data-claims]').count(), 0);
  assert.match(await allowedShown(), /of \$7,213\.52 in prices/);
  assert.deepEqual((await scenarioOf(page)).services.filter((u) => u.service === 'lab_test'), [{ member: 'you', service: 'lab_test', count: 10 }]);
  v.report();
  assert.deepEqual(page.problems, []);
  await page.close();
});
