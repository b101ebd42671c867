// @ts-nocheck: a worker script (WorkerGlobalScope) importing the built glue (pkg/), which tsc
// meets only through element-files.js; the glue has its own declarations (pkg/costshare.d.ts).
// The estimator's engine host (cost-estimator/engine-host.js): the estimator's WebAssembly module
// (pkg/costshare.js, built without the census) with the data files' text in it, answering
// requests. It runs as a module Web Worker (dist/engine-worker.js), so pricing and comparing
// never block the page; where a page cannot start a worker (the element's script is on another
// origin, or a policy forbids workers) the element imports this same file and calls
// `createHost()` directly. The census has a host of its own, census-worker.js.
//
// Where the page's policy refuses to compile WebAssembly (no 'wasm-unsafe-eval'), or the browser
// has none, the same engine compiled to JavaScript (pkg/costshare_js.js, binaryen's wasm2js;
// scripts/build-js-engine.mjs) is imported instead, only then: slower, the same figures.
import init, { Engine } from './pkg/costshare.js';
import { hostFor, REPLACED } from './cost-estimator/engine-host.js';

/** The engine compiled to JavaScript, imported when WebAssembly is refused. Its address is
 * written out for bundlers, which copy the file as it is (it imports nothing). */
async function javascriptEngine() {
  const module = await import(/* @vite-ignore */ /* webpackIgnore: true */ new URL('./pkg/costshare_js.js', import.meta.url).href);
  module.initJs();
  return module.Engine;
}

/** A host that prices requests with the estimator's module (its bytes, compiled here). */
export function createHost() {
  return hostFor({ init, Engine, fallback: javascriptEngine, name: 'the estimator', more: estimatorOps });
}

/** The estimator's operations (`init` and `addPlan` are every host's), on the engine `engine()`. */
function estimatorOps(engine) {
  return {
    estimate({ scenario }) {
      return engine().estimate(scenario);
    },
    compare({ scenario, plans: ids }) {
      return engine().compare(scenario, ids);
    },
    curves({ scenario, plans: ids }) {
      return engine().costCurves(scenario, ids);
    },
    optionsFor({ plan, offered }) {
      return engine().optionsFor(plan, offered ?? null);
    },
    /** The CMS table's years (data/cms-years.json's text), which the odds need. */
    setCmsYears({ text }) {
      engine().setCmsYears(text);
    },
    /** Does nothing: sent on a channel, it stops the long request running there (the odds of a
     * household the visitor has since changed) at its next slice. */
    stop() {
      return null;
    },
    /** The odds of the household's year on each option, a slice of draws at a time:
     * `progress({ done, draws })` after each; stops at the next slice once `replaced()`; between
     * slices, `between()` answers the short requests waiting on other channels (an estimate
     * asked meanwhile is answered at once, not after the odds). */
    async odds({ scenario, plans: ids }, progress, replaced, between) {
      let at = engine().oddsStart(scenario, ids);
      let slice = 25;
      while (at.done < at.draws) {
        const started = performance.now();
        at = engine().oddsStep(slice);
        const spent = performance.now() - started;
        // The next slice sized to take about SLICE_MS here (at most 4 times this one).
        slice = Math.max(1, Math.min(slice * 4, Math.round((slice * SLICE_MS) / Math.max(spent, 1))));
        progress(at);
        if (at.done < at.draws) {
          await nextTurn();
          if (replaced()) throw REPLACED;
          await between();
          if (replaced()) throw REPLACED;
        }
      }
      return engine().oddsResult();
    },
  };
}

/** About how long one slice of the odds runs before the worker reads its messages again (a
 * newer question waits at most about this long; progress is said this often). */
const SLICE_MS = 40;

/** Lets the worker read the messages that have arrived (a newer question) before going on. */
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

// As a worker: answer the page's messages.
if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope) {
  const host = createHost();
  globalThis.addEventListener('message', (event) => host.receive(event.data, (reply) => globalThis.postMessage(reply)));
}
