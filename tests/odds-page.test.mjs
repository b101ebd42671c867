// The odds on the page (issue #23 item 4; views/odds.js, controllers/odds.js), driven through
// its controls only in Chromium. The figures shown are compared with `costshare odds` run on a
// scenario written here by hand (not the page's own), and, for one person, with a decile's year
// worked by hand from the CMS row and the plan document. A change of the form while the odds
// are worked out stops them, and their figures never show. axe on screen and in print, the
// printout within three pages, screenshots at 390 and 1280 px. Run `npm run build` first.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { RESULTS, openPage, pageWidth, startBrowser } from './browser-support.mjs';
import { buildCli, cli } from './support.mjs';
import { Visitor, accessibleOnScreenAndInPrint, coloradoFamily, dollars, printout, shot } from './visitor.mjs';

const COLORADO = ['kp-co-fehb-2022-high', 'kp-co-fehb-2022-prosper', 'kp-co-fehb-2022-standard'];

let browser;
let tmp;
before(async () => {
  buildCli();
  tmp = mkdtempSync(join(tmpdir(), 'costshare-odds-page-'));
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** `costshare odds` of a scenario written here: { plan → option }. */
function cliOdds(scenario) {
  const file = join(tmp, `odds-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  const r = cli('odds', file, '--plans', COLORADO.join(','));
  assert.equal(r.status, 0, r.stderr);
  return Object.fromEntries(JSON.parse(r.stdout).options.map((o) => [o.plan, o]));
}

/** The odds as the page shows them, once worked out for the form as it is: { plan → figures }. */
async function shownOdds(v) {
  await v.at('[data-odds="ok"] .ce-odds-list').waitFor({ timeout: 30_000 });
  return v.page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    return Object.fromEntries(
      [...root.querySelectorAll('[data-odds-plan]')].map((li) => [
        li.dataset.oddsPlan,
        { chance: li.dataset.chance, p10: li.dataset.p10, p50: li.dataset.p50, p90: li.dataset.p90, mean: li.dataset.mean, text: li.textContent.replace(/\s+/g, ' ').trim() },
      ]),
    );
  }, v.selector);
}

/** The figures of `costshare odds` as the page should show them. */
function expected(options) {
  return Object.fromEntries(Object.entries(options).map(([plan, o]) => [plan, { chance: o.chance_cheapest, p10: o.p10, p50: o.p50, p90: o.p90, mean: o.mean }]));
}
const figuresOf = (shown) => Object.fromEntries(Object.entries(shown).map(([plan, { text, ...figures }]) => [plan, figures]));

/** "$1,234.50" from "1234.50" (the engine's decimal strings, as the page writes them). */
const money = (decimal) => dollars(Number(decimal.replace('.', '')));

/** Opens the odds and sets each person's sex (the question is inside the odds). */
async function openOdds(v, sexes) {
  if ((await v.at('[data-action="odds"]').getAttribute('aria-expanded')) !== 'true') await v.click('[data-action="odds"]');
  for (const [person, sex] of Object.entries(sexes)) await v.choose(`[data-key="sex:${person}"]`, sex);
}

// The Colorado family of tests/walkthroughs.test.mjs: You 38 "A middle year", the spouse 36
// "Having a baby", two children 6 and 3 "A light year" (data/usage-presets.json), Self and Family,
// biweekly; the odds add each member's year of the CMS table for their age group and sex.
const member = (id, age, sex) => ({ id, age, ...(sex ? { sex } : {}) });
const fill = (m, service, count, allowed) => ({ member: m, service, count, allowed, days_supply: 30, channel: 'retail' });
// The typical years are the CMS 2014 table's rows for the person's own age group, both sexes'
// mean, with their own amounts (data/cms-years.json's claims; docs/decisions.md 46). A middle
// year at 35-44 ("both 35-44 5.5", $1,378.90):
const MEDIUM_35_44 = (m) => [
  { member: m, service: 'chiropractic_visit', count: 1, allowed: '36.11' },
  { member: m, service: 'lab_test', count: 1, allowed: '135.62' },
  { member: m, service: 'preventive_visit', count: 2, allowed: '154.43' },
  { member: m, service: 'primary_care_visit', count: 1, allowed: '222.98' },
  { member: m, service: 'physical_therapy_visit', count: 1, allowed: '42.27' },
  { member: m, service: 'specialist_visit', count: 1, allowed: '240.07' },
  fill(m, 'rx_generic', 5, '33.92'),
  fill(m, 'rx_generic', 2, '33.91'),
  fill(m, 'rx_preferred_brand', 1, '155.57'),
];
// A light year at 6-17 ("both 6-17 3", $213.50) and at 0-5 ("both 0-5 3", $507.88).
const LOW_6_17 = (m) => [
  { member: m, service: 'preventive_visit', count: 1, allowed: '127.40' },
  { member: m, service: 'primary_care_visit', count: 1, allowed: '69.13' },
  fill(m, 'rx_generic', 1, '16.97'),
];
const LOW_0_5 = (m) => [
  { member: m, service: 'lab_test', count: 1, allowed: '16.52' },
  { member: m, service: 'preventive_visit', count: 1, allowed: '304.39' },
  { member: m, service: 'primary_care_visit', count: 1, allowed: '156.76' },
  fill(m, 'rx_generic', 1, '30.21'),
];
// "Having a baby": the CMS 2014 table's Maternity row, each group of claims at its own amount
// (data/usage-presets.json, docs/decisions.md 43).
const BABY = (m) => [
  { member: m, service: 'maternity_delivery', count: 1, allowed: '4471.44', days: 1 },
  { member: m, service: 'lab_test', count: 7, allowed: '23.95' },
  { member: m, service: 'lab_test', count: 15, allowed: '23.94' },
  { member: m, service: 'preventive_visit', count: 1, allowed: '17.54' },
  { member: m, service: 'preventive_visit', count: 1, allowed: '17.53' },
  { member: m, service: 'prenatal_visit', count: 3, allowed: '99.26' },
  { member: m, service: 'prenatal_visit', count: 18, allowed: '99.25' },
  fill(m, 'rx_generic', 1, '11.37'),
  fill(m, 'rx_generic', 1, '11.36'),
];
const FAMILY = {
  plan: 'kp-co-fehb-2022-high',
  enrollment: 'self_and_family',
  pay_schedule: 'biweekly',
  members: [member('a', 38, 'male'), member('b', 36, 'female'), member('c', 6), member('d', 3)],
  services: [...MEDIUM_35_44('a'), ...BABY('b'), ...LOW_6_17('c'), ...LOW_0_5('d')],
};

test('Colorado: the family sees, beside the ranking, how often each option costs the least, as costshare odds works it out', async () => {
  const want = cliOdds(FAMILY);
  const chances = Object.values(want).map((o) => Number(o.chance_cheapest.replace('.', '')));
  assert.equal(chances.reduce((a, b) => a + b, 0), 100, 'the CLI’s chances add up to one');
  for (const width of [1280, 390]) {
    const page = await openPage(browser, '', { width, height: width === 1280 ? 800 : 844 });
    const v = new Visitor(page, 'colorado-odds');
    await coloradoFamily(v);
    // Before the odds are opened, the national data is not fetched (not for every visitor).
    assert.ok(!page.requests.some((r) => r.url.endsWith('/cms-years.json')), 'cms-years.json waits until the odds are opened');
    assert.equal(await v.at('[data-key^="sex:"]').count(), 0, 'sex is not asked for the estimate');
    await openOdds(v, { you: 'male', spouse: 'female' });
    const shown = await shownOdds(v);
    assert.ok(page.requests.some((r) => r.url.endsWith('/cms-years.json')), 'fetched once the odds are opened');
    assert.deepEqual(figuresOf(shown), expected(want));
    // The words, for each option: its chance in 100, its typical year, its one-in-ten year.
    for (const [plan, o] of Object.entries(want)) {
      const n = Number(o.chance_cheapest.replace('.', ''));
      assert.match(shown[plan].text, new RegExp(`costs the least in ${n} of 100 years; in a typical year \\${money(o.p50)}; one year in ten, more than \\${money(o.p90)}\\.`));
    }
    // The ranking is still there, above the odds: the visitor's own care stays the headline.
    assert.equal(await v.at('.ce-option').count(), 3);
    await v.open('[data-panel="odds-about"]');
    assert.match(await v.at('.ce-odds-about .ce-odds-notes').textContent(), /2014 utilization table[\s\S]*independent[\s\S]*all 10,000 combinations/);
    if (width === 390) assert.ok((await pageWidth(page)) <= 390, 'no sideways scrolling at 390px');
    await accessibleOnScreenAndInPrint(page, `the odds at ${width}px`);
    if (width === 1280) {
      const { pages } = await printout(page);
      assert.ok(pages <= 3, `${pages} printed pages`);
      const printed = await v.at('[data-print="odds"] tbody tr').count();
      assert.equal(printed, 3, 'the proposal prints the odds');
    }
    await v.at('.ce-odds').scrollIntoViewIfNeeded();
    await shot(page, `odds-colorado-${width}.png`);
    await v.at('.ce-odds').screenshot({ path: join(RESULTS, `odds-panel-${width}.png`) });
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test('one person: p10, p50 and p90 are her 1st, 5th and 9th decile years, the first worked by hand', async () => {
  // By hand, Standard Option, Self Only, biweekly, a woman of 40 with no care entered: her
  // smallest year is decile 1 of "female 35-44" (data/cms-years.json: one generic fill, $20.65
  // allowed): premium $76.06 a pay period × 26 = $1,977.56 (docs/sources/001 L3841, "Standard
  // Option Self Only … $76.06"), and the fill "$15 for preferred generic drugs" per 30-day
  // supply (L2670): $1,992.56. Decile 2 (a preventive visit, nothing, L1049; a primary care
  // visit, $30, L925; three generic fills, 3 × $15, L2670): $75.00 + $1,977.56 = $2,052.56.
  const one = { plan: 'kp-co-fehb-2022-standard', enrollment: 'self_only', pay_schedule: 'biweekly', members: [member('x', 40, 'female')], services: [] };
  const want = cliOdds(one);
  assert.equal(want['kp-co-fehb-2022-standard'].p10, '1992.56');
  // Each decile's year priced on its own (costshare estimate): p10, p50 and p90 are the 1st,
  // 5th and 9th smallest of the ten.
  const totals = [];
  for (let d = 1; d <= 10; d++) {
    const file = join(tmp, `decile-${d}.json`);
    writeFileSync(file, JSON.stringify({ ...one, members: [{ ...one.members[0], usage: { cms_decile: String(d) } }] }));
    const r = cli('estimate', file);
    assert.equal(r.status, 0, r.stderr);
    totals.push(JSON.parse(r.stdout).total_annual_cost);
  }
  const sorted = totals.map((t) => Number(t.replace('.', ''))).sort((a, b) => a - b);
  assert.equal(sorted[1], 205256, 'decile 2 by hand');
  const standard = want['kp-co-fehb-2022-standard'];
  assert.deepEqual([standard.p10, standard.p50, standard.p90].map((d) => Number(d.replace('.', ''))), [sorted[0], sorted[4], sorted[8]]);

  const page = await openPage(browser, '');
  const v = new Visitor(page, 'one-person-odds');
  await v.settled();
  // The page opens on Standard Option, for You aged 40, with no care.
  await v.at('.ce-option.is-chosen[data-plan="kp-co-fehb-2022-standard"]').waitFor();
  assert.equal(await v.at('[data-key="age:you"]').inputValue(), '40');
  await openOdds(v, { you: 'female' });
  const shown = await shownOdds(v);
  assert.deepEqual(figuresOf(shown), expected(want));
  assert.equal(shown['kp-co-fehb-2022-standard'].p10, '1992.56');
  assert.match(shown['kp-co-fehb-2022-standard'].text, /A good year \(one in ten\): \$1,992\.56 or less\./);
  // "Prefer not to say": the mean of both rows, as the CLI does without `sex`.
  await v.choose('[data-key="sex:you"]', '');
  const mean = cliOdds({ ...one, members: [member('x', 40)] });
  assert.deepEqual(figuresOf(await shownOdds(v)), expected(mean));
  // At 67, the table's oldest group (55+) prices her year, and the page says so beside the figures.
  assert.equal(await v.at('[data-odds-oldest]').count(), 0);
  await v.typeInto('[data-key="age:you"]', '67');
  await shownOdds(v);
  assert.match(await v.at('[data-odds-oldest="you"]').textContent(), /You: the national data’s oldest group is people 55 and over, mostly under Medicare age[\s\S]*likely low/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a change of the form while the odds are worked out stops them: their figures never show', async () => {
  const page = await openPage(browser, '');
  const v = new Visitor(page, 'odds-cancelled');
  await v.typeInto('[data-key="age:you"]', '38');
  for (const [role, age] of [['spouse', '40'], ['child', '7'], ['child', '4'], ['child', '1']]) {
    await v.click(`[data-add="${role}"]`);
    await v.type(age);
  }
  await v.settled();
  await openOdds(v, { you: 'female', spouse: 'male' });
  await shownOdds(v);
  const five = (youngest) => ({
    plan: 'kp-co-fehb-2022-standard',
    enrollment: 'self_and_family',
    pay_schedule: 'biweekly',
    members: [member('a', 38, 'female'), member('b', 40, 'male'), member('c', 7), member('d', 4), member('e', youngest)],
    services: [],
  });
  const first = expected(cliOdds(five(1)));
  const stopped = expected(cliOdds(five(9)));
  const last = expected(cliOdds(five(30)));
  // Figures of the households before the last change, where they differ from its figures.
  const old = COLORADO.flatMap((plan) => [first[plan].p50, stopped[plan].p50].filter((p50) => p50 !== last[plan].p50).map((p50) => `${plan} ${p50}`));
  assert.ok(old.length >= 2, 'the three households’ figures differ (else the test could not fail)');
  // The youngest is 9, not 1: the odds of that household start…
  await v.typeInto('[data-key="age:child-3"]', '9');
  // …and from now on every odds figure drawn is recorded.
  await page.evaluate((sel) => {
    const root = document.querySelector(sel).shadowRoot;
    window.oddsSeen = [];
    const record = () => root.querySelectorAll('[data-odds-plan][data-p50]').forEach((li) => window.oddsSeen.push(`${li.dataset.oddsPlan} ${li.dataset.p50}`));
    record();
    new MutationObserver(record).observe(root, { subtree: true, childList: true, attributes: true });
  }, v.selector);
  await v.at('[data-odds="working"] progress').waitFor();
  // While they are worked out, the visitor corrects the age to 30 (in one go: no age between).
  const started = Date.now();
  await v.at('[data-key="age:child-3"]').fill('30');
  const shown = await shownOdds(v);
  const seconds = (Date.now() - started) / 1000;
  console.log(`# a family of five: the odds shown ${seconds.toFixed(2)} s after the form's last change (4,000 draws, three options)`);
  assert.deepEqual(figuresOf(shown), last);
  const seen = new Set(await page.evaluate(() => window.oddsSeen));
  assert.deepEqual(old.filter((f) => seen.has(f)), [], 'no figure of the household before a change showed after it');
  assert.deepEqual(page.problems, []);
  await page.close();
});
