// The view model (www/cost-estimator/view-model.js) in Node: what the views draw, from the state
// and the data files as the element reads them. No browser, no engine: a pure function of its
// input, so each case here is a state and the words or flags the page must show for it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createStore, initialState } from '../www/cost-estimator/state/store.js';
import { viewModel } from '../www/cost-estimator/view-model.js';
import { ROOT, buildCli, cli } from './support.mjs';

buildCli();

const read = (file) => JSON.parse(readFileSync(join(ROOT, 'data', file), 'utf8'));
const vocabulary = read('services.json');
/** The data files as data.js gives them to the element. */
const data = {
  catalog: { plans: [] },
  services: { value: vocabulary, units: new Map(vocabulary.services.map((s) => [s.id, s.unit])), byId: new Map(vocabulary.services.map((s) => [s.id, s])) },
  prices: { value: read('typical-prices.json') },
  presets: { value: read('usage-presets.json') },
};
/** A plan's view, as the engine gives it (`costshare plan ID`: the same as the .wasm's
 * planView, tests/wasm.test.mjs). */
function planFile(id) {
  const r = cli('plan', id);
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}
/** A plan's catalog entry (scripts/build-site.mjs). */
const entry = (plan) => ({ id: plan.id, name: plan.name, short_name: plan.short_name, es: plan.es, offer: { id: plan.offer.id, name: plan.offer.name, es: plan.offer.es } });
const standard = planFile('kp-co-fehb-2022-standard');
const medicare = planFile('kp-ncal-fresno-2025-sa-low');

function store(plan = standard) {
  const s = createStore(initialState({ plan: plan.id }));
  s.dispatch('setPersonField', 'you', 'age', '40');
  return s;
}
const vm = (s, extra = {}) => viewModel({ state: s.state, tag: 'en', data, plan: standard, planRead: true, offered: [entry(standard)], ...extra });

test('the form is drawn with the first answer, or once it has waited; never before the data and a plan', () => {
  const s = store();
  assert.equal(viewModel({ state: s.state, tag: 'en' }).ready, false, 'no data yet');
  assert.equal(vm(s, { planRead: false }).ready, false, 'no plan read yet');
  assert.equal(vm(s).ready, false, 'no answer yet');
  s.dispatch('formWaited');
  assert.equal(vm(s).ready, true, 'waited long enough');
  const t = store();
  t.dispatch('estimated', t.state.revision, { plan: standard.id });
  assert.equal(vm(t).ready, true, 'the first answer');
});

test('the ranking is shown only for the plan it was asked about, with two options or more', () => {
  const s = store();
  assert.equal(vm(s).comparing, false);
  s.dispatch('ranked', `${standard.id}||`, [standard.id, 'kp-co-fehb-2022-high']);
  assert.equal(vm(s).comparing, true);
  // An option chosen from the ranking keeps the ranking in view (marked updating) until the
  // engine ranks again: its focus and its words stay where the visitor is.
  s.dispatch('choosePlan', 'kp-co-fehb-2022-high');
  assert.equal(vm(s).comparing, true, 'a plan the ranking lists');
  s.dispatch('choosePlan', 'kp-ga-fehb-2022-high');
  assert.equal(vm(s).comparing, false, 'asked about another plan, which it does not list');
  s.dispatch('ranked', 'kp-ga-fehb-2022-high||', ['kp-ga-fehb-2022-high']);
  assert.equal(vm(s).comparing, false, 'one option');
});

test('the live region says the option shown, its total and whether it is the cheapest, in both languages', () => {
  const high = planFile('kp-co-fehb-2022-high');
  const offered = [entry(standard), entry(high)];
  const s = store();
  const said = (tag = 'en') => viewModel({ state: s.state, tag, data, plan: standard, planRead: true, offered }).spokenAnswer();
  assert.equal(said(), '', 'nothing before an answer');
  const option = (plan, total, rank) => ({ plan, rank, cheapest: rank === 1, estimate: { total_annual_cost: total }, worst_case: null });
  s.dispatch('estimated', s.state.revision, { plan: standard.id, total_annual_cost: '4889.14' });
  assert.equal(said(), 'Standard Option: $4,889.14 for the year.', 'no ranking yet');
  s.dispatch('ranked', `${standard.id}||`, [standard.id, high.id]);
  s.dispatch('compared', s.state.revision, { options: [option(standard.id, '4889.14', 1), option(high.id, '7433.56', 2)], cheapest: standard.id });
  assert.equal(said(), 'Standard Option: $4,889.14 for the year, the cheapest of the 2 options.');
  assert.equal(said('es'), 'Opción Estándar: $4,889.14 al año, la más barata de las 2 opciones.');
  s.dispatch('choosePlan', high.id);
  s.dispatch('estimated', s.state.revision, { plan: high.id, total_annual_cost: '7433.56' });
  s.dispatch('compared', s.state.revision, { options: [option(standard.id, '4889.14', 1), option(high.id, '7433.56', 2)], cheapest: standard.id });
  assert.equal(said(), 'High Option: $7,433.56 for the year. Standard Option costs less: $4,889.14.');
  assert.equal(said('es'), 'Opción Alta: $7,433.56 al año. Opción Estándar cuesta menos: $4,889.14.');
});

test('care in words: visits counted, drugs by how often and where, nothing for care the plan does not price', () => {
  const s = store();
  s.dispatch('setCount', 'you', 'specialist_visit', '4', 'visit');
  s.dispatch('addDrug', 'you', 'rx_generic');
  s.dispatch('setUseField', s.state.care[1].key, 'channel', 'mail');
  s.dispatch('setCount', 'you', 'not_a_service', '3', 'visit');
  assert.equal(vm(s).careInWords('you'), 'Specialist office visit × 4; Generic drug: 12 fills of 30 days by mail order');
  const empty = store();
  assert.equal(vm(empty).careInWords('you'), 'no care chosen');
});

test('words looked up by a value never reach Object.prototype (a link’s “constructor”, an unknown enrollment)', () => {
  const s = store();
  s.dispatch('addDrug', 'you', 'rx_generic');
  s.dispatch('setUseField', s.state.care[0].key, 'channel', 'constructor');
  assert.doesNotMatch(vm(s).careInWords('you'), /function|native code|object Object/);
  const line = vm(s).householdLine({ members: [{ id: 'you', age: 40 }], enrollment: 'constructor', pay_schedule: '__proto__' });
  assert.equal(line, 'You (40) · constructor · __proto__');
  assert.equal(vm(s).presetName('constructor'), 'constructor');
});

test('the Medicare warning: said for a member under 65 on a plan that requires Part B, unless the status says why', () => {
  const s = store(medicare);
  const model = () => viewModel({ state: s.state, tag: 'en', data, plan: medicare, planRead: true, offered: [entry(medicare)] });
  assert.match(model().medicareWarning(s.state.people[0]), /^You are 40: members of this Medicare Advantage plan must have Medicare Part B/);
  s.dispatch('setPersonField', 'you', 'medicare', 'none');
  assert.equal(model().medicareWarning(s.state.people[0]), '', 'the status says why (and the engine refuses it)');
  s.dispatch('setPersonField', 'you', 'medicare', '');
  s.dispatch('setPersonField', 'you', 'age', '70');
  assert.equal(model().medicareWarning(s.state.people[0]), '');
  assert.equal(vm(store()).medicareWarning(store().state.people[0]), '', 'not on a plan without the rule');
  assert.equal(model().medicarePlan, true);
  assert.deepEqual(model().channels, ['retail', 'mail']);
});

test('names in the element’s language; the services and groups the plan prices; a field’s error from the state', () => {
  const s = store();
  const es = viewModel({ state: s.state, tag: 'es-MX', data, plan: standard, planRead: true, offered: [entry(standard)] });
  assert.equal(es.w.locale, 'es-MX');
  assert.equal(es.planNames(standard.id).short, standard.es?.short_name ?? standard.short_name);
  assert.equal(es.planNames('added-elsewhere').short, 'added-elsewhere', 'a plan it does not know: its id');
  assert.equal(es.personName('you'), 'Usted');
  const model = vm(s);
  const all = model.groups.flatMap((g) => g.services.map((x) => x.id));
  assert.ok(all.every((id) => standard.services.some((b) => b.id === id)), 'only services the plan prices');
  assert.ok(all.includes('primary_care_visit'));
  s.dispatch('refused', s.state.revision, { 'age:you': { code: 'out_of_range' } }, null);
  assert.deepEqual(vm(s).error('age:you'), { code: 'out_of_range' });
  assert.equal(vm(s).id('age', 'child 1'), 'ce-age-child_1');
});

test('the element’s own status is read from the store: width, waiting, print, share, copied, the live region', () => {
  const s = store();
  s.dispatch('resized', 640);
  s.dispatch('printable');
  s.dispatch('shareStep', 'open');
  s.dispatch('copied', true);
  s.dispatch('announce', 'Total $1.00');
  s.dispatch('loadFailed', { code: 'wasm_refused', message: 'x' });
  const model = vm(s);
  assert.deepEqual([model.width, model.printable, model.share, model.copied, model.announcement, model.loadError.code], [640, true, 'confirming', true, 'Total $1.00', 'wasm_refused']);
  s.dispatch('shareStep', 'sent', '3:04 PM');
  assert.deepEqual([vm(s).share, vm(s).sharedAt], ['sent', '3:04 PM']);
});

test('what the engine assumed is worded by its code in either language, never from its English', () => {
  // As the engine gives them (src/engine/assumed.rs): code, member and an English message the
  // page does not show. (The CMS table's codes, `cms_usage` …, cannot reach the element: its
  // form has no `usage`, and a scenario giving one is refused, state/scenario-check.js.)
  const assumed = [
    { code: 'medicare_assumed', member: 'you', message: 'ENGLISH' },
    { code: 'medicare_eligibility_unknown', member: 'you', message: 'ENGLISH' },
    { code: 'premium_before_contribution', member: null, message: 'ENGLISH' },
    { code: 'contribution_capped', member: null, message: 'ENGLISH' },
  ];
  for (const tag of ['en', 'es']) {
    const words = vm(store(), { tag }).engineAssumptions({ assumptions: assumed });
    assert.equal(words.length, assumed.length);
    for (const [i, w] of words.entries()) {
      assert.ok(!w.includes('ENGLISH') && !w.includes(assumed[i].code.replace(/_/g, ' ')), `${tag}: ${assumed[i].code} has no words of its own: ${w}`);
    }
    assert.match(words[0], tag === 'en' ? /^You: no Medicare status given/ : /^Usted: no se indicó/, tag);
  }
  // A code the page does not know is still said (its code in words), never dropped.
  assert.deepEqual(vm(store()).engineAssumptions({ assumptions: [{ code: 'new_kind', member: null, message: 'x' }] }), ['new kind.']);
});
