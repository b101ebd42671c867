// A stand-in for the engine's host (www/engine-worker.js) and its Web Worker, for the Node tests
// of the engine client (tests/engine-client.test.mjs): not a test itself. It speaks the host's
// protocol ({ id, op, args, channel } → { id, ok, value } | { id, ok: false, error }) with plain
// JavaScript instead of the .wasm, and each behaviour the client must survive can be asked for:
// answers held back, a trap, a refused start, a worker refused by a policy, a worker that dies.

/** What the next engines do; tests set these and call reset() after. */
export const script = {
  initError: null, // { code, message }: the engine cannot start
  trapOn: null, // an op whose next call traps (engine_failure), once
  refuseWorkers: false, // every Worker fails before answering (a worker-src policy)
  hold: false, // replies wait until release()
};

/** Every worker made, every request each engine received (by op), every lock. */
export const seen = { workers: [], hosts: [], held: [] };

export function reset() {
  Object.assign(script, { initError: null, trapOn: null, refuseWorkers: false, hold: false });
  seen.workers.length = 0;
  seen.hosts.length = 0;
  seen.held.length = 0;
}

/** Sends the replies held back (script.hold), in order. */
export function release() {
  script.hold = false;
  for (const send of seen.held.splice(0)) send();
}

/** The host: what engine-worker.js's createHost() is, without the module. */
export function createHost({ lock = null } = {}) {
  const plans = new Map(); // id → plan
  const received = [];
  const host = {
    received,
    plans,
    receive(request, reply) {
      received.push(request);
      if (request.op === 'odds' && script.trapOn !== 'odds') return odds(request, reply);
      const answer = run(request);
      const send = () => reply(answer);
      if (script.hold) seen.held.push(send);
      else queueMicrotask(send);
    },
  };
  seen.hosts.push(host);
  let cmsYears = null;
  /** The odds as the real host works them out: a slice per tick, progress after each, and a
   * stop (answered stale) once a newer request on its channel has arrived. */
  async function odds({ id, channel, args }, reply) {
    if (!cmsYears) return reply({ id, ok: false, error: { name: 'Error', code: 'not_applicable', message: 'the CMS utilization table is not loaded (data/cms-years.json)', field: 'members', path: ['members'], params: {}, origin: 'scenario' } });
    const draws = 4;
    for (let done = 1; done <= draws; done++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      reply({ id, progress: { done, draws } });
      if (done < draws && channel && received.some((r) => r.channel === channel && r.id > id)) return reply({ id, stale: true });
    }
    reply({ id, ok: true, value: { draws, options: args.plans.map((plan) => ({ plan })), years: cmsYears } });
  }
  function run({ id, op, args }) {
    const fail = (code, message, field = null) => ({ id, ok: false, error: { name: 'Error', code, message, field, path: field ? [field] : null, params: null, origin: 'scenario' } });
    if (script.trapOn === op) {
      script.trapOn = null;
      return fail('engine_failure', 'RuntimeError: unreachable');
    }
    switch (op) {
      case 'init':
        if (script.initError) return fail(script.initError.code, script.initError.message);
        if (lock && args.lock) lock(args.lock);
        return { id, ok: true, value: { plans: [], locked: Boolean(lock && args.lock) } };
      case 'addPlan': {
        const plan = JSON.parse(args.text);
        if (plans.has(plan.id)) return fail('duplicate_id', `plan "${plan.id}" is already added`, 'id');
        plans.set(plan.id, plan);
        return { id, ok: true, value: plan.id };
      }
      case 'estimate': {
        const plan = plans.get(args.scenario?.plan);
        if (!plan) return fail('unknown_plan', `no plan "${args.scenario?.plan}"`, 'plan');
        const visits = (args.scenario.services ?? []).reduce((n, s) => n + (s.count ?? 1), 0);
        return { id, ok: true, value: { plan: plan.id, visits } };
      }
      case 'compare':
      case 'curves':
        return { id, ok: true, value: { op, plans: args.plans } };
      case 'setCmsYears':
        cmsYears = args.text;
        return { id, ok: true, value: undefined };
      case 'stop':
        return { id, ok: true, value: null };
      case 'optionsFor':
        return { id, ok: true, value: [...plans.keys()] };
      default:
        return fail('engine_failure', `no operation "${op}"`);
    }
  }
  return host;
}

/** Web Locks, as far as the client and the engine use them: a request waits for the holder. */
export function fakeLocks() {
  const queues = new Map(); // name → [grant]
  return {
    request(name, callback) {
      return new Promise((resolve) => {
        const grant = async () => {
          const value = await callback();
          queues.get(name).shift();
          queues.get(name)[0]?.();
          resolve(value);
        };
        if (!queues.has(name)) queues.set(name, []);
        queues.get(name).push(grant);
        if (queues.get(name).length === 1) queueMicrotask(grant);
      });
    },
  };
}

/** A module Web Worker running the fake host: postMessage both ways, `error` when refused,
 * terminate(), and die() (its lock let go, as when a worker's thread ends). */
export class FakeWorker {
  #listeners = { message: [], error: [] };
  #release = null;
  terminated = false;

  constructor(url, options) {
    this.url = String(url);
    this.options = options;
    seen.workers.push(this);
    this.refused = script.refuseWorkers;
    this.host = createHost({
      lock: (name) => {
        // Held until the worker ends.
        globalThis.navigator.locks.request(name, () => new Promise((resolve) => (this.#release = resolve)));
      },
    });
    if (this.refused) setTimeout(() => this.#emit('error', { message: 'Refused to create a worker' }), 0);
  }

  addEventListener(type, listener) {
    this.#listeners[type]?.push(listener);
  }

  postMessage(message) {
    if (this.terminated || this.refused) return;
    const copy = structuredClone(message);
    setTimeout(() => this.host.receive(copy, (reply) => !this.terminated && this.#emit('message', { data: structuredClone(reply) })), 0);
  }

  terminate() {
    this.terminated = true;
    this.#release?.();
  }

  /** An error event from the worker (an exception nothing caught in it). */
  fail(message) {
    this.#emit('error', { message });
  }

  /** The worker's thread ends (close(), a crash): no event; its lock is let go. */
  die() {
    this.terminated = true;
    this.#release?.();
  }

  #emit(type, event) {
    for (const listener of this.#listeners[type]) listener(event);
  }
}
