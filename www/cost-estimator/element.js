// <cost-estimator>: choose a plan option, the people covered and their care; see the year's cost
// and every option of the same program ranked beside it, worked out by the engine in a Web
// Worker. Nothing is sent anywhere.
//
// This class keeps the lifecycle, the attributes, the public API and the events. The state is
// one object in a store (state/store.js) changed by named actions; the page is rendered from it
// (views/); the engine is reached through one client (engine-client.js).
import { LitElement, html } from 'lit';
import { EngineError, StaleAnswer, engineClient, fetchEngine } from './engine-client.js';
import { defaultDataBase } from './data.js';
import { catalogs, wordsFor } from './i18n/index.js';
import { siteUrl } from './site.js';
import { actions, createStore, emptyRequired, initialState, personName, shownError } from './state/store.js';
import { drugFills, fieldKind, fieldOf, fromScenario, toScenario, typedWhole } from './state/scenario.js';
import { decodeState, encodeState } from './state/url-state.js';
import { styles } from './styles.js';
import { appView } from './views/app.js';

/** @typedef {import('./types.js').Scenario} Scenario */
/** @typedef {import('./types.js').EstimateResult} EstimateResult */
/** @typedef {import('./types.js').Comparison} Comparison */
/** @typedef {import('./types.js').EstimateChangeDetail} EstimateChangeDetail */
/** @typedef {import('./types.js').EstimateShareDetail} EstimateShareDetail */
/** @typedef {import('./types.js').Broker} Broker */

/** Moves focus to the first element matching `selector` inside `root`, if there is one. */
function focusOn(root, selector) {
  /** @type {HTMLElement | null} */
  const target = root.querySelector(selector);
  target?.focus();
}

/** @param {unknown} n */
const isPositiveWhole = (n) => typeof n === 'number' && n > 0;

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
 * @csspart base - The element's box.
 * @csspart results - The answer: the total and the ranked options.
 * @csspart summary - The total for the year.
 * @csspart compare - The ranked options.
 * @csspart lines - The table of each service.
 * @csspart broker - The agent's block: logo, name, licence, phone, email and "Send to my agent".
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
  #client = null;
  #data = null;
  #plan = null; // the engine's object for the chosen plan
  #planFor = '';
  #extra = []; // plans added with addPlan(): the engine's objects
  #compareIds = [];
  #compareFor = '';
  #asked = 0;
  #map = { uses: [], people: [], scenario: null, revision: 0 };
  #ready;
  #resolveReady;
  #rejectReady;
  #started = false;
  #loadError = null;
  #width = 0;
  #resize = null;
  #langObserver = null;
  #hashTimer = 0;
  #announceTimer = 0;
  #announcement = '';
  #userChanged = false;
  #ui = { confirmExample: false, copied: false, share: 'closed', sharedAt: '' };
  #onHashChange = () => this.#readHash();
  /** The printed proposal is drawn once the first estimate is on screen (it is a third of the
   * first render's work), or at once when the page is printed before that. */
  #printable = false;
  #printMedia = null;
  #onPrint = () => {
    this.#makePrintable();
    // Drawn now: print() called from a script lays the page out before any microtask runs.
    if (this.isUpdatePending) this.performUpdate();
  };

  #makePrintable() {
    if (this.#printable) return;
    this.#printable = true;
    this.requestUpdate();
  }

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
    this.#ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.#ready.catch(() => {}); // a load failure is shown in the element; callers of ready see it too
    this.#store.subscribe((state, before, action) => this.#changed(state, before, action));
  }

  // ---- public API --------------------------------------------------------------------------

  /**
   * Resolves when the engine is running and the first estimate is shown.
   * @type {Promise<void>}
   */
  get ready() {
    this.#start();
    return this.#ready;
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
   * @type {Scenario | null}
   */
  get scenario() {
    if (!this.#data) return null;
    return toScenario(this.#store.state, this.#plan, this.#data.services.units).scenario;
  }

  set scenario(scenario) {
    this.#start();
    this.#ready.then(async () => {
      const input = fromScenario(scenario, this.#data.services.units);
      if (!this.#offered().some((p) => p.id === input.plan)) return;
      this.#userChanged = true;
      this.#store.dispatch('load', input);
    });
  }

  /**
   * Estimates any scenario with the built-in typical prices: the same result as the CLI's
   * `costshare estimate` (without its English words). Rejects with the engine's error, which
   * carries `code` and `field`.
   * @param {Scenario} scenario
   * @returns {Promise<EstimateResult>}
   */
  async estimate(scenario) {
    const client = await this.#clientReady();
    if (typeof scenario?.plan === 'string') await client.plan(scenario.plan).catch(() => {});
    return client.estimate(scenario);
  }

  /**
   * The scenario priced under several options (default: the options the element ranks for the
   * scenario's plan), cheapest first, with worst cases: the engine's comparison.
   * @param {Scenario} scenario
   * @param {string[]} [plans]
   * @returns {Promise<Comparison>}
   */
  async compare(scenario, plans) {
    const client = await this.#clientReady();
    const ids = plans ?? (await this.#idsToCompare(scenario?.plan));
    await Promise.all((Array.isArray(ids) ? ids : []).map((id) => client.plan(id).catch(() => {})));
    return client.compare(scenario, ids);
  }

  /**
   * Adds a plan (a plan file's object or JSON text) to this element; resolves to its id.
   * @param {object | string} plan
   * @returns {Promise<string>}
   */
  async addPlan(plan) {
    const client = await this.#clientReady();
    const text = typeof plan === 'string' ? plan : JSON.stringify(plan);
    const id = await client.addPlan(`added plan ${this.#extra.length + 1}`, text);
    const object = await client.plan(id);
    this.#extra = [...this.#extra.filter((p) => p.id !== id), object];
    this.#compareFor = '';
    this.requestUpdate();
    return id;
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
    if (this.hasAttribute('url-state')) window.addEventListener('hashchange', this.#onHashChange);
    this.#resize ??= new ResizeObserver((entries) => {
      const width = Math.round(entries[0]?.contentRect.width ?? 0);
      if (Math.abs(width - this.#width) > 8) {
        this.#width = width;
        this.requestUpdate();
      }
    });
    this.#resize.observe(this);
    window.addEventListener('beforeprint', this.#onPrint);
    this.#printMedia ??= window.matchMedia?.('print') ?? null;
    this.#printMedia?.addEventListener?.('change', this.#onPrint);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.#onPrint);
    this.#printMedia?.removeEventListener?.('change', this.#onPrint);
    this.#langObserver?.disconnect();
    this.#langObserver = null;
    this.#resize?.disconnect();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  willUpdate(changed) {
    if (changed.has('lang')) this.#checkLang();
    if (!this.#data) return;
    if (changed.has('plans')) {
      this.#compareFor = '';
      const offered = this.#offered();
      if (!offered.some((p) => p.id === this.#store.state.plan) && offered[0]) this.#choosePlan(offered[0].id);
    }
    if (changed.has('plan') && this.plan && this.#offered().some((p) => p.id === this.plan) && changed.get('plan') !== undefined) this.#choosePlan(this.plan);
    if (changed.has('employerContribution') && changed.get('employerContribution') !== undefined) this.#applyContributionAttribute();
  }

  render() {
    return appView(this.#viewModel());
  }

  #checkLang() {
    const own = this.getAttribute('lang');
    const holder = own ? null : this.parentElement?.closest('[lang]');
    const tag = (own || holder?.getAttribute('lang') || this.ownerDocument.documentElement.getAttribute('lang') || 'en').trim();
    const lang = wordsFor(tag).lang;
    this.#tag = tag;
    this.#store.dispatch('setLang', lang);
  }

  #tag = 'en';

  // ---- loading -----------------------------------------------------------------------------

  #base() {
    const given = this.getAttribute('data-base');
    if (!given) return defaultDataBase();
    const base = new URL(given, this.ownerDocument.baseURI);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    return base;
  }

  #start() {
    if (this.#started) return;
    this.#started = true;
    mark('start');
    this.#load().then(
      () => this.#resolveReady(),
      (error) => {
        this.#loadError = error?.message ?? String(error);
        this.requestUpdate();
        this.#rejectReady(error);
      },
    );
  }

  async #clientReady() {
    this.#start();
    await this.#ready;
    return this.#client;
  }

  async #load() {
    this.#client = engineClient(this.#base());
    // The data files are in: the form can be drawn while the engine starts in its worker.
    this.#data = await this.#client.start();
    mark('data');
    this.#client.ready().then(() => mark('engine'), () => {});
    const offered = this.#offered();
    if (offered.length === 0) throw new Error(wordsFor(this.#tag).t.noPlans);
    // The state to open on: a shared link's, else the attributes'.
    const prefix = this.#urlPrefix();
    const fromUrl = prefix === null ? null : decodeState(location.hash, prefix);
    const state = this.#store.state;
    if (fromUrl && offered.some((p) => p.id === fromUrl.plan)) {
      this.#store.dispatch('load', fromUrl);
    } else {
      const plan = offered.some((p) => p.id === this.plan) ? this.plan : offered[0].id;
      this.#store.dispatch('load', { plan, people: [{ key: 'you', role: 'you', age: '40', medicare: '' }], care: [], prices: {}, open: state.open });
    }
    this.#applyContributionAttribute(true);
    await this.#ensurePlan();
    mark('plan');
    setTimeout(() => {
      this.#waited = true;
      this.requestUpdate();
    }, FORM_WAITS_MS);
    await this.#estimateNow();
    await this.updateComplete;
    // An engine that could not start is the page's failure to load, not this estimate's.
    await this.#client.ready();
    this.#opened = true;
    setTimeout(() => this.#makePrintable(), 0);
    // The other plans the page may switch to or compare, for no wait later.
    setTimeout(() => offered.forEach((p) => this.#planObject(p.id).catch(() => {})), 0);
  }

  /** The plans this element offers: the `plans` attribute's (known ones), else the catalog's, plus added ones. */
  #offered() {
    if (!this.#data) return [];
    const all = this.#data.catalog.plans;
    const wanted = (this.getAttribute('plans') ?? '').split(/\s+/).filter(Boolean);
    const list = wanted.length ? wanted.map((id) => all.find((p) => p.id === id)).filter(Boolean) : [...all];
    for (const p of this.#extra) if (!list.some((q) => q.id === p.id)) list.push(p);
    return list;
  }

  #unknownIds() {
    if (!this.#data) return [];
    const wanted = (this.getAttribute('plans') ?? '').split(/\s+/).filter(Boolean);
    return wanted.filter((id) => !this.#data.catalog.plans.some((p) => p.id === id) && !this.#extra.some((p) => p.id === id));
  }

  async #ensurePlan() {
    const id = this.#store.state.plan;
    if (this.#planFor === id && this.#plan) return this.#plan;
    this.#planLoading = true;
    this.requestUpdate();
    try {
      // Drawn as soon as its file is in; the engine has it before the estimate is asked.
      const plan = await this.#planObject(id, false);
      if (this.#store.state.plan === id) {
        this.#plan = plan;
        this.#planFor = id;
      }
      return plan;
    } finally {
      this.#planLoading = false;
      this.requestUpdate();
    }
  }

  #planLoading = false;
  /** Whether the form has waited long enough for the engine's first answer. */
  #waited = false;

  /** Plan files this element has read, by id (the proposal sets their key benefits side by side). */
  #plansRead = new Map();

  /** Plan `id` as the page reads it; with `inEngine`, once the engine has accepted its file. */
  async #planObject(id, inEngine = true) {
    const plan = await (inEngine ? this.#client.plan(id) : this.#client.read(id));
    if (!this.#plansRead.has(id)) {
      this.#plansRead.set(id, plan);
      this.requestUpdate();
    }
    return plan;
  }

  /** The plans the answer ranks for `planId`: the `plans` attribute's when it lists two or more,
   * else the plan's siblings (same issuer, program and year: the engine's rule). */
  async #idsToCompare(planId) {
    const key = `${planId}|${this.getAttribute('plans') ?? ''}|${this.#extra.map((p) => p.id).join(',')}`;
    if (this.#compareFor !== key) {
      const listed = this.#offered().map((p) => p.id);
      // The engine knows a plan's siblings only once their files are in it.
      await Promise.all(listed.map((id) => this.#planObject(id).catch(() => {})));
      const given = Boolean((this.getAttribute('plans') ?? '').trim()) || this.#extra.length > 0;
      this.#compareIds = await this.#client.optionsFor(planId, given ? listed : null);
      this.#compareFor = key;
      this.requestUpdate();
    }
    return this.#compareIds;
  }

  // ---- reacting to the state ---------------------------------------------------------------

  #changed(state, before, action) {
    this.requestUpdate();
    if (state.revision !== before.revision) {
      // The visitor's own change (not the state a page opens on) goes into the URL.
      if (this.#opened) this.#userChanged = true;
      if (this.#data) this.#estimateNow();
      this.#scheduleHash();
    } else if (state.open !== before.open) {
      if (state.open.chart && !before.open.chart) this.#curvesNow();
      this.#scheduleHash();
    }
  }

  /** Asks the engine about the current revision (once): the estimate, then the ranking, then
   * the curves. Resolves when the estimate (or the reason there is none) is shown. */
  #estimateNow() {
    const revision = this.#store.state.revision;
    if (revision !== this.#asked) {
      this.#asked = revision;
      this.#asking = this.#ask(revision);
    }
    return this.#asking;
  }

  #asking = Promise.resolve();
  #opened = false;

  async #ask(revision) {
    let plan;
    try {
      plan = await this.#ensurePlan();
    } catch (error) {
      return this.#store.dispatch('failed', revision, { code: error?.code ?? 'engine_failure' });
    }
    if (this.#store.state.revision !== revision) return;
    const { scenario, uses, people } = toScenario(this.#store.state, plan, this.#data.services.units);
    this.#map = { uses, people, scenario, revision };
    if (emptyRequired(this.#store.state).length) {
      this.#store.dispatch('incomplete', revision);
      this.#emit(null);
      return;
    }
    this.#store.dispatch('working');
    try {
      const result = await this.#client.estimate(scenario, `${this.#uid}:estimate`);
      this.#store.dispatch('estimated', revision, result);
      this.#announce(wordsFor(this.#tag).t.announce(wordsFor(this.#tag).money(result.total_annual_cost)), 1200);
      // The estimate is on screen before the page hears of it, and before the ranking starts
      // (it fetches the other plans' files).
      await this.updateComplete;
      mark('first-estimate');
      if (this.#store.state.revision === revision) this.#emit(null);
    } catch (error) {
      this.#refused(error, revision);
      return;
    }
    // The ranking and the curves come after the estimate (they are longer), without holding it.
    // The curves follow (the chart and the printed proposal draw them): a few milliseconds in the Worker.
    this.#compareAsync(scenario, revision).then(() => this.#curvesNow());
  }

  async #compareAsync(scenario, revision) {
    try {
      const ids = await this.#idsToCompare(scenario.plan);
      if (ids.length < 2) return;
      await Promise.all(ids.map((id) => this.#planObject(id).catch(() => {})));
      // Asked only while this is still the current question (an older one, sent late, would
      // overtake the newer one on the channel).
      if (this.#store.state.revision !== revision) return;
      const comparison = await this.#client.compare(scenario, ids, `${this.#uid}:compare`);
      this.#store.dispatch('compared', revision, comparison);
    } catch {
      /* the estimate says what is wrong; a comparison shows only once it can be made */
    }
  }

  async #curvesNow() {
    const state = this.#store.state;
    const revision = state.revision;
    const scenario = this.#map.revision === revision ? this.#map.scenario : null;
    if (!scenario || !state.answer.result || state.answer.curvesFor === revision) return;
    try {
      const ids = await this.#idsToCompare(scenario.plan);
      if (this.#store.state.revision !== revision) return;
      const curves = await this.#client.curves(scenario, ids, `${this.#uid}:curves`);
      this.#store.dispatch('curved', revision, curves);
    } catch {
      /* no curves: the chart says so */
    }
  }

  /** An engine error: at its field, or (the input's fault but no field) for the whole form, or a failure. */
  #refused(error, revision) {
    if (error instanceof StaleAnswer) return;
    const engine = error instanceof EngineError ? error : new EngineError({ message: String(error?.message ?? error), code: 'engine_failure' });
    if (engine.code === 'engine_failure') {
      this.#store.dispatch('failed', revision, { code: engine.code });
      this.#announce(wordsFor(this.#tag).t.answer.failed, 0);
      this.#emit(engine);
      return;
    }
    const field = fieldOf(engine, this.#map, this.#map.scenario);
    if (field === 'enrollment' && engine.code === 'household_size' && this.#store.state.enrollment && !this.#store.state.enrollmentWaits) {
      this.#store.dispatch('enrollmentWaits');
      return;
    }
    const errors = field ? { [field]: { code: engine.code } } : {};
    this.#store.dispatch('refused', revision, errors, field ? null : { code: engine.code, field: engine.field }, this.#panelsOf(field));
    const w = wordsFor(this.#tag);
    this.#announce(field ? w.error(fieldKind(field), engine) : w.t.answer.stale, 600);
    this.#emit(engine);
  }

  /** The disclosures to open so that a field with an error is seen: its person's care and group,
   * or the prices. */
  #panelsOf(field) {
    if (!field) return [];
    const [kind, key] = field.split(':');
    if (kind === 'price') return ['prices'];
    const use = this.#store.state.care.find((u) => u.key === key);
    if (!use || !['count', 'days', 'supply', 'billed'].includes(kind)) return [];
    const group = this.#data.services.byId.get(use.service)?.group;
    return [`${use.person}:care`, ...(group ? [`${use.person}:${group}`] : [])];
  }

  #emit(error) {
    const a = this.#store.state.answer;
    this.dispatchEvent(
      new CustomEvent('estimate-change', {
        bubbles: true,
        composed: true,
        detail: { result: a.result, scenario: this.#map.scenario, stale: a.outcome !== 'ok', error: error ? { code: error.code, field: error.field ?? null, path: error.path ?? [], params: error.params ?? {}, origin: error.origin ?? null, message: error.message } : null },
      }),
    );
  }

  #announce(text, delay) {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      this.#announcement = text;
      this.requestUpdate();
    }, delay);
  }

  // ---- the URL ---------------------------------------------------------------------------

  #urlPrefix() {
    return this.hasAttribute('url-state') ? (this.getAttribute('url-state') ?? '').trim() : null;
  }

  #scheduleHash() {
    const prefix = this.#urlPrefix();
    if (prefix === null || !this.#userChanged) return;
    clearTimeout(this.#hashTimer);
    this.#hashTimer = setTimeout(() => this.#writeHash(), 250);
  }

  #writeHash() {
    const prefix = this.#urlPrefix();
    const hash = encodeState(location.hash, this.#store.state, prefix ?? '');
    if (hash !== location.hash) history.replaceState(history.state, '', hash);
  }

  #readHash() {
    const prefix = this.#urlPrefix();
    if (prefix === null || !this.#data) return;
    const state = decodeState(location.hash, prefix);
    if (!state || !this.#offered().some((p) => p.id === state.plan)) return;
    if (encodeState('', state, prefix) === encodeState('', this.#store.state, prefix)) return;
    this.#store.dispatch('load', state);
  }

  // ---- actions with data ---------------------------------------------------------------------

  #choosePlan(id) {
    const summary = this.#offered().find((p) => p.id === id);
    this.#store.dispatch('choosePlan', id, summary);
  }

  #applyContributionAttribute(initial = false) {
    const raw = (this.employerContribution ?? this.getAttribute('employer-contribution') ?? '').trim();
    if (!raw) return;
    if (initial && this.#store.state.contribution.kind) return; // a shared link's own wins
    const percent = /%$/.test(raw);
    this.#store.dispatch('setContribution', percent ? 'percent' : 'amount', raw.replace(/%$/, '').trim());
  }

  #presetList(w) {
    const presets = this.#data?.presets?.value?.presets ?? {};
    return Object.entries(presets).map(([id, p]) => ({ id, label: w.text(p.label), illustrative: Boolean(p.illustrative) }));
  }

  #applyPreset(person, presetId) {
    const preset = this.#data.presets?.value?.presets?.[presetId];
    if (!preset) return;
    const offered = this.#plan ? new Set(Object.keys(this.#plan.services)) : null;
    this.#store.dispatch('applyPreset', person, presetId, preset, this.#data.services.units, offered);
  }

  #example(confirmed) {
    const state = this.#store.state;
    const empty = state.people.length === 1 && state.care.length === 0;
    if (!confirmed && !empty) {
      this.#ui = { ...this.#ui, confirmExample: true };
      this.requestUpdate();
      return;
    }
    this.#ui = { ...this.#ui, confirmExample: false };
    const presets = this.#data.presets?.value?.presets ?? {};
    const medicare = Boolean(this.#plan?.part_d_out_of_pocket_max);
    const people = medicare
      ? [{ key: 'you', role: 'you', age: '68', medicare: '' }, { key: 'spouse', role: 'spouse', age: '66', medicare: '' }]
      : [{ key: 'you', role: 'you', age: '38', medicare: '' }, { key: 'child-1', role: 'child', age: '7', medicare: '' }];
    const second = people[1].key;
    let next = initialState();
    next = { ...next, people, care: [] };
    next = actions.applyPreset(next, 'you', 'medium', presets.medium, this.#data.services.units, new Set(Object.keys(this.#plan?.services ?? {})));
    next = actions.applyPreset(next, second, 'low', presets.low, this.#data.services.units, new Set(Object.keys(this.#plan?.services ?? {})));
    this.#store.dispatch('replaceHousehold', people, next.care.map(({ key, ...u }) => u));
  }

  // ---- hand-off ----------------------------------------------------------------------------

  #copied() {
    this.#ui = { ...this.#ui, copied: true };
    this.requestUpdate();
    setTimeout(() => {
      this.#ui = { ...this.#ui, copied: false };
      this.requestUpdate();
    }, 4000);
  }

  async #copyLink() {
    this.#userChanged = true;
    this.#writeHash();
    await navigator.clipboard?.writeText(location.href).catch(() => {});
    this.#copied();
  }

  async #copySummary() {
    await navigator.clipboard?.writeText(this.summaryText()).catch(() => {});
    this.#copied();
  }

  /**
   * The estimate (and the ranking) as plain text, in the element's language.
   * @returns {string}
   */
  summaryText() {
    const vm = this.#viewModel();
    const { w, state } = vm;
    const a = state.answer;
    if (!a.result) return '';
    const t = w.t.print;
    const lines = [vm.comparing ? t.titleCompare : t.title, t.program(vm.planSummary?.issuer ?? '', vm.planSummary?.program ?? '', vm.planSummary?.year ?? ''), t.date(vm.today()), ''];
    for (const p of state.people) lines.push(`${vm.personName(p.key)} (${t.age(p.age)}): ${vm.careInWords(p.key)}`);
    lines.push(vm.householdLine(a.result), '');
    const options = vm.comparing && a.comparison ? a.comparison.options : [{ plan: a.result.plan, rank: 1, estimate: a.result }];
    for (const o of options) {
      if (!o.estimate) continue;
      lines.push(
        `${o.rank}. ${vm.planNames(o.plan).short}: ${w.money(o.estimate.total_annual_cost)} (${t.premium} ${w.money(o.estimate.premium_annual)}, ${t.care} ${w.money(o.estimate.member_pays_total)})${o.worst_case ? `; ${t.worst} ${w.money(o.worst_case.total)}` : ''}`,
      );
    }
    lines.push('', t.note);
    return lines.join('\n');
  }

  // ---- the agent -----------------------------------------------------------------------------

  /** The agent named by the broker-* attributes (each trimmed and shortened), or null. */
  #broker() {
    const clean = (v) => String(v ?? '').replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 120);
    const broker = { name: clean(this.brokerName), id: clean(this.brokerId), phone: clean(this.brokerPhone), email: clean(this.brokerEmail) };
    return broker.name || broker.id || broker.phone || broker.email ? broker : null;
  }

  /** "Send to my agent": first a confirmation that says what goes where; nothing leaves the
   * element until the visitor confirms, and then only as an event to the host page. */
  async #share(step) {
    const returnFocus = step === 'cancel' ? '[data-share="open"]' : step === 'open' ? '[data-share="confirm"]' : '[data-share-status]';
    if (step === 'open') this.#ui = { ...this.#ui, share: 'confirming' };
    if (step === 'cancel') this.#ui = { ...this.#ui, share: 'closed' };
    if (step === 'confirm') {
      const state = this.#store.state;
      const result = state.answer.result;
      if (!result) return;
      /** @type {EstimateShareDetail} */
      const detail = {
        scenario: this.scenario,
        result,
        comparison: state.answer.comparison && state.answer.comparedFor === state.revision ? state.answer.comparison : null,
        stale: state.answer.outcome !== 'ok',
        broker: this.#broker(),
        lang: wordsFor(this.#tag).lang === 'es' ? 'es' : 'en',
      };
      this.dispatchEvent(new CustomEvent('estimate-share', { detail, bubbles: true, composed: true }));
      this.#ui = { ...this.#ui, share: 'sent', sharedAt: new Date().toLocaleTimeString(wordsFor(this.#tag).locale, { hour: 'numeric', minute: '2-digit' }) };
    }
    this.requestUpdate();
    await this.updateComplete;
    focusOn(this.renderRoot, returnFocus);
  }

  // ---- the view model ------------------------------------------------------------------------

  #viewModel() {
    const state = this.#store.state;
    const w = wordsFor(this.#tag);
    const data = this.#data;
    const dispatch = (name, ...args) => this.#store.dispatch(name, ...args);
    const plan = this.#planFor === state.plan ? this.#plan : null;
    const offered = this.#offered();
    const summary = offered.find((p) => p.id === state.plan) ?? plan;
    const services = data?.services.byId ?? new Map();
    const groups = (data?.services.value.groups ?? []).map((g) => ({
      id: g.id,
      label: g.label,
      services: data.services.value.services.filter((s) => s.group === g.id && (!plan || plan.services[s.id])),
    })).filter((g) => g.services.length);
    const medicarePlan = Boolean(plan?.enrollment_types?.includes('per_member'));
    const planNames = (id) => {
      const p = offered.find((q) => q.id === id) ?? this.#extra.find((q) => q.id === id);
      const es = w.lang === 'es' ? p?.es : null;
      return { short: es?.short_name ?? p?.short_name ?? id, name: es?.name ?? p?.name ?? id };
    };
    const vm = {
      w,
      state,
      // The form is drawn once, with the first answer (an answer of the engine's has a revision;
      // drawing the form first, then the answer, costs a second layout on the way to the first
      // estimate); a slow engine shows it without.
      ready: Boolean(data) && state.plan !== '' && this.#plan !== null && (state.answer.revision !== 0 || this.#waited),
      loadError: this.#loadError,
      id: (...parts) => [this.#uid, ...parts].join('-').replace(/[^A-Za-z0-9_-]/g, '_'),
      width: this.#width,
      plan,
      planLoading: this.#planLoading,
      planSummary: summary,
      printable: this.#printable,
      offered,
      unknownIds: this.#unknownIds(),
      services,
      groups,
      medicarePlan,
      presets: data ? this.#presetList(w) : [],
      typicalPrices: data?.prices.value.prices ?? {},
      channels: ['retail', ...['mail', 'community'].filter((c) => plan?.drug_supply?.[c])],
      comparing: this.#compareIds.length > 1 && this.#compareFor.startsWith(`${state.plan}|`),
      urlState: this.#urlPrefix() !== null,
      copied: this.#ui.copied,
      confirmExample: this.#ui.confirmExample,
      broker: this.#broker(),
      planById: (id) => this.#plansRead.get(id) ?? null,
      share: this.#ui.share,
      sharedAt: this.#ui.sharedAt,
      contributionShown: true,
      announcement: this.#announcement,
      planNames,
      programName: (p) => (p?.name?.includes(' — ') ? p.name.split(' — ')[0] : `${p?.program ?? ''} ${p?.year ?? ''}`.trim()),
      serviceName: (id) => w.text(services.get(id)?.label) || id,
      personName: (key) => personName(state, key, w.t),
      presetName: (id) => w.text(data?.presets?.value?.presets?.[id]?.label) || id,
      error: (fieldKey) => shownError(state, fieldKey),
      documentLink: (file, line) => `${documentPage()}?file=${encodeURIComponent(file)}&line=${encodeURIComponent(line)}${w.lang === 'es' ? '&lang=es' : ''}#L${encodeURIComponent(line)}`,
      today: () => today(w.locale),
      householdLine: (result) => {
        const people = result.members.map((m) => w.t.details.personAge(personName(state, m.id, w.t), m.age)).join(', ');
        return `${people} · ${w.t.enrollment[result.enrollment] ?? result.enrollment} · ${w.t.pay[result.pay_schedule] ?? result.pay_schedule}`;
      },
      careInWords: (key) => {
        const parts = [];
        for (const u of state.care) {
          if (u.person !== key || (plan && !plan.services[u.service])) continue;
          const label = w.text(services.get(u.service)?.label) || u.service;
          if (u.often) {
            const f = drugFills(u);
            parts.push(`${label}: ${w.t.drugs.inWords(f.count, f.supply, w.t.drugs.channels[u.channel || 'retail'])}`);
          } else if (isPositiveWhole(typedWhole(u.count))) {
            parts.push(`${label} × ${u.count}`);
          }
        }
        return parts.length ? parts.join('; ') : w.t.print.noCare;
      },
      engineAssumptions: (result) => (result?.assumptions ?? []).map((a) => w.t.assumption(a, personName(state, a.member, w.t))),
      medicareWarning: (person) => {
        // A Medicare Advantage plan's members must have Part B: before 65 that is rare (disability
        // or kidney failure), so an age under 65 is said to be unlikely rather than priced quietly.
        const age = typedWhole(person.age);
        if (!plan?.medicare?.requires_part_b || typeof age !== 'number' || age >= 65 || ['none', 'part_a_only'].includes(person.medicare)) return '';
        return html`<p class="ce-notice" data-medicare-warning=${person.key}>${w.t.people.under65(personName(state, person.key, w.t), age)}</p>`;
      },
      on: {
        choosePlan: (id) => this.#choosePlan(id),
        setEnrollment: (v) => dispatch('setEnrollment', v),
        setPay: (v) => dispatch('setPay', v),
        setContribution: (kind, v) => dispatch('setContribution', kind, v),
        setTaxRate: (v) => dispatch('setTaxRate', v),
        addPerson: async (role) => {
          dispatch('addPerson', role);
          await this.updateComplete;
          const added = this.#store.state.people.filter((p) => p.role === role).at(-1);
          focusOn(this.renderRoot, `[data-key="age:${added?.key}"]`);
        },
        removePerson: async (key) => {
          dispatch('removePerson', key);
          await this.updateComplete;
          focusOn(this.renderRoot, '[data-add="child"], [data-add="spouse"]');
        },
        setPersonField: (key, field, value) => dispatch('setPersonField', key, field, value),
        touch: (fieldKey) => dispatch('touch', fieldKey),
        setCount: (person, service, value, unit) => dispatch('setCount', person, service, value, unit),
        setUseField: (key, field, value) => dispatch('setUseField', key, field, value),
        addDrug: async (person) => {
          dispatch('addDrug', person);
          await this.updateComplete;
          const use = this.#store.state.care.filter((u) => u.person === person && u.often).at(-1);
          focusOn(this.renderRoot, `[data-key="service:${use?.key}"]`);
        },
        removeUse: (key) => dispatch('removeUse', key),
        applyPreset: (person, id) => this.#applyPreset(person, id),
        example: (confirmed) => this.#example(confirmed),
        exampleCancel: () => {
          this.#ui = { ...this.#ui, confirmExample: false };
          this.requestUpdate();
        },
        undo: () => dispatch('undo'),
        setPrice: (service, v) => dispatch('setPrice', service, v),
        resetPrice: (service) => dispatch('resetPrice', service),
        toggle: (panel, open) => dispatch('toggle', panel, open),
        retry: () => {
          this.#asked = 0;
          this.#estimateNow();
        },
        // (a fresh engine after a failure: the client restarted it)
        print: () => window.print(),
        share: (step) => this.#share(step),
        copyLink: () => this.#copyLink(),
        copySummary: () => this.#copySummary(),
        skipToAnswer: (e) => {
          e.preventDefault();
          focusOn(this.renderRoot, '.ce-answer');
        },
      },
    };
    return vm;
  }
}

const marked = new Set();

/** How long the form waits for the engine's first answer before it is drawn without it. */
const FORM_WAITS_MS = 400;

let documentHref = '';
/** The document viewer's address (the page's own, beside the element's script). */
function documentPage() {
  return (documentHref ||= siteUrl('document.html').href);
}

const todays = new Map(); // "locale day" → the date in words (formatting it costs ~10 ms at 4x CPU)
/** Today's date in words, in `locale`. */
function today(locale) {
  const now = new Date();
  const key = `${locale} ${now.getFullYear()}-${now.getMonth()}-${now.getDate()}`;
  if (!todays.has(key)) todays.set(key, now.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' }));
  return todays.get(key);
}

/** A user-timing mark, `cost-estimator:<name>`, made once per page (the first time only). */
function mark(name) {
  if (marked.has(name) || !globalThis.performance?.mark) return;
  marked.add(name);
  performance.mark(`cost-estimator:${name}`);
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
  // An element is coming: fetch the engine while the page goes on parsing.
  fetchEngine().catch(() => {});
  try {
    registry.define(name, class extends CostEstimator {});
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error;
  }
  return registry.get(name);
}

