// The engine client (www/cost-estimator/engine-client.js) in Node, with a fake worker
// (tests/fake-engine.mjs) in place of the .wasm's: stale answers dropped, the odds' progress and
// their stop when a newer question comes, a restart after a trap
// or a worker that dies, a start that fails, a worker a policy refuses (the same host in the
// page, the calls already made sent there), and each cache (the module's bytes, the data files,
// the plan files, the clients, the plans to replay). No browser; no engine.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, beforeEach, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FakeWorker, fakeLocks, release, reset, script, seen } from './fake-engine.mjs';

// The site: a folder holding the in-page host (the fake's), served by a fetch that counts.
const site = mkdtempSync(join(tmpdir(), 'costshare-client-'));
const fake = JSON.stringify(pathToFileURL(join(import.meta.dirname, 'fake-engine.mjs')).href);
writeFileSync(join(site, 'engine-worker.js'), `export { createHost } from ${fake};\n`);
// The census's host: the same fake, marked with the script it came from.
writeFileSync(join(site, 'census-worker.js'), `import { createHost as fake } from ${fake};\nexport function createHost(o) { return Object.assign(fake(o), { script: 'census-worker.js' }); }\n`);
after(() => rmSync(site, { recursive: true, force: true }));
const root = pathToFileURL(`${site}/`);

const plan = (id) => ({ id, name: id, services: { primary_care_visit: { copay: '20.00' } } });
const FILES = {
  'pkg/costshare_bg.wasm': new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]).buffer,
  'pkg/costshare_census_bg.wasm': new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 99]).buffer,
  'data/catalog.json': JSON.stringify({ services: 'services.json', prices: 'typical-prices.json', plans: [{ id: 'a-high', file: 'plans/a.json' }, { id: 'a-low', file: 'plans/a.json' }, { id: 'b', file: 'plans/b.json' }] }),
  'data/services.json': JSON.stringify({ groups: [], services: [{ id: 'primary_care_visit', unit: 'visit', group: 'visits' }] }),
  'data/typical-prices.json': JSON.stringify({ prices: {} }),
  'data/plans/a.json': JSON.stringify({ plans: [plan('a-high'), plan('a-low')] }),
  'data/plans/b.json': JSON.stringify({ plans: [plan('b')] }),
};
const fetched = [];
let failNext = null; // a path whose next fetch fails
globalThis.fetch = async (url) => {
  // Each data folder (folder-N/data/, shared/data/) serves the same files.
  const file = String(url).startsWith(root.href) ? String(url).slice(root.href.length).replace(/^(folder-\d+|shared)\//, '') : null;
  fetched.push(file);
  if (file === failNext) {
    failNext = null;
    return new Response('no', { status: 503 });
  }
  if (file === null || !(file in FILES)) return new Response('not found', { status: 404 });
  return new Response(FILES[file]);
};
globalThis.Worker = FakeWorker;
globalThis.location = { origin: root.origin };
globalThis.navigator ??= {};
Object.defineProperty(globalThis.navigator, 'locks', { value: fakeLocks(), configurable: true });

const { setSiteRoot } = await import('../www/cost-estimator/site.js');
setSiteRoot(root);
const { EngineClient, EngineError, StaleAnswer, engineClient, fetchEngine } = await import('../www/cost-estimator/engine-client.js');

let folders = 0;
/** A client of its own data folder (each test starts clean: no shared caches between them). */
function client() {
  const base = new URL(`folder-${++folders}/data/`, root);
  return new EngineClient(base);
}
const count = (path) => fetched.filter((f) => f === path).length;
const ops = (host) => host.received.map((r) => r.op);
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

beforeEach(() => {
  reset();
  fetched.length = 0;
});

test('a call waits for the engine’s start, which is sent first, with the data; a plan is read as the engine’s view of it (planView)', { timeout: 10_000 }, async () => {
  const c = client();
  await c.plan('a-high');
  const result = await c.estimate({ plan: 'a-high', services: [{ count: 3 }] });
  assert.deepEqual(result, { plan: 'a-high', visits: 3 });
  assert.equal(seen.workers.length, 1);
  assert.deepEqual(ops(seen.workers[0].host), ['init', 'addPlan', 'planView', 'estimate']);
  assert.equal(seen.workers[0].host.received[0].args.services, FILES['data/services.json']);
});

test('of two calls on one channel only the newer is answered: the older rejects as stale', { timeout: 10_000 }, async () => {
  const c = client();
  await c.plan('a-high');
  script.hold = true;
  const older = c.estimate({ plan: 'a-high', services: [{ count: 1 }] }, 'ce1:estimate').catch((e) => e);
  const newer = c.estimate({ plan: 'a-high', services: [{ count: 2 }] }, 'ce1:estimate');
  const other = c.estimate({ plan: 'a-high', services: [{ count: 5 }] }, 'ce2:estimate');
  await settle();
  release();
  assert.ok((await older) instanceof StaleAnswer);
  assert.deepEqual(await newer, { plan: 'a-high', visits: 2 });
  assert.deepEqual(await other, { plan: 'a-high', visits: 5 }, 'another channel is not overtaken');
});

test('an answer that comes back after a newer question was asked is dropped, even when the engine answers both', { timeout: 10_000 }, async () => {
  const c = client();
  await c.plan('a-high');
  script.hold = true;
  const first = c.estimate({ plan: 'a-high', services: [{ count: 1 }] }, 'ch').catch((e) => e);
  await settle(); // the first is sent (and its answer held) before the second is asked
  const second = c.estimate({ plan: 'a-high', services: [{ count: 2 }] }, 'ch');
  await settle();
  assert.deepEqual(ops(seen.workers[0].host).filter((o) => o === 'estimate').length, 2, 'the engine was asked both');
  release();
  const answer = await first;
  assert.ok(answer instanceof StaleAnswer, JSON.stringify(answer));
  assert.equal((await second).visits, 2);
});

test('a question asked early (ask(), the page’s early start) is answered once: the first call on a channel with the same arguments takes that answer; another question is asked', { timeout: 10_000 }, async () => {
  const c = client();
  const scenario = { plan: 'a-high', services: [{ count: 4 }] };
  const early = c.ask('estimate', { scenario });
  assert.equal(c.ask('estimate', { scenario }), early, 'asked once');
  assert.deepEqual(await early, { plan: 'a-high', visits: 4 });
  // On a channel an older call still on its way is overtaken, as by any newer call.
  script.hold = true;
  const older = c.estimate({ plan: 'a-high', services: [{ count: 1 }] }, 'ce1:estimate').catch((e) => e);
  await settle();
  const taken = await c.estimate(structuredClone(scenario), 'ce1:estimate');
  release();
  assert.deepEqual(taken, { plan: 'a-high', visits: 4 });
  assert.ok((await older) instanceof StaleAnswer, 'the older call on the channel is stale');
  const estimates = () => seen.workers[0].host.received.filter((r) => r.op === 'estimate').map((r) => r.args.scenario.services[0].count);
  assert.deepEqual(estimates(), [4, 1], 'the early answer was not asked again');
  // Taken once: the same question again is asked of the engine.
  assert.deepEqual(await c.estimate(structuredClone(scenario), 'ce1:estimate'), { plan: 'a-high', visits: 4 });
  assert.deepEqual(estimates(), [4, 1, 4]);
});

test('a trap fails its call with engine_failure; a fresh engine starts with the same data and plans, and the next call works', { timeout: 10_000 }, async () => {
  const c = client();
  await c.plan('a-high');
  const added = await c.addPlan('added plan 1', JSON.stringify(plan('mine')));
  assert.equal(added, 'mine');
  script.trapOn = 'estimate';
  const failed = await c.estimate({ plan: 'a-high' }).catch((e) => e);
  assert.ok(failed instanceof EngineError);
  assert.equal(failed.code, 'engine_failure');
  assert.equal(seen.workers.length, 2, 'a second worker');
  assert.ok(seen.workers[0].terminated, 'the first is ended');
  assert.deepEqual((await c.estimate({ plan: 'mine', services: [{ count: 4 }] })).visits, 4, 'the added plan is there again');
  assert.deepEqual(ops(seen.workers[1].host).slice(0, 3), ['init', 'addPlan', 'addPlan']);
  assert.equal(seen.workers[1].host.received[0].args.services, FILES['data/services.json']);
});

test('an engine that cannot start fails every call with its reason, and is not restarted', { timeout: 10_000 }, async () => {
  script.initError = { code: 'wasm_refused', message: 'WebAssembly is not allowed here' };
  const c = client();
  await assert.rejects(c.ready(), (e) => e.code === 'wasm_refused');
  await assert.rejects(c.estimate({ plan: 'a-high' }), (e) => e.code === 'wasm_refused');
  await assert.rejects(c.plan('b'), (e) => e.code === 'wasm_refused');
  await settle();
  assert.equal(seen.workers.length, 1, 'no restart loop');
});

test('a start that failed says which file did not arrive (load_failed); retry() starts again, and a plan read meanwhile reaches the new engine', { timeout: 10_000 }, async () => {
  const c = client();
  failNext = 'data/services.json';
  const error = await c.ready().catch((e) => e);
  assert.equal(error.code, 'load_failed');
  assert.deepEqual(error.params, { file: 'data/services.json' });
  c.retry();
  await c.ready();
  // An engine that could not start: a plan's view (the engine's) is refused with why; after
  // retry() the plan reaches the new engine.
  const d = client();
  script.initError = { code: 'wasm_refused', message: 'WebAssembly is not allowed here' };
  await assert.rejects(d.plan('a-high'), (e) => e.code === 'wasm_refused');
  await assert.rejects(d.ready(), (e) => e.code === 'wasm_refused');
  script.initError = null;
  d.retry();
  assert.deepEqual(await d.estimate({ plan: 'a-high', services: [{ count: 2 }] }), { plan: 'a-high', visits: 2 }, 'the plan is sent to the new engine first');
});

test('each fallback is told once to every listener, those already taken first', { timeout: 10_000 }, async () => {
  script.refuseWorkers = true;
  const c = client();
  const early = [];
  c.onFallback((code) => early.push(code));
  await c.plan('a-high');
  await c.ready();
  script.trapOn = 'estimate';
  await assert.rejects(c.estimate({ plan: 'a-high' }), (e) => e.code === 'engine_failure');
  await c.estimate({ plan: 'a-high', services: [{ count: 1 }] });
  const late = [];
  c.onFallback((code) => late.push(code));
  assert.deepEqual(early, ['engine_in_page'], 'once, though the engine restarted in the page');
  assert.deepEqual(late, ['engine_in_page']);
});

test('a worker a policy refuses (worker-src) is replaced by the host in the page, and the calls already made are answered there', { timeout: 10_000 }, async () => {
  script.refuseWorkers = true;
  const c = client();
  // Asked at once, before the worker's refusal is known.
  const answer = c.plan('a-high').then(() => c.estimate({ plan: 'a-high', services: [{ count: 2 }] }));
  assert.deepEqual(await answer, { plan: 'a-high', visits: 2 });
  await c.ready();
  assert.equal(c.transport.kind, 'page');
  assert.equal(seen.workers.length, 1);
  const host = seen.hosts.at(-1);
  assert.equal(ops(host).filter((o) => o === 'init').length, 1);
  assert.ok(ops(host).includes('addPlan') && ops(host).includes('estimate'));
  // A trap there restarts in the page too, never a worker again.
  script.trapOn = 'estimate';
  await assert.rejects(c.estimate({ plan: 'a-high' }), (e) => e.code === 'engine_failure');
  assert.equal((await c.estimate({ plan: 'a-high', services: [{ count: 1 }] })).visits, 1);
  assert.equal(seen.workers.length, 1, 'no second worker');
});

test('a worker that dies (its lock let go, no event) fails the calls waiting with engine_failure, and a fresh one answers the next', { timeout: 10_000 }, async () => {
  const c = client();
  await c.plan('a-high');
  await c.ready();
  script.hold = true;
  const waiting = c.estimate({ plan: 'a-high' });
  await settle();
  seen.workers[0].die();
  const error = await waiting.catch((e) => e);
  assert.equal(error.code, 'engine_failure', 'the call waiting settles');
  script.hold = false;
  assert.equal((await c.estimate({ plan: 'a-high', services: [{ count: 7 }] })).visits, 7);
  assert.equal(seen.workers.length, 2);
});

test('a worker that reports an error after it started is taken as dead: the call waiting fails, a fresh one answers', { timeout: 10_000 }, async () => {
  const c = client();
  await c.plan('b');
  await c.ready();
  script.hold = true;
  const waiting = c.estimate({ plan: 'b' });
  await settle();
  seen.workers[0].fail('uncaught exception');
  assert.equal((await waiting.catch((e) => e)).code, 'engine_failure');
  script.hold = false;
  assert.equal((await c.estimate({ plan: 'b', services: [{ count: 2 }] })).visits, 2);
  assert.equal(seen.workers.length, 2);
  assert.equal(c.transport.kind, 'worker', 'still a worker: it had started');
});

test('caches: the module’s bytes once per page, the data once per folder, a document’s plans in one fetch; a failure is not kept', { timeout: 10_000 }, async () => {
  await fetchEngine();
  const before = count('pkg/costshare_bg.wasm');
  const c1 = client();
  const c2 = client();
  await Promise.all([c1.plan('a-high'), c1.plan('a-low'), c2.plan('a-high')]);
  await Promise.all([c1.ready(), c2.ready()]);
  assert.equal(count('pkg/costshare_bg.wasm'), before, 'the module’s bytes are fetched once for the page');
  assert.equal(count('data/catalog.json'), 2, 'the data once per folder');
  assert.equal(count('data/plans/a.json'), 2, 'both options of one document in one fetch (per folder)');
  assert.equal(count('data/plans/b.json'), 0, 'a plan not asked for is not fetched');
  // The same plan asked again: no fetch, no second addPlan.
  await c1.plan('a-high');
  assert.equal(ops(seen.workers[0].host).filter((o) => o === 'addPlan').length, 2);
  // A file that fails to arrive is asked for again on the next call.
  failNext = 'data/plans/b.json';
  await assert.rejects(c1.plan('b'));
  await c1.plan('b');
  assert.deepEqual((await c1.estimate({ plan: 'b', services: [{ count: 1 }] })).visits, 1, 'the plan is fetched again');
  assert.equal(count('data/plans/b.json'), 2);
  // A data folder that fails to load is tried again.
  const c3 = client();
  failNext = 'data/catalog.json';
  await assert.rejects(c3.start());
  await c3.start();
});

test('one client per data folder and role: an element that adds its own plans has its own', { timeout: 10_000 }, async () => {
  const base = new URL('shared/data/', root);
  assert.equal(engineClient(base), engineClient(new URL('shared/data/', root)));
  assert.notEqual(engineClient(base, 'ce1'), engineClient(base));
  assert.notEqual(engineClient(base, 'ce1'), engineClient(base, 'ce2'));
  // Plans added to one are not in the other.
  const mine = engineClient(base, 'ce1');
  const theirs = engineClient(base, 'ce2');
  await mine.addPlan('added plan 1', JSON.stringify(plan('same-id')));
  await theirs.addPlan('added plan 1', JSON.stringify(plan('same-id')));
  await assert.rejects(engineClient(base).estimate({ plan: 'same-id' }), (e) => e.code === 'unknown_plan');
});

test('odds: progress reaches the caller; a newer call on the channel stops the older, whose later progress is not shown; the CMS table goes to a fresh engine too', { timeout: 10_000 }, async () => {
  const c = client();
  await c.plan('a-high');
  const scenario = { plan: 'a-high', members: [{ id: 'you', age: 40 }] };
  // Without the table: the engine's error, as for any call.
  await assert.rejects(c.odds(scenario, ['a-high']), (e) => e instanceof EngineError && e.code === 'not_applicable' && e.field === 'members');
  await c.setCmsYears('{"the":"years"}');
  const progress = [];
  const result = await c.odds(scenario, ['a-high'], (p) => progress.push(p));
  assert.deepEqual(progress, [1, 2, 3, 4].map((done) => ({ done, draws: 4 })));
  assert.deepEqual(result, { draws: 4, options: [{ plan: 'a-high' }], years: '{"the":"years"}' });

  const older = [];
  const newer = [];
  const first = c.odds(scenario, ['a-high'], (p) => older.push(p), 'ce1:odds').catch((e) => e);
  while (older.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  const second = c.odds({ ...scenario, members: [{ id: 'you', age: 41 }] }, ['a-high'], (p) => newer.push(p), 'ce1:odds');
  assert.ok((await first) instanceof StaleAnswer);
  assert.equal((await second).draws, 4);
  assert.equal(newer.length, 4);
  assert.deepEqual(older, [{ done: 1, draws: 4 }], 'the older call\'s progress stops being shown once the newer is asked');
  const host = seen.workers[0].host;
  const sent = host.received.filter((r) => r.op === 'odds');
  assert.equal(sent.length, 4, 'each call reached the engine once');

  // After a trap, the fresh engine gets the table again (after the plans), and the odds work.
  script.trapOn = 'estimate';
  await assert.rejects(c.estimate({ plan: 'a-high' }), (e) => e.code === 'engine_failure');
  assert.equal((await c.odds(scenario, ['a-high'])).years, '{"the":"years"}');
  assert.deepEqual(ops(seen.workers[1].host).slice(0, 3), ['init', 'addPlan', 'setCmsYears']);
});

test('stop(channel) stops the odds running on that channel: they reject as stale, their later progress unshown', { timeout: 10_000 }, async () => {
  const c = client();
  await c.plan('a-high');
  await c.setCmsYears('{"the":"years"}');
  const progress = [];
  const running = c.odds({ plan: 'a-high', members: [{ id: 'you', age: 40 }] }, ['a-high'], (p) => progress.push(p), 'ce1:odds').catch((e) => e);
  while (progress.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
  await c.stop('ce1:odds');
  assert.ok((await running) instanceof StaleAnswer);
  assert.deepEqual(progress, [{ done: 1, draws: 4 }]);
  // Another channel's call is not stopped by it.
  assert.equal((await c.odds({ plan: 'a-high', members: [{ id: 'you', age: 40 }] }, ['a-high'], null, 'ce2:odds')).draws, 4);
});

// (Before any census client: the page keeps the bytes once they have arrived.)
test('a census module that does not arrive is named in the load failure', { timeout: 10_000 }, async () => {
  const base = new URL(`folder-${++folders}/data/`, root);
  failNext = 'pkg/costshare_census_bg.wasm';
  const c = new EngineClient(base, 'census');
  const error = await c.ready().catch((e) => e);
  assert.equal(error.code, 'load_failed');
  assert.deepEqual(error.params, { file: 'pkg/costshare_census_bg.wasm' });
});

test('a census client runs the census’s module: its own bytes (fetched once), its own worker, its own host in the page; an estimator’s client never fetches them', { timeout: 10_000 }, async () => {
  const base = new URL(`folder-${++folders}/data/`, root);
  const census = engineClient(base, 'census cc1', 'census');
  assert.notEqual(census, engineClient(base, 'census cc1'), 'the estimator’s engine for the same role is another client');
  await census.plan('a-high');
  await census.ready();
  const worker = seen.workers.find((w) => w.url.endsWith('/census-worker.js'));
  assert.ok(worker, 'the census’s worker');
  assert.equal(worker.options.name, 'costshare-census');
  assert.equal(worker.host.received[0].op, 'init');
  assert.equal(worker.host.received[0].args.wasm.byteLength, 9, 'the census’s module’s bytes');
  // A second census engine on the page: the bytes are not fetched again.
  const second = new EngineClient(base, 'census');
  await second.ready();
  assert.equal(count('pkg/costshare_census_bg.wasm'), 1);
  // An estimator's client on the same page: its own module and worker, never the census's.
  const estimator = client();
  await estimator.ready();
  assert.ok(seen.workers.at(-1).url.endsWith('/engine-worker.js'));
  assert.equal(seen.workers.at(-1).host.received[0].args.wasm.byteLength, 8);
  assert.equal(count('pkg/costshare_census_bg.wasm'), 1);
  // Where no worker may start, the census's host is imported into the page.
  script.refuseWorkers = true;
  const inPage = new EngineClient(base, 'census');
  await inPage.ready();
  assert.equal(inPage.transport.kind, 'page');
  assert.equal(seen.hosts.at(-1).script, 'census-worker.js');
  // An engine that is neither is refused at once.
  assert.throws(() => new EngineClient(base, 'odds'), /no engine "odds"/);
});
