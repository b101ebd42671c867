// The census element's table helpers (www/cost-estimator/census/table.js), in Node: exact
// cents, households grouped, sorting without floats, and the CLI's CSV written back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CSV_HEADER, cents, csvField, csvOf, households, sortHouseholds } from '../www/cost-estimator/census/table.js';
import { ROOT } from './support.mjs';

test('amounts become whole cents exactly, and anything else is refused', () => {
  assert.equal(cents('0'), 0n);
  assert.equal(cents('1234.5'), 123450n);
  assert.equal(cents('90071992547409.93'), 9007199254740993n, 'beyond a double’s exact range');
  assert.equal(cents('-0.25'), -25n);
  for (const bad of ['', '1.005', '1e3', ' 1', 'NaN', '1,000']) assert.throws(() => cents(bad), /not an amount/, bad);
});

test('fields are quoted as the CLI quotes them', () => {
  assert.equal(csvField('B1'), 'B1');
  assert.equal(csvField('Smith, Jo'), '"Smith, Jo"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
});

/** A golden census output read back into rows (the household may be quoted). */
function readOut(name) {
  const text = readFileSync(join(ROOT, 'tests', 'golden', 'census', `${name}.out`), 'utf8');
  const rows = [];
  for (const line of text.trim().split('\n').slice(1)) {
    const m = /^("(?:[^"]|"")*"|[^,]*),(.*)$/.exec(line);
    const household = m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1];
    const [plan, enrollment, premium_annual, member_pays_total, total_annual_cost, cheapest] = m[2].split(',');
    rows.push({ household, plan, enrollment, premium_annual, member_pays_total, total_annual_cost, cheapest: cheapest === 'true' });
  }
  return { text, rows };
}

test('the rows written back are the CLI’s file, byte for byte', () => {
  for (const name of ['basic', 'bad-rows', 'quirks', 'ties', 'fresno', 'benefix']) {
    const { text, rows } = readOut(name);
    assert.ok(text.startsWith(`${CSV_HEADER}\n`));
    assert.equal(csvOf(rows), text, name);
  }
});

test('households group their rows, and sort by household or by an option’s total, ties in file order', () => {
  const { rows } = readOut('ties');
  const list = households(rows);
  assert.equal(list.length, new Set(rows.map((r) => r.household)).size);
  for (const h of list) assert.ok(h.cheapest.length >= 1, `${h.household} has a cheapest option`);
  const plan = rows[0].plan;
  const up = sortHouseholds(list, plan, 1);
  for (let i = 1; i < up.length; i++) assert.ok(cents(up[i - 1].totals[plan].total_annual_cost) <= cents(up[i].totals[plan].total_annual_cost));
  const down = sortHouseholds(list, plan, -1);
  assert.deepEqual(down.map((h) => h.totals[plan].total_annual_cost), up.map((h) => h.totals[plan].total_annual_cost).reverse());
  const named = sortHouseholds([{ household: 'B10', totals: {} }, { household: 'B2', totals: {} }, { household: 'a1', totals: {} }], 'household');
  assert.deepEqual(named.map((h) => h.household), ['a1', 'B2', 'B10']);
  assert.deepEqual(sortHouseholds(list, 'file').map((h) => h.household), list.map((h) => h.household));
});
