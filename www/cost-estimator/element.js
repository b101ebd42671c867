// <cost-estimator>: choose a plan option, the people covered and their care; see the year's cost
// and every option of the same program ranked beside it, worked out by the engine in a Web
// Worker. Nothing is sent anywhere.
//
// This class keeps the lifecycle, the attributes, the public API and the events. The state is
// one object in a store (state/store.js) changed by named actions; the page is drawn from it
// (view-model.js, views/); the engine conversation and the URL are controllers
// (controllers/engine.js, controllers/url.js); print and share are print.js and share.js; what
// the controls do is handlers.js.
import { LitElement, adoptStyles, nothing } from 'lit';
import { agentOf } from './broker.js';
import { EngineController, dataBase } from './controllers/engine.js';
import { OddsController } from './controllers/odds.js';
import { UrlController } from './controllers/url.js';
import { confirms, readFirstView, toldAlready } from './first-view.js';
import { handlers } from './handlers.js';
import { wordsFor } from './i18n/index.js';
import { PrintController } from './print.js';
import { summaryText } from './share.js';
import { checkScenario, elementError } from './state/scenario-check.js';
import { fromScenario, toScenario } from './state/scenario.js';
import { createStore, initialState } from './state/store.js';
import { styles } from './styles.js';
import { viewModel } from './view-model.js';
import { appView } from './views/app.js';

/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').EstimateResult} EstimateResult */
/** @typedef {import('./types.js').Comparison} Comparison */
/** @typedef {import('./types.js').EstimateChangeDetail} EstimateChangeDetail */
/** @typedef {import('./types.js').EstimateShareDetail} EstimateShareDetail */
/** @typedef {import('./types.js').ElementErrorDetail} ElementErrorDetail */
/** @typedef {import('./types.js').Broker} Broker */

let serial = 0;

/**
 * The estimator as a custom element.
 *
 * @element cost-estimator
 * @attr {string} plans - Space-separated plan ids to offer (default: every plan in the catalog).
 *   Two or more are ranked against each other; otherwise the options of the chosen plan's program are.
 * @attr {string} plan - The plan option shown first.
 * @attr {string} lang - The language (`en` or `es`; default: the nearest `lang` in the page).
 * @attr {string} data-base - The folder holding catalog.json (default: `data/` beside the script).
 * @attr {string} url-state - Keep the state in the URL fragment, so a link reopens the same view;
 *   a value is a key prefix (for two elements on one page).
 * @attr {string} employer-contribution - An employer's contribution toward the premium per pay
 *   period: an amount (`"450.00"`) or a percent (`"75%"`); the visitor can change it.
 * @attr {string} broker-name - The agent or broker presenting the estimate (shown on screen and on
 *   the proposal). With a name or an email, the element offers "Send to my agent".
 * @attr {string} broker-id - The agent's license number or NPN (shown as given when it starts with a letter).
 * @attr {string} broker-phone - The agent's phone number.
 * @attr {string} broker-email - The agent's email address.
 * @slot broker-logo - The agency's logo (an `<img>` with its `alt`), beside the agent's name.
 * @fires {CustomEvent<EstimateChangeDetail>} estimate-change - The figures changed (or went stale).
 * @fires {CustomEvent<EstimateShareDetail>} estimate-share - The visitor confirmed "Send to my agent":
 *   the scenario and the result, for the host page to hand on. The element itself sends nothing.
 * @fires {CustomEvent<ElementErrorDetail>} estimate-error - The element refused what a script gave it
 *   (the `scenario` property: a plan it does not offer, more than 20 people, a value the form
 *   cannot hold), or could not load (`load_failed`, `params.file` naming the file; `wasm_refused`):
 *   the error, with its `code`.
 * @fires {CustomEvent<ElementErrorDetail>} estimate-warning - The engine fell back, with the same
 *   figures, once per kind: `engine_in_page` (no Web Worker could start) or `engine_javascript`
 *   (the page may not compile WebAssembly: the engine compiled to JavaScript runs instead).
 * @csspart base - The element's box.
 * @csspart results - The answer: the total, its actions (Print, Copy, "Send to my agent") and the
 *   ranked options.
 * @csspart summary - The total for the year.
 * @csspart compare - The ranked options.
 * @csspart lines - The table of each service.
 * @csspart broker - The agent's block: logo, name, licence, phone and email ("Send to my agent" is
 *   with the answer's actions).
 * @cssprop [--ce-accent=#0b5cad] - The main colour (buttons, links, focus rings, the chosen option).
 * @cssprop [--ce-accent-text=#ffffff] - Text on the main colour.
 * @cssprop [--ce-text=#1b1f24] - Text colour.
 * @cssprop [--ce-muted=#4a5360] - Secondary text colour.
 * @cssprop [--ce-surface=#ffffff] - Background.
 * @cssprop [--ce-surface-alt=#f3f5f8] - The answer's box, table heads, the agent's block.
 * @cssprop [--ce-border=#c9d0d9] - Borders.
 * @cssprop [--ce-error=#a4161a] - Messages at bad fields.
 * @cssprop [--ce-ok=#1e6b3a] - A limit that is met.
 * @cssprop [--ce-warn-bg=#fff3cd] - The "out of date" notice.
 * @cssprop [--ce-radius=8px] - Corner radius.
 * @cssprop --ce-font - Font family (default: the system's UI fonts).
 * @cssprop [--ce-font-size=medium] - Base size; everything else is in em.
 * @cssprop [--ce-sticky-top=0.5em] - Where the answer sticks on wide screens (below a fixed header).
 */
export class CostEstimator extends LitElement {
  static styles = styles;

  static properties = {
    plans: { type: String, reflect: true },
    plan: { type: String, reflect: true },
    lang: { type: String, reflect: true },
    dataBase: { type: String, attribute: 'data-base' },
    urlState: { type: String, attribute: 'url-state' },
    employerContribution: { type: String, attribute: 'employer-contribution' },
    brokerName: { type: String, attribute: 'broker-name' },
    brokerId: { type: String, attribute: 'broker-id' },
    brokerPhone: { type: String, attribute: 'broker-phone' },
    brokerEmail: { type: String, attribute: 'broker-email' },
  };

  #uid = `ce${++serial}`;
  #store = createStore(initialState());
  #tag = 'en';
  #stateIn = null; // the data and the first state are in
  #loading = null; // … and the first estimate is shown
  #resize = null;
  #langObserver = null;
  #engine = new EngineController(this, {
    store: this.#store,
    uid: this.#uid,
    base: () => dataBase(this),
    plansAttribute: () => this.getAttribute('plans'),
    planAttribute: () => this.plan,
    initial: (known) => this.#url.initial(known),
    loaded: () => this.#applyContributionAttribute(true),
    // The proposal is drawn after the first estimate is on screen: the element's own, after the HTML's view.
    opened: () => (this.#prerendered ? (this.#openedHeld = true) : this.#print.afterFirstEstimate()),
    emitChange: (error, scenario) => this.#emitChange(error, scenario),
    tag: () => this.#tag,
    spoken: () => this.#viewModel().spokenAnswer(),
    fellBack: (code) => this.#warn(code),
  });
  #url = new UrlController(this, {
    store: this.#store,
    prefix: () => this.#urlPrefix(),
    known: () => (this.#engine.data ? { plans: new Map(this.#engine.offered().map((p) => [p.id, p])), services: this.#engine.data.services.units } : null),
  });
  #print = new PrintController(this, this.#store);
  #odds = new OddsController(this, { store: this.#store, engine: this.#engine, uid: this.#uid });
  #on = handlers({
    host: this,
    store: this.#store,
    engine: this.#engine,
    url: this.#url,
    print: this.#print,
    tag: () => this.#tag,
    scenario: () => this.scenario,
    broker: () => this.#broker(),
    viewModel: () => this.#viewModel(),
    emitShare: (detail) => this.dispatchEvent(new CustomEvent('estimate-share', { detail, bubbles: true, composed: true })),
    reload: () => this.#reload(),
  });
  #warned = new Set();
  /** The first view the page's HTML carried (a declarative shadow root, ssr/prerender.js): shown
   * until this element draws its own first answer, then removed in the same task, so the page
   * neither flashes nor jumps (docs/embedding.md, "The answer in the HTML"). */
  #prerendered = false;
  /** What the HTML's view was worked out from (first-view.js), and whether the engine's first
   * answer has been found to be its figures (true), not (false), or not yet (null). */
  #firstView = null;
  #confirmed = null;
  #toldFirst = false;
  #heldChange = null;
  #openedHeld = false;

  constructor() {
    super();
    /** @type {string | undefined} */
    this.plans = undefined;
    /** @type {string | undefined} */
    this.plan = undefined;
    /** @type {string | undefined} */
    this.dataBase = undefined;
    /** @type {string | undefined} */
    this.urlState = undefined;
    /** @type {string | undefined} */
    this.employerContribution = undefined;
    /** @type {string | undefined} */
    this.brokerName = undefined;
    /** @type {string | undefined} */
    this.brokerId = undefined;
    /** @type {string | undefined} */
    this.brokerPhone = undefined;
    /** @type {string | undefined} */
    this.brokerEmail = undefined;
    this.#store.subscribe(() => this.requestUpdate());
  }

  // ---- public API --------------------------------------------------------------------------

  /**
   * Resolves when the engine is running and the first estimate is shown (in the page: an
   * element never connected shows nothing); rejects if the data or the engine cannot load.
   * @type {Promise<void>}
   */
  get ready() {
    return this.#start();
  }

  /**
   * The last estimate shown (the engine's result object), or null.
   * @type {EstimateResult | null}
   */
  get result() {
    return this.#store.state.answer.result;
  }

  /**
   * The scenario the element's fields describe now (as sent to the engine), or null before loading.
   * Set: show a scenario in the fields. What the form cannot hold (a plan this element does not
   * offer, more than 20 people or 2,000 uses of care, a value it has no field for) is refused:
   * the element fires `estimate-error` with the error's `code` and `field`, and keeps its fields.
   * @type {Scenario | null}
   */
  get scenario() {
    if (!this.#engine.data) return null;
    return toScenario(this.#store.state, this.#engine.plan, this.#engine.data.services.units).scenario;
  }

  set scenario(scenario) {
    this.#start();
    this.#stateIn.then(
      () => {
        const { data } = this.#engine;
        let view;
        let state;
        try {
          view = typeof scenario?.plan === 'string' ? this.#engine.plansRead.get(scenario.plan) : undefined;
          const known = { offered: new Map(this.#engine.offered().map((p) => [p.id, p])), catalog: new Set(data.catalog.plans.map((p) => p.id)), vocabulary: data.services.units, planView: view ?? null };
          const error = checkScenario(scenario, known);
          if (error) return this.#emitError(error);
          state = fromScenario(scenario, data.services.units, view?.defaults.implied_spouse_min_age);
        } catch {
          // An object that throws when read (a getter): said as any scenario the form cannot read.
          return this.#emitError(elementError('wrong_argument', [], {}, 'scenario'));
        }
        this.#store.dispatch('load', state);
      },
      (error) => this.#emitError(elementError(error?.code ?? 'engine_failure', [], {}, 'element')),
    );
  }

  /**
   * Estimates any scenario with the built-in typical prices: the same result as the CLI's
   * `costshare estimate` (without its English words). Works whether or not the element is in
   * the page. Rejects with the engine's error, which carries `code`, `field`, `path` and
   * `params` (`engine_failure` if the engine failed or its worker died: it restarts).
   * @param {Scenario} scenario
   * @returns {Promise<EstimateResult>}
   */
  estimate(scenario) {
    return this.#engine.estimate(scenario);
  }

  /**
   * The scenario priced under several options (default: the options the element ranks for the
   * scenario's plan), cheapest first, with worst cases: the engine's comparison.
   * @param {Scenario} scenario
   * @param {string[]} [plans]
   * @returns {Promise<Comparison>}
   */
  compare(scenario, plans) {
    return this.#engine.compare(scenario, plans);
  }

  /**
   * Adds a plan (a plan file's object or JSON text) to this element only; resolves to its id.
   * Another element on the page neither prices it nor is refused its own plan of the same id.
   * @param {object | string} plan
   * @returns {Promise<string>}
   */
  async addPlan(plan) {
    const id = await this.#engine.addPlan(plan);
    this.requestUpdate();
    return id;
  }

  /**
   * The estimate (and the ranking) as plain text, in the element's language.
   * @returns {string}
   */
  summaryText() {
    return summaryText(this.#viewModel());
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  connectedCallback() {
    super.connectedCallback();
    this.#start();
    this.#checkLang();
    if (!this.#langObserver) {
      this.#langObserver = new MutationObserver(() => this.#checkLang());
      this.#langObserver.observe(this.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    this.#resize ??= new ResizeObserver((entries) => {
      const width = Math.round(entries[0]?.contentRect.width ?? 0);
      if (Math.abs(width - this.#store.state.ui.width) > 8) this.#store.dispatch('resized', width);
    });
    this.#resize.observe(this);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    this.#langObserver = null;
    this.#resize?.disconnect();
  }

  willUpdate(changed) {
    if (changed.has('lang')) this.#checkLang();
    if (!this.#engine.data) return;
    if (changed.has('plans')) {
      this.#engine.rankAgain();
      const offered = this.#engine.offered();
      if (!offered.some((p) => p.id === this.#store.state.plan) && offered[0]) this.#engine.choosePlan(offered[0].id);
    }
    if (changed.has('plan') && this.plan && this.#engine.offered().some((p) => p.id === this.plan) && changed.get('plan') !== undefined) this.#engine.choosePlan(this.plan);
    if (changed.has('employerContribution') && changed.get('employerContribution') !== undefined) this.#applyContributionAttribute();
  }

  createRenderRoot() {
    // A shadow root before the element's own: the page's HTML declared it, with the first view
    // and its styles. The element's own styles come with its own view (adopted now, they would
    // restyle the HTML's view for nothing: ~200 ms at 4x CPU).
    if (!this.shadowRoot) return super.createRenderRoot();
    this.#prerendered = true;
    this.#firstView = readFirstView(this.shadowRoot);
    return this.shadowRoot;
  }

  /** @returns {unknown} */
  render() {
    const vm = this.#viewModel();
    if (this.#prerendered) {
      // The HTML's view stays until the engine's first answer (or a failure to load) is drawn;
      // then it goes in this same task, before any frame could show both or neither. (Lit's own
      // nodes are comments until now; the HTML's may still be arriving when the script runs.)
      if (!vm.loadError && !(vm.ready && this.#firstViewIn(vm.state))) return nothing;
      for (const node of [...this.renderRoot.childNodes]) if (node.nodeType !== Node.COMMENT_NODE) node.remove();
      adoptStyles(/** @type {ShadowRoot} */ (this.renderRoot), /** @type {typeof LitElement} */ (this.constructor).elementStyles);
      this.#prerendered = false;
    }
    return appView(vm);
  }

  /** Whether the first view's answers are in: the estimate (or why there is none) and, for the
   * ranking the HTML's view showed, the ranking. Until then the HTML's view stays: drawing the
   * estimate alone would take its ranked options away for the moment they take to come. */
  #firstViewIn(state) {
    const a = state.answer;
    if (a.revision === 0) return false;
    if (a.outcome !== 'ok') return true;
    // Figures on screen that are not the engine's (another scenario, language or result) go at once.
    if (!this.#confirmsHtml()) return true;
    return state.ranking.key !== '' && (state.ranking.ids.length < 2 || a.comparedFor === a.revision);
  }

  /** Whether the HTML's view shows the engine's answer to this element's first question: its
   * record's scenario, locale and result digest equal the element's (decided once, at the first
   * estimate; docs/decisions.md 44). */
  #confirmsHtml(scenario = this.scenario) {
    const { answer: a, revision } = this.#store.state;
    if (this.#confirmed === null && a.outcome === 'ok' && a.result && a.revision === revision) {
      this.#confirmed = confirms(this.#firstView, { locale: wordsFor(this.#tag).locale, scenario, result: a.result });
    }
    return this.#confirmed === true;
  }

  updated(changed) {
    super.updated(changed);
    // What waited for the element's own figures: the first estimate-change, then the proposal.
    if (this.#prerendered) return;
    if (this.#heldChange) {
      const held = this.#heldChange;
      this.#heldChange = null;
      this.#emitChange(...held);
    }
    if (this.#openedHeld) {
      this.#openedHeld = false;
      this.#print.afterFirstEstimate();
    }
  }

  /** Loads once (the data, the first state, the first estimate); resolves when it is shown. A
   * failure is shown in plain words with "Try again" and told once in `estimate-error`. */
  #start() {
    if (!this.#loading) {
      this.#stateIn = this.#engine.loadState();
      this.#loading = this.#stateIn.then(() => this.#engine.load());
      this.#loading.catch((error) => {
        const failure = { code: error?.code ?? null, message: String(error?.message ?? error), params: error?.params ?? null };
        this.#store.dispatch('loadFailed', failure);
        this.#emitError({ code: failure.code ?? 'engine_failure', field: null, path: [], params: failure.params ?? {}, origin: 'element', message: failure.message });
      });
    }
    return this.#loading;
  }

  /** "Try again" after loading failed: the files that did not arrive are asked for again. */
  #reload() {
    if (!this.#store.state.ui.loadError) return;
    this.#engine.reload();
    this.#loading = null;
    this.#store.dispatch('loadFailed', null);
    this.#start().catch(() => {});
  }

  /** estimate-warning, once per kind: the engine runs another way than its fast one (in the
   * page: `engine_in_page`; compiled to JavaScript: `engine_javascript`), with the same figures. */
  #warn(code) {
    if (this.#warned.has(code)) return;
    this.#warned.add(code);
    const message = code === 'engine_javascript' ? 'WebAssembly is not allowed on this page: the engine runs compiled to JavaScript (slower, the same figures).' : 'No worker could start on this page: the engine runs in the page (answers may make typing wait while comparing; the same figures).';
    this.dispatchEvent(new CustomEvent('estimate-warning', { bubbles: true, composed: true, detail: { code, field: null, path: [], params: {}, origin: 'element', message } }));
  }

  #checkLang() {
    const own = this.getAttribute('lang');
    const holder = own ? null : this.parentElement?.closest('[lang]');
    const tag = (own || holder?.getAttribute('lang') || this.ownerDocument.documentElement.getAttribute('lang') || 'en').trim();
    this.#tag = tag;
    this.#store.dispatch('setLang', wordsFor(tag).lang);
  }

  #urlPrefix() {
    return this.hasAttribute('url-state') ? (this.getAttribute('url-state') ?? '').trim() : null;
  }

  #applyContributionAttribute(initial = false) {
    const raw = (this.employerContribution ?? this.getAttribute('employer-contribution') ?? '').trim();
    if (!raw) return;
    if (initial && this.#store.state.contribution.kind) return; // a shared link's own wins
    const percent = /%$/.test(raw);
    this.#store.dispatch('setContribution', percent ? 'percent' : 'amount', raw.replace(/%$/, '').trim());
  }

  /** The agent named by the broker-* attributes (broker.js), or null. */
  #broker() {
    return agentOf({ name: this.brokerName, id: this.brokerId, phone: this.brokerPhone, email: this.brokerEmail });
  }

  #viewModel() {
    return viewModel({
      state: this.#store.state,
      tag: this.#tag,
      ...this.#engine.viewInputs(),
      uid: this.#uid,
      broker: this.#broker(),
      urlState: this.#urlPrefix() !== null,
      on: this.#on,
    });
  }

  // ---- events ------------------------------------------------------------------------------

  /** estimate-change: the figures changed or went stale (`error` says why). */
  #emitChange(error, scenario) {
    // While the HTML's view is on screen, the page hears once the element's own figures are,
    // or at once when the engine's answer is the HTML's figures (they are on screen already).
    if (this.#prerendered && !(error === null && this.#confirmsHtml(scenario))) {
      this.#heldChange = [error, scenario];
      return;
    }
    const a = this.#store.state.answer;
    // The first: not again if the page's early start told it (the same scenario and result, the
    // HTML's figures: cost-estimator-boot.js).
    if (!this.#toldFirst) {
      this.#toldFirst = true;
      if (!error && a.outcome === 'ok' && toldAlready(this, { scenario, result: a.result })) return;
    }
    /** @type {EstimateChangeDetail} */
    const detail = { result: a.result, scenario, stale: a.outcome !== 'ok', error: error ? { code: error.code, field: error.field ?? null, path: error.path ?? [], params: error.params ?? {}, origin: error.origin ?? null, message: error.message } : null };
    this.dispatchEvent(new CustomEvent('estimate-change', { bubbles: true, composed: true, detail }));
  }

  /** estimate-error: something a script gave the element was refused. */
  #emitError(error) {
    this.dispatchEvent(new CustomEvent('estimate-error', { bubbles: true, composed: true, detail: error }));
  }
}

/**
 * Defines <cost-estimator> unless it already is (the script included twice, or another copy).
 * @param {string} [name]
 * @param {CustomElementRegistry} [registry]
 */
export function define(name = 'cost-estimator', registry = globalThis.customElements) {
  if (!registry) return null;
  const existing = registry.get(name);
  if (existing) return existing;
  // The engine's module is fetched when an element first connects (upgraded here, for those
  // already in the page), not on define: the census page defines <cost-estimator> too (its
  // bundle shares this one) and must not fetch the estimator's module, which it never runs.
  try {
    registry.define(name, class extends CostEstimator {});
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error;
  }
  return registry.get(name);
}
