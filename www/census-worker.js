// @ts-nocheck: a worker script (WorkerGlobalScope) importing the built glue (pkg/), which tsc
// meets only through census-files.js; the glue has its own declarations
// (pkg/costshare_census.d.ts).
// The census's engine host (cost-estimator/engine-host.js): the census's WebAssembly module
// (pkg/costshare_census.js: the engine with the group census, which the estimator's module
// leaves out) answering <cost-census>'s requests, with the census's own operations
// (cost-estimator/census/host.js). A module Web Worker (dist/census-worker.js), or imported into
// the page where no worker can start, as engine-worker.js is for the estimator.
//
// Where the page's policy refuses to compile WebAssembly there is no JavaScript build of this
// module: the census says that it needs WebAssembly (code `wasm_refused`; docs/decisions.md,
// "The size budget, decided").
import init, { Engine } from './pkg/costshare_census.js';
import { censusOps } from './cost-estimator/census/host.js';
import { hostFor } from './cost-estimator/engine-host.js';

/** A host that prices censuses with the census's module (its bytes, compiled here). */
export function createHost() {
  return hostFor({ init, Engine, more: censusOps, name: 'the census' });
}

// As a worker: answer the page's messages.
if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope) {
  const host = createHost();
  globalThis.addEventListener('message', (event) => host.receive(event.data, (reply) => globalThis.postMessage(reply)));
}
