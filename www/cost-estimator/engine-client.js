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

/** An error the engine reported: the input's fault (`code`, `field`, `path`, `params`) or its
 * own (`engine_failure`). */
export class EngineError extends Error {
  constructor({ message, code, field = null, path = [], params = {}, origin = null }) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.field = field;
    this.path = path;
    this.params = params;
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

let fetched; // Promise<ArrayBuffer>

/** Fetches the module's bytes once per page (the page preloads them). Each engine compiles its
 * own copy where it runs: in its worker, the main thread never compiles (that cost ~11 ms of the
 * first estimate's path at 4x CPU). */
export function fetchEngine() {
  if (!fetched) {
    fetched = (async () => {
      const url = siteUrl('pkg/costshare_bg.wasm');
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      return response.arrayBuffer();
    })();
    fetched.catch(() => (fetched = undefined));
  }
  return fetched;
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
    this.turns = new Map(); // channel → the newest call, before it is sent
    this.plans = new Map(); // plan id → Promise<the page's reading of the plan, once the engine has it>
    this.posting = new Map(); // plan id → Promise: its file has been sent to the engine
    this.files = new Map(); // plan id → Promise<{ origin, text, read() }>
    this.added = []; // [{ origin, text }]: every plan file added, to replay after a restart
    this.generation = 0;
    this.started = null;
  }

  /** Loads the data files and starts the engine with them (once): resolves to the page's parsed
   * data as soon as the files are in. The engine boots meanwhile; calls made before it is up
   * wait for it, and are sent behind its start without waiting for its answer (the worker
   * answers in order), so the page draws its form while the engine starts. */
  start() {
    if (!this.started) {
      this.started = loadData(this.base);
      this.started.catch(() => (this.started = null));
      // The worker starts (fetching its script and the glue) while the data and the module's
      // bytes arrive: all three are on the way to the first estimate.
      const transport = this.#transport();
      this.booting = Promise.all([this.started, fetchEngine()]).then(async ([data, wasm]) => {
        this.data = data;
        this.wasm = wasm;
        await this.#boot(await transport);
      });
      // Without its data or module the worker has nothing to do: it is ended.
      this.booting.catch(() => transport.then(({ transport: t }) => t !== this.transport && t.stop(), () => {}));
    }
    return this.started;
  }

  /** Resolves once the engine has started (rejects with the reason it could not). */
  async ready() {
    await this.start();
    await this.booting;
    await this.initialized;
  }

  #transport() {
    const generation = ++this.generation;
    this.transport?.stop();
    return startTransport((reply) => this.#reply(reply, generation)).then((transport) => ({ transport, generation }));
  }

  /** Starts an engine: its module, data and every plan added so far are sent at once; resolves
   * when they are on their way (`initialized` holds the engine's answer). */
  async #boot(started = null) {
    const { transport, generation } = started ?? (await this.#transport());
    if (generation !== this.generation) return;
    this.transport = transport;
    this.bootFailure = null;
    // The bytes are copied (not transferred): a restart, or a second engine, sends them again.
    const init = this.#send('init', { wasm: this.wasm, services: this.data.services.text, prices: this.data.prices.text, presets: this.data.presets?.text ?? null }, null, null, true);
    this.initialized = Promise.race([init, this.transport.failed]);
    this.initialized.catch((error) => {
      // An engine that cannot start fails every call sent behind it, and is not restarted.
      if (generation !== this.generation) return;
      this.bootFailure = error instanceof EngineError ? error : new EngineError({ message: String(error?.message ?? error), code: 'engine_failure' });
      for (const [, w] of this.pending) w.reject(this.bootFailure);
      this.pending.clear();
    });
    for (const p of this.added) this.#send('addPlan', p).catch(() => {});
    this.inEngine = new Set(this.added.map((p) => p.id));
  }

  /** Resolves once calls can be sent (the engine is booted, or booting behind them). */
  async #sendable() {
    await this.start();
    await this.booting;
    if (this.restarting) await this.restarting;
    if (this.bootFailure) throw this.bootFailure;
  }

  #send(op, args, channel = null, onProgress = null, boot = false) {
    const id = ++this.seq;
    if (channel) this.latest.set(channel, id);
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, channel, onProgress, boot });
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
    if (error.code === 'engine_failure' && !waiting.boot && !this.bootFailure) this.#restart();
    waiting.reject(error);
  }

  /** A fresh engine after a failure: the same data and plans; calls waiting on the old one fail. */
  #restart(code = 'engine_failure', message = 'the engine restarted') {
    for (const [, w] of this.pending) w.reject(new EngineError({ message, code }));
    this.pending.clear();
    this.restarting = this.#boot().catch(() => {});
  }

  async call(op, args, channel = null, onProgress = null) {
    await this.#sendable();
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
      // The file goes to the engine as soon as the engine can take it; `posting` resolves once
      // the message is sent, so a call about this plan can be sent behind it.
      const posting = (async () => {
        const file = await this.#file(id);
        // This client added every plan its engine has (and adds them again after a restart).
        if (this.inEngine?.has(id)) return { file, answer: null };
        await this.#sendable();
        return { file, answer: this.#send('addPlan', { origin: file.origin, text: file.text }) };
      })();
      const load = posting.then(async ({ file, answer }) => {
        if (answer) {
          await answer;
          this.added.push({ id, origin: file.origin, text: file.text });
          this.inEngine?.add(id);
        }
        return file.read();
      });
      this.posting.set(id, posting.then(() => {}, () => {}));
      load.catch(() => {
        this.plans.delete(id);
        this.posting.delete(id);
      });
      this.plans.set(id, load);
    }
    return this.plans.get(id);
  }

  /** Plan `id` as the page reads it, as soon as its file is in: the page can draw it while the
   * engine is still starting. The file goes to the engine meanwhile (see plan()); a call about
   * the plan made after this resolves is sent behind it. */
  read(id) {
    const load = this.plan(id);
    load.catch(() => {});
    // A plan added with addPlan() has no file to read: it is read already.
    return this.files.has(id) ? this.files.get(id).then((file) => file.read()) : load;
  }

  /** Plan `id`'s file: its text (for the engine) and the page's reading of it, made once. */
  #file(id) {
    if (!this.files.has(id)) {
      const file = (async () => {
        const data = await this.start();
        const entry = data.catalog.plans.find((p) => p.id === id);
        if (!entry) throw new EngineError({ message: `unknown plan "${id}"`, code: 'unknown_plan', field: 'plan', path: ['plan'], params: { value: id }, origin: 'scenario' });
        const text = await data.planText(id);
        let object = null;
        return { origin: `data/${entry.file}`, text, read: () => (object ??= readPlan(text, data.services.units)) };
      })();
      file.catch(() => this.files.delete(id));
      this.files.set(id, file);
    }
    return this.files.get(id);
  }

  /** Waits until every plan of `ids` on its way to the engine has been sent there. */
  async #posted(ids) {
    await Promise.all((Array.isArray(ids) ? ids : [ids]).map((id) => this.posting.get(id)));
  }

  /** Adds a plan file's text (an embedder's own plan), named `origin` in errors; resolves to
   * its id. The arguments in the engine's order: addPlan(origin, text). */
  async addPlan(origin, text) {
    const id = await this.call('addPlan', { origin, text });
    this.added.push({ id, origin, text });
    this.inEngine?.add(id);
    const data = await this.start();
    this.plans.set(id, Promise.resolve(readPlan(text, data.services.units)));
    return id;
  }

  estimate(scenario, channel = null) {
    return this.#about(scenario?.plan, 'estimate', { scenario }, channel);
  }

  compare(scenario, plans, channel = null) {
    return this.#about(plans, 'compare', { scenario, plans }, channel);
  }

  curves(scenario, plans, channel = null) {
    return this.#about(plans, 'curves', { scenario, plans }, channel);
  }

  /** A call about `plans`, sent once their files are in the engine's queue. On a channel, a
   * newer call made meanwhile replaces it (it rejects with StaleAnswer without being sent). */
  async #about(plans, op, args, channel) {
    const turn = {};
    if (channel) this.turns.set(channel, turn);
    await this.#posted(plans);
    if (channel && this.turns.get(channel) !== turn) throw new StaleAnswer();
    return this.call(op, args, channel);
  }

  optionsFor(plan, offered) {
    return this.call('optionsFor', { plan, offered });
  }
}
