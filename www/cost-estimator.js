// The embeddable estimator: one module script, then the element.
//   <script type="module" src="https://example.org/estimator/cost-estimator.js"></script>
//   <cost-estimator plans="kp-co-fehb-2022-high kp-co-fehb-2022-standard" plan="kp-co-fehb-2022-standard" lang="es"></cost-estimator>
// The engine (pkg/costshare_bg.wasm) and the plan data (data/) are loaded relative to this file
// (element-files.js). The build (scripts/build-site.mjs) bundles this file and every module it
// imports into one. The installable package's entries are package/*.js: there, importing the
// element registers nothing until `costshare/define`.
// Including the script twice, or two copies of it, is harmless: the element is defined once.
// See docs/embedding.md for the attributes, the API, the event, the CSS custom properties and parts.
import './element-files.js';
import { CostEstimator, define } from './cost-estimator/element.js';

/** @typedef {import('./cost-estimator/types.js').Scenario} Scenario */
/** @typedef {import('./cost-estimator/types.js').Member} Member */
/** @typedef {import('./cost-estimator/types.js').ServiceUse} ServiceUse */
/** @typedef {import('./cost-estimator/types.js').EstimateResult} EstimateResult */
/** @typedef {import('./cost-estimator/types.js').Comparison} Comparison */
/** @typedef {import('./cost-estimator/types.js').OptionResult} OptionResult */
/** @typedef {import('./cost-estimator/types.js').EstimateChangeDetail} EstimateChangeDetail */
/** @typedef {import('./cost-estimator/types.js').EngineErrorInfo} EngineErrorInfo */
/** @typedef {import('./cost-estimator/types.js').ElementErrorDetail} ElementErrorDetail */
/** @typedef {import('./cost-estimator/types.js').Money} Money */
/** @typedef {import('./cost-estimator/types.js').EstimateShareDetail} EstimateShareDetail */
/** @typedef {import('./cost-estimator/types.js').Broker} Broker */

define('cost-estimator');

export { CostEstimator, define };
// For cost-census.js (the group census element), which takes these from this bundle.
export * from './cost-estimator/shared.js';
