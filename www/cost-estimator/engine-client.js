// The one way the element reaches the engine. Every call goes through a client that runs the
// WebAssembly module in a Web Worker (engine-worker.js), so comparing and cost curves never
// block typing or scrolling. Where the page cannot start a worker (the element's script comes
// from another origin, or a policy forbids workers), the same host runs in the page, behind the
// same calls.
//
// Calls return Promises. A call on a channel (each element has its own: "ce1:estimate",
// "ce1:compare", "ce1:curves") that a newer call on the same channel overtakes rejects with a
// StaleAnswer, which callers ignore: only the latest question's answer is shown. An engine
// error rejects with an EngineError carrying the engine's `code`, `field`, `path` and `params`
// (docs/domain.md, "Errors"). If the engine fails unexpectedly (a trap), or its worker dies
// (the worker holds a Web Lock while it lives, so the page hears of any end), the client starts a
// fresh one with the same data and plans; the calls waiting reject with code `engine_failure` and
// the next call works. A worker refused before it answers (a `worker-src` policy) is replaced by
// the same host in the page, and the calls already made go there.
//
// Each way the engine had to fall back is told once to whoever listens (onFallback): the
// engine in the page (`engine_in_page`: no worker could start) and the engine compiled to
// JavaScript (`engine_javascript`: the page may not compile WebAssembly). A file that does not
// arrive (the module, a data file) fails the start with code `load_failed`, naming the file;
// retry() starts again (what did arrive is kept).
//
// One client per data folder (and role), shared by the elements of a page; an element that adds
// its own plans gets a client of its own (its plans are its own).
//
// Two engines (site.js, ENGINES): the estimator's module (engine-worker.js, pkg/costshare_bg.wasm),
// which every client uses unless told otherwise, and the census's (census-worker.js,
// pkg/costshare_census_bg.wasm: the engine with the group census), which only <cost-census>
// asks for. An estimator's page never fetches the census's (docs/decisions.md, "The size
// budget, decided").
import { loadData } from './data.js';
import { ENGINES, fetchFile, importHost, siteUrl, startWorker, workerPossible } from './site.js';

/** An error the engine reported: the input's fault (`code`, `field`, `path`, `params`) or its
 * own (`engine_failure`; `wasm_refused` when the page's policy forbids compiling WebAssembly and
 * the JavaScript build cannot load either; `load_failed` when a file did not arrive, `params.file`
 * naming it). `path` is `[]` and `params` `{}` for an error that is not the input's. */
export class EngineError extends Error {
  constructor({ message, code, field = null, path = [], params = {}, origin = null }) {
    super(message);
    this.name = 'EngineError';
    this.code = code;
    this.field = field;
    this.path = path ?? [];
    this.params = params ?? {};
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

const fetched = new Map(); // engine → Promise<ArrayBuffer>

/** A file that did not arrive: code `load_failed`, `params.file` its path in the site. */
export function loadFailed(file, why) {
  return new EngineError({ message: `${file} did not arrive: ${why}`, code: 'load_failed', field: null, params: { file }, origin: 'element' });
}

/** Fetches the bytes of `engine`'s module ('estimator' or 'census') once per page (the page
 * preloads the estimator's). Each engine compiles its own copy where it runs: in its worker, the
 * main thread never compiles (that cost ~11 ms of the first estimate's path at 4x CPU). */
export function fetchEngine(engine = 'estimator') {
  if (!fetched.has(engine)) {
    const file = ENGINES[engine].wasm;
    const bytes = (async () => {
      let response;
      try {
        response = await fetchFile(siteUrl(file));
      } catch (error) {
        throw loadFailed(file, String(error?.message ?? error));
      }
      if (!response.ok) throw loadFailed(file, `HTTP ${response.status}`);
      return response.arrayBuffer();
    })();
    bytes.catch(() => fetched.delete(engine));
    fetched.set(engine, bytes);
  }
  return fetched.get(engine);
}

const clients = new Map(); // data folder URL (and role, and engine) → client

/** The client for the data folder `base` (made, and started, on first use). A `role` other
 * than the shared one gets an engine of its own: a census runs for seconds, and the estimators
 * on the page keep answering meanwhile. `engine`: 'estimator', or 'census' for <cost-census>. */
export function engineClient(base, role = 'shared', engine = 'estimator') {
  const key = `${engine} ${role} ${base}`;
  if (!clients.has(key)) clients.set(key, new EngineClient(base, engine));
  return clients.get(key);
}

/** A transport: a module worker, or (`inPage`, or no worker possible) the host in this page.
 * `failed` rejects when the worker reports an error: before it has answered, a policy refused it
 * (`worker-src`), or its script could not load; after, it has died. */
async function startTransport(onReply, inPage = false, engine = 'estimator') {
  if (!inPage && workerPossible(engine)) {
    try {
      const worker = startWorker(engine === 'census' ? 'costshare-census' : 'costshare-engine', engine);
      worker.addEventListener('message', (e) => onReply(e.data));
      const failed = new Promise((_, reject) => worker.addEventListener('error', (e) => reject(new Error(e.message || 'the engine worker stopped')), { once: true }));
      failed.catch(() => {});
      return { kind: 'worker', send: (m) => worker.postMessage(m), stop: () => worker.terminate(), failed };
    } catch {
      /* refused at once: run in the page */
    }
  }
  let createHost;
  try {
    ({ createHost } = await importHost(engine));
  } catch (error) {
    throw loadFailed(ENGINES[engine].script, String(error?.message ?? error));
  }
  const host = createHost();
  return { kind: 'page', send: (m) => host.receive(m, (reply) => Promise.resolve().then(() => onReply(reply))), stop() {}, failed: new Promise(() => {}) };
}

/** A Promise with its resolve and reject, and whether it has settled. */
function deferred() {
  const d = { settled: false };
  d.promise = new Promise((resolve, reject) => {
    d.resolve = (v) => ((d.settled = true), resolve(v));
    d.reject = (e) => ((d.settled = true), reject(e));
  });
  d.promise.catch(() => {});
  return d;
}

const asEngineError = (error) =>
  error instanceof EngineError ? error : new EngineError({ message: String(error?.message ?? error), code: error?.code ?? 'engine_failure', params: error?.params ?? null, origin: error?.origin ?? null });

export class EngineClient {
  /** `engine`: which module runs ('estimator', or 'census': the engine with the group census). */
  constructor(base, engine = 'estimator') {
    this.base = base;
    if (!ENGINES[engine]) throw new Error(`no engine "${engine}"`);
    this.engine = engine;
    this.seq = 0;
    this.pending = new Map(); // request id → { resolve, reject, channel, onProgress, boot, message }
    this.latest = new Map(); // channel → the newest request id
    this.turns = new Map(); // channel → the newest call, before it is sent
    this.plans = new Map(); // plan id → Promise<the page's reading of the plan, once the engine has it>
    this.posting = new Map(); // plan id → Promise: its file has been sent to the engine
    this.files = new Map(); // plan id → Promise<{ origin, text, read() }>
    this.added = []; // [{ id, origin, text }]: every plan file added, to replay after a restart
    this.generation = 0;
    this.started = null;
    this.inPage = false; // a worker was refused once: every engine of this client runs in the page
    this.up = null; // the current engine's start: a deferred, resolved once it answered
    this.fallbacks = new Set(); // 'engine_in_page', 'engine_javascript': each said once
    this.listeners = new Set();
    this.early = new Map(); // "op args" → Promise: asked before any element (ask())
  }

  /** Asks the engine now what an element will ask as it starts (the page's early start,
   * cost-estimator-boot.js, asks the HTML's first view's estimate and ranking before the
   * element's code has arrived): the answer is kept for the first `estimate` or `compare` with
   * the same arguments, which takes it instead of asking again (the engine answers the same
   * question with the same figures). */
  ask(op, args) {
    const key = `${op} ${JSON.stringify(args)}`;
    if (!this.early.has(key)) {
      const answer = this.#about(op === 'estimate' ? args.scenario?.plan : args.plans, op, args, null);
      answer.catch(() => this.early.delete(key));
      this.early.set(key, answer);
    }
    return this.early.get(key);
  }

  /** Calls `listener(code)` for each way the engine fell back, those already taken first;
   * returns a function that stops listening. */
  onFallback(listener) {
    for (const code of this.fallbacks) listener(code);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  #fellBack(code) {
    if (this.fallbacks.has(code)) return;
    this.fallbacks.add(code);
    for (const listener of this.listeners) listener(code);
  }

  /** After a start that failed (a file that did not arrive, an engine that could not start):
   * the next start() begins again. What did arrive is kept (the data files, the module's bytes). */
  retry() {
    if (!this.startFailed) return;
    this.startFailed = false;
    this.started = null;
    this.booting = null;
    this.bootFailure = null;
    this.restarting = null;
    this.generation++;
    this.transport?.stop();
    this.transport = null;
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
      this.booting = Promise.all([this.started, fetchEngine(this.engine)]).then(async ([data, wasm]) => {
        this.data = data;
        this.wasm = wasm;
        await this.#boot(await transport);
      });
      // Without its data or module the worker has nothing to do: it is ended.
      this.booting.catch(() => {
        this.startFailed = true;
        transport.then(({ transport: t }) => t !== this.transport && t.stop(), () => {});
      });
    }
    return this.started;
  }

  /** Resolves once the engine has started (rejects with the reason it could not). */
  async ready() {
    await this.start();
    await this.booting;
    await this.up.promise;
  }

  #transport() {
    const generation = ++this.generation;
    this.transport?.stop();
    return startTransport((reply) => this.#reply(reply, generation), this.inPage, this.engine).then((transport) => ({ transport, generation }));
  }

  /** Starts an engine: its module, data and every plan added so far are sent at once, then
   * `resend` (calls a refused worker never answered); resolves when they are on their way
   * (`up` says when the engine answered). */
  async #boot(started = null, resend = []) {
    const { transport, generation } = started ?? (await this.#transport());
    if (generation !== this.generation) return;
    this.transport = transport;
    this.bootFailure = null;
    if (transport.kind === 'page') this.#fellBack('engine_in_page');
    // One start for the callers waiting: a worker refused before it answered hands them on.
    const up = deferred();
    if (this.up && !this.up.settled) this.up.resolve(up.promise);
    this.up = up;
    // A worker holds a lock while it lives: the page hears of its end, however it ends.
    const lock = transport.kind === 'worker' && globalThis.navigator?.locks ? `costshare-engine-${Math.random().toString(36).slice(2)}` : null;
    // The bytes are copied (not transferred): a restart, or a second engine, sends them again.
    const init = this.#send('init', { wasm: this.wasm, services: this.data.services.text, prices: this.data.prices.text, presets: this.data.presets?.text ?? null, lock }, null, null, true);
    for (const p of this.added) this.#send('addPlan', { origin: p.origin, text: p.text }, null, null, true).catch(() => {});
    if (this.cmsYears != null) this.#send('setCmsYears', { text: this.cmsYears }, null, null, true).catch(() => {});
    this.inEngine = new Set(this.added.map((p) => p.id));
    for (const message of resend) transport.send(message);
    init.then(
      (started) => {
        if (generation !== this.generation) return;
        if (started?.engine === 'javascript') this.#fellBack('engine_javascript');
        up.resolve();
        if (lock && started?.locked) navigator.locks.request(lock, () => this.#died(generation));
      },
      (error) => {
        // An engine that cannot start fails every call sent behind it, and is not restarted.
        if (generation !== this.generation) return;
        this.#failStart(error, up);
      },
    );
    transport.failed.catch(() => {
      if (generation !== this.generation) return;
      if (up.settled) return this.#died(generation);
      // Refused before it answered (a worker-src policy, a script that cannot load): the same
      // engine in the page, with every call already made sent to it.
      const resent = [...this.pending.values()].filter((w) => !w.boot).map((w) => w.message);
      for (const [id, w] of this.pending) if (w.boot) this.pending.delete(id);
      this.inPage = true;
      this.restarting = this.#boot(null, resent).catch((error) => this.#failStart(error, up));
    });
  }

  /** The engine could not start (its module refused, a file that did not arrive): every call
   * sent behind it fails, and it is not restarted until retry(). */
  #failStart(error, up) {
    this.bootFailure = asEngineError(error);
    this.startFailed = true;
    if (!up.settled) up.reject(this.bootFailure);
    if (this.up && !this.up.settled) this.up.reject(this.bootFailure);
    for (const [, w] of this.pending) w.reject(this.bootFailure);
    this.pending.clear();
  }

  /** The engine ended while it was up (its worker died): the calls waiting fail with
   * `engine_failure`, and a fresh one starts with the same data and plans. */
  #died(generation) {
    if (generation === this.generation) this.#restart('engine_failure', 'the engine stopped');
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
    const message = { id, op, args, channel };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, channel, onProgress, boot, message });
      this.transport.send(message);
    });
  }

  #reply(reply, generation) {
    const waiting = this.pending.get(reply.id);
    if (!waiting || generation !== this.generation) return;
    // Progress of a call a newer one on its channel replaced is not shown either.
    if (reply.progress) return waiting.channel && this.latest.get(waiting.channel) !== reply.id ? undefined : waiting.onProgress?.(reply.progress);
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
    this.restarting = this.#boot().catch((error) => this.#failStart(error, this.up ?? deferred()));
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

  /** Plan `id`'s view, as the engine gives it (`planView`: every question the form asks, so the
   * page reads no plan file's fields), its file fetched and added to the engine on first need.
   * Rejects if the catalog has no such plan or the engine refuses the file. */
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
        return this.call('planView', { plan: id });
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

  /** Plan `id`'s file: its text (for the engine), fetched once. */
  #file(id) {
    if (!this.files.has(id)) {
      const file = (async () => {
        const data = await this.start();
        const entry = data.catalog.plans.find((p) => p.id === id);
        if (!entry) throw new EngineError({ message: `unknown plan "${id}"`, code: 'unknown_plan', field: 'plan', path: ['plan'], params: { value: id }, origin: 'scenario' });
        const text = await data.planText(id);
        return { origin: `data/${entry.file}`, text };
      })();
      file.catch(() => this.files.delete(id));
      this.files.set(id, file);
    }
    return this.files.get(id);
  }

  /** Waits until every plan of `ids` has been sent to the engine: a plan whose file is not on
   * its way (after a start that failed and was tried again, the new engine has none) is sent
   * first. */
  async #posted(ids) {
    await Promise.all(
      (Array.isArray(ids) ? ids : [ids]).map((id) => {
        if (typeof id === 'string' && !this.plans.has(id)) this.plan(id).catch(() => {});
        return this.posting.get(id);
      }),
    );
  }

  /** Adds a plan file's text (an embedder's own plan), named `origin` in errors; resolves to
   * its id. The arguments in the engine's order: addPlan(origin, text). */
  async addPlan(origin, text) {
    const id = await this.call('addPlan', { origin, text });
    this.added.push({ id, origin, text });
    this.inEngine?.add(id);
    this.plans.set(id, this.call('planView', { plan: id }));
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

  /** Gives the engine the CMS utilization table's years (the text of data/cms-years.json), which
   * odds() needs; the page loads the file only when it shows odds. Sent again to an engine
   * started after a failure. Resolves once the engine has read it (rejects if it refuses it). */
  async setCmsYears(text) {
    this.cmsYears = text;
    await this.call('setCmsYears', { text });
  }

  /** The odds of the household's year on each of `plans` (docs/embedding.md, "Odds"): `{ draws,
   * sampled, members, options: [{ plan, p10, p50, p90, mean, chance_cheapest }], assumptions }`.
   * `onProgress({ done, draws })` after each slice the engine works out. On a channel, a newer
   * call (of any op on that channel) stops it at the engine's next slice: it rejects with
   * StaleAnswer. Needs setCmsYears() first (else the engine's `not_applicable` error). */
  odds(scenario, plans, onProgress = null, channel = null) {
    return this.#about(plans, 'odds', { scenario, plans }, channel, onProgress);
  }

  /** Stops the long call running on `channel` (the odds) at the engine's next slice, and any
   * call of that channel not yet sent: they reject with StaleAnswer. */
  stop(channel) {
    this.turns.set(channel, {});
    return this.call('stop', {}, channel).catch(() => {});
  }

  /** A call about `plans`, sent once their files are in the engine's queue. On a channel, a
   * newer call made meanwhile replaces it (it rejects with StaleAnswer without being sent). */
  async #about(plans, op, args, channel, onProgress = null) {
    const turn = {};
    if (channel) this.turns.set(channel, turn);
    // Asked already, before the element (ask()): that answer, once. A call on the channel still
    // on its way is overtaken by this one, as by any newer call.
    const key = channel ? `${op} ${JSON.stringify(args)}` : null;
    if (key && this.early.has(key)) {
      const answer = this.early.get(key);
      this.early.delete(key);
      this.latest.set(channel, 0);
      return answer;
    }
    await this.#posted(plans);
    if (channel && this.turns.get(channel) !== turn) throw new StaleAnswer();
    return this.call(op, args, channel, onProgress);
  }

  optionsFor(plan, offered) {
    return this.call('optionsFor', { plan, offered });
  }
}
