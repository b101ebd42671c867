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
// request (a census, the odds) may send { id, progress }. Requests wait a tick before
// they run, and of the requests waiting on one channel only the last runs: the others are
// answered `stale` (a visitor typing "1", "12", "120" asks once, not three times). A long request
// on a channel (the odds) gives way between its slices: once a newer request on its channel has
// arrived, it stops and is answered `stale`, and the newer one runs; the short requests that
// arrive on other channels meanwhile (the estimate of a changed form) run between its slices.
// `stop` on a channel does nothing but stop the long request running there.
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

/** About how long one slice of the odds runs before the worker reads its messages again (a
 * newer question waits at most about this long; progress is said this often). */
const SLICE_MS = 40;

/** Requests that run a long while (or replace the engine): never run between another's slices. */
const LONG = new Set(['init', 'odds', 'census', 'censusPage']);

/** Thrown by a long request that a newer one on its channel replaced: answered `stale`. */
const REPLACED = Symbol('replaced');

/** Lets the worker read the messages that have arrived (a newer question) before going on. */
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 0));

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
    /** The CMS table's years (data/cms-years.json's text), which the odds need. */
    setCmsYears({ text }) {
      engine.setCmsYears(text);
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
      let at = engine.oddsStart(scenario, ids);
      let slice = 25;
      while (at.done < at.draws) {
        const started = performance.now();
        at = engine.oddsStep(slice);
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
      return engine.oddsResult();
    },
    // The group census (census/host.js): `census` and `censusPage`.
    ...censusOps(() => engine),
  };

  /** Runs one request; resolves to the reply to send. `notify` sends progress before it;
   * `replaced()` says whether a newer request on its channel has arrived meanwhile; `between()`
   * runs the short requests waiting on other channels. */
  async function run({ id, op, args }, notify = () => {}, replaced = () => false, between = async () => {}) {
    try {
      if (!ops[op]) throw new Error(`no operation "${op}"`);
      if (op !== 'init' && !engine) throw new Error('the engine is not started');
      return { id, ok: true, value: await ops[op](args ?? {}, (progress) => notify({ id, progress }), replaced, between) };
    } catch (e) {
      if (e === REPLACED) return { id, stale: true };
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

  /** Answers one request taken from the queue (`stale` if a newer one on its channel waits). */
  async function answer({ request, reply }) {
    const replaced = () => Boolean(request.channel) && waiting.some((w) => w.request.channel === request.channel);
    reply(replaced() ? { id: request.id, stale: true } : await run(request, reply, replaced, () => between(request.channel)));
  }

  async function drain() {
    while (waiting.length) await answer(waiting.shift());
    draining = false;
  }

  /** Between a long request's slices: the requests waiting ahead of any long one or any on the
   * long one's own `channel` (which stops it) run now, in order. Long requests (and `init`,
   * which replaces the engine) wait their turn: one engine holds one odds run at a time. */
  async function between(channel) {
    while (waiting.length) {
      const next = waiting[0].request;
      if (LONG.has(next.op) || (channel && next.channel === channel)) return;
      await answer(waiting.shift());
    }
  }

  return { receive, run, plans };
}

// As a worker: answer the page's messages.
if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope) {
  const host = createHost();
  globalThis.addEventListener('message', (event) => host.receive(event.data, (reply) => globalThis.postMessage(reply)));
}
