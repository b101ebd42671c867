// The group census element, for a broker's page: one module script, then the element.
//   <script type="module" src="https://example.org/estimator/cost-census.js"></script>
//   <cost-census plans="kp-co-fehb-2022-high kp-co-fehb-2022-standard kp-co-fehb-2022-prosper"></cost-census>
// The engine and the data are loaded relative to this file, like cost-estimator.js; the build
// bundles it on its own, so the estimator's visitors never download it.
import { CostCensus, defineCensus } from './cost-estimator/census/element.js';
import { setSiteRoot } from './cost-estimator/site.js';

setSiteRoot(new URL('./', import.meta.url));
defineCensus('cost-census');

export { CostCensus, defineCensus };
