// @ts-nocheck: runs in a Web Worker (WorkerGlobalScope, which the dom lib tsc checks against
// does not declare) as well as in the page.
// The engine's host, whichever module it runs: the module's engine with the data files' text in
// it, answering requests. engine-worker.js runs it with the estimator's module (and its
// JavaScript build where WebAssembly is refused), census-worker.js with the census's (which has
// none: the census needs WebAssembly; docs/decisions.md, "The size budget, decided"). Each runs
// as a module Web Worker, or, where a page cannot start one, imported into the page.
//
// Requests: { id, channel, op, args }. Replies: { id, ok: true, value } | { id, ok: false, error:
// { name, message, code, field, path, params, origin } } | { id, stale: true }, and, before its reply, a long
// request (a census, the odds) may send { id, progress }. Requests wait a tick before
// they run, and of the requests waiting on one channel only the last runs: the others are
// answered `stale` (a visitor typing "1", "12", "120" asks once, not three times). A long request
// on a channel (the odds) gives way between its slices: once a newer request on its channel has
// arrived, it throws `REPLACED`, is answered `stale`, and the newer one runs; the short requests
// that arrive on other channels meanwhile (the estimate of a changed form) run between its
// slices (`between`). `stop` on a channel (an estimator's op) does nothing but stop the long
// request running there.

/** Thrown by a long request that a newer one on its channel replaced: answered `stale`. */
export const REPLACED = Symbol('replaced');

/** Requests that run a long while (or replace the engine): never run between another's slices. */
const LONG = new Set(['init', 'odds', 'census', 'censusPage']);

/**
 * A host that prices requests with a module's engine: `init` and `Engine` are its wasm-bindgen
 * glue's (its bytes come with the `init` request and are compiled here); `fallback()`, where
 * the page may not compile WebAssembly, resolves to the same engine compiled to JavaScript
 * (null: this module has none, and says so with code `wasm_refused`); `more(engine)` gives the
 * module's own operations besides `init`, `addPlan` and `planView`, `engine()` returning the started engine.
 * @param {{ init: Function, Engine: any, fallback?: (() => Promise<any>) | null, more?: (engine: () => any) => Record<string, Function>, name?: string }} module
 */
export function hostFor({ init, Engine: WasmEngine, fallback = null, more = () => ({}), name = 'the engine' }) {
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
    if (!fallback) throw Object.assign(new Error(`WebAssembly is not allowed here, and ${name} has no other engine`), { code: 'wasm_refused' });
    try {
      Engine = await fallback();
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
    /** Everything a form asks about a plan (docs/embedding.md, "The plan view"): every client
     * reads its plans this way, the census's as the estimator's. */
    planView({ plan }) {
      return engine.planView(plan);
    },
    // The module's own: the estimator's (engine-worker.js), the census's (census/host.js).
    ...more(() => engine),
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
   * which replaces the engine) wait their turn: one engine holds one long run at a time. */
  async function between(channel) {
    while (waiting.length) {
      const next = waiting[0].request;
      if (LONG.has(next.op) || (channel && next.channel === channel)) return;
      await answer(waiting.shift());
    }
  }

  return { receive, run, plans };
}
