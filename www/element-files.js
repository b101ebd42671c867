// Where the element's files are, written the way bundlers read them. Each address is
// `new URL('./…', import.meta.url)` and the worker `new Worker(new URL('./engine-worker.js',
// import.meta.url), { type: 'module', … })`, literally: Vite, webpack, Parcel and Rollup's
// plugins find these, copy the files into their output (renamed) and rewrite the addresses, so
// the element finds its engine and data from node_modules and from a bundler's production output,
// and, unbundled, beside this file (a CDN folder, dist/). The build writes one line per file the
// element fetches into `files` below (scripts/build-site.mjs: the module and the data files);
// here, unbundled, the list is empty and every file is beside this one.
// Imported first by each entry (cost-estimator.js, cost-census.js, package/*.js); it registers
// nothing.
import { setSite } from './cost-estimator/site.js';

/** Path (from this folder) → address. */
const files = {
  /* build: files */
};

setSite({
  root: new URL('./', import.meta.url),
  files,
  worker: () => new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module', name: 'costshare-engine' }),
  host: () => import('./engine-worker.js'),
});
