// The estimator page's early start: a small module the page loads before the element's own
// (index.html: `<script type="module" src="cost-estimator-boot.js" async>`), which starts the
// engine while the element's code is still on its way. It starts the engine client the element
// will use (the same one: the build puts the client in a chunk both scripts import): the Web
// Worker, the module's bytes and the data files; and, once the HTML's first view is parsed, it
// asks the engine that view's questions (its estimate and its ranking, the record the build wrote
// into it: cost-estimator/first-view.js), so that the answers are in, or nearly, when the element
// asks them (engine-client.js, ask()). It draws nothing and fires nothing: the element checks the
// engine's answer against the HTML's view and says so (docs/decisions.md 43).
// For an element with the default data folder (no `data-base`), as on the site's own page.
import './element-files.js';
import { defaultDataBase } from './cost-estimator/data.js';
import { engineClient } from './cost-estimator/engine-client.js';
import { readFirstView } from './cost-estimator/first-view.js';

performance.mark?.('cost-estimator:boot');
const client = engineClient(defaultDataBase());
client.start().catch(() => {}); // the element says what failed

let asked = false;
/** Asks the first view's questions once the element's shadow root (the HTML's view) is parsed. */
function askFirstView() {
  const element = document.querySelector('cost-estimator');
  if (asked || !element?.shadowRoot || element.hasAttribute('data-base')) return asked;
  const record = readFirstView(element.shadowRoot);
  if (!record) return false;
  asked = true;
  const { scenario, ranked } = record;
  client.ask('estimate', { scenario }).catch(() => {});
  // Every option's file in the engine for the ranking (the plan's own first, for the estimate).
  for (const id of ranked) client.plan(id).catch(() => {});
  if (ranked.length > 1) client.ask('compare', { scenario, plans: ranked }).catch(() => {});
  return true;
}

if (!askFirstView() && document.readyState === 'loading') {
  // The element's view is in the HTML further down: asked as soon as it is parsed.
  const watch = new MutationObserver(() => askFirstView() && watch.disconnect());
  watch.observe(document, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', () => (watch.disconnect(), askFirstView()), { once: true });
}
