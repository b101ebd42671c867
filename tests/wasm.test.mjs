// The built WebAssembly module (dist/pkg), loaded in Node: every golden case, the same answers
// as the native CLI, and errors that name the field at fault without breaking the engine.
// Run `npm run build` first (npm test does).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { catalogs } from '../www/cost-estimator/i18n/index.js';
import { MAX_AGE, MAX_COUNT, MAX_PEOPLE, MAX_USES } from '../www/cost-estimator/state/limits.js';
import { CLI, DEMO, DIST, ROOT, buildCli, catalogFiles, checkExpect, cli, goldenFiles, loadWasm, loadedEngine, wasmExports, withoutWords } from './support.mjs';

const mod = await loadWasm();
const engine = loadedEngine(mod);
const golden = goldenFiles();
const tmp = mkdtempSync(join(tmpdir(), 'costshare-test-'));
let scenarioFiles = 0;

before(() => buildCli());
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the native CLI on a scenario's JSON text; returns { status, stdout, stderr }. */
function nativeText(text, ...options) {
  const file = join(tmp, `scenario-${++scenarioFiles}.json`);
  writeFileSync(file, text);
  return cli('estimate', file, ...options);
}

/** The error fields a thrown Error carries (the CLI's `--errors json` object). */
const errorFields = (e) => ({ code: e.code, field: e.field, path: e.path, params: e.params, origin: e.origin, message: e.message });

/** The native CLI's result for a scenario, without the words only the CLI adds. */
function native(scenario) {
  const r = nativeText(JSON.stringify(scenario, null, 2));
  assert.equal(r.status, 0, `${CLI} estimate exited ${r.status}: ${r.stderr}`);
  return withoutWords(JSON.parse(r.stdout));
}

describe('catalog', () => {
  test('every plan file is added under its file name, with the vocabulary, prices and presets', () => {
    const { services, prices, presets, plans } = catalogFiles();
    assert.ok(plans.length > 0, 'no plans in dist/data/catalog.json');
    const fresh = new mod.Engine(services);
    fresh.setPrices(prices.text);
    fresh.setPresets(presets);
    for (const p of plans) assert.equal(fresh.addPlan(p.origin, p.text), p.id, p.origin);
    assert.deepEqual([...fresh.planIds()].sort(), plans.map((p) => p.id).sort());
    assert.ok(mod.errorCodes().includes('unknown_service'));
  });

  test('every error code the engine can throw has words in English and Spanish', () => {
    // The page words errors by code (src/error.rs), never by reading the engine's message.
    const codes = mod.errorCodes();
    assert.ok(codes.length >= 30, `only ${codes.length} codes`);
    for (const [lang, t] of Object.entries(catalogs())) {
      const missing = codes.filter((c) => typeof t.errors.code[c] !== 'string' || !t.errors.code[c]);
      assert.deepEqual(missing, [], `${lang}: no words for ${missing.join(', ')}`);
      // engine_failure is the page's own (the module trapped or its Worker died).
      const unknown = Object.keys(t.errors.code).filter((c) => !codes.includes(c) && c !== 'engine_failure');
      assert.deepEqual(unknown, [], `${lang}: words for codes the engine does not have`);
    }
  });

  test('every plan has golden cases', () => {
    const covered = new Set(golden.map((g) => g.plan));
    const missing = [...engine.planIds()].filter((id) => !covered.has(id));
    assert.deepEqual(missing, [], `plans without tests/golden/<id>.json: ${missing.join(', ')}`);
  });
});

for (const g of golden) {
  describe(g.file, () => {
    test('names a plan in the catalog and has cases', () => {
      assert.ok([...engine.planIds()].includes(g.plan), `unknown plan "${g.plan}"`);
      assert.ok(Array.isArray(g.cases) && g.cases.length > 0, 'no cases');
    });
    for (const c of g.cases ?? []) {
      test(c.name, () => {
        const scenario = { plan: g.plan, ...c.scenario };
        if (c.expect_error) {
          // Refused in the .wasm and by the CLI, naming the same field with the same code.
          assert.throws(() => engine.estimate(scenario), (e) => e.field === c.expect_error.field && e.code === c.expect_error.code);
          const r = nativeText(JSON.stringify(scenario));
          assert.equal(r.status, 2, r.stderr);
          assert.ok(r.stderr.includes(`scenario: ${c.expect_error.field}: `), r.stderr);
          return;
        }
        const result = engine.estimate(scenario);
        checkExpect(assert, result, c.expect);
        assert.deepStrictEqual(withoutWords(result), native(scenario), 'wasm result differs from the native CLI');
      });
    }
  });
}

describe('the Medicare Prescription Payment Plan (tests/golden/payment-plan/cases.json)', () => {
  const { cases } = JSON.parse(readFileSync(join(ROOT, 'tests', 'golden', 'payment-plan', 'cases.json'), 'utf8'));
  assert.ok(cases.length >= 8);
  for (const c of cases) {
    test(c.name, () => {
      if (c.expect_error) {
        assert.throws(() => engine.paymentPlan(c.input), (e) => e.field === c.expect_error.field && e.code === c.expect_error.code && e.origin === 'payment_plan');
        return;
      }
      // The bills by hand, from an object and from its JSON text, and the native CLI's alike.
      assert.deepStrictEqual(engine.paymentPlan(c.input), c.expect);
      assert.deepStrictEqual(engine.paymentPlan(JSON.stringify(c.input)), c.expect);
      const file = join(tmp, `payment-plan-${++scenarioFiles}.json`);
      writeFileSync(file, JSON.stringify(c.input));
      const r = cli('payment-plan', file);
      assert.equal(r.status, 0, r.stderr);
      assert.deepStrictEqual(JSON.parse(r.stdout), c.expect);
    });
  }
  test('a wrong argument is an Error naming it, and the engine goes on', () => {
    assert.throws(() => engine.paymentPlan(undefined), (e) => e.code === 'invalid_type');
    assert.throws(() => engine.paymentPlan(42), (e) => typeof e.code === 'string');
    assert.equal(engine.paymentPlan(cases[0].input).total_billed, '2000.00');
  });
});

describe('the demo scenario (tests/demo-scenario.json)', () => {
  test('estimates the same in wasm and natively, money as two-place decimal strings', () => {
    const result = engine.estimate(DEMO.scenario);
    assert.deepStrictEqual(withoutWords(result), native(DEMO.scenario));
    for (const key of ['member_pays_total', 'premium_annual', 'total_annual_cost']) {
      assert.match(result[key], /^-?\d+\.\d{2}$/, key);
    }
    for (const [i, line] of result.lines.entries()) {
      for (const key of ['allowed', 'member_pays', 'plan_pays']) assert.match(line[key], /^-?\d+\.\d{2}$/, `lines[${i}].${key}`);
    }
  });
});

describe("a member's year from the CMS utilization table (data/cms-years.json)", () => {
  const years = readFileSync(join(ROOT, 'data', 'cms-years.json'), 'utf8');
  const withTable = loadedEngine(mod);
  withTable.setCmsYears(years);
  const scenario = (member, extra = {}) => ({ plan: 'kp-co-fehb-2022-standard', enrollment: 'self_only', members: [{ id: 'you', age: 40, ...member }], ...extra });

  test('the row is priced as its claims, the same in wasm and natively', () => {
    // Female 35-44 at decile 3: $659.78 of care a year in the table (the CMS workbook's figure).
    const s = scenario({ sex: 'female', usage: { cms_decile: '3' } });
    const result = withTable.estimate(s);
    assert.equal(result.allowed_total, '659.78');
    const { message, ...usage } = result.assumptions[0];
    assert.deepEqual(usage, { code: 'cms_usage', member: 'you', row: 'female 35-44 3', allowed: '659.78' });
    assert.match(message, /^"you"'s care is the female 35-44 row at utilization decile 3 of the CMS .*: \$659\.78 of care/);
    assert.deepStrictEqual(withoutWords(result), native(s));
    // No sex: the mean of both rows; a stated price factor scales it and is repeated.
    const mean = withTable.estimate(scenario({ usage: { cms_decile: '10' } }, { price_factor: { factor: '1.138', source: 'CMS OOPC calculator, market year 2016' } }));
    assert.equal(mean.assumptions[0].row, 'both 35-44 10');
    assert.deepEqual(mean.assumptions.at(-1), {
      code: 'price_factor',
      member: null,
      message: "The CMS table's prices are multiplied by 1.138 (CMS OOPC calculator, market year 2016).",
      factor: '1.138',
      source: 'CMS OOPC calculator, market year 2016',
    });
    assert.deepStrictEqual(withoutWords(mean), native(scenario({ usage: { cms_decile: '10' } }, { price_factor: { factor: '1.138', source: 'CMS OOPC calculator, market year 2016' } })));
  });

  test('bad values are refused naming the field; without the table a usage is refused', () => {
    for (const [member, extra, field, code] of [
      [{ usage: { cms_decile: '11' } }, {}, 'members[0].usage.cms_decile', 'unknown_value'],
      [{ sex: 'F', usage: { cms_decile: '3' } }, {}, 'members[0].sex', 'unknown_value'],
      [{ usage: { cms_decile: '3' } }, { price_factor: { factor: '0', source: 's' } }, 'price_factor.factor', 'out_of_range'],
    ]) {
      assert.throws(() => withTable.estimate(scenario(member, extra)), (e) => e.field === field && e.code === code, `${field} ${code}`);
    }
    assert.throws(() => engine.estimate(scenario({ usage: { cms_decile: '3' } })), (e) => e.field === 'members[0].usage' && e.code === 'not_applicable');
    assert.throws(() => withTable.setCmsYears('{"description": "x", "presets": {}}'), (e) => e.code === 'invalid_data');
  });
});

describe('the odds (oddsStart, oddsStep, oddsResult; docs/embedding.md, "Odds")', () => {
  const years = readFileSync(join(ROOT, 'data', 'cms-years.json'), 'utf8');
  const withTable = loadedEngine(mod);
  withTable.setCmsYears(years);
  const COLORADO = ['kp-co-fehb-2022-high', 'kp-co-fehb-2022-prosper', 'kp-co-fehb-2022-standard'];
  const family = {
    plan: 'kp-co-fehb-2022-standard',
    members: [{ id: 'you', age: 38, sex: 'female' }, { id: 'spouse', age: 40, sex: 'male' }, { id: 'child-1', age: 7 }, { id: 'child-2', age: 4 }, { id: 'child-3', age: 1 }],
    services: [{ member: 'you', service: 'rx_generic', count: 12 }],
  };
  const one = { plan: 'kp-co-fehb-2022-standard', enrollment: 'self_only', members: [{ id: 'you', age: 40, sex: 'female' }] };
  /** `costshare odds` of a scenario: its JSON. */
  function nativeOdds(scenario, plans) {
    const file = join(tmp, `odds-${++scenarioFiles}.json`);
    writeFileSync(file, JSON.stringify(scenario));
    const r = cli('odds', file, '--plans', plans.join(','));
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout);
  }
  /** The odds a slice of `slice` draws at a time, with the progress after each. */
  function inSlices(engine, scenario, plans, slice) {
    let at = engine.oddsStart(scenario, plans);
    const progress = [at];
    while (at.done < at.draws) progress.push((at = engine.oddsStep(slice)));
    return { result: engine.oddsResult(), progress };
  }

  test('a family of five, a slice at a time, gives the CLI\'s figures, whatever the slices', () => {
    const { result, progress } = inSlices(withTable, family, COLORADO, 333);
    assert.deepStrictEqual(result, nativeOdds(family, COLORADO));
    assert.equal(result.draws, 4000);
    assert.equal(result.sampled, true);
    assert.deepEqual(progress.slice(0, 3), [{ done: 0, draws: 4000 }, { done: 333, draws: 4000 }, { done: 666, draws: 4000 }]);
    assert.deepEqual(progress.at(-1), { done: 4000, draws: 4000 });
    assert.deepStrictEqual(inSlices(withTable, family, COLORADO, 4000).result, result);
    const sum = result.options.reduce((s, o) => s + Math.round(Number(o.chance_cheapest) * 100), 0);
    assert.equal(sum, 100, 'the chances add up to one');
  });

  test('one person: ten draws, her ten deciles', () => {
    const { result, progress } = inSlices(withTable, one, COLORADO, 3);
    assert.deepStrictEqual(result, nativeOdds(one, COLORADO));
    assert.deepEqual(progress.map((p) => p.done), [0, 3, 6, 9, 10]);
    // By hand (tests/odds.rs): Standard's smallest year, decile 1, is $1,992.56.
    assert.equal(result.options.find((o) => o.plan === 'kp-co-fehb-2022-standard').p10, '1992.56');
  });

  test('errors name the field; a result before the end, or a step without a start, is refused', () => {
    assert.throws(() => withTable.oddsStart({ ...one, members: [{ id: 'you', age: 200 }] }, COLORADO), (e) => e.code === 'out_of_range' && e.field === 'members[0].age');
    assert.throws(() => withTable.oddsStart(one, ['kp-co-fehb-2022-high', 'nope']), (e) => e.code === 'unknown_plan' && e.field === 'plans[1]' && e.origin === 'odds');
    assert.throws(() => withTable.oddsStart(one, 'kp-co-fehb-2022-high'), (e) => e.code === 'wrong_argument' && e.field === 'plans');
    assert.throws(() => withTable.oddsStep(1), (e) => e.code === 'wrong_argument', 'the failed start left no run');
    withTable.oddsStart(family, COLORADO);
    withTable.oddsStep(10);
    assert.throws(() => withTable.oddsResult(), (e) => e.code === 'wrong_argument' && /oddsStep/.test(e.message));
    // Without the table (the page loads it only for the odds) the odds say what is missing.
    assert.throws(() => engine.oddsStart(one, COLORADO), (e) => e.code === 'not_applicable' && e.field === 'members' && /cms-years\.json/.test(e.message));
    assert.equal(withTable.estimate(DEMO.scenario).total_annual_cost, engine.estimate(DEMO.scenario).total_annual_cost, 'the engine still works');
  });

  test('in the worker\'s host: progress after each slice, and a newer request on the channel stops it at the next slice', async () => {
    const { createHost } = await import(pathToFileURL(join(DIST, 'engine-worker.js')).href);
    const host = createHost();
    const replies = [];
    const send = (request) =>
      new Promise((resolve) =>
        host.receive(request, (reply) => {
          replies.push(reply);
          if (!reply.progress) resolve(reply);
        }),
      );
    const { services, prices, presets, plans } = catalogFiles();
    const started = await send({ id: 1, op: 'init', args: { wasm: readFileSync(join(DIST, 'pkg', 'costshare_bg.wasm')), services, prices: prices.text, presets } });
    assert.equal(started.ok, true, JSON.stringify(started));
    for (const [i, p] of plans.entries()) await send({ id: 100 + i, op: 'addPlan', args: { origin: p.origin, text: p.text } });
    // Before the table is given, the odds say it is missing.
    const missing = await send({ id: 2, channel: 'ce1:odds', op: 'odds', args: { scenario: one, plans: COLORADO } });
    assert.equal(missing.error?.code, 'not_applicable');
    assert.equal((await send({ id: 3, op: 'setCmsYears', args: { text: years } })).ok, true);

    const first = send({ id: 10, channel: 'ce1:odds', op: 'odds', args: { scenario: family, plans: COLORADO } });
    while (!replies.some((r) => r.id === 10 && r.progress)) await new Promise((resolve) => setTimeout(resolve, 1));
    const second = send({ id: 11, channel: 'ce1:odds', op: 'odds', args: { scenario: one, plans: COLORADO } });
    assert.deepEqual(await first, { id: 10, stale: true });
    const stopped = replies.filter((r) => r.id === 10 && r.progress).at(-1).progress;
    assert.ok(stopped.done < stopped.draws, `stopped at ${stopped.done} of ${stopped.draws}`);
    const answer = await second;
    assert.equal(answer.ok, true, JSON.stringify(answer.error));
    assert.deepStrictEqual(answer.value, nativeOdds(one, COLORADO));
    const progress = replies.filter((r) => r.id === 11 && r.progress).map((r) => r.progress);
    assert.deepEqual(progress.at(-1), { done: 10, draws: 10 });
    // A request on another channel does not stop it.
    const whole = send({ id: 12, channel: 'ce1:odds', op: 'odds', args: { scenario: family, plans: COLORADO } });
    while (!replies.some((r) => r.id === 12 && r.progress)) await new Promise((resolve) => setTimeout(resolve, 1));
    const other = send({ id: 13, channel: 'ce1:estimate', op: 'estimate', args: { scenario: one } });
    const [done, estimated] = await Promise.all([whole, other]);
    assert.equal(done.ok, true);
    assert.deepStrictEqual(done.value, nativeOdds(family, COLORADO));
    assert.equal(estimated.ok, true);
    // It runs between the odds' slices: answered before the odds end, not after them.
    const order = replies.filter((r) => (r.id === 12 || r.id === 13) && !r.progress).map((r) => r.id);
    assert.deepEqual(order, [13, 12], 'the estimate asked while the odds work is answered first');
    assert.deepStrictEqual(estimated.value, engine.estimate(one));
    // `stop` on the odds' channel stops them at the next slice (a changed form, the panel shut).
    const stoppedRun = send({ id: 14, channel: 'ce1:odds', op: 'odds', args: { scenario: family, plans: COLORADO } });
    while (!replies.some((r) => r.id === 14 && r.progress)) await new Promise((resolve) => setTimeout(resolve, 1));
    const stop = send({ id: 15, channel: 'ce1:odds', op: 'stop', args: {} });
    assert.deepEqual(await stoppedRun, { id: 14, stale: true });
    assert.deepEqual(await stop, { id: 15, ok: true, value: null });
  });
});

describe('bad scenarios', () => {
  const demo = DEMO.scenario;
  const withUse = (change) => ({ ...demo, services: [{ ...demo.services[0], ...change }, ...demo.services.slice(1)] });
  // [what, scenario, field, code]
  const bad = [
    ['an unknown plan', { ...demo, plan: 'no-such-plan' }, 'plan', 'unknown_plan'],
    ['an allowed amount given as a number (12.5)', withUse({ allowed: 12.5 }), 'services[0].allowed', 'money_as_number'],
    ['a negative count', withUse({ count: -1 }), 'services[0].count', 'invalid_number'],
    ['a count of zero', withUse({ count: 0 }), 'services[0].count', 'out_of_range'],
    ['a count of 2.5', withUse({ count: 2.5 }), 'services[0].count', 'invalid_number'],
    ['an unknown service', withUse({ service: 'massage' }), 'services[0].service', 'unknown_service'],
    ['money with Unicode spaces', withUse({ allowed: '\u3000120.00\u00a0' }), 'services[0].allowed', 'invalid_money'],
    ['money with full-width digits', withUse({ allowed: '１２０' }), 'services[0].allowed', 'invalid_money'],
    ['an age of 200', { ...demo, members: [{ id: 'you', age: 200 }] }, 'members[0].age', 'out_of_range'],
    ['a field the scenario does not have', { ...demo, surprise: 1 }, 'surprise', 'unknown_field'],
    ['billed below allowed', { ...demo, plan: 'kp-plus-example-co-2022-standard', services: [{ member: 'you', service: 'specialist_visit', network: 'out_of_network', allowed: '150.00', billed: '100.00' }] }, 'services[0].billed', 'billed_below_allowed'],
  ];
  const good = engine.estimate(demo);

  for (const [what, scenario, field, code] of bad) {
    test(`${what}: wasm throws an Error with field ${field} and code ${code}; the engine still works; the CLI agrees`, () => {
      let thrown;
      assert.throws(
        () => engine.estimate(scenario),
        (e) => {
          assert.ok(e instanceof Error, `threw ${Object.prototype.toString.call(e)}, not an Error`);
          assert.equal(e.field, field, e.message);
          assert.equal(e.code, code, e.message);
          assert.equal(e.origin, 'scenario');
          // The path is the field as keys and indices; params an object of the values named.
          assert.equal(e.path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i ? `.${s}` : s)).join(''), field);
          assert.equal(typeof e.params, 'object');
          thrown = errorFields(e);
          return true;
        },
      );
      assert.deepStrictEqual(engine.estimate(demo), good);
      const r = nativeText(JSON.stringify(scenario));
      assert.equal(r.status, 2, `exit ${r.status}; stderr: ${r.stderr}`);
      assert.ok(r.stderr.includes(`scenario: ${field}: `), r.stderr);
      // The CLI's --errors json line is the same object as the .wasm's Error.
      const j = nativeText(JSON.stringify(scenario), '--errors', 'json');
      assert.equal(j.status, 2);
      assert.deepStrictEqual(JSON.parse(j.stderr).error, thrown);
    });
  }

  test('an error carries the values it names as params, and the path as keys and indices', () => {
    const caught = (scenario) => {
      try {
        engine.estimate(scenario);
      } catch (e) {
        return e;
      }
      assert.fail('accepted');
    };
    const age = caught({ ...demo, members: [{ id: 'you', age: 200 }] });
    assert.deepStrictEqual([age.code, age.path, age.params], ['out_of_range', ['members', 0, 'age'], { min: 0, max: 120, value: 200 }]);
    assert.equal(age.message, 'must be from 0 to 120 (got 200)');
    const channel = caught(withUse({ service: 'rx_generic', channel: 'drive-thru' }));
    assert.deepStrictEqual([channel.code, channel.path, channel.params], ['unknown_value', ['services', 0, 'channel'], { value: 'drive-thru', allowed: ['retail', 'community', 'mail'] }]);
    const billed = caught({ ...demo, plan: 'kp-plus-example-co-2022-standard', services: [{ member: 'you', service: 'specialist_visit', network: 'out_of_network', allowed: '150.00', billed: '100.00' }] });
    assert.deepStrictEqual(billed.params, { billed: '100.00', allowed: '150.00' }, 'money as decimal strings');
  });

  test('NaN and Infinity are refused naming the field, not read as null and priced as the default', () => {
    for (const value of [NaN, Infinity, -Infinity]) {
      for (const [key, change] of [['days_supply', { service: 'rx_generic', days_supply: value }], ['count', { count: value }]]) {
        assert.throws(() => engine.estimate(withUse(change)), (e) => e.code === 'invalid_number' && e.field === `services[0].${key}`, `${key}: ${value}`);
      }
    }
    assert.throws(() => engine.estimate({ ...demo, members: [{ id: 'you', age: NaN }] }), (e) => e.code === 'invalid_number' && e.field === 'members[0].age');
  });

  test('the CLI and the .wasm agree on every form of a number', () => {
    // As text, each form reads the same in both; as a JS number, -0 and 2.0 are 0 and 2.
    for (const [form, ok] of [['2', true], ['2.0', true], ['2e0', true], ['20e-1', true], ['1E3', true], ['-0', false], ['0', false], ['2.5', false], ['-2', false], ['1e400', false]]) {
      const text = JSON.stringify(demo).replace('"count":2', `"count":${form}`);
      if (form !== '2') assert.notEqual(text, JSON.stringify(demo));
      const r = nativeText(text);
      let wasm;
      try {
        wasm = { ok: true, result: engine.estimate(text) };
      } catch (e) {
        wasm = { ok: false, code: e.code, field: e.field };
      }
      assert.equal(r.status === 0, ok, `${form}: CLI exit ${r.status} ${r.stderr}`);
      assert.equal(wasm.ok, ok, `${form}: wasm ${JSON.stringify(wasm)}`);
      if (ok) assert.deepStrictEqual(withoutWords(wasm.result), withoutWords(JSON.parse(r.stdout)), form);
      else assert.ok(r.stderr.includes(`: ${wasm.field}: `), `${form}: CLI says ${r.stderr}, wasm ${wasm.field}`);
    }
    for (const [value, ok] of [[-0, false], [2.0, true], [1e3, true]]) {
      assert.equal((() => { try { engine.estimate(withUse({ count: value })); return true; } catch { return false; } })(), ok, String(value));
    }
  });

  test('echoed values are shortened and their control characters escaped', () => {
    const long = `${'x'.repeat(5_000_000)}`;
    for (const scenario of [{ ...demo, plan: long }, { ...demo, plan: 'a\u001b[31mred\u0007' }, withUse({ member: `\u001b]0;title\u0007${'y'.repeat(100)}` })]) {
      assert.throws(() => engine.estimate(scenario), (e) => {
        assert.ok(e.message.length < 400, `message of ${e.message.length} characters`);
        assert.ok(!/[\u0000-\u001f\u007f]/.test(e.message), JSON.stringify(e.message));
        return true;
      });
    }
  });

  test('the raw exports refuse wrong argument types with a thrown Error, never a trap', () => {
    const { services } = catalogFiles();
    const fresh = new mod.Engine(services);
    const calls = [
      () => fresh.addPlan(123, {}),
      () => fresh.addPlan('x.json', 42),
      () => fresh.addPlan(undefined, undefined),
      () => fresh.setPrices(null),
      () => fresh.setPresets({}),
      () => fresh.optionsFor(7, null),
      () => fresh.estimate(undefined),
      () => fresh.estimate(() => 1),
      () => fresh.estimate(Symbol('s')),
      () => fresh.estimate(10n),
      () => fresh.compare(demo, 'kp-co-fehb-2022-high'),
      () => fresh.compare(demo, [1, 2]),
      () => fresh.optionsFor(null, null),
      () => fresh.suggestEnrollment('kp-co-fehb-2022-high', 'three'),
      () => fresh.planView(7),
      () => fresh.planView('no-such-plan'),
      () => new mod.Engine(5),
    ];
    for (const call of calls) {
      assert.throws(call, (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError) && typeof e.code === 'string', String(call));
    }
    const cyclic = { ...demo };
    cyclic.self = cyclic;
    assert.throws(() => engine.estimate(cyclic), (e) => e instanceof Error && !(e instanceof WebAssembly.RuntimeError));
    assert.deepStrictEqual(engine.estimate(demo), good, 'the engine works on after all of them');
  });

  test('parsing a 4 MiB array costs the module little memory', () => {
    const before = wasmExports.memory.buffer.byteLength;
    const text = `{"plan":"kp-co-fehb-2022-standard","members":[{"id":"you","age":40}],"services":[${Array(2_000_000).fill('1').join(',')}]}`;
    assert.ok(text.length > 4_000_000 - 100);
    assert.throws(() => engine.estimate(text), (e) => ['invalid_type', 'too_many', 'input_too_large'].includes(e.code));
    const after = wasmExports.memory.buffer.byteLength;
    assert.ok(after - before < 16 * 1024 * 1024, `memory grew by ${after - before} bytes`);
  });
});

describe('the plan view and the options a household may take', () => {
  const cliJson = (...args) => {
    const r = cli(...args);
    assert.equal(r.status, 0, r.stderr);
    return JSON.parse(r.stdout);
  };

  test("every plan's view is the same from the .wasm and the CLI (costshare plan ID)", () => {
    for (const id of engine.planIds()) assert.deepStrictEqual(engine.planView(id), cliJson('plan', id), id);
  });

  test("the form's limits are the engine's bounds: the page never lets a visitor add what the engine refuses", () => {
    for (const id of engine.planIds()) {
      const { bounds } = engine.planView(id);
      assert.deepEqual([bounds.members, bounds.uses, bounds.age, bounds.count], [MAX_PEOPLE, MAX_USES, MAX_AGE, MAX_COUNT], id);
    }
  });

  test("the view answers the form's questions from the plan, with the document's lines", () => {
    const high = engine.planView('kp-co-fehb-2022-high');
    assert.deepEqual(high.offer.options, ['kp-co-fehb-2022-high', 'kp-co-fehb-2022-prosper', 'kp-co-fehb-2022-standard']);
    assert.deepEqual(high.enrollment.types.map((t) => t.type), ['self_only', 'self_plus_one', 'self_and_family']);
    assert.equal(high.medicare.asks, false);
    // Employees pay biweekly, before tax (5 CFR 892); Self and Family $232.06 biweekly (001 L3840).
    assert.deepEqual(high.pay_schedules.map((s) => [s.pay_schedule, s.pre_tax]), [['biweekly', true], ['monthly', false]]);
    const family = high.published_premiums.find((p) => p.enrollment === 'self_and_family');
    assert.equal(family.biweekly, '232.06');
    assert.equal(family.source.line, 3840);
    const sa = engine.planView('kp-ncal-fresno-2025-sa-high-high');
    assert.equal(sa.medicare.part_b_required, true);
    assert.equal(sa.medicare.source.line, 7487); // "You must have Medicare Part B"
    assert.deepEqual(sa.medicare.refused, ['none', 'part_a_only']);
    assert.equal(sa.medicare.part_b_monthly.monthly, '185.00');
    assert.deepEqual(sa.pay_schedules[0].contribution_unit, { per: 'member', pay_schedule: 'monthly' });
    assert.ok(sa.channels.includes('mail'));
    assert.throws(() => engine.planView('no-such-plan'), (e) => e.code === 'unknown_plan' && e.origin === 'arguments');
  });

  test('a Medicare couple of 70 and 68 may take the three County of Fresno options, ranked together', () => {
    const couple = (medicare, a, b) => ({
      plan: 'kp-ncal-fresno-2025-sa-low',
      members: [{ id: 'you', age: a, medicare }, { id: 'spouse', age: b, medicare }],
      services: [],
    });
    const ids = engine.optionsFor('kp-ncal-fresno-2025-sa-low', null);
    assert.deepEqual(ids, ['kp-ncal-fresno-2025-sa-high-high', 'kp-ncal-fresno-2025-sa-low', 'kp-ncal-fresno-2025-traditional']);
    // 002 L1526-1527 ($270.41 each), L1511-1512 ($341.24), L1480-1481 ($1,607.02): × 2 × 12.
    const ranked = engine.compare(couple('parts_a_and_b', 70, 68), ids).options.map((o) => [o.plan, o.estimate.total_annual_cost, o.closed]);
    assert.deepEqual(ranked, [
      ['kp-ncal-fresno-2025-sa-low', '6489.84', null],
      ['kp-ncal-fresno-2025-sa-high-high', '8189.76', null],
      ['kp-ncal-fresno-2025-traditional', '38568.48', null],
    ]);
    // Without Medicare, Senior Advantage is closed ("You must have Medicare Part B", L7487,
    // L13851), not priced; Traditional prices them (L1412-1413): (1,677.13 + 1,408.79) × 12.
    const young = engine.compare(couple('none', 60, 58), ids).options;
    assert.equal(young[0].estimate.total_annual_cost, '37031.04');
    assert.deepEqual(
      young.slice(1).map((o) => [o.plan, o.estimate, o.closed.reason.code, o.closed.reason.field, o.closed.source.line]),
      [
        ['kp-ncal-fresno-2025-sa-high-high', null, 'medicare_part_b_required', 'members[0].medicare', 7487],
        ['kp-ncal-fresno-2025-sa-low', null, 'medicare_part_b_required', 'members[0].medicare', 13851],
      ],
    );
  });
});
