// The year month by month on the page (issue #22 item 5), in Node: a use's month and a drug's
// starting month go into the scenario as rule 1 reads them (docs/domain.md), the payment plan's
// opt-in month only on a plan with Part D, and both survive a shared link; an embedder's
// scenario with them is shown, with a drug's single month refused as the form cannot hold it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkScenario } from '../www/cost-estimator/state/scenario-check.js';
import { drugMonths, fieldOf, fromScenario, toScenario } from '../www/cost-estimator/state/scenario.js';
import { createStore, initialState } from '../www/cost-estimator/state/store.js';
import { decodeState, encodeState } from '../www/cost-estimator/state/url-state.js';
import { addCents, sumCents } from '../www/cost-estimator/views/months.js';
import { ROOT, buildCli, cli } from './support.mjs';

buildCli();

const vocabulary = JSON.parse(readFileSync(join(ROOT, 'data', 'services.json'), 'utf8'));
const units = new Map(vocabulary.services.map((s) => [s.id, s.unit]));
/** A plan's view, as the engine gives it to the page (`costshare plan ID`, the .wasm's planView). */
function readPlan(id) {
  const r = cli('plan', id);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}
const low = readPlan('kp-ncal-fresno-2025-sa-low');
const colorado = readPlan('kp-co-fehb-2022-high');

test('a drug that starts in a month: one fill a month, a quarter, once, or the typed fills spread from it', () => {
  assert.deepEqual(drugMonths('monthly', 12, 7), [7, 8, 9, 10, 11, 12]);
  assert.deepEqual(drugMonths('quarterly', 4, 2), [2, 5, 8, 11]);
  assert.deepEqual(drugMonths('quarterly', 4, 11), [11]);
  assert.deepEqual(drugMonths('once', 1, 5), [5]);
  // Rule 1's spread over the months left: fill k of n in month start + floor(k × (13 − start) / n).
  assert.deepEqual(drugMonths('custom', 4, 10), [10, 10, 11, 12]);
  assert.equal(drugMonths('custom', 'abc', 10), null);
});

test('the months and the payment plan go into the scenario; the payment plan only where there is Part D', () => {
  const s = createStore(initialState({ plan: low.id }));
  s.dispatch('setPersonField', 'you', 'age', '70');
  s.dispatch('setCount', 'you', 'specialist_visit', '2', 'visit');
  s.dispatch('setUseField', 'u1', 'month', '4');
  s.dispatch('addDrug', 'you', 'rx_preferred_brand');
  s.dispatch('setUseField', 'u2', 'month', '7');
  s.dispatch('setPaymentPlan', '3');
  const { scenario } = toScenario(s.state, low, units);
  assert.deepEqual(scenario.services[0], { member: 'you', service: 'specialist_visit', count: 2, month: 4 });
  assert.deepEqual(scenario.services[1], { member: 'you', service: 'rx_preferred_brand', count: 6, days_supply: 30, channel: 'retail', months: [7, 8, 9, 10, 11, 12] });
  assert.deepEqual(scenario.payment_plan, { opt_in_month: 3 });
  // Through the year again: no month is sent, the engine spreads the claims (rule 1).
  s.dispatch('setUseField', 'u1', 'month', '');
  assert.equal('month' in toScenario(s.state, low, units).scenario.services[0], false);
  // A plan without Part D is priced without it (the choice stays for when one comes back).
  s.dispatch('choosePlan', colorado.id, colorado);
  assert.equal('payment_plan' in toScenario(s.state, colorado, units).scenario, false);
  assert.equal(s.state.paymentPlan, '3');
  s.dispatch('setPaymentPlan', '13');
  assert.equal(s.state.paymentPlan, '');
});

test('a shared link keeps a use’s month and the opt-in month; a month it does not know is said', () => {
  const s = createStore(initialState({ plan: low.id }));
  s.dispatch('setPersonField', 'you', 'age', '70');
  s.dispatch('setCount', 'you', 'specialist_visit', '1', 'visit');
  s.dispatch('setUseField', 'u1', 'month', '11');
  s.dispatch('setPaymentPlan', '4');
  const hash = encodeState('', s.state);
  assert.match(hash, /m-11/);
  assert.match(hash, /ppm=4/);
  const back = decodeState(hash);
  assert.equal(back.care[0].month, '11');
  assert.equal(back.paymentPlan, '4');
  const bad = decodeState(hash.replace('m-11', 'm-13').replace('ppm=4', 'ppm=x'));
  assert.equal(bad.care[0].month, '');
  assert.equal(bad.paymentPlan, '');
  assert.deepEqual(bad.linkIssues.map((i) => [i.what, i.value]), [['month', '13'], ['month', 'x']]);
});

test('an embedder’s scenario with months and a payment plan is shown; a drug given one month is refused', () => {
  const known = { offered: new Map([[low.id, low]]), catalog: new Set([low.id]), vocabulary: units };
  const scenario = {
    plan: low.id,
    members: [{ id: 'you', age: 70 }],
    services: [{ member: 'you', service: 'specialist_visit', count: 1, month: 5 }],
    payment_plan: { opt_in_month: 2 },
  };
  assert.equal(checkScenario(scenario, known), null);
  const state = fromScenario(scenario, units);
  assert.equal(state.care[0].month, '5');
  assert.equal(state.paymentPlan, '2');
  const drug = { ...scenario, services: [{ member: 'you', service: 'rx_generic', count: 12, days_supply: 30, month: 3 }] };
  assert.deepEqual([checkScenario(drug, known).code, checkScenario(drug, known).field], ['unknown_field', 'services[0].month']);
  assert.equal(checkScenario({ ...scenario, payment_plan: 3 }, known).field, 'payment_plan');
  // The engine's refusal lands at the field that holds the value.
  assert.equal(fieldOf({ field: 'services[0].month', origin: 'scenario' }, { uses: ['u1'], people: ['you'] }, scenario), 'month:u1');
  assert.equal(fieldOf({ field: 'payment_plan', origin: 'scenario' }, { uses: [], people: [] }, scenario), 'paymentPlan');
});

test('an embedder’s scenario the form cannot hold as the engine reads it is refused at its field, not changed', () => {
  const known = { offered: new Map([[low.id, low]]), catalog: new Set([low.id]), vocabulary: units, planView: low };
  const base = { plan: low.id, members: [{ id: 'you', age: 70 }] };
  const refused = (services, prices) => {
    const e = checkScenario({ ...base, services, ...(prices ? { prices } : {}) }, known);
    return e && [e.code, e.field];
  };
  const visit = { member: 'you', service: 'specialist_visit', count: 1 };
  const stay = { member: 'you', service: 'inpatient_stay', count: 1, days: 3 };
  assert.equal(refused([visit, stay]), null);
  // A stay's price is a day's on the form: a whole stay's `allowed` would be read as a day's.
  assert.deepEqual(refused([stay], { inpatient_stay: { allowed: '24000.00' } }), ['invalid_type', 'prices.inpatient_stay']);
  assert.equal(refused([stay], { inpatient_stay: { per_day: '3000.00' } }), null);
  // No care is not a count (the engine: 1 to 1,000).
  assert.deepEqual(refused([{ ...visit, count: 0 }]), ['out_of_range', 'services[0].count']);
  // Fields of another kind of care, and a stay without its days.
  assert.deepEqual(refused([{ ...visit, days: 2 }]), ['not_applicable', 'services[0].days']);
  assert.deepEqual(refused([{ ...visit, channel: 'mail' }]), ['not_applicable', 'services[0].channel']);
  assert.deepEqual(refused([{ member: 'you', service: 'inpatient_stay', count: 1 }]), ['missing_field', 'services[0].days']);
  // Out of network where the plan has no out-of-network tier (the engine: not covered).
  assert.deepEqual(refused([{ ...visit, network: 'out_of_network' }]), ['not_applicable', 'services[0].network']);
});

test('the months table adds the engine’s decimal strings in whole cents', () => {
  assert.equal(addCents('270.41', '480.00'), '750.41');
  assert.equal(addCents('0.10', '0.20'), '0.30');
  assert.equal(sumCents(['166.67', '75.76', '125.76']), '368.19');
});
