// `import 'costshare/census/define'`: registers <cost-census>. Harmless twice.
import { defineCensus } from './cost-census.js';

defineCensus('cost-census');

export * from './cost-census.js';
