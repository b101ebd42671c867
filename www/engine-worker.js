// @ts-nocheck: a worker script (WorkerGlobalScope) importing the built glue (pkg/), which tsc
// meets only through element-files.js; the glue has its own declarations (pkg/costshare.d.ts).
// The engine's host: the WebAssembly module (pkg/costshare.js) with the data files' text in it,
// answering requests. It runs as a module Web Worker (dist/engine-worker.js), so pricing and
// comparing never block the page; where a page cannot start a worker (the element's script is
// on another origin, or a policy forbids workers) the element imports this same file and calls
// `createHost()` directly.
//
// Requests: { id, channel, op, args }. Replies: { id, ok: true, value } | { id, ok: false, error:
// { name, message, code, field, path, params, origin } } | { id, stale: true }, and, before its reply, a long
// request (a census) may send { id, progress }. Requests wait a tick before
// they run, and of the requests waiting on one channel only the last runs: the others are
// answered `stale` (a visitor typing "1", "12", "120" asks once, not three times).
//
// Where the page's policy refuses to compile WebAssembly (no 'wasm-unsafe-eval'), or the browser
// has none, the same engine compiled to JavaScript (pkg/costshare_js.js, binaryen's wasm2js;
// scripts/build-js-engine.mjs) is imported instead, only then: slower, the same figures.
import init, { Engine as WasmEngine } from './pkg/costshare.js';
import { censusOps } from './cost-estimator/census/host.js';

/** The engine compiled to JavaScript, imported when WebAssembly is refused. Its address is
 * written out for bundlers, which copy the file as it is (it imports nothing). */
async function javascriptEngine() {
  const module = await import(/* @vite-ignore */ /* webpackIgnore: true */ new URL('./pkg/costshare_js.js', import.meta.url).href);
  module.initJs();
  return module.Engine;
}

/** A host that prices requests with the module `wasm` (its bytes, compiled here). */
export function createHost() {
  let engine = null;
  let ready = null;
  let Engine = WasmEngine;
  let kind = 'wasm'; // or 'javascript': which build of the engine runs
  const plans = new Map(); // origin → text, to rebuild after a failure

  /** The WebAssembly module compiled and started, or, where this page may not compile it, the
   * JavaScript build started instead. Resolves to which one runs. */
  async function start(wasm) {
    if (typeof WebAssembly === 'object') {
      try {
        await init({ module_or_path: wasm });
        return 'wasm';
      } catch (error) {
        // Only a valid module that cannot be compiled here means a policy refused it (no
        // 'wasm-unsafe-eval'); anything else is a broken file, said as it is.
        if (!(wasm && WebAssembly.validate(wasm))) throw error;
      }
    }
    try {
      Engine = await javascriptEngine();
      return 'javascript';
    } catch (error) {
      throw Object.assign(new Error(`WebAssembly is not allowed here, and the JavaScript engine did not load: ${error?.message ?? error}`), { code: 'wasm_refused' });
    }
  }

  const ops = {
    /** Compiles the module and starts the engine with the data. `lock`: a Web Lock name to hold
     * while this worker lives (the page hears of its end when the lock is let go). Answers
     * `engine`: `wasm`, or `javascript` where WebAssembly was refused. */
    async init({ wasm, services, prices, presets, lock = null }) {
      // The lock is asked for while the module compiles (it costs a message to the browser).
      const locks = typeof WorkerGlobalScope !== 'undefined' && lock ? globalThis.navigator?.locks : null;
      const held = locks && new Promise((resolve) => locks.request(lock, () => (resolve(), new Promise(() => {}))));
      ready ??= start(wasm);
      try {
        kind = await ready;
      } catch (error) {
        ready = null;
        throw error;
      }
      engine = new Engine(services);
      engine.setPrices(prices);
      if (presets != null) engine.setPresets(presets);
      await held;
      return { plans: engine.planIds(), locked: Boolean(locks), engine: kind };
    },
    addPlan({ origin, text }) {
      const id = engine.addPlan(origin, text);
      plans.set(origin, text);
      return id;
    },
    estimate({ scenario }) {
      return engine.estimate(scenario);
    },
    compare({ scenario, plans: ids }) {
      return engine.compare(scenario, ids);
    },
    curves({ scenario, plans: ids }) {
      return engine.costCurves(scenario, ids);
    },
    optionsFor({ plan, offered }) {
      return engine.optionsFor(plan, offered ?? null);
    },
    /** Everything the form asks about a plan (docs/embedding.md, "The plan view"). */
    planView({ plan }) {
      return engine.planView(plan);
    },
    // The group census (census/host.js): `census` and `censusPage`.
    ...censusOps(() => engine),
  };

  /** Runs one request; resolves to the reply to send. `notify` sends progress before it. */
  async function run({ id, op, args }, notify = () => {}) {
    try {
      if (!ops[op]) throw new Error(`no operation "${op}"`);
      if (op !== 'init' && !engine) throw new Error('the engine is not started');
      return { id, ok: true, value: await ops[op](args ?? {}, (progress) => notify({ id, progress })) };
    } catch (e) {
      // An engine error has a `code`; anything else (a trap) means this instance is broken.
      const error = { name: e?.name ?? 'Error', message: String(e?.message ?? e), code: e?.code ?? 'engine_failure', field: e?.field ?? null, path: e?.path ?? [], params: e?.params ?? {}, origin: e?.origin ?? null };
      return { id, ok: false, error };
    }
  }

  const waiting = []; // requests received, not yet run
  let draining = false;

  /** Queues a request; `reply` gets its answer. A request on a channel waits a tick, so a newer
   * one on the same channel can replace it; others start at once. */
  function receive(request, reply) {
    waiting.push({ request, reply });
    if (!draining) {
      draining = true;
      if (request.channel) setTimeout(drain, 0);
      else drain();
    }
  }

  async function drain() {
    while (waiting.length) {
      const { request, reply } = waiting.shift();
      const newer = request.channel && waiting.some((w) => w.request.channel === request.channel);
      reply(newer ? { id: request.id, stale: true } : await run(request, reply));
    }
    draining = false;
  }

  return { receive, run, plans };
}

// As a worker: answer the page's messages.
if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope) {
  const host = createHost();
  globalThis.addEventListener('message', (event) => host.receive(event.data, (reply) => globalThis.postMessage(reply)));
}
