// `import 'costshare/define'` (or one <script type="module"> pointing at it): registers
// <cost-estimator>. Harmless twice: the element is defined once.
import { define } from './cost-estimator.js';

define('cost-estimator');

export * from './cost-estimator.js';
