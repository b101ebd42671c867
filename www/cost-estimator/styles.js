// The element's styles: constructed stylesheets adopted into its shadow root (no <style> tag,
// no style attributes), so a strict Content-Security-Policy on the host page is no obstacle. One
// sheet per view over a shared base (styles/), in the order of the one sheet they were, so the
// cascade is the same; <cost-census> takes `styles` (or the shared `baseStyles` and
// `controlStyles`) from here.
//
// Theming: the --ce-* custom properties (docs/embedding.md) inherit from the host page into the
// shadow tree; nothing else does (styles/base.js).
import { answerStyles } from './styles/answer.js';
import { baseStyles } from './styles/base.js';
import { brokerStyles } from './styles/broker.js';
import { chartStyles } from './styles/chart.js';
import { controlStyles } from './styles/controls.js';
import { detailStyles } from './styles/details.js';
import { householdStyles } from './styles/household.js';
import { layoutStyles } from './styles/layout.js';
import { oddsStyles } from './styles/odds.js';
import { planStyles } from './styles/plan.js';
import { priceStyles } from './styles/prices.js';
import { printStyles } from './styles/print.js';

export { baseStyles, controlStyles };

/** Every sheet of the estimator, in cascade order. */
export const styles = [baseStyles, layoutStyles, brokerStyles, controlStyles, planStyles, answerStyles, oddsStyles, householdStyles, priceStyles, detailStyles, chartStyles, printStyles];
