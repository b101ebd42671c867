// The group census element, for a broker's page: one module script, then the element.
//   <script type="module" src="https://example.org/estimator/cost-census.js"></script>
//   <cost-census plans="kp-co-fehb-2022-high kp-co-fehb-2022-standard kp-co-fehb-2022-prosper"></cost-census>
// The data are loaded relative to this file, like cost-estimator.js, and so is the census's own
// engine (census-files.js: census-worker.js and pkg/costshare_census_bg.wasm, the engine with the
// census, which the estimator's module leaves out). It needs
// cost-estimator.js beside it: the build bundles the census on its own, importing Lit, the
// engine client, the words and the styles from there (see cost-estimator/shared.js), so the
// estimator's visitors never download the census and a broker's page loads those parts once.
import './element-files.js';
import './census-files.js';
import { CostCensus, defineCensus } from './cost-estimator/census/element.js';

defineCensus('cost-census');

export { CostCensus, defineCensus };
