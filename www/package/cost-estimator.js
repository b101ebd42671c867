// The package's main entry (`import { CostEstimator, define } from 'costshare'`): the element's
// class, define() and the types. Importing it registers nothing; `costshare/define` does, or
// define('my-estimator') under a name of the page's choosing. The engine (pkg/) and the data
// (data/) are found beside this file (element-files.js), bundled or not.
import '../element-files.js';

export { CostEstimator, define } from '../cost-estimator/element.js';
export { EngineError } from '../cost-estimator/engine-client.js';

/** @typedef {import('../cost-estimator/types.js').Scenario} Scenario */
/** @typedef {import('../cost-estimator/types.js').Member} Member */
/** @typedef {import('../cost-estimator/types.js').ServiceUse} ServiceUse */
/** @typedef {import('../cost-estimator/types.js').EstimateResult} EstimateResult */
/** @typedef {import('../cost-estimator/types.js').Comparison} Comparison */
/** @typedef {import('../cost-estimator/types.js').OptionResult} OptionResult */
/** @typedef {import('../cost-estimator/types.js').EstimateChangeDetail} EstimateChangeDetail */
/** @typedef {import('../cost-estimator/types.js').EngineErrorInfo} EngineErrorInfo */
/** @typedef {import('../cost-estimator/types.js').ElementErrorDetail} ElementErrorDetail */
/** @typedef {import('../cost-estimator/types.js').Money} Money */
/** @typedef {import('../cost-estimator/types.js').EstimateShareDetail} EstimateShareDetail */
/** @typedef {import('../cost-estimator/types.js').Broker} Broker */
