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
let site = { root: parentFolder(import.meta.url), files: {}, worker: null, host: null };

function parentFolder(url) {
  const parent = new URL(url);
  parent.pathname = parent.pathname.replace(/[^/]*\/[^/]*$/, '');
  parent.search = '';
  parent.hash = '';
  return parent;
}

/**
 * `root`: the folder beside the entry; `files`: { 'pkg/costshare_bg.wasm': URL, 'data/…': URL }
 * (paths relative to root); `worker(name)`: starts the engine's Web Worker; `host()`: imports
 * the engine's host (engine-worker.js) into the page. Each is optional.
 */
export function setSite({ root = site.root, files = site.files, worker = site.worker, host = site.host } = {}) {
  site = { root: new URL(root), files: files ?? {}, worker, host };
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

/** Starts the engine's module worker, named `name` (throws where the page may not). */
export function startWorker(name) {
  if (site.worker) return site.worker(name);
  return new Worker(siteUrl('engine-worker.js'), { type: 'module', name });
}

/** Whether the engine's worker can start from here: a worker's script must be of the page's
 * origin. */
export function workerPossible() {
  return typeof Worker === 'function' && siteUrl('engine-worker.js').origin === globalThis.location?.origin;
}

/** The engine's host (engine-worker.js) imported into the page. */
export function importHost() {
  if (site.host) return site.host();
  return import(/* @vite-ignore */ siteUrl('engine-worker.js').href);
}
