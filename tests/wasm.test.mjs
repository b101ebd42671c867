// The built WebAssembly module (dist/pkg), loaded in Node: every golden case, the same answers
// as the native CLI, and errors that name the field at fault without breaking the engine.
// Run `npm run build` first (npm test does).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CLI, DEMO, buildCli, catalogFiles, cli, goldenFiles, loadWasm, loadedEngine } from './support.mjs';

const mod = await loadWasm();
const engine = loadedEngine(mod);
const golden = goldenFiles();
const tmp = mkdtempSync(join(tmpdir(), 'costshare-test-'));
let scenarioFiles = 0;

before(() => buildCli());
after(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the native CLI on a scenario; returns the parsed JSON result. */
function native(scenario) {
  const file = join(tmp, `scenario-${++scenarioFiles}.json`);
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  const r = cli('estimate', file);
  assert.equal(r.status, 0, `${CLI} estimate exited ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Every field present in `expect` equals the result's (lines by index, members by id). */
function checkExpect(result, expect) {
  for (const [key, want] of Object.entries(expect)) {
    if (key === 'lines') {
      assert.equal(result.lines?.length, want.length, `lines: ${result.lines?.length} lines, expected ${want.length}`);
      want.forEach((line, i) => {
        for (const [field, value] of Object.entries(line)) {
          assert.deepEqual(result.lines[i][field], value, `lines[${i}].${field} (${result.lines[i].service})`);
        }
      });
    } else if (key === 'members') {
      for (const member of want) {
        const got = result.members?.find((m) => m.id === member.id);
        assert.ok(got, `members: no member "${member.id}" in the result`);
        for (const [field, value] of Object.entries(member)) {
          assert.deepEqual(got[field], value, `members[id=${member.id}].${field}`);
        }
      }
    } else {
      assert.deepEqual(result[key], want, key);
    }
  }
}

describe('catalog', () => {
  test('every plan file is added under its file name, with the prices', () => {
    const { plans } = catalogFiles();
    assert.ok(plans.length > 0, 'no plans in dist/data/catalog.json');
    const fresh = new mod.Engine();
    for (const p of plans) assert.equal(fresh.addPlan(p.origin, p.text), p.id, p.origin);
    assert.deepEqual([...engine.planIds()].sort(), plans.map((p) => p.id).sort());
    const described = engine.plans();
    assert.ok(Array.isArray(described), 'plans() returns an array');
    assert.deepEqual(described.map((p) => p.id).sort(), plans.map((p) => p.id).sort());
    for (const p of described) assert.deepEqual(engine.plan(p.id), p, `plan("${p.id}") is plans()'s entry`);
    assert.equal(engine.plan('no-such-plan'), null);
    const prices = engine.prices();
    assert.equal(typeof prices, 'object');
    assert.ok(prices !== null);
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
        const result = engine.estimate(scenario);
        checkExpect(result, c.expect);
        assert.deepStrictEqual(result, native(scenario), 'wasm result differs from the native CLI');
      });
    }
  });
}

describe('the demo scenario (www/demo-scenario.json)', () => {
  test('estimates the same in wasm and natively, money as two-place decimal strings', () => {
    const result = engine.estimate(DEMO.scenario);
    assert.deepStrictEqual(result, native(DEMO.scenario));
    for (const key of ['member_pays_total', 'premium_annual', 'total_annual_cost']) {
      assert.match(result[key], /^-?\d+\.\d{2}$/, key);
    }
    for (const [i, line] of result.lines.entries()) {
      for (const key of ['allowed', 'member_pays', 'plan_pays']) assert.match(line[key], /^-?\d+\.\d{2}$/, `lines[${i}].${key}`);
    }
  });
});

describe('bad scenarios', () => {
  const demo = DEMO.scenario;
  const bad = {
    'an unknown plan': [{ ...demo, plan: 'no-such-plan' }, /plan/],
    'an allowed amount given as a number (12.5)': [
      { ...demo, services: [{ ...demo.services[0], allowed: 12.5 }, ...demo.services.slice(1)] },
      /allowed/,
    ],
    'a negative count': [{ ...demo, services: [{ ...demo.services[0], count: -1 }, ...demo.services.slice(1)] }, /count/],
  };
  const good = engine.estimate(demo);

  for (const [what, [scenario, field]] of Object.entries(bad)) {
    test(`${what}: wasm throws an Error naming the field, and the engine still works`, () => {
      assert.throws(
        () => engine.estimate(scenario),
        (e) => {
          assert.ok(e instanceof Error, `threw ${Object.prototype.toString.call(e)}, not an Error`);
          const [, fieldPart, words] = e.message.match(/^[^:]+: (.+?): (.+)/s) ?? [];
          assert.ok(fieldPart, `message is not "<origin>: <field>: <message>": ${e.message}`);
          assert.match(fieldPart, field, `the field part of "${e.message}"`);
          // A JS error's own "Error: " prefix must not leak into the words shown to people.
          assert.doesNotMatch(words, /^(\w*Error): /, `the message part of "${e.message}"`);
          return true;
        },
      );
      assert.deepStrictEqual(engine.estimate(demo), good);
    });

    test(`${what}: the CLI exits 2 with a message naming the field`, () => {
      const file = join(tmp, `bad-${++scenarioFiles}.json`);
      writeFileSync(file, JSON.stringify(scenario));
      const r = cli('estimate', file);
      assert.equal(r.status, 2, `exit ${r.status}; stderr: ${r.stderr}`);
      assert.match(r.stderr, field);
    });
  }
});
