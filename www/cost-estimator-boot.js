// The estimator page's early start: a small module (index.html: `<script type="module"
// src="cost-estimator-boot.js" async>`) that gets the engine's first answer on screen before the
// element's code (cost-estimator.js, about 200 KB) has even been evaluated, then loads the
// element (docs/decisions.md 44; what each step saved: BENCHMARKS.md).
//
// 1. At once, while the HTML is still parsed: the data files and the module's bytes (preloaded
//    by the page), the engine's glue, the module compiled in this page and an engine started with
//    the data. In the page, not in the element's worker: a worker takes 200-300 ms to start at 4x
//    CPU (most of it on the page's main thread), and its own fetches queue behind the page's.
// 2. Once the HTML's first view is parsed, it reads what the view was worked out from (its
//    record: cost-estimator/first-view.js) and asks that engine the view's estimate. When the
//    engine's result is the HTML's figures (the same scenario, the same result digest), and the
//    page has painted them, the page hears its first estimate: `estimate-change` on the element,
//    with the engine's result, as the element fires it (the element does not fire it again).
// 3. Then the element's engine client (the same object the element will use: the build puts the
//    client in a chunk both scripts import) starts its worker, with the same files (fetched once),
//    and is asked the view's estimate and ranking, which the element finds answered when it asks
//    (engine-client.js, ask()); and the element's module is evaluated (the page preloaded it): it
//    takes over the HTML's view in place (element.js).
// Anything that does not hold (no record, a shared link's state, another result, a failure) is
// left to the element, which checks and says it itself. For an element with the default data
// folder (no `data-base`), as on the site's own page.
import './element-files.js';
import { defaultDataBase, loadData } from './cost-estimator/data.js';
import { engineClient, fetchEngine } from './cost-estimator/engine-client.js';
import { confirmsFigures, readFirstView, tellFirstEstimate } from './cost-estimator/first-view.js';
import { siteUrl } from './cost-estimator/site.js';

performance.mark?.('cost-estimator:boot');
const base = defaultDataBase();
const client = engineClient(base);
let started = false;
/** The element's engine: its worker, the data, and the HTML's questions asked there (`record`),
 * started once the first estimate is told (or will not be), not before: the main thread, slowed
 * 4x in the benchmark, has the page to lay out until then, and a worker's start costs it too. */
function startClient(record = null) {
  if (started) return;
  started = true;
  client.start().catch(() => {}); // the element says what failed
  if (!record) return;
  const { scenario, ranked } = record;
  client.ask('estimate', { scenario }).catch(() => {});
  for (const id of ranked) client.plan(id).catch(() => {});
  if (ranked.length > 1) client.ask('compare', { scenario, plans: ranked }).catch(() => {});
}

let elementLoading = null;
/** The element's own module, once (it defines <cost-estimator> and takes over). */
function loadElement() {
  startClient();
  elementLoading ??= import(/* @vite-ignore */ new URL('./cost-estimator.js', import.meta.url).href);
  return elementLoading;
}
// Whatever happens here, the element comes (a page hidden from the start never paints).
setTimeout(loadElement, 5000);

let asked = false;
/** Asks the first view's questions once the element's shadow root (the HTML's view) is parsed. */
function askFirstView() {
  const element = document.querySelector('cost-estimator');
  if (asked) return true;
  if (!element?.shadowRoot) return false;
  const record = element.hasAttribute('data-base') ? null : readFirstView(element.shadowRoot);
  // A declarative shadow root is attached as its template starts: its content may be on its way.
  if (!record && document.readyState === 'loading') return false;
  asked = true;
  if (!record || linkState(element)) {
    here.then(({ engine }) => engine.free(), () => {});
    loadElement();
    return true;
  }
  // For the page, here and now; then the element's engine (its worker, asked the same
  // questions, for the element to find answered) and the element.
  const next = () => (startClient(record), loadElement());
  answerHere(record.scenario).then((result) => confirm(element, record, result).then(next), next);
  return true;
}

/** The engine's module compiled in this page and started with the data files (the same bytes
 * and files the worker gets, fetched once), begun at once, while the HTML is still parsed. */
const here = (async () => {
  const [data, wasm, glue] = await Promise.all([loadData(base), fetchEngine(), import(/* @vite-ignore */ siteUrl('pkg/costshare.js').href)]);
  await glue.default({ module_or_path: wasm });
  const engine = new glue.Engine(data.services.text);
  // Not the usage presets: only the census reads them (src/census/), never an estimate.
  engine.setPrices(data.prices.text);
  return { data, engine };
})();
here.catch(() => {});

/** The engine's estimate of `scenario`, worked out in this page. Rejects if anything fails. */
async function answerHere(scenario) {
  const { data, engine } = await here;
  try {
    const entry = data.catalog.plans.find((p) => p.id === scenario.plan);
    engine.addPlan(`data/${entry.file}`, await data.planText(scenario.plan));
    return engine.estimate(scenario);
  } finally {
    engine.free();
  }
}

/** The engine's answer to the HTML's question: if it is the HTML's figures, the page hears its
 * first estimate once they are painted (they are, nearly always, by the time the engine
 * answers). Resolves when told, or when there is nothing to tell. */
function confirm(element, record, result) {
  if (!confirmsFigures(record, { scenario: record.scenario, result })) return Promise.resolve();
  return new Promise((resolve) => {
    const tell = () => {
      // The element may have taken over meanwhile (the record goes with the HTML's view): then
      // it tells its own.
      if (readFirstView(element.shadowRoot) && tellFirstEstimate(element, { scenario: record.scenario, result })) performance.mark?.('cost-estimator:first-estimate');
      resolve();
    };
    // On screen: the view's total parsed, then a frame painted since (a task queued from the
    // frame's animation callback runs after that frame's paint). Not the first contentful
    // paint: on a slow phone that is often the page's header alone, painted while the parser
    // is still in the HTML before the view (BENCHMARKS.md, "the first estimate's floor").
    whenParsed(element.shadowRoot, '.ce-total-amount', () => requestAnimationFrame(() => setTimeout(tell, 0)));
  });
}

/** Calls `then` once `selector` is in `root` (a declarative shadow root still being parsed), or
 * once the document is parsed, whichever comes first. */
function whenParsed(root, selector, then) {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    watch.disconnect();
    then();
  };
  const watch = new MutationObserver(() => root.querySelector(selector) && once());
  if (root.querySelector(selector) || document.readyState !== 'loading') return once();
  watch.observe(root, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', once, { once: true });
}

/** Whether the element (with `url-state`) will open on a shared link's state rather than its
 * HTML's (state/url-state.js: a link's state has a plan, people or care). */
function linkState(element) {
  if (!element.hasAttribute('url-state')) return false;
  const prefix = (element.getAttribute('url-state') ?? '').trim();
  const q = new URLSearchParams(location.hash.replace(/^#/, ''));
  return ['plan', 'p', 's'].some((name) => q.has(prefix ? `${prefix}.${name}` : name));
}

if (!askFirstView()) {
  if (document.readyState === 'loading') {
    // The element's view is in the HTML further down: asked as soon as it is parsed.
    const watch = new MutationObserver(() => askFirstView() && watch.disconnect());
    watch.observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', () => (watch.disconnect(), askFirstView() || loadElement()), { once: true });
  } else loadElement();
}
