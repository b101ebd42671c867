// The element's state, its actions and its message catalogs, in Node: no browser, no engine.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { catalogs, wordsFor } from '../www/cost-estimator/i18n/index.js';
import { actions, createStore, emptyRequired, initialState, personName, shownError } from '../www/cost-estimator/state/store.js';
import { fieldOf, fromScenario, toScenario, typedWhole } from '../www/cost-estimator/state/scenario.js';
import { claimsPrice } from '../www/cost-estimator/state/claims.js';
import { ageGroup, presetFor } from '../www/cost-estimator/state/presets.js';
import { ROOT } from './support.mjs';

const vocabulary = JSON.parse(readFileSync(join(ROOT, 'data', 'services.json'), 'utf8'));
const units = new Map(vocabulary.services.map((s) => [s.id, s.unit]));
const presetsFile = JSON.parse(readFileSync(join(ROOT, 'data', 'usage-presets.json'), 'utf8'));
/** An FEHB plan's view as the engine gives it (the fields the page reads). */
const fehb = {
  enrollment: { types: ['self_only', 'self_plus_one', 'self_and_family'].map((type) => ({ type })) },
  pay_schedules: [{ pay_schedule: 'biweekly' }, { pay_schedule: 'monthly' }],
  medicare: { asks: false },
  part_d: false,
  defaults: { days_supply: 30 },
  services: vocabulary.services.map((s) => ({ id: s.id, unit: s.unit })),
};

function store(plan = 'kp-co-fehb-2022-standard') {
  const s = createStore(initialState({ plan }));
  s.dispatch('setPersonField', 'you', 'age', '40');
  return s;
}

describe('the household', () => {
  test('people are named by role, You first, one spouse, children numbered in order', () => {
    const s = store();
    s.dispatch('addPerson', 'child');
    s.dispatch('addPerson', 'spouse');
    s.dispatch('addPerson', 'spouse'); // a second spouse is not added
    s.dispatch('addPerson', 'child');
    const t = wordsFor('en').t;
    assert.deepEqual(s.state.people.map((p) => p.key), ['you', 'spouse', 'child-1', 'child-2']);
    assert.deepEqual(s.state.people.map((p) => personName(s.state, p.key, t)), ['You', 'Spouse', 'Child 1', 'Child 2']);
    s.dispatch('removePerson', 'child-1');
    assert.deepEqual(s.state.people.map((p) => personName(s.state, p.key, t)), ['You', 'Spouse', 'Child 1']);
    s.dispatch('removePerson', 'you'); // You stay
    assert.equal(s.state.people[0].key, 'you');
    assert.equal(personName(s.state, 'spouse', wordsFor('es').t), 'Cónyuge');
  });

  test('a new person’s empty age is not an error until the field is left', () => {
    const s = store();
    s.dispatch('addPerson', 'child');
    assert.deepEqual(emptyRequired(s.state), ['age:child-1']);
    assert.equal(shownError(s.state, 'age:child-1'), null);
    s.dispatch('touch', 'age:child-1');
    assert.deepEqual(shownError(s.state, 'age:child-1'), { code: 'missing_field' });
    s.dispatch('setPersonField', 'child-1', 'age', '7');
    assert.equal(shownError(s.state, 'age:child-1'), null);
    assert.deepEqual(emptyRequired(s.state), []);
  });

  test('removing a person removes their care, and undo brings both back', () => {
    const s = store();
    s.dispatch('addPerson', 'spouse');
    s.dispatch('setCount', 'spouse', 'specialist_visit', '2', 'visit');
    s.dispatch('removePerson', 'spouse');
    assert.equal(s.state.care.length, 0);
    assert.equal(s.state.notice.kind, 'removed');
    s.dispatch('undo');
    assert.deepEqual(s.state.people.map((p) => p.key), ['you', 'spouse']);
    assert.equal(s.state.care[0].count, '2');
    assert.equal(s.state.undo, null);
  });

  test('a quick start replaces the household only when asked, and one undo restores it', () => {
    const s = store();
    s.dispatch('addPerson', 'spouse');
    s.dispatch('setPersonField', 'spouse', 'age', '39');
    s.dispatch('setCount', 'you', 'primary_care_visit', '4', 'visit');
    const before = { people: s.state.people, care: s.state.care };
    s.dispatch('replaceHousehold', [{ key: 'you', role: 'you', age: '38', medicare: '' }, { key: 'child-1', role: 'child', age: '7', medicare: '' }], [
      { person: 'child-1', service: 'preventive_visit', count: '1', days: '', often: '', channel: '', admitted: false, oon: false, billed: '' },
    ]);
    assert.deepEqual(s.state.people.map((p) => p.age), ['38', '7']);
    s.dispatch('undo');
    assert.deepEqual(s.state.people, before.people);
    assert.deepEqual(s.state.care, before.care);
  });

  test('a preset replaces one person’s care (with the services the plan prices) and can be undone', () => {
    const s = store();
    s.dispatch('setCount', 'you', 'xray', '1', 'visit');
    const offered = new Set(fehb.services.map((b) => b.id));
    // "Medium" goes by age (docs/decisions.md 46): with no age there is nothing to apply, never
    // an adult's row in its place (the list says to type the age first).
    s.dispatch('setPersonField', 'you', 'age', '');
    const before = s.state;
    s.dispatch('applyPreset', 'you', 'medium', presetsFile, units, offered);
    assert.equal(s.state, before, 'no age: nothing applied');
    s.dispatch('setPersonField', 'you', 'age', '4O');
    const typo = s.state;
    s.dispatch('applyPreset', 'you', 'medium', presetsFile, units, offered);
    assert.equal(s.state, typo, 'an age that is not a number: nothing applied');
    s.dispatch('setPersonField', 'you', 'age', '38');
    s.dispatch('applyPreset', 'you', 'medium', presetsFile, units, offered);
    // The CMS 2014 table's decile 5.5 for ages 35-44, both sexes' mean (data/cms-years.json's
    // "both 35-44 5.5", $1,378.90): a chiropractic visit, a lab test, 2 preventive visits, a
    // primary care, a physical therapy and a specialist visit, 7 generic fills (5 × $33.92 +
    // 2 × $33.91, one line) and a preferred brand-name fill.
    assert.deepEqual(
      s.state.care.map((u) => [u.service, u.count]),
      [['chiropractic_visit', '1'], ['lab_test', '1'], ['preventive_visit', '2'], ['primary_care_visit', '1'], ['physical_therapy_visit', '1'], ['specialist_visit', '1'], ['rx_generic', '7'], ['rx_preferred_brand', '1']],
    );
    assert.deepEqual(s.state.care.find((u) => u.service === 'rx_generic').claims, [{ count: 5, allowed: '33.92' }, { count: 2, allowed: '33.91' }]);
    assert.ok(s.state.care.length > 1);
    assert.ok(!s.state.care.some((u) => u.service === 'xray' && u.count === '1' && u.key === 'u1'));
    const fills = s.state.care.filter((u) => u.often);
    assert.ok(fills.every((u) => ['monthly', 'quarterly', 'once', 'custom'].includes(u.often)));
    s.dispatch('undo');
    assert.deepEqual(s.state.care.map((u) => [u.service, u.count]), [['xray', '1']]);
  });

  test('a typical year that goes by age takes the person’s own age group; 65 and over the table’s oldest, 55+', () => {
    const s = store();
    const offered = new Set(fehb.services.map((b) => b.id));
    s.dispatch('setPersonField', 'you', 'age', '67');
    s.dispatch('applyPreset', 'you', 'low', presetsFile, units, offered);
    const row = presetsFile.cms_rows['both 55+ 3'];
    const count = (service) => row.services.filter((u) => u.service === service).reduce((n, u) => n + u.count, 0);
    assert.deepEqual(
      s.state.care.map((u) => [u.service, u.count]),
      [...new Set(row.services.map((u) => u.service))].filter((id) => offered.has(id)).map((id) => [id, String(count(id))]),
    );
    s.dispatch('setPersonField', 'you', 'age', '7');
    s.dispatch('applyPreset', 'you', 'low', presetsFile, units, offered);
    // "both 6-17 3": a preventive visit $127.40, a primary care visit $69.13, a generic fill $16.97.
    assert.deepEqual(s.state.care.map((u) => [u.service, u.count, u.claims]), [['preventive_visit', '1', [{ count: 1, allowed: '127.40' }]], ['primary_care_visit', '1', [{ count: 1, allowed: '69.13' }]], ['rx_generic', '1', [{ count: 1, allowed: '16.97' }]]]);
  });
});

describe('care', () => {
  test('a count of nothing removes the use; visits and stays keep one use per person and service', () => {
    const s = store();
    s.dispatch('setCount', 'you', 'inpatient_stay', '1', 'admission');
    assert.equal(s.state.care[0].days, '3');
    s.dispatch('setCount', 'you', 'inpatient_stay', '2', 'admission');
    assert.equal(s.state.care.length, 1);
    s.dispatch('setCount', 'you', 'inpatient_stay', '', 'admission');
    assert.equal(s.state.care.length, 0);
    s.dispatch('setCount', 'you', 'lab_test', '0', 'visit');
    assert.equal(s.state.care.length, 0, 'typing 0 into an empty row adds nothing');
  });

  test('drugs: how often and where become fills and days’ supply; several of one tier are kept apart', () => {
    const s = store();
    s.dispatch('addDrug', 'you', 'rx_preferred_brand');
    s.dispatch('addDrug', 'you', 'rx_preferred_brand');
    const [a, b] = s.state.care;
    s.dispatch('setUseField', b.key, 'often', 'quarterly');
    s.dispatch('setUseField', b.key, 'channel', 'mail');
    const { scenario } = toScenario(s.state, fehb, units);
    assert.deepEqual(scenario.services, [
      { member: 'you', service: 'rx_preferred_brand', count: 12, days_supply: 30, channel: 'retail' },
      { member: 'you', service: 'rx_preferred_brand', count: 4, days_supply: 90, channel: 'mail' },
    ]);
    s.dispatch('setUseField', a.key, 'often', 'custom');
    assert.deepEqual([s.state.care[0].count, s.state.care[0].supply], ['12', '30'], 'a custom schedule starts from the one it replaces');
    s.dispatch('setUseField', a.key, 'count', '6');
    s.dispatch('setUseField', a.key, 'supply', '60');
    assert.deepEqual(toScenario(s.state, fehb, units).scenario.services[0], { member: 'you', service: 'rx_preferred_brand', count: 6, days_supply: 60, channel: 'retail' });
  });

  test('another drug like one already listed: the same kind, schedule and pharmacy, placed after it', () => {
    const s = store();
    s.dispatch('addDrug', 'you', 'rx_preferred_brand');
    s.dispatch('addDrug', 'you', 'rx_generic');
    const [brand, generic] = s.state.care;
    s.dispatch('setUseField', brand.key, 'often', 'quarterly');
    s.dispatch('setUseField', brand.key, 'channel', 'mail');
    s.dispatch('addDrugLike', brand.key);
    s.dispatch('addDrugLike', brand.key);
    assert.deepEqual(
      s.state.care.map((u) => [u.service, u.often, u.channel]),
      [['rx_preferred_brand', 'quarterly', 'mail'], ['rx_preferred_brand', 'quarterly', 'mail'], ['rx_preferred_brand', 'quarterly', 'mail'], ['rx_generic', 'monthly', 'retail']],
    );
    assert.equal(new Set(s.state.care.map((u) => u.key)).size, 4, 'each a use of its own');
    assert.equal(s.state.care[3].key, generic.key);
    s.dispatch('setCount', 'you', 'lab_test', '2', 'visit');
    const before = s.state;
    s.dispatch('addDrugLike', 'u999');
    s.dispatch('addDrugLike', s.state.care.find((u) => u.service === 'lab_test').key);
    assert.equal(s.state, before, 'nothing is added like a use that is not listed, or not a drug');
  });

  test('a person’s typical years open one list at a time; picking one closes it', () => {
    const s = store();
    s.dispatch('addPerson', 'spouse');
    s.dispatch('presetList', 'you');
    assert.equal(s.state.ui.presets, 'you');
    s.dispatch('presetList', 'spouse');
    assert.equal(s.state.ui.presets, 'spouse');
    const revision = s.state.revision;
    s.dispatch('presetList', '');
    assert.equal(s.state.revision, revision, 'opening or closing the list changes no estimate');
    s.dispatch('presetList', 'spouse');
    s.dispatch('applyPreset', 'spouse', 'having_a_baby', presetsFile, units, new Set(Object.keys(fehb.services)));
    assert.equal(s.state.ui.presets, '');
    assert.deepEqual(s.state.notice, { kind: 'presetApplied', person: 'spouse', preset: 'having_a_baby' });
  });

  test('a plan that does not price a service keeps the use in the state, out of the scenario', () => {
    const s = store();
    s.dispatch('setCount', 'you', 'eyewear', '1', 'visit');
    s.dispatch('setCount', 'you', 'lab_test', '2', 'visit');
    const plan = { ...fehb, services: [{ id: 'lab_test', unit: 'visit' }] };
    const { scenario, left } = toScenario(s.state, plan, units);
    assert.deepEqual(scenario.services.map((u) => u.service), ['lab_test']);
    assert.deepEqual(left.map((u) => u.service), ['eyewear']);
  });
});

describe('the scenario', () => {
  test('numbers go to the engine only as plain decimal digits; other text goes as text', () => {
    for (const [raw, want] of [['12', 12], ['007', 7], ['', null], ['  ', null], ['0x10', '0x10'], ['0b11', '0b11'], [' 3 ', ' 3 '], ['1e3', '1e3'], ['3.0', '3.0'], ['-1', '-1'], ['١٢', '١٢']]) {
      assert.deepEqual(typedWhole(raw), want, JSON.stringify(raw));
    }
  });

  test('the enrollment type is sent only when the visitor chose one; prices only for care used', () => {
    const s = store();
    s.dispatch('setCount', 'you', 'lab_test', '2', 'visit');
    s.dispatch('setPrice', 'lab_test', '$1,200.50');
    s.dispatch('setPrice', 'xray', '99');
    let { scenario } = toScenario(s.state, fehb, units);
    assert.equal(scenario.enrollment, undefined);
    assert.deepEqual(scenario.prices, { lab_test: { allowed: '1200.50' } });
    s.dispatch('setEnrollment', 'self_only');
    s.dispatch('setContribution', 'percent', '75%');
    ({ scenario } = toScenario(s.state, fehb, units));
    assert.equal(scenario.enrollment, 'self_only');
    assert.deepEqual(scenario.employer_contribution, { percent: '75' });
  });

  test('an engine error is placed at the field that holds the value', () => {
    const s = store();
    s.dispatch('addPerson', 'child');
    s.dispatch('setPersonField', 'child-1', 'age', '200');
    s.dispatch('setCount', 'you', 'inpatient_stay', '1', 'admission');
    s.dispatch('addDrug', 'child-1');
    const map = toScenario(s.state, fehb, units);
    const [stay, drug] = s.state.care;
    const at = (field, origin = 'scenario') => fieldOf({ field, origin, code: 'x' }, map, map.scenario);
    assert.equal(at('members[1].age'), 'age:child-1');
    assert.equal(at('members[0].medicare'), 'medicare:you');
    assert.equal(at('services[0].days'), `days:${stay.key}`);
    assert.equal(at('services[1].days_supply'), `supply:${drug.key}`);
    assert.equal(at('services[1].count'), `count:${drug.key}`);
    assert.equal(at('services[0].allowed'), 'price:inpatient_stay');
    assert.equal(at('prices.lab_test.allowed'), 'price:lab_test');
    assert.equal(at('members'), 'enrollment');
    assert.equal(at('pay_schedule'), 'pay');
    assert.equal(at('employer_contribution.percent'), 'contribution');
    assert.equal(at('services'), null);
    assert.equal(at('members[0].age', 'typical-prices.json'), null);
  });

  test('a scenario from outside becomes the page’s household: roles, drugs, prices', () => {
    const input = fromScenario(
      {
        plan: 'p',
        members: [{ id: 'me', age: 50 }, { id: 'x', age: 48 }, { id: 'kid', age: 10 }],
        services: [
          { member: 'kid', service: 'rx_generic', count: 4, days_supply: 90, channel: 'mail' },
          { member: 'x', service: 'inpatient_stay', count: 1, days: 4 },
          { member: 'nobody', service: 'lab_test' },
        ],
        prices: { inpatient_stay: { per_day: '3000.00' } },
      },
      units,
    );
    assert.deepEqual(input.people.map((p) => [p.key, p.role, p.age]), [['you', 'you', '50'], ['spouse', 'spouse', '48'], ['child-1', 'child', '10']]);
    assert.deepEqual(input.care.map((u) => [u.person, u.service, u.often, u.days]), [['child-1', 'rx_generic', 'quarterly', ''], ['spouse', 'inpatient_stay', '', '4']]);
    assert.deepEqual(input.prices, { inpatient_stay: '3000.00' });
  });
});

describe('the engine’s answers', () => {
  test('an answer for an older revision is dropped', () => {
    const s = store();
    const asked = s.state.revision;
    s.dispatch('setPersonField', 'you', 'age', '41');
    s.dispatch('estimated', asked, { total_annual_cost: '1.00' });
    assert.equal(s.state.answer.result, null);
    s.dispatch('estimated', s.state.revision, { total_annual_cost: '2.00' });
    assert.equal(s.state.answer.result.total_annual_cost, '2.00');
    assert.equal(s.state.answer.outcome, 'ok');
  });

  test('a refusal keeps the last figures, marked stale; errors stay in the state across a language change', () => {
    const s = store();
    s.dispatch('estimated', s.state.revision, { total_annual_cost: '2.00' });
    s.dispatch('setPersonField', 'you', 'age', '200');
    s.dispatch('refused', s.state.revision, { 'age:you': { code: 'out_of_range' } }, null);
    assert.equal(s.state.answer.outcome, 'stale');
    assert.equal(s.state.answer.result.total_annual_cost, '2.00');
    s.dispatch('setLang', 'es');
    assert.deepEqual(shownError(s.state, 'age:you'), { code: 'out_of_range' });
    assert.equal(wordsFor('es').error('age', shownError(s.state, 'age:you')), 'Escriba una edad en años cumplidos, de 0 a 120.');
    s.dispatch('setPersonField', 'you', 'age', '20');
    assert.equal(shownError(s.state, 'age:you'), null, 'changing the field clears its error');
  });

  test('a chosen enrollment type that does not fit yet waits (the household’s own is priced) until the people change', () => {
    const s = store();
    s.dispatch('setEnrollment', 'self_and_family');
    s.dispatch('enrollmentWaits');
    assert.equal(s.state.enrollment, 'self_and_family', 'the choice is kept');
    assert.equal(toScenario(s.state, fehb, units).scenario.enrollment, undefined, 'and not sent while it cannot fit');
    s.dispatch('addPerson', 'spouse');
    assert.equal(s.state.enrollmentWaits, false);
    assert.equal(toScenario(s.state, fehb, units).scenario.enrollment, 'self_and_family', 'tried again once the household changes');
  });

  test('the odds are kept for the revision they were asked about; sex is a person\'s field for them, and changes the revision', () => {
    const s = store();
    const asked = s.state.revision;
    s.dispatch('oddsWorking', asked);
    s.dispatch('oddsProgress', asked, { done: 25, draws: 4000 });
    assert.deepEqual([s.state.odds.outcome, s.state.odds.progress], ['working', { done: 25, draws: 4000 }]);
    s.dispatch('setPersonField', 'you', 'sex', 'female');
    assert.equal(s.state.people[0].sex, 'female');
    assert.notEqual(s.state.revision, asked);
    // The older run's progress and result are dropped.
    s.dispatch('oddsProgress', asked, { done: 50, draws: 4000 });
    s.dispatch('oddsDone', asked, { draws: 4000, options: [] });
    assert.deepEqual([s.state.odds.revision, s.state.odds.outcome, s.state.odds.result], [asked, 'working', null]);
    s.dispatch('oddsWorking', s.state.revision);
    s.dispatch('oddsDone', s.state.revision, { draws: 10, options: [] });
    assert.deepEqual([s.state.odds.outcome, s.state.odds.result.draws], ['ok', 10]);
    s.dispatch('oddsFailed', s.state.revision, { code: 'engine_failure' });
    assert.deepEqual([s.state.odds.outcome, s.state.odds.failure], ['failed', { code: 'engine_failure' }]);
    s.dispatch('setPersonField', 'you', 'shoe_size', '9');
    assert.equal(s.state.people[0].shoe_size, undefined, 'only the fields a person has');
  });

  test('choosing another plan keeps the household and drops an enrollment type it does not offer', () => {
    const s = store();
    s.dispatch('setEnrollment', 'self_plus_one');
    s.dispatch('choosePlan', 'kp-ncal-fresno-2025-sa-low', { enrollment: { types: [{ type: 'per_member' }] }, pay_schedules: [{ pay_schedule: 'monthly' }] });
    assert.equal(s.state.enrollment, '');
    assert.equal(s.state.people[0].age, '40');
  });
});

describe('the message catalogs', () => {
  const keysOf = (value, prefix = '') =>
    typeof value === 'object' && value !== null
      ? Object.entries(value).flatMap(([k, v]) => [`${prefix}${k}`, ...keysOf(v, `${prefix}${k}.`)])
      : [];

  test('English and Spanish have the same keys, and each function takes the same arguments', () => {
    const { en, es } = catalogs();
    assert.deepEqual(keysOf(es).sort(), keysOf(en).sort());
    const fns = (value, path = '') =>
      typeof value === 'function' ? [[path, value.length]] : typeof value === 'object' && value ? Object.entries(value).flatMap(([k, v]) => fns(v, `${path}.${k}`)) : [];
    assert.deepEqual(fns(es), fns(en));
  });

  test('every error code the engine can throw has words in both languages', () => {
    const codes = [...readFileSync(join(ROOT, 'src', 'error.rs'), 'utf8').matchAll(/^\s+[A-Z][A-Za-z]+ = "([a-z_]+)",$/gm)].map((m) => m[1]);
    assert.ok(codes.length > 30, `found ${codes.length} codes in src/error.rs`);
    for (const lang of ['en', 'es']) {
      const t = catalogs()[lang];
      const missing = [...codes, 'engine_failure'].filter((c) => !t.errors.code[c]);
      assert.deepEqual(missing, [], `${lang}: no words for ${missing.join(', ')}`);
    }
  });

  test('a message is chosen by code and field, never from the engine’s English', () => {
    const w = wordsFor('es');
    assert.equal(w.error('count', { code: 'out_of_range', message: 'count must be from 1 to 1000 (got 5000)' }), 'Escriba un número entero de 1 a 1000.');
    assert.equal(w.error('price', { code: 'negative_money' }), 'Una cantidad no puede ser negativa.');
    assert.match(w.error('price', { code: 'something_new' }), /something_new/);
  });

  test('actions are pure: the state they are given is never changed', () => {
    const s = initialState({ plan: 'p' });
    const frozen = structuredClone(s);
    for (const [name, args] of [['addPerson', ['child']], ['setCount', ['you', 'lab_test', '2', 'visit']], ['addDrug', ['you']], ['toggle', ['chart']], ['setPrice', ['lab_test', '5']]]) {
      actions[name](s, ...args);
      assert.deepEqual(s, frozen, name);
    }
  });
});

// "Having a baby" is the CMS table's Maternity row (data/usage-presets.json, docs/decisions.md
// 43): lab tests 7 × $23.95 + 15 × $23.94, preventive visits $17.54 + $17.53, prenatal visits
// 3 × $99.26 + 18 × $99.25, the delivery (1 day, $4,471.44), two generic fills $11.37 + $11.36.
describe('a typical year’s claims (state/claims.js)', () => {
  const baby = () => {
    const s = store();
    s.dispatch('applyPreset', 'you', 'having_a_baby', presetsFile, units, new Set(fehb.services.map((x) => x.id)));
    return s;
  };
  const line = (s, service) => s.state.care.find((u) => u.service === service);

  test('a service the preset gives in groups of claims is one line: its count their sum, the groups kept', () => {
    const s = baby();
    assert.deepEqual(s.state.care.map((u) => [u.service, u.count]), [['maternity_delivery', '1'], ['lab_test', '22'], ['preventive_visit', '2'], ['prenatal_visit', '21'], ['rx_generic', '2']]);
    assert.deepEqual(line(s, 'lab_test').claims, [{ count: 7, allowed: '23.95' }, { count: 15, allowed: '23.94' }]);
    assert.deepEqual(line(s, 'maternity_delivery').claims, [{ count: 1, allowed: '4471.44' }]);
    assert.equal(line(s, 'maternity_delivery').days, '1');
    assert.deepEqual([line(s, 'rx_generic').often, line(s, 'rx_generic').supply], ['custom', '30']);
    assert.deepEqual(claimsPrice(line(s, 'lab_test').claims), { low: '23.94', high: '23.95', total: '526.75' }, '7 × 23.95 + 15 × 23.94 = 167.65 + 359.10');
  });

  test('the scenario sends each group as a use of its own amount, adding up to the row’s $7,140.27', () => {
    const { scenario, uses } = toScenario(baby().state, fehb, units);
    const labs = scenario.services.filter((u) => u.service === 'lab_test');
    assert.deepEqual(labs, [{ member: 'you', service: 'lab_test', count: 7, allowed: '23.95' }, { member: 'you', service: 'lab_test', count: 15, allowed: '23.94' }]);
    assert.deepEqual(scenario.services.find((u) => u.service === 'maternity_delivery'), { member: 'you', service: 'maternity_delivery', count: 1, days: 1, allowed: '4471.44' });
    assert.equal(scenario.services.length, 9);
    assert.equal(uses.length, 9, 'each use maps back to its line');
    const cents = scenario.services.reduce((sum, u) => sum + u.count * Math.round(Number(u.allowed) * 100), 0);
    assert.equal(cents, 714027);
  });

  test('changing the count, the days, a drug’s schedule or the service’s price makes the line one price again', () => {
    let s = baby();
    s.dispatch('setCount', 'you', 'lab_test', '22', 'visit');
    assert.ok(line(s, 'lab_test').claims, 'the same count changes nothing');
    s.dispatch('setCount', 'you', 'lab_test', '10', 'visit');
    assert.equal(line(s, 'lab_test').claims, undefined);
    let { scenario } = toScenario(s.state, fehb, units);
    assert.deepEqual(scenario.services.filter((u) => u.service === 'lab_test'), [{ member: 'you', service: 'lab_test', count: 10 }], 'priced at the typical (or the visitor’s) price');
    s.dispatch('setUseField', line(s, 'maternity_delivery').key, 'days', '2');
    assert.equal(line(s, 'maternity_delivery').claims, undefined);
    s.dispatch('setUseField', line(s, 'rx_generic').key, 'month', '6');
    assert.equal(line(s, 'rx_generic').claims, undefined, 'a drug started later has fewer fills');
    s.dispatch('setUseField', line(s, 'prenatal_visit').key, 'month', '6');
    assert.ok(line(s, 'prenatal_visit').claims, 'a visit’s month keeps its claims');
    s.dispatch('setPrice', 'prenatal_visit', '150');
    assert.equal(line(s, 'prenatal_visit').claims, undefined);
    ({ scenario } = toScenario(s.state, fehb, units));
    assert.deepEqual(scenario.services.filter((u) => u.service === 'prenatal_visit'), [{ member: 'you', service: 'prenatal_visit', count: 21, month: 6 }]);
    assert.deepEqual(scenario.prices.prenatal_visit, { allowed: '150' });
    s = baby();
    s.dispatch('setUseField', line(s, 'preventive_visit').key, 'count', '2');
    assert.equal(line(s, 'preventive_visit').claims, undefined);
  });

  test('claims that do not add up to the count are not sent: the count at one price', () => {
    const s = baby();
    const state = { ...s.state, care: s.state.care.map((u) => (u.service === 'lab_test' ? { ...u, count: '23' } : u)) };
    const { scenario } = toScenario(state, fehb, units);
    assert.deepEqual(scenario.services.filter((u) => u.service === 'lab_test'), [{ member: 'you', service: 'lab_test', count: 23 }]);
  });

  test('the scenario read back (the `scenario` property) is the same lines with their claims', () => {
    const { scenario } = toScenario(baby().state, fehb, units);
    const back = fromScenario(scenario, units);
    assert.deepEqual(back.care.map((u) => [u.service, u.count]), baby().state.care.map((u) => [u.service, u.count]), 'one line per service');
    assert.deepEqual(back.care.find((u) => u.service === 'lab_test').claims, [{ count: 7, allowed: '23.95' }, { count: 15, allowed: '23.94' }]);
    assert.equal(back.care.find((u) => u.service === 'maternity_delivery').allowed, '4471.44', 'one amount: the use’s own, as any scenario’s');
    assert.deepEqual(toScenario({ ...baby().state, ...back }, fehb, units).scenario.services, scenario.services);
  });
});

// The typical years go by age (state/presets.js, docs/decisions.md 46): the CMS table's decile
// for the person's own age group, both sexes' mean; never an adult's row for an age not given.
describe('a typical year for a person’s age (state/presets.js)', () => {
  test('each age its group; 65 and over the oldest (said); an empty or mistyped age has none', () => {
    const key = (id, age) => {
      const { preset } = presetFor(presetsFile, id, age);
      return preset === null ? null : Object.keys(presetsFile.cms_rows).find((k) => presetsFile.cms_rows[k] === preset);
    };
    assert.deepEqual(
      [['0', 'low'], ['5', 'low'], ['6', 'medium'], ['17', 'medium'], ['18', 'high'], ['25', 'low'], ['26', 'low'], ['44', 'medium'], ['45', 'high'], ['54', 'low'], ['55', 'medium'], [' 64 ', 'high'], ['120', 'low']].map(([age, id]) => key(id, age)),
      ['both 0-5 3', 'both 0-5 3', 'both 6-17 5.5', 'both 6-17 5.5', 'both 18-25 9', 'both 18-25 3', 'both 26-34 3', 'both 35-44 5.5', 'both 45-54 9', 'both 45-54 3', 'both 55+ 5.5', 'both 55+ 9', 'both 55+ 3'],
    );
    for (const age of ['', '  ', '4O', '-3', '3.5', '121', '1000', null, undefined]) {
      assert.deepEqual(presetFor(presetsFile, 'medium', age), { preset: null, byAge: true, oldest: false }, String(age));
    }
    assert.equal(presetFor(presetsFile, 'medium', '64').oldest, false);
    assert.equal(presetFor(presetsFile, 'medium', '65').oldest, true);
    assert.equal(presetFor(presetsFile, 'medium', '65').preset.label.en, 'A middle year for someone 55 or older (CMS 2014, decile 5.5)');
    // A preset that does not go by age is itself, whatever the age; an unknown id is nothing.
    assert.equal(presetFor(presetsFile, 'having_a_baby', '').preset, presetsFile.presets.having_a_baby);
    assert.deepEqual(presetFor(presetsFile, 'toString', '40'), { preset: null, byAge: false, oldest: false });
    assert.equal(ageGroup('38'), '35-44');
  });
});
