// The element's first view as HTML (what it draws once its first estimate and ranking are in,
// before the printed proposal), worked out in Node at build time: the same store, the same
// conversation with the engine (controllers/engine.js, the built module run in this process
// through the engine's host, engine-worker.js), the same view model and the same views as the
// element in a page, written out as markup (ssr/html.js) inside a declarative shadow root. A page
// carrying it shows the answer before any script runs, and without JavaScript at all; the
// element takes over in place once its own first answer is drawn (element.js, "prerendered").
//
// Used by scripts/build-site.mjs (dist/index.html), scripts/prerender.mjs (the command line)
// and the package's `costshare/prerender` (docs/embedding.md, "The answer in the HTML").
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { agentOf } from '../broker.js';
import { EngineController } from '../controllers/engine.js';
import { defaultDataBase } from '../data.js';
import { wordsFor } from '../i18n/index.js';
import { setSite } from '../site.js';
import { createStore, initialState } from '../state/store.js';
import { styles } from '../styles.js';
import { viewModel } from '../view-model.js';
import { appView } from '../views/app.js';
import { firstViewRecord } from '../first-view.js';
import { toScenario } from '../state/scenario.js';
import { escapeAttribute, escapeText, renderToString } from './html.js';
import { NO_SCRIPT_CSS, noScriptNote } from './no-script.js';

/** The attributes that change what the first view shows (the others need a page). */
export const PRERENDERED_ATTRIBUTES = ['plans', 'plan', 'lang', 'url-state', 'employer-contribution', 'broker-name', 'broker-id', 'broker-phone', 'broker-email'];

/** How long the engine may take over the first view's answers (it takes milliseconds). */
const WAIT_MS = 30_000;

/** The element's styles as one sheet, in their cascade order (styles.js), and what the view
 * hides where scripts do not run (ssr/no-script.js). */
export function elementCss() {
  return `${styles.map((s) => s.cssText.trim()).join('\n')}\n${NO_SCRIPT_CSS.trim()}`;
}

/** Every file under `dir`, as `relative path → data: URL` (the element reads its files through
 * site.js, which takes a `data:` URL without a request: no fetch of `file:` in Node). */
function filesAsDataUrls(dir) {
  const out = {};
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p).split('\\').join('/')] = `data:application/octet-stream;base64,${readFileSync(p).toString('base64')}`;
    }
  };
  walk(join(dir, 'data'));
  const wasm = join(dir, 'pkg', 'costshare_bg.wasm');
  out['pkg/costshare_bg.wasm'] = `data:application/wasm;base64,${readFileSync(wasm).toString('base64')}`;
  return out;
}

/**
 * The first view of `<cost-estimator>` with `attributes`, as the element draws it once its first
 * estimate, ranking and curves are in. `site`: a built site's folder (dist/, or the package's
 * lib/): its engine (pkg/, engine-worker.js) and data (data/).
 * Resolves to { markup (the shadow root's content), css (the element's styles), result, comparison }.
 */
export async function prerenderView({ site, attributes = {} }) {
  const root = resolve(site);
  setSite({ root: pathToFileURL(`${root}/`), files: filesAsDataUrls(root), host: () => import(pathToFileURL(join(root, 'engine-worker.js')).href) });
  const attr = (name) => (attributes[name] == null ? null : String(attributes[name]));
  const tag = (attr('lang') || 'en').trim();
  const uid = 'ce1';
  const store = createStore(initialState());
  store.dispatch('setLang', wordsFor(tag).lang);
  const host = { addController() {}, requestUpdate() {}, updateComplete: Promise.resolve(true) };
  const engine = new EngineController(host, {
    store,
    uid,
    base: () => defaultDataBase(),
    plansAttribute: () => attr('plans'),
    planAttribute: () => attr('plan') ?? undefined,
    initial: () => null,
    loaded: () => {
      // As the element reads its employer-contribution attribute (element.js).
      const raw = (attr('employer-contribution') ?? '').trim();
      if (raw) store.dispatch('setContribution', /%$/.test(raw) ? 'percent' : 'amount', raw.replace(/%$/, '').trim());
    },
    // The printed proposal is not drawn: the element draws it after its own first view (half
    // of the markup otherwise); without scripts, print gives the answer (ssr/no-script.js).
    opened: () => {},
    emitChange: () => {},
    tag: () => tag,
    spoken: () => '',
    fellBack: () => {},
  });
  // Every answer of the first view in: the estimate, then the ranking (the engine's order,
  // controllers/engine.js); then the curves (none without care: the chart says so).
  const done = new Promise((resolveDone, reject) => {
    const timer = setTimeout(() => reject(new Error(`the engine gave no first view in ${WAIT_MS / 1000} s`)), WAIT_MS);
    const check = (state) => {
      const a = state.answer;
      if (a.outcome === 'failed' || a.outcome === 'stale' || state.formError) {
        clearTimeout(timer);
        reject(new Error(`the engine refused the first view: ${JSON.stringify(a.failure ?? state.formError ?? state.errors)}`));
      } else if (a.result && state.ranking.key && (state.ranking.ids.length < 2 || a.comparedFor === state.revision)) {
        clearTimeout(timer);
        resolveDone();
      }
    };
    store.subscribe(check);
  });
  await engine.loadState();
  await engine.load();
  await done;
  await engine.curvesNow();
  engine.hostDisconnected();
  const on = new Proxy({}, { get: () => () => {} });
  const vm = viewModel({
    state: store.state,
    tag,
    ...engine.viewInputs(),
    uid,
    broker: agentOf({ name: attr('broker-name') ?? undefined, id: attr('broker-id') ?? undefined, phone: attr('broker-phone') ?? undefined, email: attr('broker-email') ?? undefined }),
    urlState: attr('url-state') !== null,
    on,
  });
  if (!vm.ready) throw new Error('the first view is not ready');
  // What the view was worked out from, for the page to check against the engine (first-view.js).
  const { scenario } = toScenario(store.state, engine.currentPlan(), engine.data.services.units);
  const record = firstViewRecord({ locale: vm.w.locale, scenario, result: store.state.answer.result, ranked: store.state.ranking.ids });
  return { markup: record + noScriptNote(vm, escapeText) + renderToString(appView(vm)), css: elementCss(), result: store.state.answer.result, comparison: store.state.answer.comparison };
}

/** `<cost-estimator …>` with its first view in a declarative shadow root. `stylesheet`: the
 * address of the element's styles as a file (a `<link>` in the shadow root: a page whose policy
 * allows its own styles needs nothing more), or null for a `<style>` inside it. */
export async function prerender({ site, attributes = {}, stylesheet = null }) {
  const view = await prerenderView({ site, attributes });
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v != null && v !== false)
    .map(([k, v]) => (v === true || v === '' ? ` ${k}` : ` ${k}="${escapeAttribute(v)}"`))
    .join('');
  const style = stylesheet ? `<link rel="stylesheet" href="${escapeAttribute(stylesheet)}">` : `<style>${view.css}</style>`;
  return { ...view, html: `<cost-estimator${attrs}><template shadowrootmode="open">${style}${view.markup}</template></cost-estimator>` };
}
