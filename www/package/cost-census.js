// `import { CostCensus, defineCensus } from 'costshare/census'`: the group census element's class;
// importing it registers nothing (`costshare/census/define` does).
import '../element-files.js';
import '../census-files.js';

export { CostCensus, defineCensus } from '../cost-estimator/census/element.js';
