// The URL fragment ↔ state ↔ scenario round trip, in Node: a shared link reopens the same
// household, care, prices and view, and a hostile link shows its bad values at their fields.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createStore, initialState, shownError } from '../www/cost-estimator/state/store.js';
import { fromScenario, toScenario } from '../www/cost-estimator/state/scenario.js';
import { decodeState, encodeState } from '../www/cost-estimator/state/url-state.js';
import { DEMO, ROOT } from './support.mjs';

const vocabulary = JSON.parse(readFileSync(join(ROOT, 'data', 'services.json'), 'utf8'));
const units = new Map(vocabulary.services.map((s) => [s.id, s.unit]));
/** A plan's view as the engine gives it (the fields toScenario reads). */
const plan = (types = ['self_only', 'self_plus_one', 'self_and_family']) => ({
  enrollment: { types: types.map((type) => ({ type })) },
  pay_schedules: [{ pay_schedule: 'biweekly' }, { pay_schedule: 'monthly' }],
  medicare: { asks: types.includes('per_member') },
  part_d: false,
  defaults: { days_supply: 30 },
  services: vocabulary.services.map((s) => ({ id: s.id, unit: s.unit })),
});

function household() {
  const s = createStore(initialState({ plan: 'kp-co-fehb-2022-high' }));
  s.dispatch('setPersonField', 'you', 'age', '45');
  s.dispatch('addPerson', 'spouse');
  s.dispatch('setPersonField', 'spouse', 'age', '44');
  s.dispatch('addPerson', 'child');
  s.dispatch('setPersonField', 'child-1', 'age', '9');
  s.dispatch('setCount', 'child-1', 'primary_care_visit', '3', 'visit');
  s.dispatch('setCount', 'you', 'emergency_room_visit', '1', 'visit');
  s.dispatch('setUseField', s.state.care[1].key, 'admitted', true);
  s.dispatch('setCount', 'you', 'inpatient_stay', '1', 'admission');
  s.dispatch('setUseField', s.state.care[2].key, 'days', '4');
  s.dispatch('addDrug', 'spouse', 'rx_specialty');
  s.dispatch('setUseField', s.state.care[3].key, 'often', 'quarterly');
  s.dispatch('setUseField', s.state.care[3].key, 'channel', 'mail');
  s.dispatch('addDrug', 'you');
  s.dispatch('setUseField', s.state.care[4].key, 'often', 'custom');
  s.dispatch('setUseField', s.state.care[4].key, 'supply', '45');
  s.dispatch('setPrice', 'inpatient_stay', '3100.00');
  s.dispatch('setPay', 'monthly');
  s.dispatch('setEnrollment', 'self_and_family');
  s.dispatch('setContribution', 'amount', '250.00');
  s.dispatch('toggle', 'chart', true);
  return s.state;
}

test('a link reopens the same household, care, prices, contribution and open panels', () => {
  const state = household();
  const hash = encodeState('#lang=es', state);
  assert.match(hash, /lang=es/, 'other keys of the fragment stay');
  const back = decodeState(hash);
  for (const key of ['plan', 'enrollment', 'pay', 'people', 'prices', 'contribution', 'open']) assert.deepEqual(back[key], state[key], key);
  assert.deepEqual(
    back.care.map(({ key, ...u }) => u),
    state.care.map(({ key, ...u }) => ({ ...u, supply: u.often === 'custom' ? u.supply : undefined })).map((u) => Object.fromEntries(Object.entries(u).filter(([, v]) => v !== undefined))),
  );
  // And the engine gets the same scenario from the reopened state.
  const reopened = createStore(initialState());
  reopened.dispatch('load', back);
  assert.deepEqual(toScenario(reopened.state, plan(), units).scenario, toScenario(state, plan(), units).scenario);
});

test('scenario → state → URL → state → scenario gives the scenario back (the demo)', () => {
  const input = fromScenario(DEMO.scenario, units);
  const first = createStore(initialState());
  first.dispatch('load', input);
  const scenario = toScenario(first.state, plan(), units).scenario;
  const second = createStore(initialState());
  second.dispatch('load', decodeState(encodeState('', first.state)));
  assert.deepEqual(toScenario(second.state, plan(), units).scenario, scenario);
  // The page's ids for DEMO's people (its own, renamed by role) carry everything else unchanged.
  assert.equal(scenario.services.length, DEMO.scenario.services.length);
  assert.deepEqual(scenario.services.map((s) => s.service), DEMO.scenario.services.map((s) => s.service));
});

test('two elements keep apart under their prefixes', () => {
  const state = household();
  const hash = encodeState(encodeState('', state, 'a'), { ...state, plan: 'kp-ga-fehb-2022-high' }, 'b');
  assert.equal(decodeState(hash, 'a').plan, 'kp-co-fehb-2022-high');
  assert.equal(decodeState(hash, 'b').plan, 'kp-ga-fehb-2022-high');
  assert.equal(decodeState(hash), null);
});

test('counts in a link are what the field shows, and the engine gets them as text unless they are plain digits', () => {
  const hash = '#plan=kp-co-fehb-2022-high&p=you*40&s=you*lab_test*0x10&s=you*xray*0b11&s=you*specialist_visit*%25203%2520&s=you*primary_care_visit*4';
  const state = decodeState(hash);
  assert.deepEqual(state.care.map((u) => u.count), ['0x10', '0b11', ' 3 ', '4']);
  const s = createStore(initialState());
  s.dispatch('load', state);
  const { scenario } = toScenario(s.state, plan(), units);
  assert.deepEqual(scenario.services.map((u) => u.count), ['0x10', '0b11', ' 3 ', 4]);
});

test('a hostile link is read as data: markup stays text, unknown keys and services are dropped, people are capped', () => {
  const evil = encodeURIComponent('<img src=x onerror=alert(1)>');
  const many = Array.from({ length: 40 }, (_, i) => `p=k${i}*30`).join('&');
  const state = decodeState(`#plan=${evil}&p=you*${evil}&s=you*${evil}*1&s=nobody*lab_test*1&${many}&price-${evil}=1&open=chart,${evil}`);
  assert.equal(state.plan, '<img src=x onerror=alert(1)>');
  assert.equal(state.people[0].age, '<img src=x onerror=alert(1)>');
  assert.equal(state.care.length, 0);
  assert.equal(state.people.length, 20);
  assert.deepEqual(state.prices, {});
  assert.deepEqual(state.open, { chart: true });
});

test('an older link (days’ supply without how often) keeps its fills and supply', () => {
  const state = decodeState('#plan=kp-co-fehb-2022-high&p=you*40&s=you*rx_generic*3*ds-60*ch-retail');
  assert.deepEqual([state.care[0].often, state.care[0].count, state.care[0].supply], ['custom', '3', '60']);
  const s = createStore(initialState());
  s.dispatch('load', state);
  assert.deepEqual(toScenario(s.state, plan(), units).scenario.services[0], { member: 'you', service: 'rx_generic', count: 3, days_supply: 60, channel: 'retail' });
});

// ---- links that name what is not there (issue #21) ------------------------------------------

/** The standard option's catalog entry (what the page knows of it before the engine's view). */
const standardPlan = { id: 'kp-co-fehb-2022-standard', short_name: 'Standard Option', offer: { id: 'kp-co-fehb-2022', name: 'Kaiser Permanente Colorado FEHB 2022' } };
const known = { plans: new Map([['kp-co-fehb-2022-standard', standardPlan]]), fallback: 'kp-co-fehb-2022-standard', services: units };
const BASE = '#plan=kp-co-fehb-2022-standard&p=you*40';

/** Every key of a link, each with `v` where its value goes. */
const everyKey = (v) => [
  `plan=${v}`,
  `enr=${v}`,
  `pay=${v}`,
  `p=${v}*40`,
  `p=you*${v}`,
  `p=you*40*mc-${v}`,
  `s=${v}*primary_care_visit*1`,
  `s=you*${v}*3`,
  `s=you*primary_care_visit*${v}`,
  `s=you*inpatient_stay*1*d-${v}`,
  `s=you*rx_generic*3*ds-${v}`,
  `s=you*rx_generic*3*ch-${v}`,
  `s=you*rx_specialty*12*o-${v}`,
  `s=you*specialist_visit*1*oon*billed-${v}`,
  `s=you*lab_test*1*al-${v}`,
  `price-${v}=5`,
  `ec=${v}*5`,
  `ec=amount*${v}`,
  `tr=${v}`,
  `open=${v}`,
];

test('every link key given __proto__, constructor or prototype: never looked up on an object, each value used as typed or said', () => {
  for (const word of ['__proto__', 'constructor', 'prototype']) {
    for (const part of everyKey(word)) {
      // The part replaces the base's own plan or person where it gives one.
      const hash = part.startsWith('plan=') ? `#${part}&p=you*40` : part.startsWith('p=') ? `#plan=kp-co-fehb-2022-standard&${part}` : `${BASE}&${part}`;
      const state = decodeState(hash, '', known);
      assert.ok(state, hash);
      assert.equal(Object.getPrototypeOf(state.prices), Object.prototype, `${hash}: prices' prototype`);
      assert.equal({}.polluted, undefined);
      const s = createStore(initialState());
      s.dispatch('load', state);
      const { scenario } = toScenario(s.state, plan(), units);
      const json = JSON.stringify(scenario);
      assert.doesNotMatch(json, /native code|\[object Object\]/, hash);
      // The value is either sent as typed text (the engine refuses it at its field), or not used
      // and listed (the page says so), or a key the page ignores by design (a panel to open).
      const said = state.linkIssues.some((i) => i.value === word);
      const typed = json.includes(JSON.stringify(word)) || state.people.some((p) => p.age === word) || (part === `p=${word}*40` && state.people[0].key === 'you');
      // (A bill out of network on a plan with no out-of-network benefit is kept but never sent.)
      const unused = part.startsWith('open=') || (part.includes('billed-') && !json.includes('out_of_network'));
      assert.ok(said || typed || unused, `${hash}: “${word}” neither used as typed nor said`);
      // A value the page does not use marks its field, when it has one.
      for (const i of state.linkIssues.filter((x) => x.key)) assert.equal(shownError(s.state, i.key)?.code, 'unknown_value', `${hash}: ${i.key} is not marked`);
    }
  }
});

test('s=you*rx_specialty*12*o-constructor prices 12 fills, marks “how often” and says so', () => {
  const state = decodeState(`${BASE}&s=you*rx_specialty*12*o-constructor`, '', known);
  assert.deepEqual(state.linkIssues, [{ key: 'often:u1', what: 'often', value: 'constructor' }]);
  const s = createStore(initialState());
  s.dispatch('load', state);
  assert.deepEqual(toScenario(s.state, plan(), units).scenario.services, [{ member: 'you', service: 'rx_specialty', count: 12, days_supply: 30, channel: 'retail' }]);
  assert.deepEqual(shownError(s.state, 'often:u1'), { code: 'unknown_value', link: true });
  assert.deepEqual(s.state.notice, { kind: 'link', issues: state.linkIssues });
  // Choosing how often clears the mark.
  s.dispatch('setUseField', 'u1', 'often', 'monthly');
  assert.equal(shownError(s.state, 'often:u1'), null);
});

test('a link’s pay schedule or enrollment the page does not know, an unknown plan, service or person: not used, and listed', () => {
  // (A type the page knows but the plan does not offer is kept: the engine refuses it at
  // `enrollment`, naming the types the household may take.)
  assert.equal(decodeState('#plan=kp-co-fehb-2022-standard&p=you*40&enr=per_member', '', known).enrollment, 'per_member');
  const state = decodeState('#plan=nope&p=you*40&p=you*41&pay=constructor&enr=family_of_nine&s=you*__proto__*3&s=ghost*lab_test*1&price-constructor=5&ec=prototype*5', '', known);
  assert.equal(state.plan, 'kp-co-fehb-2022-standard', 'the element opens on its own plan');
  assert.deepEqual(
    state.linkIssues.map((i) => [i.what, i.value, i.key]),
    [
      ['plan', 'nope', null],
      ['enrollment', 'family_of_nine', 'enrollment'],
      ['pay', 'constructor', 'pay'],
      ['person', 'you*41', null],
      ['service', '__proto__', null],
      ['member', 'ghost', null],
      ['price', 'constructor', null],
      ['contribution', 'prototype', 'contribution'],
    ],
  );
  assert.deepEqual([state.pay, state.enrollment, state.care, state.prices, state.contribution], ['', '', [], {}, { kind: '', value: '' }]);
});

// A typical year's claims (state/claims.js): "Having a baby" (the CMS table's Maternity row)
// gives lab tests as 7 × $23.95 + 15 × $23.94 on one line of 22.
test('a link keeps a typical year’s claims, and the engine gets the same uses from the reopened page', () => {
  const presetsFile = JSON.parse(readFileSync(join(ROOT, 'data', 'usage-presets.json'), 'utf8'));
  const s = createStore(initialState({ plan: 'kp-co-fehb-2022-high' }));
  s.dispatch('setPersonField', 'you', 'age', '36');
  s.dispatch('applyPreset', 'you', 'having_a_baby', presetsFile, units);
  const hash = encodeState('', s.state);
  assert.match(decodeURIComponent(decodeURIComponent(hash)), /s=you\*lab_test\*22\*cl-7:23\.95,15:23\.94/);
  const back = decodeState(hash);
  assert.deepEqual(back.linkIssues, []);
  assert.deepEqual(back.care.map((u) => [u.service, u.count, u.claims]), s.state.care.map((u) => [u.service, u.count, u.claims]));
  const reopened = createStore(initialState());
  reopened.dispatch('load', back);
  const { scenario } = toScenario(reopened.state, plan(), units);
  assert.deepEqual(scenario, toScenario(s.state, plan(), units).scenario);
  assert.equal(scenario.services.length, 9);
});

test('claims in a link that are not claims, or do not add up to the count, are not used, and the page says so', () => {
  for (const bad of ['7:23.95,15:23.94', '7:23.955,15:23.94', '0:1.00,22:23.94', 'x', '22:-1.00', '22:1e3']) {
    const count = bad === '7:23.95,15:23.94' ? '21' : '22';
    const state = decodeState(`#plan=kp-co-fehb-2022-high&p=you*36&s=you*lab_test*${count}*cl-${encodeURIComponent(bad)}`);
    assert.equal(state.care[0].claims, undefined, bad);
    assert.equal(state.care[0].count, count);
    assert.deepEqual(state.linkIssues.map((i) => [i.what, i.key]), [['claims', 'count:u1']], bad);
    const s = createStore(initialState());
    s.dispatch('load', state);
    assert.equal(shownError(s.state, 'count:u1')?.link, true, 'marked at the count');
  }
});

test('a line’s price in a link that is not an amount is not used, and the page says so (no field could fix it)', () => {
  for (const bad of ['1e5', 'NaN', '1,500', '$500', '500.005', '-1.00', '']) {
    const state = decodeState(`#plan=kp-co-fehb-2022-standard&p=you*40&s=you*dme_item*1*al-${encodeURIComponent(bad)}`);
    assert.equal(state.care[0].allowed, undefined, bad);
    assert.deepEqual(state.linkIssues.map((i) => [i.what, i.value]), [['allowed', bad]], bad);
  }
  const good = decodeState('#plan=kp-co-fehb-2022-standard&p=you*40&s=you*dme_item*1*al-500.00');
  assert.equal(good.care[0].allowed, '500.00');
  assert.deepEqual(good.linkIssues, []);
});
