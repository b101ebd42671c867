// Where the element's files are (pkg/, data/, engine-worker.js, document.html): beside the entry
// script, which says so with setSite() before anything is loaded. The build bundles the modules
// into that one file, so a module's own import.meta.url cannot be used.
//
// The entry (www/cost-estimator.js, and the package's lib/cost-estimator.js) writes each file's
// address as `new URL('./pkg/costshare_bg.wasm', import.meta.url)` and the worker as
// `new Worker(new URL('./engine-worker.js', import.meta.url), …)`: written out like that, a
// bundler (Vite, webpack, Parcel, esbuild's own output kept as it is) finds them, copies each into
// its output and rewrites the address, so the element finds its files from node_modules, from a
// bundler's production output and from a CDN folder alike. A file the entry does not list is
// beside the entry (`root`).
// (Unbundled, the entry is in this folder's parent. Not written as a literal `new URL('../', …)`:
// a bundler would take that for a file to copy.)
// The census's engine (its own module and worker, census-worker.js) is listed by the census's
// entry (census-files.js), so that an estimator's page, or a bundler's output for one, never
// has it.
let site = { root: parentFolder(import.meta.url), files: {}, worker: null, host: null, censusWorker: null, censusHost: null };

function parentFolder(url) {
  const parent = new URL(url);
  parent.pathname = parent.pathname.replace(/[^/]*\/[^/]*$/, '');
  parent.search = '';
  parent.hash = '';
  return parent;
}

/**
 * `root`: the folder beside the entry; `files`: { 'pkg/costshare_bg.wasm': URL, 'data/…': URL }
 * (paths relative to root), added to those listed before; `worker(name)`: starts the engine's
 * Web Worker; `host()`: imports the engine's host (engine-worker.js) into the page;
 * `censusWorker(name)` and `censusHost()`: the same for the census's engine (census-worker.js).
 * Each is optional.
 */
export function setSite({ root = site.root, files = {}, worker = site.worker, host = site.host, censusWorker = site.censusWorker, censusHost = site.censusHost } = {}) {
  site = { root: new URL(root), files: { ...site.files, ...(files ?? {}) }, worker, host, censusWorker, censusHost };
}

/** The folder beside the entry (older name, kept for the tests and embedders that used it). */
export function setSiteRoot(url) {
  setSite({ root: url });
}

/** The URL of a file of the site, such as `pkg/costshare_bg.wasm`. */
export function siteUrl(path) {
  return siteFile(new URL(path, site.root));
}

/** `url` itself, or, for a file the entry lists, where that file really is (a bundler may have
 * renamed it). */
export function siteFile(url) {
  const href = String(url);
  const root = site.root.href;
  const listed = href.startsWith(root) ? site.files[href.slice(root.length)] : undefined;
  return listed ? new URL(listed) : new URL(href);
}

/** fetch(), except that a file a bundler put inline as a `data:` URL (Vite does for files under
 * 4 KB) is read here, without a request: a page's `connect-src` need not allow `data:`. */
export async function fetchFile(url) {
  const href = String(url);
  if (!href.startsWith('data:')) return fetch(href);
  const comma = href.indexOf(',');
  const meta = href.slice(5, comma);
  const body = href.slice(comma + 1);
  const bytes = meta.endsWith(';base64') ? Uint8Array.from(atob(body), (c) => c.charCodeAt(0)) : new TextEncoder().encode(decodeURIComponent(body));
  return new Response(bytes, { headers: { 'Content-Type': meta.split(';')[0] || 'text/plain' } });
}

/** The engines: each module's file, and its host's script (a worker, or imported into the page). */
export const ENGINES = {
  estimator: { wasm: 'pkg/costshare_bg.wasm', script: 'engine-worker.js' },
  census: { wasm: 'pkg/costshare_census_bg.wasm', script: 'census-worker.js' },
};

/** Starts the module worker of `engine` ('estimator' or 'census'), named `name` (throws where
 * the page may not). */
export function startWorker(name, engine = 'estimator') {
  const start = engine === 'census' ? site.censusWorker : site.worker;
  if (start) return start(name);
  return new Worker(siteUrl(ENGINES[engine].script), { type: 'module', name });
}

/** Whether the engine's worker can start from here: a worker's script must be of the page's
 * origin. */
export function workerPossible(engine = 'estimator') {
  return typeof Worker === 'function' && siteUrl(ENGINES[engine].script).origin === globalThis.location?.origin;
}

/** The host of `engine` (engine-worker.js, census-worker.js) imported into the page. */
export function importHost(engine = 'estimator') {
  const load = engine === 'census' ? site.censusHost : site.host;
  if (load) return load();
  return import(/* @vite-ignore */ siteUrl(ENGINES[engine].script).href);
}
