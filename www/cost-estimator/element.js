// <cost-estimator>: choose a plan option, the people covered and their care; see the year's cost,
// worked out by the engine (WebAssembly) in the browser. Nothing is sent anywhere.
//
// Attributes: plans (space-separated plan ids to offer), plan (preselected), lang, data-base
// (the folder holding catalog.json; default: data/ beside this script), url-state (keep the
// state in the URL fragment; a value is used as a key prefix).
// Properties and methods: estimate(scenario) → Promise<result> (the CLI's result object),
// ready (Promise), result, scenario (get/set), addPlan(plan) → Promise<id>,
// compare(scenario, plans?) → Promise<the engine's comparison>.
// Event: "estimate-change" (bubbles, composed) with detail { result, scenario, stale, error }.
//
// Rendering: plan and user text only ever reach the page as text nodes (dom.js); all money is
// the engine's decimal strings, formatted with Intl.NumberFormat, never added up here.
import { h } from './dom.js';
import {
  careLegend,
  fillPriceMeta,
  fillRowMore,
  renderCareCard,
  renderPeopleCard,
  renderPlanCard,
  renderPriceRow,
  renderPricesCard,
  renderTotalBar,
  servicesByGroup,
} from './fields.js';
import { GROUPS, wordsFor } from './i18n.js';
import { renderCompare } from './compare.js';
import { outOfNetworkTier, renderResults } from './results.js';
import { defaultDataBase, discardRuntime, inputError, loadData, runtime } from './runtime.js';
import { decodeState, encodeState, typedMoney, typedNumber } from './state.js';
import { styleSheet } from './styles.js';

const MAX_PEOPLE = 20;
const DEFAULT_AGE = '40';
let serial = 0;

export class CostEstimator extends HTMLElement {
  static observedAttributes = ['plans', 'plan', 'lang', 'data-base', 'url-state'];

  #uid = `ce${++serial}`;
  #shadow;
  #wrap;
  #words = wordsFor('en');
  #langTagSeen = '';
  #started = false;
  #loaded = false;
  #data = null;
  #engines = null; // { generation, pristine, ui (or null), uiPrices, priced (the last estimate's), make() }
  #extraPlans = []; // plans added with addPlan(): [{ origin, text, id }]
  // Catalog plans in the engine, by id: { origin, text, plan (the engine's object) }. A plan
  // file is fetched when first needed (the chosen plan before the first estimate, the others
  // just after it), so the first estimate waits for one plan, not ten.
  #loadedPlans = new Map();
  #planLoads = new Map(); // plan id → Promise of its loading
  #plansById = new Map(); // every offered plan: the engine's object if loaded, else the catalog's entry
  #priceTable = null;
  #offered = [];
  #unknownIds = [];
  #state = null;
  #result = null;
  #resultScenario = null;
  #outcome = 'none'; // none | ok | stale | loading (a plan's file) | failed
  #seq = 0;
  #openGroups = new Set();
  #presets = null; // the usage presets, if the data has them
  #appliedPresets = new Map(); // person id → the preset last applied
  #workedOpen = false;
  #nextPerson = 2;
  #ready;
  #resolveReady;
  #rejectReady;
  #langObserver = null;
  #hashTimer = 0;
  #announceTimer = 0;
  #userChanged = false;
  #els = {};
  #onHashChange = () => this.#readHash();
  #compareOpen = false;
  #compareData = null; // { compare, curves, curvesError, key } for the last scenario compared
  #compareTimer = 0;
  #comparePending = false;

  constructor() {
    super();
    this.#ready = new Promise((resolve, reject) => {
      this.#resolveReady = resolve;
      this.#rejectReady = reject;
    });
    this.#ready.catch(() => {}); // a load failure is shown in the element; callers of ready see it too
    this.#shadow = this.attachShadow({ mode: 'open' });
    this.#shadow.adoptedStyleSheets = [styleSheet()];
    this.#wrap = h('div', { class: 'ce', part: 'base' });
    this.#shadow.append(this.#wrap);
  }

  // ---- public API --------------------------------------------------------------------------

  /**
   * Resolves when the engine is running and the first estimate is shown (the other plan files
   * may still be arriving: estimate() and compare() wait for the plans they need).
   */
  get ready() {
    this.#start();
    return this.#ready;
  }

  /** The last estimate shown (the engine's result object), or null. */
  get result() {
    return this.#result;
  }

  /** Estimates any scenario with the built-in typical prices: the same result as the CLI. */
  async estimate(scenario) {
    this.#start();
    await this.#ready;
    await this.#ensurePlans([scenario?.plan]).catch(() => {}); // an unknown plan: the engine says so
    const engines = await this.#ensureEngines();
    try {
      return engines.pristine.estimate(scenario);
    } catch (error) {
      if (!inputError(error)) discardRuntime(engines.generation);
      throw error;
    }
  }

  /**
   * The scenario priced under several options (default: the options this element offers for
   * the scenario's plan), with the built-in typical prices: the engine's comparison, cheapest first.
   */
  async compare(scenario, plans) {
    this.#start();
    await this.#ready;
    const engines = await this.#ensureEngines();
    const ids = plans ?? this.#compareIds(scenario?.plan);
    await this.#ensurePlans(Array.isArray(ids) ? ids : []).catch(() => {});
    try {
      return engines.pristine.compare(scenario, ids);
    } catch (error) {
      if (!inputError(error)) discardRuntime(engines.generation);
      throw error;
    }
  }

  /** The options to compare with `planId`: the `plans` list, else the same issuer, program and year. */
  #compareIds(planId) {
    const chosen = this.#plansById.get(planId);
    let ids = this.#offered;
    if (!(this.getAttribute('plans') ?? '').trim() && chosen) {
      ids = this.#offered.filter((id) => {
        const p = this.#plansById.get(id);
        return p.issuer === chosen.issuer && p.program === chosen.program && p.year === chosen.year;
      });
    }
    if (planId && !ids.includes(planId) && this.#plansById.has(planId)) ids = [planId, ...ids];
    return ids;
  }

  /** Adds a plan (a plan file's object or JSON text) to this element; resolves to its id. */
  async addPlan(plan) {
    this.#start();
    await this.#ready;
    const text = typeof plan === 'string' ? plan : JSON.stringify(plan);
    const origin = `added plan ${this.#extraPlans.length + 1}`;
    const engines = await this.#ensureEngines();
    const id = engines.pristine.addPlan(origin, text);
    engines.ui?.addPlan(origin, text);
    this.#extraPlans.push({ origin, text, id });
    this.#refreshPlans();
    this.#renderAll();
    this.#update();
    return id;
  }

  /** The scenario the element's fields describe now (as sent to the engine). */
  get scenario() {
    return this.#state ? this.#buildScenario().scenario : null;
  }

  /** Shows a scenario in the fields (plan, enrollment, pay schedule, people, care). */
  set scenario(scenario) {
    this.#start();
    this.#ready.then(async () => {
      await this.#ensurePlans([scenario?.plan]);
      const plan = this.#plansById.get(scenario?.plan);
      if (!plan) return;
      const state = {
        plan: plan.id,
        enrollment: scenario.enrollment ?? '',
        pay: scenario.pay_schedule ?? '',
        people: (scenario.members ?? []).map((m) => ({
          id: String(m.id),
          age: m.age == null ? '' : String(m.age),
          relationship: m.relationship ?? '',
          medicare: m.medicare ?? '',
        })),
        uses: (scenario.services ?? []).map((s) => ({
          member: String(s.member),
          service: String(s.service),
          count: String(s.count ?? 1),
          days: s.days == null ? '' : String(s.days),
          supply: s.days_supply == null ? '' : String(s.days_supply),
          channel: s.channel ?? '',
          admitted: Boolean(s.admitted),
          oon: s.network === 'out_of_network',
          billed: s.billed ?? '',
        })),
        prices: {},
      };
      this.#adoptState(state);
      this.#userChanged = true;
      this.#renderAll();
      this.#update();
    });
  }

  // ---- lifecycle ---------------------------------------------------------------------------

  connectedCallback() {
    this.#start();
    if (!this.#langObserver) {
      this.#langObserver = new MutationObserver(() => this.#checkLang());
      this.#langObserver.observe(this.ownerDocument.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    if (this.hasAttribute('url-state')) window.addEventListener('hashchange', this.#onHashChange);
    this.#checkLang();
  }

  disconnectedCallback() {
    this.#langObserver?.disconnect();
    this.#langObserver = null;
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  attributeChangedCallback(name, oldValue, value) {
    if (oldValue === value) return;
    if (name === 'lang') return this.#checkLang();
    if (!this.#loaded) return;
    if (name === 'plans') {
      this.#refreshPlans();
      const plan = this.#offered.includes(this.#state.plan) ? this.#state.plan : this.#offered[0] ?? this.#state.plan;
      this.#withPlan(plan, () => {
        this.#state.plan = plan;
        this.#fixChoices();
        this.#renderAll();
        this.#update();
      });
    } else if (name === 'plan' && this.#offered.includes(value)) {
      this.#withPlan(value, () => {
        this.#state.plan = value;
        this.#fixChoices();
        this.#renderAll();
        this.#update();
      });
    }
  }

  #langTag() {
    const holder = this.closest('[lang]');
    return (holder?.getAttribute('lang') || this.ownerDocument.documentElement.getAttribute('lang') || 'en').trim();
  }

  #checkLang() {
    const tag = this.#langTag();
    if (tag === this.#langTagSeen) return;
    this.#langTagSeen = tag;
    this.#words = wordsFor(tag);
    this.#wrap.lang = this.#words.lang;
    if (this.#loaded) {
      this.#renderAll();
      this.#renderResults();
    } else if (!this.#data) {
      this.#renderLoading();
    }
  }

  // ---- loading -----------------------------------------------------------------------------

  #start() {
    if (this.#started) return;
    this.#started = true;
    this.#checkLang();
    this.#renderLoading();
    this.#load().then(
      () => this.#resolveReady(),
      (error) => {
        this.#wrap.replaceChildren(
          h('div', { class: 'ce-status', role: 'alert' }, h('p', { class: 'ce-notice is-error' }, this.#words.t.loadFailed(error.message))),
        );
        this.#rejectReady(error);
      },
    );
  }

  async #load() {
    const given = this.getAttribute('data-base');
    let base = defaultDataBase();
    if (given) {
      base = new URL(given, this.ownerDocument.baseURI);
      if (!base.pathname.endsWith('/')) base.pathname += '/';
    }
    // The engine is already loading (define() started it) while the data loads. The marks are
    // for `npm run bench`'s breakdown of the time to the first estimate.
    mark('start');
    this.#data = await loadData(base);
    // The engine checks these files (setPrices, setPresets); the page reads the parsed copies.
    this.#priceTable = this.#data.prices.table;
    this.#presets = this.#data.presets?.value ?? null;
    mark('catalog');
    await this.#ensureEngines();
    mark('engine');
    this.#refreshPlans();
    if (this.#offered.length === 0) throw new Error(this.#words.t.noPlans);
    await this.#ensurePlans([this.#initialPlanId()]);
    mark('plan');
    this.#state = this.#initialState();
    this.#loaded = true;
    this.#renderAll();
    mark('form');
    this.#update();
    // The other plans, for switching and comparing without a wait.
    setTimeout(() => this.#ensurePlans(this.#offered).catch(() => {}), 0);
  }

  /**
   * Fetches the plan files of `ids` that are not in the engine yet and adds them to every
   * engine. Rejects if one cannot be fetched or is not a valid plan file.
   */
  async #ensurePlans(ids) {
    const entries = this.#data?.plans ?? [];
    const wanted = ids.filter((id) => !this.#loadedPlans.has(id) && entries.some((p) => p.id === id));
    await Promise.all(wanted.map((id) => {
      if (!this.#planLoads.has(id)) {
        const load = (async () => {
          const text = await this.#data.planText(id);
          const engines = await this.#ensureEngines();
          if (this.#loadedPlans.has(id)) return; // engines made meanwhile include it
          const { origin } = entries.find((p) => p.id === id);
          engines.pristine.addPlan(origin, text);
          engines.ui?.addPlan(origin, text);
          this.#loadedPlans.set(id, { origin, text, plan: engines.pristine.plan(id) });
          if (this.#plansById.has(id)) this.#plansById.set(id, this.#loadedPlans.get(id).plan);
        })();
        load.catch(() => this.#planLoads.delete(id));
        this.#planLoads.set(id, load);
      }
      return this.#planLoads.get(id);
    }));
  }

  /** Whether plan `id` is in the engine (a catalog plan loaded, or one added with addPlan). */
  #inEngine(id) {
    return this.#loadedPlans.has(id) || this.#extraPlans.some((p) => p.id === id);
  }

  /** Runs `apply` once plan `id` is in the engine (at once if it is); a failure is shown. */
  #withPlan(id, apply) {
    if (this.#inEngine(id)) return apply();
    const seq = ++this.#seq;
    if (this.#result) this.#setOutcome('loading', null);
    this.#ensurePlans([id]).then(
      () => apply(),
      (error) => {
        if (seq === this.#seq) this.#failed(error, null);
      },
    );
  }

  async #ensureEngines() {
    const rt = runtime();
    if (this.#engines?.generation === rt.generation) return this.#engines;
    const glue = await rt.module;
    if (this.#engines?.generation === rt.generation) return this.#engines;
    this.#freeEngines();
    const make = () => {
      const engine = new glue.Engine();
      engine.setPrices(this.#data.prices.text);
      if (this.#data.presets && typeof engine.setPresets === 'function') engine.setPresets(this.#data.presets.text);
      for (const p of [...this.#loadedPlans.values(), ...this.#extraPlans]) engine.addPlan(p.origin, p.text);
      return engine;
    };
    // The UI engine (the user's own prices) is made when a price is first changed.
    this.#engines = { generation: rt.generation, pristine: make(), ui: null, uiPrices: '', priced: null, make };
    return this.#engines;
  }

  #freeEngines() {
    for (const engine of [this.#engines?.pristine, this.#engines?.ui]) {
      try {
        engine?.free();
      } catch {
        /* an engine from a discarded instance */
      }
    }
    this.#engines = null;
  }

  #refreshPlans() {
    const engines = this.#engines;
    const plans = [
      ...this.#data.plans.map((p) => this.#loadedPlans.get(p.id)?.plan ?? p.summary),
      ...this.#extraPlans.map((p) => engines.pristine.plan(p.id)),
    ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.#plansById = new Map(plans.map((p) => [p.id, p]));
    const wanted = (this.getAttribute('plans') ?? '').split(/\s+/).filter(Boolean);
    const added = this.#extraPlans.map((p) => p.id);
    if (wanted.length) {
      this.#offered = [...new Set([...wanted.filter((id) => this.#plansById.has(id)), ...added])];
      this.#unknownIds = wanted.filter((id) => !this.#plansById.has(id));
    } else {
      this.#offered = plans.map((p) => p.id);
      this.#unknownIds = [];
    }
  }

  #plan() {
    return this.#plansById.get(this.#state.plan);
  }

  #perMember(plan = this.#plan()) {
    return plan.enrollment_types.includes('per_member');
  }

  // ---- state -------------------------------------------------------------------------------

  #urlPrefix() {
    return this.hasAttribute('url-state') ? (this.getAttribute('url-state') ?? '').trim() : null;
  }

  /** The plan the element opens on: the shared link's, else the `plan` attribute's, else the first. */
  #initialPlanId() {
    const prefix = this.#urlPrefix();
    const fromUrl = prefix === null ? null : decodeState(location.hash, prefix);
    if (fromUrl && this.#offered.includes(fromUrl.plan)) return fromUrl.plan;
    const preset = this.getAttribute('plan');
    return this.#offered.includes(preset) ? preset : this.#offered[0];
  }

  #initialState() {
    const prefix = this.#urlPrefix();
    if (prefix !== null) {
      const fromUrl = decodeState(location.hash, prefix);
      if (fromUrl && this.#offered.includes(fromUrl.plan)) {
        this.#adoptState(fromUrl);
        return this.#state;
      }
    }
    const plan = this.#initialPlanId();
    this.#state = {
      plan,
      enrollment: '',
      pay: '',
      people: [{ id: 'you', age: DEFAULT_AGE, relationship: '', medicare: '' }],
      uses: [],
      prices: {},
    };
    this.#fixChoices();
    return this.#state;
  }

  /** Takes a state from the URL or the scenario setter, keeping only what makes sense. */
  #adoptState(state) {
    const ids = new Set();
    state.people = state.people.filter((p) => /^[A-Za-z0-9_-]{1,64}$/.test(p.id) && !ids.has(p.id) && ids.add(p.id)).slice(0, MAX_PEOPLE);
    if (state.people.length === 0) state.people = [{ id: 'you', age: DEFAULT_AGE, relationship: '', medicare: '' }];
    const seen = new Set();
    state.uses = state.uses.filter((u) => {
      const key = `${u.member}|${u.service}`;
      if (!ids.has(u.member) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    this.#state = state;
    this.#resetNextPerson();
    this.#fixChoices();
  }

  /** Makes the enrollment type and pay schedule ones the plan offers. */
  #fixChoices() {
    const plan = this.#plan();
    const s = this.#state;
    if (!plan.enrollment_types.includes(s.enrollment)) s.enrollment = this.#suggestEnrollment(plan);
    if (!plan.pay_schedules.includes(s.pay)) s.pay = plan.pay_schedules[0];
  }

  #suggestEnrollment(plan) {
    const types = plan.enrollment_types;
    if (types.includes('per_member')) return 'per_member';
    const n = this.#state.people.length;
    const wanted = n === 1 ? 'self_only' : n === 2 ? 'self_plus_one' : 'self_and_family';
    if (types.includes(wanted)) return wanted;
    if (n > 1 && types.includes('self_and_family')) return 'self_and_family';
    return types[0];
  }

  #resetNextPerson() {
    const numbers = this.#state.people.map((p) => Number(/^person-(\d+)$/.exec(p.id)?.[1] ?? 1));
    this.#nextPerson = Math.max(2, ...numbers.map((n) => n + 1));
  }

  #personName(id) {
    const n = /^person-(\d+)$/.exec(id)?.[1];
    return id === 'you' ? this.#words.t.personName('you') : n ? this.#words.t.personName(id, n) : id;
  }

  #use(member, service) {
    return this.#state.uses.find((u) => u.member === member && u.service === service);
  }

  /** The scenario for the engine, and which state use each of its services came from. */
  #buildScenario() {
    const s = this.#state;
    const plan = this.#plan();
    const perMember = this.#perMember(plan);
    const scenario = { plan: s.plan, enrollment: s.enrollment, pay_schedule: s.pay, members: [], services: [] };
    for (const p of s.people) {
      const member = { id: p.id, age: typedNumber(p.age) };
      if (perMember && p.relationship) member.relationship = p.relationship;
      if (perMember && p.medicare) member.medicare = p.medicare;
      scenario.members.push(member);
    }
    const uses = [];
    for (const u of s.uses) {
      const benefit = plan.services[u.service];
      const count = typedNumber(u.count);
      if (!benefit || count === null || count === 0) continue;
      const use = { member: u.member, service: u.service, count };
      if (benefit.unit === 'admission') use.days = typedNumber(u.days || '3');
      if (benefit.unit === 'fill') {
        use.days_supply = typedNumber(u.supply || '30');
        use.channel = u.channel || 'retail';
      }
      if (benefit.if_admitted && u.admitted) use.admitted = true;
      if (u.oon && outOfNetworkTier(benefit)) {
        use.network = 'out_of_network';
        const billed = typedMoney(u.billed);
        if (billed) use.billed = billed;
      }
      scenario.services.push(use);
      uses.push(u);
    }
    return { scenario, uses };
  }

  /** The price entry's kind: allowed (each), per_day or per_30_days_supply. */
  #priceKind(service) {
    const entry = this.#priceTable?.prices?.[service];
    if (!entry) return null;
    return ['allowed', 'per_day', 'per_30_days_supply'].find((k) => entry[k] != null) ?? null;
  }

  /**
   * The engine for the page's own estimates: the pristine one while every price used is the
   * typical one, else the UI engine (made on first need) with the user's changes in its table.
   */
  #applyPrices(engines, scenario) {
    const used = new Set(scenario.services.map((u) => u.service));
    const changes = Object.entries(this.#state.prices)
      .filter(([service, raw]) => used.has(service) && typedMoney(raw) !== '' && this.#priceKind(service))
      .sort(([a], [b]) => a.localeCompare(b));
    const key = JSON.stringify(changes);
    if (changes.length === 0) {
      engines.uiPrices = key;
      return (engines.priced = engines.pristine);
    }
    if (key === engines.uiPrices && engines.ui) return (engines.priced = engines.ui);
    engines.ui ??= engines.make();
    const table = structuredClone(this.#priceTable);
    for (const [service, raw] of changes) {
      const kind = this.#priceKind(service);
      table.prices[service] = { [kind]: typedMoney(raw), source: 'entered on the page', illustrative: false };
    }
    engines.uiPrices = null;
    engines.ui.setPrices(JSON.stringify(table));
    engines.uiPrices = key;
    return (engines.priced = engines.ui);
  }

  // ---- estimating --------------------------------------------------------------------------

  async #update() {
    if (!this.#loaded) return;
    const seq = ++this.#seq;
    let engines;
    try {
      engines = await this.#ensureEngines();
    } catch (error) {
      if (seq === this.#seq) this.#failed(error, null);
      return;
    }
    if (seq !== this.#seq) return;
    this.#clearErrors();
    const bad = [...this.#shadow.querySelectorAll('input')].filter((i) => i.validity?.badInput);
    if (bad.length) {
      for (const input of bad) this.#fieldError(input, this.#words.t.errors.badNumber);
      this.#setOutcome('stale', null);
      this.#scheduleHash();
      return;
    }
    const { scenario, uses } = this.#buildScenario();
    try {
      const result = this.#applyPrices(engines, scenario).estimate(scenario);
      this.#result = result;
      this.#resultScenario = scenario;
      this.#setOutcome('ok', null);
      if (this.#compareOpen) this.#scheduleCompare(400);
    } catch (error) {
      const info = inputError(error);
      if (info && (info.origin === 'scenario' || info.origin === 'typical-prices.json')) {
        this.#showInputError(info, uses);
        this.#setOutcome('stale', error);
      } else {
        this.#failed(error, engines);
      }
    }
    this.#scheduleHash();
  }

  #failed(error, engines) {
    if (engines && !inputError(error)) discardRuntime(engines.generation);
    if (engines) this.#freeEngines();
    this.#setOutcome('failed', error);
  }

  #setOutcome(outcome, error) {
    const was = this.#outcome;
    this.#outcome = outcome;
    this.#renderResults();
    if (outcome === 'ok') mark('first-estimate');
    this.dispatchEvent(
      new CustomEvent('estimate-change', {
        bubbles: true,
        composed: true,
        detail: { result: this.#result, scenario: this.#resultScenario, stale: outcome !== 'ok', error: error ?? null },
      }),
    );
    // Screen readers hear the new total once typing settles, and a problem as soon as it appears.
    const t = this.#words.t;
    if (outcome === 'ok') this.#announce(this.#result ? t.announce(this.#words.money(this.#result.total_annual_cost)) : '', 1200);
    else if (outcome === 'failed') this.#announce(t.failed, 0);
    else if (outcome === 'stale' && (was !== 'stale' || this.#lastMessage !== this.#announced)) this.#announce(this.#lastMessage || t.stale, 600);
  }

  #lastMessage = '';
  #announced = '';

  #announce(text, delay) {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      if (this.#els.live) this.#els.live.textContent = text;
      this.#announced = text;
    }, delay);
  }

  #scheduleHash() {
    const prefix = this.#urlPrefix();
    if (prefix === null || !this.#userChanged) return;
    clearTimeout(this.#hashTimer);
    this.#hashTimer = setTimeout(() => {
      const s = this.#state;
      const hash = encodeState(location.hash, s, prefix);
      if (hash !== location.hash) history.replaceState(history.state, '', hash);
    }, 250);
  }

  #readHash() {
    const prefix = this.#urlPrefix();
    if (prefix === null || !this.#loaded) return;
    const state = decodeState(location.hash, prefix);
    if (!state || !this.#offered.includes(state.plan)) return;
    const same = encodeState('', state, prefix) === encodeState('', this.#state, prefix);
    if (same) return;
    this.#withPlan(state.plan, () => {
      this.#adoptState(state);
      this.#renderAll();
      this.#update();
    });
  }

  // ---- field errors ------------------------------------------------------------------------

  #clearErrors() {
    this.#lastMessage = '';
    for (const el of this.#shadow.querySelectorAll('.ce-err')) el.remove();
    for (const el of this.#shadow.querySelectorAll('[aria-invalid]')) {
      el.removeAttribute('aria-invalid');
      const base = el.dataset.describedby;
      if (base) el.setAttribute('aria-describedby', base);
      else el.removeAttribute('aria-describedby');
    }
    if (this.#els.formStatus) this.#els.formStatus.replaceChildren();
  }

  #fieldError(input, message) {
    if (!input) return false;
    const label = input.labels?.[0]?.textContent ?? '';
    this.#lastMessage = label ? `${label}: ${message}` : message;
    const id = `${input.id}-err`;
    const container = input.closest('[data-field]') ?? input.parentElement;
    container.append(h('p', { class: 'ce-err', id }, message));
    input.setAttribute('aria-invalid', 'true');
    const described = [input.dataset.describedby, id].filter(Boolean).join(' ');
    input.setAttribute('aria-describedby', described);
    const group = input.closest('details');
    if (group && !group.open) group.open = true;
    return true;
  }

  #moneyMessage(message) {
    const e = this.#words.t.errors;
    if (/negative/.test(message)) return e.moneyNegative;
    if (/decimal/.test(message)) return e.moneyCents;
    if (/too large/.test(message)) return e.moneyLarge;
    return e.money;
  }

  #input(key) {
    return this.#shadow.querySelector(`[data-key="${CSS.escape(key)}"]`);
  }

  /** Puts an engine error about the input next to the field it names. */
  #showInputError(info, uses) {
    const e = this.#words.t.errors;
    const { field, message } = info;
    let m;
    let shown = false;
    if (info.origin === 'typical-prices.json' && (m = /^prices\.([A-Za-z0-9_]+)/.exec(field))) {
      shown = this.#fieldError(this.#input(`price:${m[1]}`), this.#moneyMessage(message));
    } else if ((m = /^services\[(\d+)\]\.?([a-z_]*)/.exec(field))) {
      const use = uses[Number(m[1])];
      const sub = m[2];
      if (use) {
        const at = `${use.member}:${use.service}`;
        const target = {
          count: ['count', e.count],
          days: ['days', e.days],
          days_supply: ['supply', e.days_supply],
          channel: ['channel', e.generic(message)],
          admitted: ['admitted', e.generic(message)],
          network: ['oon', e.generic(message)],
          billed: ['billed', this.#moneyMessage(message)],
        }[sub] ?? ['count', e.generic(message)];
        shown = this.#fieldError(this.#input(`${target[0]}:${at}`), target[1]);
      }
    } else if ((m = /^members\[(\d+)\]\.?([a-z_]*)/.exec(field))) {
      const person = this.#state.people[Number(m[1])];
      if (person) {
        const sub = m[2];
        const target = sub === 'relationship' ? 'rel' : sub === 'medicare' ? 'medicare' : 'age';
        shown = this.#fieldError(this.#input(`${target}:${person.id}`), sub === 'age' ? e.age : sub ? e.generic(message) : e.member);
      }
    } else if (field === 'members') {
      shown = this.#fieldError(this.#input('enrollment'), e.members);
    } else if (field === 'enrollment') {
      shown = this.#fieldError(this.#input('enrollment'), e.enrollment);
    } else if (field === 'pay_schedule') {
      shown = this.#fieldError(this.#input('pay'), e.pay);
    }
    if (!shown && this.#els.formStatus) {
      this.#lastMessage = e.generic(message);
      this.#els.formStatus.replaceChildren(h('p', { class: 'ce-notice is-error' }, e.generic(message)));
    }
  }

  // ---- events from the fields --------------------------------------------------------------

  #onInput(event) {
    const input = event.target;
    const key = input.dataset?.key;
    if (!key) return;
    const [kind, a, b] = key.split(':');
    const s = this.#state;
    const value = input.type === 'checkbox' ? input.checked : input.value;
    if (kind === 'plan' && !this.#inEngine(value)) {
      // Its file is still on its way: handle the choice once the plan is in the engine (with
      // the input itself: a finished event's target is cleared, the input is in a shadow root).
      this.#withPlan(value, () => input.value === value && this.#onInput({ target: input }));
      return;
    }
    this.#userChanged = true;
    switch (kind) {
      case 'plan':
        s.plan = value;
        this.#fixChoices();
        this.#renderAll();
        break;
      case 'enrollment':
        s.enrollment = value;
        break;
      case 'pay':
        s.pay = value;
        break;
      case 'age':
      case 'rel':
      case 'medicare': {
        const person = s.people.find((p) => p.id === a);
        if (!person) return;
        person[{ age: 'age', rel: 'relationship', medicare: 'medicare' }[kind]] = value;
        if (kind === 'age') this.#refreshPersonNames(a);
        break;
      }
      case 'count':
        this.#setCount(a, b, value);
        break;
      case 'preset':
        this.#applyPreset(a, value);
        return;
      case 'days':
      case 'supply':
      case 'channel':
      case 'admitted':
      case 'oon':
      case 'billed': {
        const use = this.#use(a, b);
        if (!use) return;
        use[kind] = value;
        if (kind === 'oon') this.#renderRowMore(a, b);
        break;
      }
      case 'price':
        s.prices[a] = value;
        this.#refreshPriceBadge(a);
        break;
      default:
        return;
    }
    this.#update();
  }

  #setCount(member, service, value) {
    const s = this.#state;
    let use = this.#use(member, service);
    const chosen = String(value).trim() !== '' && Number(value) !== 0;
    if (!use && String(value).trim() !== '') {
      const benefit = this.#plan().services[service];
      use = { member, service, count: value, days: '', supply: '', channel: '', admitted: false, oon: false, billed: '' };
      if (benefit?.unit === 'admission') use.days = '3';
      if (benefit?.unit === 'fill') {
        use.supply = '30';
        use.channel = 'retail';
      }
      s.uses.push(use);
    } else if (use && String(value).trim() === '') {
      s.uses.splice(s.uses.indexOf(use), 1);
      use = null;
    } else if (use) {
      use.count = value;
    }
    const row = this.#shadow.querySelector(`[data-row="${CSS.escape(`${member}:${service}`)}"]`);
    if (row) {
      const was = row.classList.contains('is-chosen');
      row.classList.toggle('is-chosen', chosen);
      if (was !== chosen) this.#renderRowMore(member, service);
    }
    this.#refreshGroupCounts(member);
    this.#syncPrices();
  }

  #addPerson() {
    const s = this.#state;
    if (s.people.length >= MAX_PEOPLE) return;
    const id = `person-${this.#nextPerson++}`;
    s.people.push({ id, age: '', relationship: '', medicare: '' });
    this.#userChanged = true;
    this.#afterPeopleChange(`age:${id}`);
  }

  #removePerson(id) {
    const s = this.#state;
    s.people = s.people.filter((p) => p.id !== id);
    s.uses = s.uses.filter((u) => u.member !== id);
    this.#userChanged = true;
    this.#afterPeopleChange('add-person');
  }

  #afterPeopleChange(focusKey) {
    const plan = this.#plan();
    if (!this.#perMember(plan)) {
      const suggested = this.#suggestEnrollment(plan);
      if (plan.enrollment_types.includes(suggested)) this.#state.enrollment = suggested;
    }
    this.#renderAll(focusKey);
    this.#update();
  }

  #example(name) {
    const s = this.#state;
    const plan = this.#plan();
    const senior = Boolean(plan.part_d_out_of_pocket_max);
    const use = (member, service, count, extra = {}) => ({
      member,
      service,
      count: String(count),
      days: plan.services[service]?.unit === 'admission' ? '3' : '',
      supply: plan.services[service]?.unit === 'fill' ? '30' : '',
      channel: plan.services[service]?.unit === 'fill' ? 'retail' : '',
      admitted: false,
      oon: false,
      billed: '',
      ...extra,
    });
    this.#appliedPresets.clear();
    if (name === 'clear') {
      s.uses = [];
    } else if (name === 'family') {
      s.people = [
        { id: 'you', age: senior ? '67' : '38', relationship: '', medicare: '' },
        { id: 'person-2', age: senior ? '66' : '7', relationship: '', medicare: '' },
      ];
      s.uses = [
        use('you', 'primary_care_visit', 2),
        use('you', 'specialist_visit', 1),
        use('you', 'rx_preferred_brand', 6),
        use('person-2', 'preventive_visit', 1),
        use('person-2', 'primary_care_visit', 3),
        use('person-2', 'urgent_care_visit', 1),
        use('person-2', 'rx_generic', 1),
      ];
    }
    s.uses = s.uses.filter((u) => plan.services[u.service]);
    this.#resetNextPerson();
    this.#userChanged = true;
    if (!this.#perMember(plan)) s.enrollment = this.#suggestEnrollment(plan);
    for (const u of s.uses) this.#openGroups.add(`${u.member}:${this.#groupOf(u.service)}`);
    this.#renderAll(`example:${name}`);
    this.#update();
  }

  /** Replaces one person's care with a usage preset (data/usage-presets.json). */
  #applyPreset(member, name) {
    const s = this.#state;
    const plan = this.#plan();
    const preset = this.#presets?.presets?.[name];
    s.uses = s.uses.filter((u) => u.member !== member);
    for (const p of preset?.services ?? []) {
      const benefit = plan.services[p.service];
      if (!benefit) continue;
      s.uses.push({
        member,
        service: p.service,
        count: String(p.count),
        days: benefit.unit === 'admission' ? String(p.days ?? 3) : '',
        supply: benefit.unit === 'fill' ? String(p.days_supply ?? 30) : '',
        channel: benefit.unit === 'fill' ? 'retail' : '',
        admitted: Boolean(p.admitted && benefit.if_admitted),
        oon: false,
        billed: '',
      });
      this.#openGroups.add(`${member}:${this.#groupOf(p.service)}`);
    }
    if (preset) this.#appliedPresets.set(member, name);
    else this.#appliedPresets.delete(member);
    this.#userChanged = true;
    this.#renderAll(`preset:${member}`);
    this.#update();
  }

  #groupOf(service) {
    return GROUPS.find(([, ids]) => ids.includes(service))?.[0] ?? 'other';
  }

  // ---- rendering: the fields ---------------------------------------------------------------

  #renderLoading() {
    if (this.#loaded) return;
    this.#wrap.replaceChildren(h('div', { class: 'ce-status', role: 'status' }, h('p', {}, this.#words.t.loading)));
  }

  #id(...parts) {
    return [this.#uid, ...parts].join('-').replace(/[^A-Za-z0-9_-]/g, '_');
  }

  /** Rebuilds everything from the state, keeping focus on the same field and disclosures open. */
  #renderAll(focusKey) {
    if (!this.#loaded) return;
    const active = this.#shadow.activeElement;
    const keepFocus = focusKey ?? active?.dataset?.key;
    const t = this.#words.t;
    const v = this.#view();
    const prices = renderPricesCard(v);
    const totalBar = renderTotalBar(v);
    const results = h('section', { class: 'ce-results', part: 'results', tabindex: '-1' });
    this.#els = { results, prices: prices.list, pricesNone: prices.none, totalBarAmount: totalBar.amount };
    const form = h(
      'form',
      { class: 'ce-inputs', part: 'inputs', novalidate: true, onsubmit: (e) => e.preventDefault(), oninput: (e) => this.#onInput(e) },
      (this.#els.formStatus = h('div', { class: 'ce-status', role: 'status' })),
      renderPlanCard(v),
      renderPeopleCard(v),
      renderCareCard(v),
      prices.card,
      totalBar.bar,
    );
    this.#syncPrices();
    const notices = [];
    if (this.#unknownIds.length) notices.push(h('p', { class: 'ce-notice' }, t.unknownPlans(this.#unknownIds.join(', '))));
    this.#wrap.replaceChildren(
      h('div', { class: 'ce-status', role: 'status' }, notices),
      h('div', { class: 'ce-layout' }, form, results),
      this.#renderCompareBox(),
      (this.#els.live = h('div', { class: 'ce-sr', 'aria-live': 'polite' })),
    );
    this.#renderResults();
    this.#renderCompareBody(); // once in the page: the chart is drawn to the width it has
    if (keepFocus) {
      const target = this.#input(keepFocus);
      target?.focus({ preventScroll: true });
    }
  }

  /** What the rendering functions (fields.js) see of the element. */
  #view() {
    const plan = this.#plan();
    return {
      words: this.#words,
      state: this.#state,
      plan,
      offered: this.#offered,
      plansById: this.#plansById,
      priceTable: this.#priceTable,
      perMember: this.#perMember(plan),
      canAddPerson: this.#state.people.length < MAX_PEOPLE,
      openGroups: this.#openGroups,
      presets: this.#presets,
      appliedPresets: this.#appliedPresets,
      id: (...parts) => this.#id(...parts),
      personName: (id) => this.#personName(id),
      isChosen: (member, service) => this.#isChosen(member, service),
      use: (member, service) => this.#use(member, service),
      priceKind: (service) => this.#priceKind(service),
      on: {
        addPerson: () => this.#addPerson(),
        removePerson: (id) => this.#removePerson(id),
        example: (name) => this.#example(name),
        resetPrice: (service, typical) => {
          delete this.#state.prices[service];
          const input = this.#input(`price:${service}`);
          if (input) input.value = typical;
          this.#refreshPriceBadge(service);
          this.#userChanged = true;
          this.#update();
          input?.focus();
        },
        showResults: () => {
          const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
          this.#els.results?.scrollIntoView({ behavior: still ? 'auto' : 'smooth', block: 'start' });
          this.#els.results?.focus({ preventScroll: true });
        },
      },
    };
  }

  #refreshPersonNames(id) {
    const person = this.#state.people.find((p) => p.id === id);
    const legend = this.#shadow.querySelector(`[data-care-legend="${CSS.escape(id)}"]`);
    if (person && legend) legend.textContent = careLegend(this.#view(), person);
  }

  #isChosen(member, service) {
    const use = this.#use(member, service);
    return Boolean(use) && String(use.count).trim() !== '' && Number(use.count) !== 0;
  }

  #refreshGroupCounts(member) {
    const plan = this.#plan();
    for (const [group, services] of servicesByGroup(plan)) {
      const badge = this.#shadow.querySelector(`[data-group="${CSS.escape(`${member}:${group}`)}"] .ce-chosen`);
      if (!badge) continue;
      const n = services.filter((id) => this.#isChosen(member, id)).length;
      badge.hidden = n === 0;
      badge.textContent = this.#words.t.chosen(n);
    }
  }

  #renderRowMore(member, service) {
    const more = this.#shadow.querySelector(`[data-more="${CSS.escape(`${member}:${service}`)}"]`);
    if (more) fillRowMore(this.#view(), more, member, service);
  }

  /** The prices list: one row per service anyone uses, rows kept (and focus with them). */
  #syncPrices() {
    const list = this.#els.prices;
    if (!list) return;
    const plan = this.#plan();
    const order = servicesByGroup(plan).flatMap(([, ids]) => ids);
    const used = new Set(this.#state.uses.filter((u) => this.#isChosen(u.member, u.service) && plan.services[u.service]).map((u) => u.service));
    const wanted = order.filter((id) => used.has(id) && this.#priceKind(id));
    const existing = new Map([...list.children].map((row) => [row.dataset.price, row]));
    const rows = wanted.map((id) => existing.get(id) ?? renderPriceRow(this.#view(), id));
    for (const [id, row] of existing) if (!wanted.includes(id)) row.remove();
    rows.forEach((row, i) => {
      if (list.children[i] !== row) list.insertBefore(row, list.children[i] ?? null);
    });
    this.#els.pricesNone.hidden = rows.length > 0;
  }

  #refreshPriceBadge(service) {
    const row = this.#els.prices?.querySelector(`[data-price="${CSS.escape(service)}"]`);
    if (row) fillPriceMeta(this.#view(), row, service);
  }

  // ---- the comparison ------------------------------------------------------------------------

  #renderCompareBox() {
    const t = this.#words.t.compare;
    const body = h('div', { class: 'ce-compare-body', id: this.#id('compare'), 'data-state': 'none' });
    const box = h(
      'details',
      {
        class: 'ce-compare',
        part: 'compare',
        open: this.#compareOpen,
        ontoggle: () => {
          this.#compareOpen = box.open;
          if (box.open) this.#scheduleCompare(0);
        },
      },
      h('summary', {}, h('h3', { class: 'ce-compare-heading' }, t.heading)),
      body,
    );
    this.#els.compare = body;
    return box;
  }

  #renderCompareBody(state) {
    const body = this.#els.compare;
    if (!body) return;
    const data = this.#compareData;
    if (data?.failed) {
      body.replaceChildren(h('p', { class: 'ce-notice is-error' }, this.#words.t.compare.failed));
    } else {
      renderCompare(body, {
        words: this.#words,
        data: data && { ...data, curvesError: data.noCare ? this.#words.t.compare.noCare : data.curvesError },
        plansById: this.#plansById,
        chosen: this.#state.plan,
        id: (...parts) => this.#id('compare', ...parts),
      });
    }
    body.dataset.state = state ?? (this.#comparePending && data ? 'updating' : data ? (data.failed ? 'failed' : 'ok') : 'none');
  }

  /** Works the comparison out after typing pauses (costCurves takes up to ~200 ms). */
  #scheduleCompare(delay) {
    clearTimeout(this.#compareTimer);
    this.#comparePending = false;
    const scenario = this.#resultScenario;
    if (!scenario) return;
    const ids = this.#compareIds(scenario.plan);
    const key = JSON.stringify([scenario, ids, this.#engines?.uiPrices]);
    if (this.#compareData?.key === key) return;
    if (this.#els.compare && this.#compareData) this.#els.compare.dataset.state = 'updating';
    this.#comparePending = true;
    this.#compareTimer = setTimeout(async () => {
      this.#comparePending = false;
      if (!this.#compareOpen) return;
      let engines;
      try {
        await this.#ensurePlans(ids);
        engines = await this.#ensureEngines();
      } catch {
        return;
      }
      if (scenario !== this.#resultScenario) return;
      let data;
      try {
        // The engine the last estimate used (#applyPrices chose it).
        const engine = engines.priced ?? engines.pristine;
        const compare = engine.compare(scenario, ids);
        data = { key, compare, curves: null, curvesError: null, noCare: scenario.services.length === 0 };
        if (!data.noCare) {
          try {
            data.curves = engine.costCurves(scenario, ids);
          } catch (error) {
            if (!inputError(error) && !/care/.test(error?.message ?? '')) throw error;
            data.noCare = true;
          }
        }
      } catch (error) {
        data = { key, failed: true };
        if (!inputError(error)) {
          discardRuntime(engines.generation);
          this.#freeEngines();
        }
      }
      this.#compareData = data;
      this.#renderCompareBody();
    }, delay);
  }

  // ---- rendering: the results --------------------------------------------------------------

  #renderResults() {
    const box = this.#els.results;
    if (!box || !this.#loaded) return;
    const result = this.#result;
    if (this.#els.totalBarAmount) {
      this.#els.totalBarAmount.textContent = result ? this.#words.money(result.total_annual_cost) : '—';
      this.#els.totalBarAmount.classList.toggle('is-stale', this.#outcome !== 'ok');
    }
    renderResults(box, {
      words: this.#words,
      result,
      plan: result ? this.#plansById.get(result.plan) : null,
      priceTable: this.#priceTable,
      outcome: this.#outcome,
      personName: (id) => this.#personName(id),
      id: (...parts) => this.#id(...parts),
      workedOpen: this.#workedOpen,
      onWorkedToggle: (open) => (this.#workedOpen = open),
      onRetry: () => this.#update(),
      copyLink:
        this.#urlPrefix() === null
          ? null
          : () => {
              this.#userChanged = true;
              const hash = encodeState(location.hash, this.#state, this.#urlPrefix());
              if (hash !== location.hash) history.replaceState(history.state, '', hash);
              return location.href;
            },
    });
  }
}

const marked = new Set();

/** A user-timing mark, `cost-estimator:<name>`, made once per page (the first time only). */
function mark(name) {
  if (marked.has(name) || !globalThis.performance?.mark) return;
  marked.add(name);
  performance.mark(`cost-estimator:${name}`);
}

/** Defines <cost-estimator> unless it already is (the script included twice, or another copy). */
export function define(name = 'cost-estimator', registry = globalThis.customElements) {
  if (!registry) return null;
  const existing = registry.get(name);
  if (existing) return existing;
  // An element is coming: fetch and compile the engine while the page goes on parsing.
  runtime().module.catch(() => {});
  try {
    registry.define(name, CostEstimator);
  } catch (error) {
    if (!(error instanceof DOMException && error.name === 'NotSupportedError')) throw error;
  }
  return registry.get(name);
}


