// Where the census's own engine is (its module, pkg/costshare_census_bg.wasm, and its host,
// census-worker.js), written the way bundlers read them, as element-files.js does for the
// element's files: `new URL('./…', import.meta.url)` and `new Worker(new URL(…), …)`, literally.
// Imported by the census's entries (cost-census.js, package/cost-census.js) after
// element-files.js; the estimator's entries never import it, so an estimator's page, and a
// bundler's output for one, never holds the census's engine (docs/decisions.md, "The size
// budget, decided"). It registers nothing.
import { setSite } from './cost-estimator/site.js';

setSite({
  files: { 'pkg/costshare_census_bg.wasm': new URL('./pkg/costshare_census_bg.wasm', import.meta.url) },
  censusWorker: () => new Worker(new URL('./census-worker.js', import.meta.url), { type: 'module', name: 'costshare-census' }),
  censusHost: () => import('./census-worker.js'),
});
