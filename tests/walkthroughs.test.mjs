// Four visitors, one per plan family, each driving the built page (dist/index.html) only through
// its controls (clicks, keys, typing: tests/visitor.mjs counts them), at 390 and 1280 px. Every
// figure checked is worked here by hand from the plan documents in docs/sources/ (the lines are
// cited: "001 L3840" is line 3840 of docs/sources/001_e72fe1ec6a77dd26.txt) and the page's
// illustrative typical prices (data/typical-prices.json), in whole cents; none is taken from the
// engine. Each state is checked by axe-core on screen and in print; the printout's disclaimer is
// on its first page; screenshots and each walk-through's clicks, keys and seconds go
// to test-results/. Run `npm run build` first.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { RESULTS, openPage, pageWidth, startBrowser } from './browser-support.mjs';
import { Visitor, accessibleOnScreenAndInPrint, coloradoFamily, dollars, printout, shot } from './visitor.mjs';

const WIDTHS = [1280, 390];
const FEHB_EMPLOYEE_PERIODS = 26; // an employee pays the biweekly "Your Share" 26 times a year (docs/domain.md, "Premium share")

let browser;
before(async () => {
  browser = await startBrowser();
  rmSync(join(RESULTS, 'walk-throughs.txt'), { force: true });
});
after(async () => {
  await browser?.close();
});

/** The ranking as the page shows it: [plan, total, "at most …"] cheapest first. */
const ranked = (rows) => rows.map(([plan, total, worst]) => [plan, dollars(total), `at most ${dollars(worst)}`]);

/** What every walk-through ends with: the page fits the phone, axe is clean on screen and in
 * print, the printout's disclaimer is on its first page, a screenshot. */
async function finish(page, name, width) {
  if (width === 390) assert.ok((await pageWidth(page)) <= 390, `${name}: no sideways scrolling at 390px`);
  await accessibleOnScreenAndInPrint(page, `${name} at ${width}px`);
  if (width === 1280) {
    const { pages, disclaimerFirst } = await printout(page);
    assert.ok(disclaimerFirst, `${name}: the disclaimer prints under the title, never on a page of its own`);
    assert.ok(pages <= 3, `${name}: ${pages} printed pages`);
  }
  await shot(page, `walk-${name}-${width}.png`);
  assert.deepEqual(page.problems, []);
}

// ---- Colorado: a federal family of four expecting a baby, High against Standard and Prosper ----

// Care, as the visitor picks it: You (38) "A middle year", the spouse (36) "Having a baby", the
// children (6 and 3) "A light year" (data/usage-presets.json). The typical years are the CMS 2014
// table's rows for the person's own age group, both sexes' mean, with their own amounts
// (data/cms-years.json's claims, docs/decisions.md 17 and 44), in cents:
// - You, decile 5.5 at 35-44 ("both 35-44 5.5", 137890): a chiropractic visit 3611, a lab test
//   13562, 2 preventive visits at 15443, a primary care visit 22298, a physical therapy visit
//   4227, a specialist visit 24007, 7 generic fills (5 × 3392 + 2 × 3391) and a preferred
//   brand-name fill 15557, 30 days each.
// - Child of 6, decile 3 at 6-17 ("both 6-17 3", 21350): a preventive visit 12740, a primary care
//   visit 6913, a generic fill 1697. Child of 3, decile 3 at 0-5 ("both 0-5 3", 50788): a lab test
//   1652, a preventive visit 30439, a primary care visit 15676, a generic fill 3021.
// - "Having a baby" is the table's Maternity row: the delivery, one stay of 1 day at 447144; lab
//   tests 7 × 2395 + 15 × 2394; preventive visits 1754 + 1753; prenatal visits 3 × 9926 + 18 ×
//   9925; two 30-day generic fills, 1137 and 1136. Each of these two fills' $15 copay (001 L2668,
//   L2670, L2674) is more than its allowed amount, so it costs the allowed amount (docs/domain.md
//   rule 4): 1137 + 1136 = 2273 on every option. Every other generic fill here is above $15 and
//   costs the copay.
// Four people: Self and Family, "the enrollee and one or more eligible family members" (001 L288).
// No copay here is "after the deductible", but Prosper's delivery.
const CO_HIGH = {
  premium: 23206 * FEHB_EMPLOYEE_PERIODS, // 001 L3840 "High Option Self and Family652$574.13$232.06…": your share $232.06
  care:
    // You: chiropractic $30 (001 L1727), primary care $20 (L919), physical therapy $20 (L1397),
    // specialist $30 (L921), 7 generic × $15 and a brand $40 per 30-day supply (L2668); preventive
    // (L1047) and lab (L989) nothing.
    (3000 + 2000 + 2000 + 3000 + 7 * 1500 + 4000) +
    // Spouse: prenatal (L1143), lab (L989), preventive (L1047) nothing; the delivery's stay "$500
    // per day up to $1,000 maximum per admission" (L2122): 1 day × $500 = $500; the generic fills.
    Math.min(1 * 50000, 100000) + 2273 +
    // Each child: primary care $20 (L919), generic $15 (L2668); preventive and lab nothing.
    2 * (2000 + 1500),
  outOfPocketMax: 800000, // $8,000 per family enrollment (001 L805)
};
const CO_STANDARD = {
  premium: 17189 * FEHB_EMPLOYEE_PERIODS, // 001 L3843 "Standard Option Self and Family655$515.67$171.89…"
  care:
    // You: chiropractic "$40 per office visit" (001 L1729), more than its 3611 allowed, which it
    // costs instead (rule 4); primary care $30 (L925), physical therapy $30 (L1399), specialist
    // $40 (L927), 7 generic × $15 and a brand $50 (L2670); preventive (L1049), lab (L991)
    // nothing. None of these is "after the deductible" (L790).
    (3611 + 3000 + 3000 + 4000 + 7 * 1500 + 5000) +
    // Spouse: prenatal (L1145), lab (L991), preventive (L1049) and "Nothing for maternity care
    // delivery" (L2126); the generic fills.
    2273 +
    // Each child: "nothing for children through age 17" at primary care (L925); generic $15.
    2 * (0 + 1500),
  outOfPocketMax: 1100000, // $11,000 per family enrollment (001 L805)
};
const CO_PROSPER = {
  premium: 11074 * FEHB_EMPLOYEE_PERIODS, // 001 L3858 "Prosper Self and FamilyN42$332.23$110.74…"
  care:
    // You: chiropractic $40 (001 L1731), more than its 3611 allowed: 3611 (rule 4); primary care
    // $10 (L931), physical therapy $10 (L1401), specialist $35 (L933), 7 generic × $15 and a
    // brand $60 (L2674, under its 15557); preventive (L1051), lab (L993) nothing.
    (3611 + 1000 + 1000 + 3500 + 7 * 1500 + 6000) +
    // Spouse: prenatal (L1147), lab (L993), preventive (L1051) nothing; the delivery "20% of our
    // allowance after the deductible" (L2128): $300 of it pays her deductible (L791), then 20%
    // of the rest, 20% × $4,171.44 = $834.288, $834.29 to the cent (docs/domain.md rule 11);
    // the generic fills. The family's $600 is not reached ($300).
    30000 + 83429 + 2273 +
    // Each child: primary care $10 (L931), generic $15 (L2674).
    2 * (1000 + 1500),
  outOfPocketMax: 1400000, // $14,000 per family enrollment (001 L805)
};

test('Colorado: a federal family of four expecting a baby compares High, Standard and Prosper, and looks at Prosper', async () => {
  const options = { 'kp-co-fehb-2022-high': CO_HIGH, 'kp-co-fehb-2022-standard': CO_STANDARD, 'kp-co-fehb-2022-prosper': CO_PROSPER };
  const rows = Object.entries(options)
    .map(([plan, o]) => [plan, o.premium + o.care, o.premium + o.outOfPocketMax])
    .sort((a, b) => a[1] - b[1]);
  // Worked out: Prosper $2,879.24 + $1,463.13 = $4,342.37; Standard $4,469.14 + $343.84 =
  // $4,812.98; High $6,033.56 + $837.73 = $6,871.29.
  assert.deepEqual(rows.map(([plan, total]) => [plan, total]), [['kp-co-fehb-2022-prosper', 434237], ['kp-co-fehb-2022-standard', 481298], ['kp-co-fehb-2022-high', 687129]]);
  for (const width of WIDTHS) {
    const page = await openPage(browser, '', { width, height: width === 1280 ? 800 : 844 });
    const v = new Visitor(page, 'colorado');
    await coloradoFamily(v);
    let shown = await v.shown();
    assert.deepEqual(shown.ranking, ranked(rows), 'the ranking: each option’s total and “at most”, cheapest first');
    assert.equal(shown.total, dollars(CO_STANDARD.premium + CO_STANDARD.care));

    // The visitor looks at Prosper: chosen in the ranking, its premium and care apart.
    await v.click('[data-choose="kp-co-fehb-2022-prosper"]');
    await v.at('.ce-option.is-chosen[data-plan="kp-co-fehb-2022-prosper"]').waitFor();
    await v.settled();
    shown = await v.shown();
    assert.equal(shown.label, 'Total for the year with Prosper');
    assert.deepEqual([shown.total, shown.premium, shown.care], [dollars(434237), dollars(CO_PROSPER.premium), dollars(CO_PROSPER.care)]);
    assert.deepEqual([dollars(CO_PROSPER.premium), dollars(CO_PROSPER.care)], ['$2,879.24', '$1,463.13']);
    assert.deepEqual(shown.ranking, ranked(rows), 'the ranking does not change with the option shown');
    const { clicks, keys } = v.report(`${width}px`);
    assert.ok(clicks <= 14 && keys <= 12, `${clicks} clicks and ${keys} keys`);
    await finish(page, 'colorado', width);
    await page.close();
  }
});

// ---- Georgia: a self-only employee with a few visits and a generic drug by mail -----------------

// Care: 2 primary care visits, 1 specialist visit, 1 lab test, a generic drug every three months by
// mail (4 fills of 90 days: "through our mail order program for two copayments", 003 L2477). No
// option's deductible applies to any of it (Prosper's $250, 003 L737, is only where "after the
// deductible" is written: none of these).
const GA = {
  'kp-ga-fehb-2022-high': {
    premium: 11039 * FEHB_EMPLOYEE_PERIODS, // 003 L3709 "High Option Self OnlyF81$244.86$110.39…"
    // primary care $15 (003 L865), specialist $30 (L867), lab nothing (L931), generic $5 (L2509)
    care: 2 * 1500 + 3000 + 0 + 4 * (2 * 500),
    outOfPocketMax: 400000, // $4,000 per person (003 L753)
  },
  'kp-ga-fehb-2022-standard': {
    premium: 6931 * FEHB_EMPLOYEE_PERIODS, // 003 L3712 "Standard Option Self OnlyF84$207.94$69.31…"
    // primary care $20 (L869), specialist $40 (L871), lab nothing (L933), generic $5 (L2517)
    care: 2 * 2000 + 4000 + 0 + 4 * (2 * 500),
    outOfPocketMax: 500000, // $5,000 (L753)
  },
  'kp-ga-fehb-2022-prosper': {
    premium: 4600 * FEHB_EMPLOYEE_PERIODS, // 003 L3727 "Prosper Self OnlyLA1$137.99$46.00…"
    // primary care $20 (L873), specialist $40 (L875), lab nothing (L935), generic $5 (L2525)
    care: 2 * 2000 + 4000 + 0 + 4 * (2 * 500),
    outOfPocketMax: 650000, // $6,500 (L753)
  },
};

test('Georgia: a self-only employee with a few visits and a generic drug by mail', async () => {
  const rows = Object.entries(GA)
    .map(([plan, o]) => [plan, o.premium + o.care, o.premium + o.outOfPocketMax])
    .sort((a, b) => a[1] - b[1]);
  // Worked out: Prosper $1,316.00, Standard $1,922.06, High $2,970.14.
  assert.deepEqual(rows.map(([, total]) => total), [131600, 192206, 297014]);
  for (const width of WIDTHS) {
    const page = await openPage(browser, '', { width, height: width === 1280 ? 800 : 844 });
    const v = new Visitor(page, 'georgia');
    await v.choose('[data-key="plan"]', 'kp-ga-fehb-2022-standard');
    await v.typeInto('[data-key="age:you"]', '45');
    await v.open('[data-person="you"] .ce-care');
    await v.open('[data-group="you:doctor"]');
    await v.typeInto('[data-key="count:you:primary_care_visit"]', '2');
    await v.typeInto('[data-key="count:you:specialist_visit"]', '1');
    await v.open('[data-group="you:tests"]');
    await v.typeInto('[data-key="count:you:lab_test"]', '1');
    await v.open('[data-group="you:rx"]');
    await v.click('[data-add-drug="you"]'); // a generic drug, every month, at a plan pharmacy
    const drug = await page.evaluate(() => document.querySelector('cost-estimator').shadowRoot.activeElement.dataset.key.split(':')[1]);
    await v.choose(`[data-key="often:${drug}"]`, 'quarterly');
    await v.choose(`[data-key="channel:${drug}"]`, 'mail');
    assert.equal(await v.at(`[data-fills="${drug}"]`).textContent(), '4 fills of 90 days by mail order');
    await v.settled();
    const shown = await v.shown();
    assert.deepEqual(shown.ranking, ranked(rows));
    const standard = GA['kp-ga-fehb-2022-standard'];
    assert.deepEqual([shown.total, shown.premium, shown.care], [dollars(192206), dollars(standard.premium), dollars(standard.care)]);
    assert.equal(shown.premium, '$1,802.06');
    const { clicks, keys } = v.report(`${width}px`);
    assert.ok(clicks <= 16 && keys <= 8, `${clicks} clicks and ${keys} keys`);
    await finish(page, 'georgia', width);
    await page.close();
  }
});

// ---- County of Fresno: a retiree couple on Medicare, three brand drugs by mail ------------------

// Both 70 and 68 have Medicare Parts A and B. The three drugs are preferred brand-name, every three
// months by mail (4 fills of 90 days each: 12 fills). Premiums are per member per month (002
// L1388–1403), so the year is 12 months of both.
const FRESNO = {
  'kp-ncal-fresno-2025-sa-high-high': {
    // 002 L1511 "Subscriber $341.24 …" and L1512 "1 st Dependent $341.24 …" (Parts A and B column)
    monthly: [34124, 34124],
    // "Brand-name drugs … $20 for up to a 100-day supply" at a plan pharmacy or by mail (002 L6928, L9218–9219)
    care: 12 * 2000,
  },
  'kp-ncal-fresno-2025-sa-low': {
    monthly: [27041, 27041], // 002 L1526, L1527
    // by mail, "$25 Copayment for up to a 30-day supply or a $50 Copayment for a 31-to 100-day supply" (002 L15591–15592)
    care: 12 * 5000,
  },
  // The Traditional HMO prices "Members age 65 and over who are eligible for or have Medicare
  // Parts A&B" (002 L1478): "Subscriber $1,607.02", "Spouse $1,607.02" (L1480–1481). So a
  // Medicare couple may take it, and it is ranked with the other two: the three are the County's
  // one offer.
  'kp-ncal-fresno-2025-traditional': {
    monthly: [160702, 160702],
    // Tier 2 by mail "$40 for up to a 100-day supply" (002 L2084), no deductible (L1834–1835).
    care: 12 * 4000,
  },
};
// Neither Senior Advantage option reaches the Part D limit, $2,000 a member (002 L9228, L15550).
// "At most": the premium, each member's $1,000 medical maximum (no family maximum: 002
// L8290–8298) and $2,000 Part D limit; on Traditional, the "Plan Out-of-Pocket Maximum" $1,500 a
// member, $3,000 a family (002 L1836), and no Part D limit.
const FRESNO_AT_MOST = { 'kp-ncal-fresno-2025-traditional': 300000, other: 2 * 100000 + 2 * 200000 };

/**
 * Through the controls: a County of Fresno retiree of `age` on `plan` with Medicare Parts A and B
 * (and a spouse of `spouseAge`, the same), whose first drug is a preferred brand by mail every
 * quarter (90 days, four fills). Returns the drug's key, for more like it.
 */
async function retireeWithBrandByMail(v, plan, age, spouseAge = null) {
  await v.choose('[data-key="plan"]', plan);
  await v.at('[data-key="medicare:you"]').waitFor();
  await v.typeInto('[data-key="age:you"]', age);
  await v.choose('[data-key="medicare:you"]', 'parts_a_and_b');
  if (spouseAge !== null) {
    await v.click('[data-add="spouse"]');
    await v.type(spouseAge);
    await v.choose('[data-key="medicare:spouse"]', 'parts_a_and_b');
  }
  await v.open('[data-person="you"] .ce-care');
  await v.open('[data-group="you:rx"]');
  await v.click('[data-add-drug="you"]');
  const drug = await v.page.evaluate(() => document.querySelector('cost-estimator').shadowRoot.activeElement.dataset.key.split(':')[1]);
  await v.choose(`[data-key="service:${drug}"]`, 'rx_preferred_brand');
  await v.choose(`[data-key="often:${drug}"]`, 'quarterly');
  await v.choose(`[data-key="channel:${drug}"]`, 'mail');
  return drug;
}

test('County of Fresno: a retiree couple on Medicare, 70 and 68, three brand drugs by mail, paying by the month: the three County options ranked together', async () => {
  const rows = Object.entries(FRESNO)
    .map(([plan, o]) => {
      const premium = 12 * (o.monthly[0] + o.monthly[1]);
      return [plan, premium + o.care, premium + (FRESNO_AT_MOST[plan] ?? FRESNO_AT_MOST.other)];
    })
    .sort((a, b) => a[1] - b[1]);
  // Worked out: Senior Advantage Low $7,089.84, High-High $8,429.76, Traditional
  // 12 × 3,214.04 + 480.00 = $39,048.48.
  assert.deepEqual(rows.map(([, total]) => total), [708984, 842976, 3904848]);
  for (const width of WIDTHS) {
    const page = await openPage(browser, '', { width, height: width === 1280 ? 800 : 844 });
    const v = new Visitor(page, 'fresno');
    const drug = await retireeWithBrandByMail(v, 'kp-ncal-fresno-2025-sa-high-high', '70', '68');
    await v.click(`[data-add-like="${drug}"]`);
    await v.click(`[data-add-like="${drug}"]`);
    assert.deepEqual(await v.at('.ce-drug [data-fills]').allTextContents(), Array(3).fill('4 fills of 90 days by mail order'));
    assert.deepEqual(await v.at('.ce-drug select[data-key^="service:"]').evaluateAll((s) => s.map((x) => x.value)), Array(3).fill('rx_preferred_brand'));
    await v.settled();
    const shown = await v.shown();
    const highHigh = FRESNO['kp-ncal-fresno-2025-sa-high-high'];
    assert.deepEqual([shown.total, shown.premium, shown.care], [dollars(842976), dollars(12 * 2 * 34124), dollars(highHigh.care)]);
    // By the month, in words: $341.24 + $341.24 = $682.48 (002 L1511–1512) "for both of you";
    // Medicare Part B's own premium beside it, paid to Medicare, not added: $185.00 a month each
    // in 2025 (CMS, "2025 Medicare Parts A & B Premiums and Deductibles", data/medicare-years.json).
    assert.equal(await v.at('[data-monthly]').first().textContent(), 'Premium: $682.48 a month for both of you.');
    assert.match(await v.at('[data-part-b]').first().textContent(), /^Medicare Part B: \$185\.00 a month each, paid to Medicare \(2025 standard premium\), not in this total\./);
    // The ranking says which enrollment the options were priced as (per member on all three:
    // said once, in its heading).
    assert.equal(await v.at('[data-options-enrollment]').textContent(), '· priced per person');
    await v.open('[data-panel="people"]');
    await v.at('.ce-person-result').first().waitFor();
    assert.deepEqual(await v.at('.ce-person-result > p.ce-hint').allTextContents(), ['premium $341.24 a month', 'premium $341.24 a month']);

    // The ranking lists the three County options the couple may take, none closed.
    assert.deepEqual(shown.ranking, ranked(rows));
    assert.deepEqual(shown.ranking.map(([plan]) => plan).sort(), ['kp-ncal-fresno-2025-sa-high-high', 'kp-ncal-fresno-2025-sa-low', 'kp-ncal-fresno-2025-traditional']);
    assert.equal(await v.at('[data-closed-options]').count(), 0);
    const { clicks, keys } = v.report(`${width}px`);
    assert.ok(clicks <= 22 && keys <= 8, `${clicks} clicks and ${keys} keys`);
    await finish(page, 'fresno', width);
    await page.close();
  }
});

// ---- County of Fresno: a retiree whose brand drugs by mail reach the Part D limit in spring ------

// One retiree, 72, Parts A and B, on Senior Advantage Low: twenty preferred brand-name drugs, each
// every three months by mail (90 days). A 90-day fill by mail is "$50 Copayment for a 31-to 100-day
// supply" (002 L15591–15592), and a drug taken every three months is filled in January, April, July
// and October (rule 1: fill k of 4 in month floor(12k/4) + 1). January: 20 × $50 = $1,000; April
// another $1,000, which reaches the "$2,000 limit" (002 L15550): July's and October's fills cost
// nothing. Premium $270.41 a month (002 L1526).
const SPRING = {
  premium: 27041,
  partD: [100000, 0, 0, 100000, 0, 0, 0, 0, 0, 0, 0, 0],
  // The payment plan from January, by the rule (42 CFR 423.137; 002 L15703–15706 "Your monthly bill
  // is based on what you owe … plus your previous month's balance, divided by the number of months
  // left in the year"), each bill rounded to the cent, half away from zero:
  // Jan: the lesser of $1,000 and ($2,000 − $0) ÷ 12 = 166.666… → $166.67 ($833.33 left);
  // Feb: $833.33 ÷ 11 = 75.757… → $75.76 ($757.57); Mar: $757.57 ÷ 10 = 75.757 → $75.76 ($681.81);
  // Apr: ($681.81 + $1,000) ÷ 9 = 186.867… → $186.87 ($1,494.94); May: ÷ 8 = 186.8675 → $186.87
  // ($1,308.07); Jun: ÷ 7 = 186.867… → $186.87 ($1,121.20); Jul: ÷ 6 = 186.866… → $186.87 ($934.33);
  // Aug: ÷ 5 = 186.866 → $186.87 ($747.46); Sep: ÷ 4 = 186.865 → $186.87 ($560.59); Oct: ÷ 3 =
  // 186.863… → $186.86 ($373.73); Nov: ÷ 2 = 186.865 → $186.87 ($186.86); Dec: the rest, $186.86.
  bills: [16667, 7576, 7576, 18687, 18687, 18687, 18687, 18687, 18687, 18686, 18687, 18686],
};

test('County of Fresno: a retiree’s twenty brand drugs by mail reach the Part D limit in April; month by month, then spread over the year by the payment plan', async () => {
  assert.equal(SPRING.bills.reduce((a, b) => a + b, 0), 200000, 'the bills add up to the year’s Part D costs');
  const care = SPRING.partD.reduce((a, b) => a + b, 0);
  for (const width of WIDTHS) {
    const page = await openPage(browser, '', { width, height: width === 1280 ? 800 : 844 });
    const v = new Visitor(page, 'fresno-spring');
    const drug = await retireeWithBrandByMail(v, 'kp-ncal-fresno-2025-sa-low', '72');
    for (let i = 1; i < 20; i++) await v.click(`[data-add-like="${drug}"]`);
    assert.equal(await v.at('.ce-drug').count(), 20);
    await v.settled();
    const shown = await v.shown();
    assert.deepEqual([shown.premium, shown.care], [dollars(12 * SPRING.premium), dollars(care)]);

    // Month by month: the premium every month, the drugs in January and April only.
    await v.open('[data-panel="months"]');
    await v.at('[data-months] tbody tr').first().waitFor();
    assert.match(await v.at('[data-months-spread]').textContent(), /spreads each kind of care evenly over the year/);
    const cells = (css) => v.at(css).allTextContents();
    assert.deepEqual(await cells('[data-months] tbody td[data-premium]'), Array(12).fill(dollars(SPRING.premium)));
    assert.deepEqual(await cells('[data-months] tbody td[data-part-d]'), SPRING.partD.map(dollars));
    assert.deepEqual(await cells('[data-months] tbody td[data-total]'), SPRING.partD.map((c) => dollars(c + SPRING.premium)));
    // The plan document's own words: it "doesn't save you money" (002 L15687).
    assert.match((await v.at('[data-payment-plan] .ce-payment-words').textContent()).replace(/\s+/g, ' '), /doesn't save you money/);

    // "Spread my drug costs over the year", from January.
    await v.choose('[data-key="paymentPlan"]', '1');
    await v.at('[data-bills] tbody tr').first().waitFor();
    assert.deepEqual(await cells('[data-bills] td[data-pharmacy]'), SPRING.partD.map(dollars));
    assert.deepEqual(await cells('[data-bills] td[data-bill]'), SPRING.bills.map(dollars));
    // Kept in the link.
    await page.waitForFunction(() => /(^|[#&])ppm=1(&|$)/.test(location.hash));

    // The first drug starts in July instead: filled in July and October only (every three months
    // from July). January and April: 19 × $50 = $950 each ($1,900); July's first two fills, the
    // first drug's (listed first) and the second's, reach the $2,000 limit: $100; the rest nothing.
    await v.choose(`[data-key="month:${drug}"]`, '7');
    await v.at('[data-months-spread]').waitFor({ state: 'detached' });
    await page.waitForFunction(() => /(^|[#&])s=you\*rx_preferred_brand\*[^&]*\*m-7(\*|&|$)/.test(location.hash));
    await v.settled();
    assert.deepEqual(await cells('[data-months] tbody td[data-part-d]'), [95000, 0, 0, 95000, 0, 0, 10000, 0, 0, 0, 0, 0].map(dollars));
    const { clicks, keys } = v.report(`${width}px`);
    assert.ok(clicks <= 42 && keys <= 4, `${clicks} clicks and ${keys} keys`);
    await finish(page, 'fresno-spring', width);
    await page.close();
  }
});

// ---- The engine's choices, said: the cheaper enrollment, and options a household may not take ---

test('A Colorado couple on High Option is told Self and Family costs $1,287 less; a Fresno couple without Medicare sees Senior Advantage closed, with the line that says why', async () => {
  const page = await openPage(browser, '', { width: 1280, height: 800 });
  const v = new Visitor(page, 'choices');
  // Self Plus One's share $281.56 and Self and Family's $232.06 biweekly (001 L3839–3840): the
  // couple may take either ("the enrollee and one or more eligible family members", L288), and
  // (281.56 − 232.06) × 26 = $1,287.00 a year less on Self and Family, which the engine takes.
  await v.choose('[data-key="plan"]', 'kp-co-fehb-2022-high');
  await v.typeInto('[data-key="age:you"]', '45');
  await v.click('[data-add="spouse"]');
  await v.type('43');
  await v.settled();
  assert.equal(await v.at('[data-enrollment-saving]').textContent(), 'Self and Family costs $1,287.00 less for the two of you than Self Plus One.');
  assert.equal(await v.at('[data-figure="premium"]').textContent(), dollars(23206 * FEHB_EMPLOYEE_PERIODS));
  // The visitor may still pick Self Plus One: its share, 281.56 × 26 = $7,320.56.
  await v.choose('[data-key="enrollment"]', 'self_plus_one');
  await v.settled();
  assert.equal(await v.at('[data-figure="premium"]').textContent(), dollars(28156 * FEHB_EMPLOYEE_PERIODS));
  // A type the couple may not take (Self Only covers one person, 001 L288's "the enrollee") is
  // explained, not ignored: the figures are the engine's choice, Self and Family's $6,033.56.
  await v.choose('[data-key="enrollment"]', 'self_only');
  await v.settled();
  assert.equal(
    await v.at('[data-enrollment-hint]').textContent(),
    'Self Only covers one person, and 2 are listed: the figures are for Self and Family, which your household may take, until you change the type or the people.',
  );
  assert.equal(await v.at('[data-figure="premium"]').textContent(), dollars(23206 * FEHB_EMPLOYEE_PERIODS));

  // A County of Fresno couple of 60 and 58 without Medicare: Senior Advantage requires Part B
  // ("You must have Medicare Part B", 002 L7487 High-High, L13851 Low), so both are named as
  // closed and not priced; Traditional prices them by its under-65 rows, subscriber $1,677.13 and
  // spouse $1,408.79 a month (L1412–1413): 12 × 3,085.92 = $37,031.04 with no care.
  await v.choose('[data-key="plan"]', 'kp-ncal-fresno-2025-traditional');
  await v.at('[data-key="medicare:you"]').waitFor();
  await v.typeInto('[data-key="age:you"]', '60');
  await v.choose('[data-key="medicare:you"]', 'none');
  await v.typeInto('[data-key="age:spouse"]', '58');
  await v.choose('[data-key="medicare:spouse"]', 'none');
  await v.settled();
  const shown = await v.shown();
  assert.equal(shown.total, dollars(12 * (167713 + 140879)));
  await v.at('[data-closed-options]').waitFor();
  const closed = await v.at('li[data-closed]').evaluateAll((li) => li.map((x) => [x.dataset.plan, x.dataset.closed, x.textContent.replace(/\s+/g, ' ').trim()]));
  assert.deepEqual(
    closed.map(([plan, code]) => [plan, code]),
    [
      ['kp-ncal-fresno-2025-sa-high-high', 'medicare_part_b_required'],
      ['kp-ncal-fresno-2025-sa-low', 'medicare_part_b_required'],
    ],
  );
  assert.match(closed[0][2], /its members must have Medicare Part B \(document line 7487: “?You must have Medicare Part B/);
  assert.match(closed[1][2], /document line 13851/);
  v.report('1280px');
  await accessibleOnScreenAndInPrint(page, 'choices at 1280px');
  await shot(page, 'walk-choices-1280.png');
  assert.deepEqual(page.problems, []);
  await page.close();
});

// ---- KP Plus: an out-of-network visit, balance billed -------------------------------------------

test('KP Plus: an out-of-network specialist visit whose provider bills more than the allowed price', async () => {
  // Premium: the example's premiums are the Colorado Standard Option's (its sample_figures), Self
  // Only your share $76.06 biweekly (001 L3841 "Standard Option Self Only654$228.17$76.06…").
  const premium = 7606 * FEHB_EMPLOYEE_PERIODS;
  // The visit out of network: the tier's sample 30% of the maximum allowable charge (the typical
  // specialist price, $250), plus what the provider bills above it: "may bill members for any
  // difference between their billed rate and the maximum allowable charge" (000 L23).
  const allowed = 25000;
  const billed = 40000;
  const care = (allowed * 30) / 100 + (billed - allowed);
  assert.deepEqual([dollars(premium), dollars(care), dollars(premium + care)], ['$1,977.56', '$225.00', '$2,202.56']);
  for (const width of WIDTHS) {
    const page = await openPage(browser, '', { width, height: width === 1280 ? 800 : 844 });
    const v = new Visitor(page, 'kp-plus');
    await v.choose('[data-key="plan"]', 'kp-plus-example-co-2022-standard');
    await v.typeInto('[data-key="age:you"]', '45');
    await v.open('[data-person="you"] .ce-care');
    await v.open('[data-group="you:doctor"]');
    await v.typeInto('[data-key="count:you:specialist_visit"]', '1');
    await v.click('[data-row="you:specialist_visit"] [data-key^="oon:"]');
    await v.typeInto('[data-row="you:specialist_visit"] [data-key^="billed:"]', '400');
    await v.settled();
    const shown = await v.shown();
    assert.deepEqual([shown.total, shown.premium, shown.care], [dollars(premium + care), dollars(premium), dollars(care)]);
    assert.deepEqual(shown.ranking, [], 'an example plan of its own: nothing to rank it against');
    // The line says why: the sample coinsurance and the amount billed above the allowed price.
    await v.open('[data-panel="details"]');
    const line = (await v.at('[data-panel="details"] tr[data-service="specialist_visit"]').textContent()).replace(/\s+/g, ' ');
    assert.match(line, /You pay \$75\.00 coinsurance/);
    assert.match(line, /plus \$150\.00 the provider billed above the allowed price/);
    assert.match(line, /sample figures that come from no document/);
    const { clicks, keys } = v.report(`${width}px`);
    assert.ok(clicks <= 12 && keys <= 8, `${clicks} clicks and ${keys} keys`);
    await finish(page, 'kp-plus', width);
    await page.close();
  }
});
