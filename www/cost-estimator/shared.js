// What <cost-census> (www/cost-census.js) takes from the estimator's bundle instead of carrying
// its own copy: Lit, the engine client, the data loader, the words and the styles.
// cost-estimator.js re-exports this module; the build (scripts/build-site.mjs) points the census
// bundle's imports of these modules at cost-estimator.js, so a page with both elements loads
// each of them once and the census file stays small. Every name here must be unique.
export { LitElement, css, html, nothing } from 'lit';
export { defaultDataBase } from './data.js';
export { EngineError, engineClient } from './engine-client.js';
export { wordsFor } from './i18n/index.js';
export { baseStyles, controlStyles, styles } from './styles.js';
export { setSite, setSiteRoot } from './site.js';
