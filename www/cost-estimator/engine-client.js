// The one way the element reaches the engine. Every call goes through a client that runs the
// WebAssembly module in a Web Worker (engine-worker.js), so comparing and cost curves never
// block typing or scrolling. Where the page cannot start a worker (the element's script comes
// from another origin, or a policy forbids workers), the same host runs in the page, behind the
// same calls.
//
// Calls return Promises. A call on a channel (each element has its own: "ce1:estimate",
// "ce1:compare", "ce1:curves") that a newer call on the same channel overtakes rejects with a
// StaleAnswer, which callers ignore: only the latest question's answer is shown. An engine error rejects with an EngineError carrying the
// engine's `code` and `field` (DOMAIN.md). If the engine fails unexpectedly (a trap), the client
// starts a fresh one with the same data and plans; the failed call rejects with code
// `engine_failure` and the next call works.
//
// One client per data folder, shared by the elements of a page.
import { loadData } from './data.js';
import { siteUrl } from './site.js';

/** An error the engine reported: the input's fault (`code`, `field`) or its own (`engine_failure`). */
export class EngineError extends Error {
  constructor({ message, code, field = null, origin = null }) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.field = field;
    this.origin = origin;
  }
}

/** A call's answer was overtaken by a newer call on its channel. */
export class StaleAnswer extends Error {
  constructor() {
    super('a newer request replaced this one');
    this.name = 'StaleAnswer';
  }
}

/** A plan file the engine has accepted, as the page reads it: its JSON, each service given
 * the unit the vocabulary gives it (the file does not repeat it). */
function readPlan(text, units) {
  const plan = JSON.parse(text);
  for (const [id, benefit] of Object.entries(plan.services ?? {})) benefit.unit = units.get(id) ?? 'visit';
  return plan;
}

let compiled; // Promise<WebAssembly.Module>

/** Fetches and compiles the module once per page (off the main thread where streaming works). */
export function compileEngine() {
  if (!compiled) {
    compiled = (async () => {
      const url = siteUrl('pkg/costshare_bg.wasm');
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      const type = response.headers.get('content-type') ?? '';
      if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) return WebAssembly.compileStreaming(response);
      return WebAssembly.compile(await response.arrayBuffer());
    })();
    compiled.catch(() => (compiled = undefined));
  }
  return compiled;
}

const clients = new Map(); // data folder URL (and role) → client

/** The client for the data folder `base` (made, and started, on first use). A `role` other
 * than the shared one gets an engine of its own: a census runs for seconds, and the estimators
 * on the page keep answering meanwhile. */
export function engineClient(base, role = 'shared') {
  const key = `${role} ${base}`;
  if (!clients.has(key)) clients.set(key, new EngineClient(base));
  return clients.get(key);
}

/** A transport: a module worker, or the host in this page. */
async function startTransport(onReply) {
  const url = siteUrl('engine-worker.js');
  if (typeof Worker === 'function' && url.origin === location.origin) {
    try {
      const worker = new Worker(url, { type: 'module', name: 'costshare-engine' });
      worker.addEventListener('message', (e) => onReply(e.data));
      const failed = new Promise((_, reject) => worker.addEventListener('error', (e) => reject(new Error(e.message || 'the engine worker did not start')), { once: true }));
      return { kind: 'worker', send: (m) => worker.postMessage(m), stop: () => worker.terminate(), failed };
    } catch {
      /* a policy refused the worker: run in the page */
    }
  }
  const { createHost } = await import(/* @vite-ignore */ url.href);
  const host = createHost();
  return { kind: 'page', send: (m) => host.receive(m, (reply) => Promise.resolve().then(() => onReply(reply))), stop() {}, failed: new Promise(() => {}) };
}

class EngineClient {
  constructor(base) {
    this.base = base;
    this.seq = 0;
    this.pending = new Map(); // request id → { resolve, reject, channel, onProgress }
    this.latest = new Map(); // channel → the newest request id
    this.plans = new Map(); // plan id → Promise<the engine's plan object>
    this.added = []; // [{ origin, text }]: every plan file added, to replay after a restart
    this.generation = 0;
    this.started = null;
  }

  /** Starts the engine with the data files (once): resolves to the page's parsed data. */
  start() {
    if (!this.started) {
      this.started = (async () => {
        // The worker starts (fetching its script and the glue) while the data arrive and the
        // module compiles: all three are on the way to the first estimate.
        const transport = this.#transport();
        const [data, module] = await Promise.all([loadData(this.base), compileEngine()]);
        this.data = data;
        this.module = module;
        await this.#boot(await transport);
        return data;
      })();
      this.started.catch(() => (this.started = null));
    }
    return this.started;
  }

  #transport() {
    const generation = ++this.generation;
    this.transport?.stop();
    return startTransport((reply) => this.#reply(reply, generation)).then((transport) => ({ transport, generation }));
  }

  async #boot(started = null) {
    const { transport, generation } = started ?? (await this.#transport());
    if (generation !== this.generation) return;
    this.transport = transport;
    const init = this.#send('init', { module: this.module, services: this.data.services.text, prices: this.data.prices.text, presets: this.data.presets?.text ?? null });
    await Promise.race([init, this.transport.failed]);
    for (const p of this.added) await this.#send('addPlan', p);
    this.inEngine = new Set(this.added.map((p) => p.id));
  }

  #send(op, args, channel = null, onProgress = null) {
    const id = ++this.seq;
    if (channel) this.latest.set(channel, id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, channel, onProgress });
      this.transport.send({ id, op, args, channel });
    });
  }

  #reply(reply, generation) {
    const waiting = this.pending.get(reply.id);
    if (!waiting || generation !== this.generation) return;
    if (reply.progress) return waiting.onProgress?.(reply.progress);
    this.pending.delete(reply.id);
    if (reply.stale) return waiting.reject(new StaleAnswer());
    if (reply.ok) {
      // An answer to a question that a newer one on the same channel replaced is not shown.
      if (waiting.channel && this.latest.get(waiting.channel) !== reply.id) return waiting.reject(new StaleAnswer());
      return waiting.resolve(reply.value);
    }
    const error = new EngineError(reply.error);
    if (error.code === 'engine_failure') this.#restart();
    waiting.reject(error);
  }

  /** A fresh engine after a failure: the same data and plans; calls waiting on the old one fail. */
  #restart(code = 'engine_failure', message = 'the engine restarted') {
    for (const [, w] of this.pending) w.reject(new EngineError({ message, code }));
    this.pending.clear();
    this.restarting = this.#boot().catch(() => {});
  }

  async call(op, args, channel = null, onProgress = null) {
    await this.start();
    if (this.restarting) await this.restarting;
    return this.#send(op, args, channel, onProgress);
  }

  /** Prices a census (`file`: a File, or `text`) on `plans`; `onProgress({ read, size,
   * households, errors })` after each piece. Resolves to { rows, errors, households, claims,
   * ignored, totals }; rejects with the engine's error for a file it cannot read at all, or
   * with code `cancelled` after cancel(). */
  async census({ file = null, text = null, plans, asOf = null, usage = null }, onProgress) {
    await Promise.all(plans.map((id) => this.plan(id)));
    return this.call('census', { file, text, plans, asOf, usage }, null, onProgress);
  }

  /** Stops whatever this engine is doing (a census) at once: its worker is ended and a fresh
   * one started with the same data; the calls waiting reject with code `cancelled`. */
  cancel() {
    if (this.transport) this.#restart('cancelled', 'cancelled');
  }

  /** Plan `id` as the page reads it (the file's JSON, each service with its unit from the
   * vocabulary), its file fetched and added to the engine on first need. Rejects if the catalog
   * has no such plan or the engine refuses the file. */
  plan(id) {
    if (!this.plans.has(id)) {
      const load = (async () => {
        const data = await this.start();
        const entry = data.catalog.plans.find((p) => p.id === id);
        if (!entry) throw new EngineError({ message: `no plan "${id}" in the catalog`, code: 'unknown_plan', field: 'plan' });
        const text = await data.planText(id);
        const origin = `data/${entry.file}`;
        // This client added every plan its engine has (and adds them again after a restart).
        if (!this.inEngine?.has(id)) {
          await this.call('addPlan', { origin, text });
          this.added.push({ id, origin, text });
          this.inEngine?.add(id);
        }
        return readPlan(text, data.services.units);
      })();
      load.catch(() => this.plans.delete(id));
      this.plans.set(id, load);
    }
    return this.plans.get(id);
  }

  /** Adds a plan file's text (an embedder's own plan); resolves to its id. */
  async addPlan(text, origin) {
    const id = await this.call('addPlan', { origin, text });
    this.added.push({ id, origin, text });
    this.inEngine?.add(id);
    const data = await this.start();
    this.plans.set(id, Promise.resolve(readPlan(text, data.services.units)));
    return id;
  }

  estimate(scenario, channel = null) {
    return this.call('estimate', { scenario }, channel);
  }

  compare(scenario, plans, channel = null) {
    return this.call('compare', { scenario, plans }, channel);
  }

  curves(scenario, plans, channel = null) {
    return this.call('curves', { scenario, plans }, channel);
  }

  optionsFor(plan, offered) {
    return this.call('optionsFor', { plan, offered });
  }
}
