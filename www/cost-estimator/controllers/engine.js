// The element's conversation with the engine, as a Lit ReactiveController: it loads the data and
// the chosen plan's file, asks the engine about every new revision of the state (the estimate,
// then the ranking, then the curves), puts each answer (or the refusal, at its field) into the
// store, and keeps what it has read (the data files, the plans' files, the plans added to this
// element). It answers the element's API calls through the same client.
import { EngineError, StaleAnswer, engineClient } from '../engine-client.js';
import { defaultDataBase } from '../data.js';
import { wordsFor } from '../i18n/index.js';
import { emptyRequired } from '../state/store.js';
import { fieldKind, fieldOf, toScenario } from '../state/scenario.js';

/** How long the form waits for the engine's first answer before it is drawn without it. */
const FORM_WAITS_MS = 400;

const marked = new Set();
/** A user-timing mark, `cost-estimator:<name>`, made once per page (the first time only). */
function mark(name) {
  if (marked.has(name) || !globalThis.performance?.mark) return;
  marked.add(name);
  performance.mark(`cost-estimator:${name}`);
}

export class EngineController {
  #client = null;
  #own = false; // this element has added plans: its engine is its own
  #asked = 0;
  #asking = Promise.resolve();
  #announceTimer = 0;
  /** The scenario last asked about, and which person and use each of its entries is. */
  #map = { uses: [], people: [], scenario: null, revision: 0 };
  /** The data files as read, or null before they are in. */
  data = null;
  /** The chosen plan's view (the engine's `planView`: the page reads no plan file), and the id
   * it is for. */
  plan = null;
  planFor = '';
  /** The views of the plans added with addPlan(). */
  extra = [];
  /** Plan views read, by id (the proposal sets their key benefits side by side). */
  plansRead = new Map();

  /**
   * `options`: store, uid, base() (the data folder), plansAttribute() (the `plans` attribute),
   * planAttribute() (the `plan` attribute), initial(known) (a link's partial state, or null),
   * loaded() (after the first state is in the store), opened() (after the first estimate is
   * shown), emitChange(error, scenario) (the scenario asked about), tag() (the language tag),
   * spoken() (the live region's words for the answer on screen).
   * fellBack(code) (the engine fell back: `engine_in_page`, `engine_javascript`).
   */
  constructor(host, options) {
    this.host = host;
    this.options = options;
    this.store = options.store;
    host.addController(this);
    this.store.subscribe((state, before) => {
      if (!this.data) return;
      if (state.revision !== before.revision) this.estimateNow();
      else if (state.open.chart && !before.open.chart) this.curvesNow();
    });
  }

  hostDisconnected() {
    clearTimeout(this.#announceTimer);
  }

  /** The engine client, with the data files in (not waiting for the page to draw): the API's
   * calls work on an element that is not (or no longer) in the page. */
  async client() {
    if (!this.#client) this.#use(engineClient(this.options.base()));
    this.data ??= await this.#client.start();
    return this.#client;
  }

  /** Talks to `client` from now on, and hears each way its engine fell back. */
  #use(client) {
    this.#client = client;
    client.onFallback((code) => this.options.fellBack?.(code));
  }

  /** Loading failed (a file that did not arrive, an engine that could not start): the client
   * starts again on the next call. */
  reload() {
    this.#client?.retry();
  }

  /** The first state: the data, then a shared link's state or the attributes'. Rejects with why
   * the element cannot load. */
  async loadState() {
    mark('start');
    const client = await this.client();
    mark('data');
    client.ready().then(() => mark('engine'), () => {});
    const offered = this.offered();
    if (offered.length === 0) throw new Error(wordsFor(this.options.tag()).t.noPlans);
    const wanted = this.options.planAttribute();
    const plan = offered.some((p) => p.id === wanted) ? wanted : offered[0].id;
    const fromUrl = this.options.initial({ plans: new Map(offered.map((p) => [p.id, p])), fallback: plan, services: this.data.services.units });
    if (fromUrl) this.store.dispatch('load', fromUrl);
    else this.store.dispatch('load', { plan, people: [{ key: 'you', role: 'you', age: '40', medicare: '' }], care: [], prices: {}, open: this.store.state.open });
    this.options.loaded();
  }

  /** After loadState(): the chosen plan and the first estimate, drawn (in the page). */
  async load() {
    const client = this.#client;
    const offered = this.offered();
    await this.ensurePlan();
    mark('plan');
    // The ranking's plans and ids asked now, beside the estimate rather than after it: a page
    // whose HTML carries the first view keeps it until both are in (element.js).
    this.idsToCompare(this.store.state.plan).catch(() => {});
    setTimeout(() => this.store.dispatch('formWaited'), FORM_WAITS_MS);
    await this.estimateNow();
    await this.host.updateComplete;
    // An engine that could not start is the page's failure to load, not this estimate's.
    await client.ready();
    this.options.opened();
    // The other plans the page may switch to or compare, for no wait later.
    setTimeout(() => offered.forEach((p) => this.planObject(p.id).catch(() => {})), 0);
  }

  #wanted() {
    return (this.options.plansAttribute() ?? '').split(/\s+/).filter(Boolean);
  }

  /** The plans this element offers: the `plans` attribute's (known ones), else the catalog's, plus added ones. */
  offered() {
    if (!this.data) return [];
    const all = this.data.catalog.plans;
    const wanted = this.#wanted();
    const list = wanted.length ? wanted.map((id) => all.find((p) => p.id === id)).filter(Boolean) : [...all];
    for (const p of this.extra) if (!list.some((q) => q.id === p.id)) list.push(p);
    return list;
  }

  /** Ids of the `plans` attribute that are neither in the catalog nor added. */
  unknownIds() {
    if (!this.data) return [];
    return this.#wanted().filter((id) => !this.data.catalog.plans.some((p) => p.id === id) && !this.extra.some((p) => p.id === id));
  }

  /** The chosen plan's file as read, or null while another's is current. */
  currentPlan() {
    return this.planFor === this.store.state.plan ? this.plan : null;
  }

  /** What the view model reads of the engine's side (view-model.js's arguments): the element's
   * view and the first view prerendered at build time take them from here alike. */
  viewInputs() {
    return { data: this.data, plan: this.currentPlan(), planRead: this.plan !== null, offered: this.offered(), extra: this.extra, unknownIds: this.unknownIds(), plansRead: this.plansRead };
  }

  async ensurePlan() {
    const id = this.store.state.plan;
    if (this.planFor === id && this.plan) return this.plan;
    this.store.dispatch('planLoading', true);
    try {
      // The engine's view of the plan: drawn once the engine has read its file.
      const plan = await this.planObject(id);
      if (this.store.state.plan === id) {
        this.plan = plan;
        this.planFor = id;
      }
      return plan;
    } finally {
      this.store.dispatch('planLoading', false);
    }
  }

  /** Plan `id`'s view, once the engine has accepted its file. */
  async planObject(id) {
    const client = await this.client();
    const plan = await client.plan(id);
    if (!this.plansRead.has(id)) {
      this.plansRead.set(id, plan);
      this.host.requestUpdate();
    }
    return plan;
  }

  /** The plans the answer ranks for `planId`: the `plans` attribute's when it lists two or more,
   * else the options of the plan's group offer (the engine's rule). */
  async idsToCompare(planId) {
    const key = `${planId}|${this.options.plansAttribute() ?? ''}|${this.extra.map((p) => p.id).join(',')}`;
    const { ranking } = this.store.state;
    if (ranking.key === key) return ranking.ids;
    const offered = this.offered();
    const listed = offered.map((p) => p.id);
    const given = Boolean((this.options.plansAttribute() ?? '').trim()) || this.extra.length > 0;
    // The engine knows a plan's siblings only once their files are in it. Its siblings are the
    // options of the same group offer (src/plan.rs, `is_sibling_of`), which the catalog says of
    // each plan: only their files are needed (not every document's).
    const offerOf = (p) => p?.offer?.id ?? p?.offer;
    const anchor = offered.find((p) => p.id === planId);
    const needed = given || !offerOf(anchor) ? listed : offered.filter((p) => offerOf(p) === offerOf(anchor)).map((p) => p.id);
    await Promise.all(needed.map((id) => this.planObject(id).catch(() => {})));
    const ids = await (await this.client()).optionsFor(planId, given ? listed : null);
    this.store.dispatch('ranked', key, ids);
    return ids;
  }

  /** Another plan option chosen (the picker, the `plan` attribute). */
  choosePlan(id) {
    this.store.dispatch('choosePlan', id, this.plansRead.get(id) ?? null);
  }

  /** The ranking is asked again (the `plans` attribute or the added plans changed). */
  rankAgain() {
    this.store.dispatch('ranked', '', []);
  }

  /** Asks again after a failure (the client has started a fresh engine). */
  retry() {
    this.#asked = 0;
    this.estimateNow();
  }

  // ---- asking about the state ------------------------------------------------------------------

  /** Asks the engine about the current revision (once): the estimate, then the ranking, then
   * the curves. Resolves when the estimate (or the reason there is none) is shown. */
  estimateNow() {
    const revision = this.store.state.revision;
    if (revision !== this.#asked) {
      this.#asked = revision;
      this.#asking = this.#ask(revision);
    }
    return this.#asking;
  }

  async #ask(revision) {
    const { store } = this;
    let plan;
    try {
      plan = await this.ensurePlan();
    } catch (error) {
      return store.dispatch('failed', revision, { code: error?.code ?? 'engine_failure' });
    }
    if (store.state.revision !== revision) return;
    const { scenario, uses, people } = toScenario(store.state, plan, this.data.services.units);
    this.#map = { uses, people, scenario, revision };
    if (emptyRequired(store.state).length) {
      store.dispatch('incomplete', revision);
      this.options.emitChange(null, scenario);
      return;
    }
    store.dispatch('working');
    // The ranking is asked now too, sent right behind the estimate (the engine answers in
    // order, the estimate first): it comes a moment after the estimate, not a round trip after
    // the estimate is drawn (a page whose HTML carries the first view waits for both: element.js).
    const ranked = this.#compare(scenario, revision);
    let heard;
    try {
      const result = await this.#client.estimate(scenario, `${this.options.uid}:estimate`);
      store.dispatch('estimated', revision, result);
      heard = Date.now();
      // The estimate is on screen before the page hears of it.
      await this.host.updateComplete;
      mark('first-estimate');
      if (store.state.revision === revision) this.options.emitChange(null, scenario);
    } catch (error) {
      this.#refused(error, revision);
      return;
    }
    // The ranking and the curves come after the estimate (they are longer), without holding it.
    // The live region speaks once the ranking is in (the option, its total, whether it is the
    // cheapest), a moment after the estimate so that typing is not read out key by key.
    ranked.then(() => {
      if (store.state.revision === revision) this.#announce(this.options.spoken(), Math.max(0, 1200 - (Date.now() - heard)));
      this.curvesNow();
    });
  }

  async #compare(scenario, revision) {
    try {
      const ids = await this.idsToCompare(scenario.plan);
      if (ids.length < 2) return;
      await Promise.all(ids.map((id) => this.planObject(id).catch(() => {})));
      // Asked only while this is still the current question (an older one, sent late, would
      // overtake the newer one on the channel).
      if (this.store.state.revision !== revision) return;
      const comparison = await this.#client.compare(scenario, ids, `${this.options.uid}:compare`);
      this.store.dispatch('compared', revision, comparison);
    } catch {
      /* the estimate says what is wrong; a comparison shows only once it can be made */
    }
  }

  /** The cost curves (the chart and the printed proposal draw them), for the current revision. */
  async curvesNow() {
    const state = this.store.state;
    const revision = state.revision;
    const scenario = this.#map.revision === revision ? this.#map.scenario : null;
    if (!scenario || !state.answer.result || state.answer.curvesFor === revision) return;
    try {
      const ids = await this.idsToCompare(scenario.plan);
      if (this.store.state.revision !== revision) return;
      const curves = await this.#client.curves(scenario, ids, `${this.options.uid}:curves`);
      this.store.dispatch('curved', revision, curves);
    } catch {
      /* no curves: the chart says so */
    }
  }

  /** An engine error: at its field, or (the input's fault but no field) for the whole form, or a failure. */
  #refused(error, revision) {
    if (error instanceof StaleAnswer) return;
    const { store } = this;
    const engine = error instanceof EngineError ? error : new EngineError({ message: String(error?.message ?? error), code: 'engine_failure' });
    const w = wordsFor(this.options.tag());
    if (engine.code === 'engine_failure') {
      store.dispatch('failed', revision, { code: engine.code });
      this.#announce(w.t.answer.failed, 0);
      this.options.emitChange(engine, this.#map.scenario);
      return;
    }
    const field = fieldOf(engine, this.#map, this.#map.scenario);
    if (field === 'enrollment' && engine.code === 'household_size' && store.state.enrollment && !store.state.enrollmentWaits) {
      store.dispatch('enrollmentWaits');
      return;
    }
    const errors = field ? { [field]: { code: engine.code } } : {};
    store.dispatch('refused', revision, errors, field ? null : { code: engine.code, field: engine.field }, this.#panelsOf(field));
    this.#announce(field ? w.error(fieldKind(field), engine) : w.t.answer.stale, 600);
    this.options.emitChange(engine, this.#map.scenario);
  }

  /** The disclosures to open so that a field with an error is seen: its person's care and group,
   * or the prices. */
  #panelsOf(field) {
    if (!field) return [];
    const [kind, key] = field.split(':');
    if (kind === 'price') return ['prices'];
    const use = this.store.state.care.find((u) => u.key === key);
    if (!use || !['count', 'days', 'supply', 'billed'].includes(kind)) return [];
    const group = this.data.services.byId.get(use.service)?.group;
    return [`${use.person}:care`, ...(group ? [`${use.person}:${group}`] : [])];
  }

  #announce(text, delay) {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => this.store.dispatch('announce', text), delay);
  }

  // ---- the API ---------------------------------------------------------------------------------

  /** The engine's estimate of any scenario (the plan's file sent to the engine first). */
  async estimate(scenario) {
    const client = await this.client();
    if (typeof scenario?.plan === 'string') await client.plan(scenario.plan).catch(() => {});
    return client.estimate(scenario);
  }

  async compare(scenario, plans) {
    const client = await this.client();
    const ids = plans ?? (await this.idsToCompare(scenario?.plan));
    await Promise.all((Array.isArray(ids) ? ids : []).map((id) => client.plan(id).catch(() => {})));
    return client.compare(scenario, ids);
  }

  /** Adds a plan to this element only: the first one gives the element an engine of its own, so
   * another element neither prices it nor is refused its own plan of the same id. */
  async addPlan(plan) {
    await this.client();
    if (!this.#own) {
      this.#own = true;
      this.#use(engineClient(this.options.base(), this.options.uid));
      await this.#client.start();
    }
    const text = typeof plan === 'string' ? plan : JSON.stringify(plan);
    const id = await this.#client.addPlan(`added plan ${this.extra.length + 1}`, text);
    const object = await this.#client.plan(id);
    this.extra = [...this.extra.filter((p) => p.id !== id), object];
    this.rankAgain();
    return id;
  }
}

/** The data folder: the element's data-base attribute, resolved against its page, else the
 * folder beside the script. */
export function dataBase(element) {
  const given = element.getAttribute('data-base');
  if (!given) return defaultDataBase();
  const base = new URL(given, element.ownerDocument.baseURI);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base;
}
