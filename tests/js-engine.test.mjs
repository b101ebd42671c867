// The engine compiled to JavaScript (dist/pkg/costshare_js.js, binaryen's wasm2js: the fallback
// for pages whose policy refuses WebAssembly; scripts/build-js-engine.mjs), in Node, with
// WebAssembly taken away while it runs: every golden case gives its hand-worked figures and the
// .wasm's result exactly, errors name the same field with the same code, comparisons and cost
// curves are the same; like the estimator's .wasm it was made from, it has no census. Times are printed, never asserted (BENCHMARKS.md).
// Run `npm run build` first (npm test does).
import assert from 'node:assert/strict';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DEMO, DIST, checkExpect, goldenFiles, loadWasm, loadedEngine } from './support.mjs';

const wasmModule = await loadWasm();
const wasm = loadedEngine(wasmModule);

const file = join(DIST, 'pkg', 'costshare_js.js');
if (!existsSync(file)) throw new Error('dist/pkg/costshare_js.js is missing: run `npm run build` first');
if (statSync(file).mtimeMs < statSync(join(DIST, 'pkg', 'costshare_bg.wasm')).mtimeMs) throw new Error('dist/pkg/costshare_js.js is older than the .wasm: run `npm run build`');

// No WebAssembly while the JavaScript engine loads and runs: it must not need any.
const saved = globalThis.WebAssembly;
globalThis.WebAssembly = undefined;
after(() => {
  globalThis.WebAssembly = saved;
});
const jsModule = await import(pathToFileURL(file).href);
assert.equal(typeof jsModule.initJs, 'function');
jsModule.initJs();
const js = loadedEngine(jsModule);

/** The engine's answer or its error (code and field), to compare the two builds. */
function outcome(fn) {
  try {
    return { value: fn() };
  } catch (e) {
    return { error: { code: e.code, field: e.field, message: e.message } };
  }
}

test('the JavaScript build has the same calls and error codes as the .wasm', () => {
  const calls = (m) => Object.keys(m).filter((k) => !['initJs', 'initSync', 'default'].includes(k)).sort();
  assert.deepEqual(calls(jsModule), calls(wasmModule));
  assert.deepEqual([...jsModule.errorCodes()], [...wasmModule.errorCodes()]);
  assert.deepEqual([...js.planIds()], [...wasm.planIds()]);
});

for (const g of goldenFiles()) {
  describe(g.file, () => {
    for (const c of g.cases ?? []) {
      test(c.name, () => {
        const scenario = { plan: g.plan, ...c.scenario };
        const got = outcome(() => js.estimate(scenario));
        if (c.expect_error) {
          assert.equal(got.error?.code, c.expect_error.code);
          assert.equal(got.error?.field, c.expect_error.field);
        } else {
          assert.ok(got.value, `refused: ${JSON.stringify(got.error)}`);
          checkExpect(assert, got.value, c.expect);
        }
        assert.deepStrictEqual(got, outcome(() => wasm.estimate(scenario)), 'the JavaScript build differs from the .wasm');
      });
    }
  });
}

describe('the demo scenario (tests/demo-scenario.json)', () => {
  const ids = [...wasm.optionsFor(DEMO.scenario.plan, null)];
  test('estimate, comparison and cost curves equal the .wasm’s', () => {
    assert.deepStrictEqual(js.estimate(DEMO.scenario), wasm.estimate(DEMO.scenario));
    assert.deepStrictEqual(js.compare(DEMO.scenario, ids), wasm.compare(DEMO.scenario, ids));
    assert.deepStrictEqual(js.costCurves(DEMO.scenario, ids), wasm.costCurves(DEMO.scenario, ids));
  });
  test('bad input is refused the same way, and the engine goes on', () => {
    for (const bad of [{ ...DEMO.scenario, members: [{ id: 'you', age: -1 }] }, { ...DEMO.scenario, services: [{ member: 'you', service: 'nope', count: 1 }] }, 'not json', null]) {
      assert.deepStrictEqual(outcome(() => js.estimate(bad)), outcome(() => wasm.estimate(bad)));
    }
    assert.deepStrictEqual(js.estimate(DEMO.scenario), wasm.estimate(DEMO.scenario));
  });
  test('speed against the .wasm (printed, not asserted)', () => {
    const time = (engine, n) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < n; i++) engine.estimate(DEMO.scenario);
      return Number(process.hrtime.bigint() - start) / 1e6 / n;
    };
    time(js, 20);
    time(wasm, 20);
    const [j, w] = [time(js, 200), time(wasm, 200)];
    const compare = (engine) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 20; i++) engine.compare(DEMO.scenario, ids);
      return Number(process.hrtime.bigint() - start) / 1e6 / 20;
    };
    const [jc, wc] = [compare(js), compare(wasm)];
    console.log(`# the demo scenario's estimate: JavaScript ${j.toFixed(3)} ms, .wasm ${w.toFixed(3)} ms (${(j / w).toFixed(1)}x); its comparison of ${ids.length} options: ${jc.toFixed(2)} ms, ${wc.toFixed(2)} ms (${(jc / wc).toFixed(1)}x)`);
  });
});

test('neither the JavaScript engine nor the estimator’s .wasm carries the census (it is the census’s module’s alone, which needs WebAssembly)', () => {
  // docs/decisions.md, "The size budget, decided": the census is built into its own module, and
  // the JavaScript engine is the estimator's module compiled to JavaScript. tests/census.test.mjs
  // prices every golden census through the census's module.
  for (const [name, engine] of [['JavaScript', js], ['.wasm', wasm]]) {
    for (const call of ['censusStart', 'censusPush', 'censusRewind', 'censusFinish', 'censusPage']) assert.equal(typeof engine[call], 'undefined', `${name}: ${call}`);
    assert.equal(typeof engine.estimate, 'function');
  }
});
