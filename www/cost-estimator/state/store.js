// The element's one state, and the named actions that change it. Everything the page shows is
// rendered from this object and the files the engine controller has read (the catalog, the
// vocabulary, each plan's file: data, not state); nothing else holds state (no field errors in
// the DOM, no hand patches, no flags kept beside the store). Actions are pure: (state, ...args) →
// new state, so they are tested in Node (tests/store.test.mjs) without a browser.
//
// State:
//   plan            the chosen plan id
//   enrollment      '' (follow the household: the engine picks the type its size calls for) or
//                   the type the visitor chose
//   enrollmentWaits the chosen type does not fit the people listed yet (the engine said so): until
//                   the household changes, the estimate follows the household, with a note
//   pay             '' (the plan's first schedule) or the schedule chosen
//   people          [{ key, role: you|spouse|child, age (text as typed), medicare, sex? }]; You
//                   first; `sex` (female, male, or '' / absent: prefer not to say) only for the odds
//   care            [{ key, person, service, count, days, often, channel, admitted, oon, billed,
//                   claims? }] in the order they are used; a drug is a use whose `often` says how
//                   often (monthly, quarterly, once, or custom with its own count and days'
//                   supply); `claims` ([{ count, allowed }], their counts adding up to `count`):
//                   a published year's claims of the service, kept until the visitor changes
//                   what the line counts or the service's price (state/claims.js)
//   prices          { service: amount typed } the visitor's own prices
//   contribution    { kind: ''|amount|percent, value } an employer's contribution per pay period
//   taxRate         the visitor's marginal tax rate, percent as typed ('' for none): an employee's
//                   FEHB premium is paid before tax (premium conversion)
//   touched         { fieldKey: true } fields the visitor has left (an empty one shows its error
//                   only then)
//   errors          { fieldKey: { code } } the engine's errors about the input, by field
//   formError       { code } an engine error that names no field on the page, or null
//   open            { `${person}:${group}`: true, chart: true, details: true, … } disclosures
//   notice          { kind, … } a one-off message (undo available, enrollment changed), or null
//   undo            the household and care before the last quick start, or null
//   revision        bumped by every change to the estimate's input
//   answer          { revision, outcome: none|working|ok|stale|incomplete|failed, result,
//                     comparison, comparedFor, curves, curvesFor, failure } (each for the
//                     revision it was asked about; an older one stays shown, marked, until the
//                     newer arrives)
//   odds            { revision, outcome: none|working|ok|failed, result, progress: { done, draws },
//                     failure } the odds of the household's year (controllers/odds.js), for the
//                     revision they were asked about: shown only for the current one
//   ranking         { key, ids } the options the answer ranks (the engine's answer for `key`:
//                     the plan, the plans attribute and the added plans it was asked about)
//   linkIssues      [{ key, what, value }] what a shared link held that the page does not know:
//                     not used, said in a notice; `key` is the field it marks, or null
//   ui              the element's own status: width (px), waited (the form has waited long
//                     enough for the first answer), printable (the proposal is drawn),
//                     planLoading, loadError ({ code, message } | null), confirmExample,
//                     copied, share (closed|confirming|sent), sharedAt, announcement (the live
//                     region's text), presets (the person whose list of typical years is
//                     open, or '')
//
// Field keys: age:<person>, medicare:<person>, count:<use>, days:<use>, supply:<use>,
// billed:<use>, price:<service>, enrollment, pay, contribution, taxRate.
// Why one file of about 500 lines: the state's shape and every named action over it, so that
// what can change the page is one list (tests/store.test.mjs runs each action).
import { claimCount, withoutClaims } from './claims.js';
import { MAX_PEOPLE } from './limits.js';
import { presetFor } from './presets.js';

export const DRUG_SCHEDULES = {
  monthly: { count: 12, supply: 30 },
  quarterly: { count: 4, supply: 90 },
  once: { count: 1, supply: 30 },
};

/** The state an element starts from. */
export function initialState({ plan = '', lang = 'en' } = {}) {
  return {
    plan,
    lang,
    enrollment: '',
    enrollmentWaits: false,
    pay: '',
    people: [{ key: 'you', role: 'you', age: '', medicare: '' }],
    care: [],
    prices: {},
    contribution: { kind: '', value: '' },
    taxRate: '',
    paymentPlan: '',
    touched: {},
    errors: {},
    formError: null,
    open: {},
    notice: null,
    undo: null,
    nextUse: 1,
    revision: 1,
    answer: { revision: 0, outcome: 'none', result: null, comparison: null, comparedFor: 0, curves: null, curvesFor: 0, failure: null },
    ranking: { key: '', ids: [] },
    odds: { revision: 0, outcome: 'none', result: null, progress: null, failure: null },
    linkIssues: [],
    ui: { width: 0, waited: false, printable: false, planLoading: false, loadError: null, confirmExample: false, copied: false, share: 'closed', sharedAt: '', announcement: '', presets: '' },
  };
}

// ---- helpers ---------------------------------------------------------------------------------

/** A change to what is estimated: a new revision, the engine's field errors (and a link's marks)
 * cleared for `keys`. */
function changed(state, patch, keys = []) {
  const errors = { ...state.errors };
  for (const k of keys) delete errors[k];
  const linkIssues = state.linkIssues.some((i) => keys.includes(i.key)) ? state.linkIssues.filter((i) => !keys.includes(i.key)) : state.linkIssues;
  return { ...state, ...patch, errors, linkIssues, formError: null, notice: patch.notice ?? null, revision: state.revision + 1 };
}

/** The element's own status changed (not what is estimated). */
function ui(state, patch) {
  return Object.keys(patch).every((k) => state.ui[k] === patch[k]) ? state : { ...state, ui: { ...state.ui, ...patch } };
}

function newUse(state, fields) {
  const use = { key: `u${state.nextUse}`, person: '', service: '', count: '', days: '', often: '', channel: '', admitted: false, oon: false, billed: '', month: '', ...fields };
  return [use, state.nextUse + 1];
}

/** The people's display order: You, then the spouse, then the children in the order added. */
function ordered(people) {
  const rank = { you: 0, spouse: 1, child: 2 };
  return [...people].sort((a, b) => rank[a.role] - rank[b.role]);
}

function nextChildKey(people) {
  const used = new Set(people.map((p) => p.key));
  for (let n = 1; ; n++) if (!used.has(`child-${n}`)) return `child-${n}`;
}

/** The odds of `revision` (ignored unless it is the current one). */
function oddsFor(state, revision, patch) {
  if (revision !== state.revision) return state;
  return { ...state, odds: { revision, outcome: 'none', result: null, progress: null, failure: null, ...patch } };
}

/** The household and care, to restore with undo. */
function snapshot(state) {
  return { people: state.people, care: state.care, enrollment: state.enrollment, nextUse: state.nextUse };
}

// ---- actions ---------------------------------------------------------------------------------

export const actions = {
  /** Another plan option; the household and care stay. An enrollment type or pay schedule the
   * plan does not offer goes back to the default. `view`: the plan's view (the engine's), where
   * read. */
  choosePlan(state, id, view) {
    if (id === state.plan) return state;
    const patch = { plan: id };
    const types = view?.enrollment.types.map((t) => t.type);
    const schedules = view?.pay_schedules.map((s) => s.pay_schedule);
    if (types && state.enrollment && !types.includes(state.enrollment)) patch.enrollment = '';
    if (schedules && state.pay && !schedules.includes(state.pay)) patch.pay = '';
    return changed(state, patch, ['enrollment', 'pay']);
  },

  setEnrollment(state, value) {
    return changed(state, { enrollment: value, enrollmentWaits: false }, ['enrollment']);
  },

  /** The engine said the chosen type cannot cover the household as it is: never an error while
   * the visitor is mid-way; the estimate follows the household until the people change. */
  enrollmentWaits(state) {
    if (!state.enrollment || state.enrollmentWaits) return state;
    return changed(state, { enrollmentWaits: true }, ['enrollment']);
  },

  setPay(state, value) {
    return changed(state, { pay: value }, ['pay']);
  },

  setLang(state, lang) {
    return lang === state.lang ? state : { ...state, lang };
  },

  /** Adds a spouse (one at most) or a child, with an empty age to fill in. */
  addPerson(state, role) {
    if (state.people.length >= MAX_PEOPLE) return state;
    if (role === 'spouse' && state.people.some((p) => p.role === 'spouse')) return state;
    const key = role === 'spouse' ? 'spouse' : nextChildKey(state.people);
    const people = ordered([...state.people, { key, role: role === 'spouse' ? 'spouse' : 'child', age: '', medicare: '' }]);
    return changed(state, { people, enrollmentWaits: false });
  },

  /** Removes a person (never You) and their care; undo brings both back. */
  removePerson(state, key) {
    const person = state.people.find((p) => p.key === key);
    if (!person || person.role === 'you') return state;
    const touched = Object.fromEntries(Object.entries(state.touched).filter(([k]) => !k.endsWith(`:${key}`)));
    return changed(
      state,
      {
        people: state.people.filter((p) => p.key !== key),
        care: state.care.filter((u) => u.person !== key),
        touched,
        enrollmentWaits: false,
        undo: snapshot(state),
        notice: { kind: 'removed', person: key, role: person.role },
      },
      [`age:${key}`, `medicare:${key}`],
    );
  },

  setPersonField(state, key, field, value) {
    if (field !== 'age' && field !== 'medicare' && field !== 'sex') return state;
    const people = state.people.map((p) => (p.key === key ? { ...p, [field]: String(value) } : p));
    return changed(state, { people }, [`${field}:${key}`]);
  },

  /** The visitor left a field: from now on an empty value there is an error. */
  touch(state, fieldKey) {
    return state.touched[fieldKey] ? state : { ...state, touched: { ...state.touched, [fieldKey]: true } };
  },

  /** The number of times a person uses a visit or stay service (''/0 removes it). */
  setCount(state, person, service, value, unit) {
    const text = String(value);
    const existing = state.care.find((u) => u.person === person && u.service === service && !u.often);
    if (!existing) {
      if (text.trim() === '' || text.trim() === '0') return state;
      const [use, nextUse] = newUse(state, { person, service, count: text, days: unit === 'admission' ? '3' : '' });
      return changed(state, { care: [...state.care, use], nextUse });
    }
    if (text.trim() === '') {
      return changed(state, { care: state.care.filter((u) => u !== existing) }, [`count:${existing.key}`, `days:${existing.key}`]);
    }
    if (text === existing.count) return state;
    return changed(state, { care: state.care.map((u) => (u === existing ? { ...withoutClaims(u), count: text } : u)) }, [`count:${existing.key}`]);
  },

  /** A field of one use: days, often, channel, admitted, oon, billed, count, supply, service. */
  setUseField(state, useKey, field, value) {
    const allowed = ['days', 'often', 'channel', 'admitted', 'oon', 'billed', 'count', 'supply', 'service', 'month'];
    if (!allowed.includes(field)) return state;
    const care = state.care.map((u) => {
      if (u.key !== useKey) return u;
      // What the line counts changes: its claims give way to one price (state/claims.js).
      const recount = ['count', 'days', 'often', 'supply', 'service'].includes(field) || (field === 'month' && u.often);
      const next = { ...(recount ? withoutClaims(u) : u), [field]: typeof u[field] === 'boolean' ? Boolean(value) : String(value) };
      if (field === 'often' && value === 'custom' && u.often !== 'custom') {
        const s = Object.hasOwn(DRUG_SCHEDULES, u.often) ? DRUG_SCHEDULES[u.often] : DRUG_SCHEDULES.monthly;
        next.count = String(s.count);
        next.supply = String(s.supply);
      }
      return next;
    });
    return changed(state, { care }, [`${field === 'supply' ? 'supply' : field}:${useKey}`]);
  },

  /** A new drug for a person: a preferred generic every month at a plan pharmacy. */
  addDrug(state, person, service = 'rx_generic') {
    const [use, nextUse] = newUse(state, { person, service, often: 'monthly', channel: 'retail' });
    const open = { ...state.open, [`${person}:rx`]: true };
    return changed(state, { care: [...state.care, use], nextUse, open, notice: { kind: 'drugAdded', use: use.key } });
  },

  /** Another drug like `useKey`'s, just after it: the same kind, schedule and pharmacy (one
   * click for a second brand-name drug by mail, where choosing each field again took six). */
  addDrugLike(state, useKey) {
    const like = state.care.find((u) => u.key === useKey && u.often);
    if (!like) return state;
    const { key, claims, ...fields } = like;
    const [use, nextUse] = newUse(state, fields);
    const at = state.care.indexOf(like) + 1;
    const care = [...state.care.slice(0, at), use, ...state.care.slice(at)];
    return changed(state, { care, nextUse, notice: { kind: 'drugAdded', use: use.key } });
  },

  removeUse(state, useKey) {
    return changed(state, { care: state.care.filter((u) => u.key !== useKey) }, [`count:${useKey}`, `days:${useKey}`, `supply:${useKey}`, `billed:${useKey}`]);
  },

  /**
   * Replaces one person's care with a usage preset: `file` is data/usage-presets.json's value
   * (`{ presets, cms_rows }`). `units`: service id → unit, from the vocabulary; `offered`: the
   * plan's service ids. Undo brings the old care back.
   */
  applyPreset(state, person, presetId, file, units, offered) {
    // The care of the person's own age where the preset goes by age (state/presets.js); with no
    // valid age there is nothing to apply (the list says to type the age first).
    const age = state.people.find((p) => p.key === person)?.age;
    const { preset } = presetFor(file, presetId, age);
    if (!preset) return state;
    let nextUse = state.nextUse;
    const uses = [];
    for (const p of preset?.services ?? []) {
      if (offered && !offered.has(p.service)) continue;
      const unit = units.get(p.service);
      const supply = unit === 'fill' ? String(p.days_supply ?? 30) : undefined;
      const days = unit === 'admission' ? String(p.days ?? 3) : '';
      const claim = p.allowed ? { count: p.count, allowed: p.allowed } : null;
      // A service the preset gives in groups of claims (the table's cents differ) is one line.
      const same = claim && uses.find((u) => u.claims && u.service === p.service && u.days === days && u.supply === supply && u.admitted === Boolean(p.admitted));
      const use = same ?? { key: `u${nextUse++}`, person, service: p.service, count: '', days, often: '', channel: '', admitted: Boolean(p.admitted), oon: false, billed: '' };
      use.claims = claim ? [...(use.claims ?? []), claim] : undefined;
      if (!use.claims) delete use.claims;
      const count = use.claims ? claimCount(use.claims) : p.count;
      use.count = String(count);
      if (unit === 'fill') {
        const match = Object.entries(DRUG_SCHEDULES).find(([, s]) => s.count === count && String(s.supply) === supply);
        use.often = match ? match[0] : 'custom';
        use.supply = supply;
        use.channel = 'retail';
      }
      if (!same) uses.push(use);
    }
    const care = [...state.care.filter((u) => u.person !== person), ...uses];
    const next = changed(state, { care, nextUse, undo: snapshot(state), notice: { kind: 'presetApplied', person, preset: presetId } });
    return state.ui.presets ? { ...next, ui: { ...next.ui, presets: '' } } : next;
  },

  /** Replaces the whole household and its care (a quick start), keeping an undo. */
  replaceHousehold(state, people, care) {
    let nextUse = state.nextUse;
    const uses = care.map((u) => ({ ...u, key: `u${nextUse++}` }));
    return changed(state, { people: ordered(people), care: uses, nextUse, enrollment: '', enrollmentWaits: false, touched: {}, linkIssues: [], undo: snapshot(state), notice: { kind: 'householdReplaced' } }, Object.keys(state.errors));
  },

  undo(state) {
    if (!state.undo) return state;
    return changed(state, { ...state.undo, enrollmentWaits: false, undo: null, notice: { kind: 'undone' } }, Object.keys(state.errors));
  },

  dismissNotice(state) {
    return state.notice ? { ...state, notice: null } : state;
  },

  /** The visitor's own price for a service: its lines' claims give way to it. */
  setPrice(state, service, value) {
    const care = state.care.some((u) => u.service === service && u.claims) ? state.care.map((u) => (u.service === service ? withoutClaims(u) : u)) : state.care;
    return changed(state, { prices: { ...state.prices, [service]: String(value) }, care }, [`price:${service}`]);
  },

  resetPrice(state, service) {
    const prices = { ...state.prices };
    delete prices[service];
    return changed(state, { prices }, [`price:${service}`]);
  },

  setContribution(state, kind, value) {
    return changed(state, { contribution: { kind, value: String(value ?? '') } }, ['contribution']);
  },

  setTaxRate(state, value) {
    return changed(state, { taxRate: String(value ?? '') }, ['taxRate']);
  },

  // ---- the year month by month (issue #22) ----------------------------------------------------

  /** The Medicare Prescription Payment Plan's opt-in month ('1'…'12'), or '' for none. */
  setPaymentPlan(state, value) {
    const month = String(value ?? '');
    if (month === state.paymentPlan) return state;
    return changed(state, { paymentPlan: /^(1[0-2]|[1-9])$/.test(month) ? month : '' }, ['paymentPlan']);
  },

  toggle(state, panel, open) {
    const now = Boolean(state.open[panel]);
    const want = open ?? !now;
    if (now === want) return state;
    const next = { ...state.open };
    if (want) next[panel] = true;
    else delete next[panel];
    return { ...state, open: next };
  },

  /** The whole input at once (a shared link, the `scenario` property): a new household. A
   * link's `linkIssues` (what it held that the page does not know) are said in a notice. */
  load(state, input) {
    const linkIssues = input.linkIssues ?? [];
    return {
      ...state,
      ...input,
      linkIssues,
      enrollmentWaits: false,
      touched: {},
      errors: {},
      formError: null,
      notice: linkIssues.length ? { kind: 'link', issues: linkIssues } : null,
      undo: null,
      revision: state.revision + 1,
    };
  },

  // ---- the engine's answers (each for the revision it was asked about) ------------------------

  working(state) {
    return { ...state, answer: { ...state.answer, outcome: state.answer.result ? 'working' : 'none' } };
  },

  /** Required fields are empty: no estimate until they are filled (errors only once left). */
  incomplete(state, revision) {
    if (revision !== state.revision) return state;
    return { ...state, answer: { ...state.answer, revision, outcome: 'incomplete' } };
  },

  estimated(state, revision, result) {
    if (revision !== state.revision) return state;
    return { ...state, errors: {}, formError: null, answer: { ...state.answer, revision, outcome: 'ok', result, failure: null } };
  },

  compared(state, revision, comparison) {
    if (revision !== state.revision) return state;
    return { ...state, answer: { ...state.answer, comparison, comparedFor: revision } };
  },

  curved(state, revision, curves) {
    if (revision !== state.revision) return state;
    return { ...state, answer: { ...state.answer, curves, curvesFor: revision } };
  },

  /** The engine refused the input: `errors` by field key, or a `formError` naming none; `open`:
   * the disclosures to open so the field at fault is seen. */
  refused(state, revision, errors, formError, open = []) {
    if (revision !== state.revision) return state;
    const panels = { ...state.open };
    for (const panel of open) panels[panel] = true;
    return { ...state, errors, formError, open: panels, answer: { ...state.answer, revision, outcome: state.answer.result ? 'stale' : 'none' } };
  },

  /** The engine failed unexpectedly (not the input's fault): the entries stay; retry works. */
  failed(state, revision, failure) {
    if (revision !== state.revision) return state;
    return { ...state, answer: { ...state.answer, revision, outcome: 'failed', failure } };
  },

  // ---- the odds (controllers/odds.js), each for the revision they were asked about: working,
  // then `{ done, draws }` progress, then the result (ok) or `{ code }` (failed) ----------------

  oddsWorking: (state, revision) => oddsFor(state, revision, { outcome: 'working' }),
  oddsProgress: (state, revision, progress) => (state.odds.revision === revision && state.odds.outcome === 'working' ? oddsFor(state, revision, { ...state.odds, progress }) : state),
  oddsDone: (state, revision, result) => oddsFor(state, revision, { outcome: 'ok', result }),
  oddsFailed: (state, revision, failure) => oddsFor(state, revision, { outcome: 'failed', failure }),

  /** The options the answer ranks, as the engine gave them for `key`. */
  ranked(state, key, ids) {
    return { ...state, ranking: { key, ids } };
  },

  // ---- the element's own status ----------------------------------------------------------------

  resized(state, width) {
    return ui(state, { width });
  },

  /** The form has waited long enough for the first answer: it is drawn without it. */
  formWaited(state) {
    return ui(state, { waited: true });
  },

  /** The printed proposal is drawn from now on. */
  printable(state) {
    return ui(state, { printable: true });
  },

  planLoading(state, loading) {
    return ui(state, { planLoading: Boolean(loading) });
  },

  /** The element could not load: `{ code, message }`. */
  loadFailed(state, error) {
    return ui(state, { loadError: error });
  },

  /** The list of typical years of one person is open (`person`), or none is (''). */
  presetList(state, person) {
    return ui(state, { presets: String(person ?? '') });
  },

  /** The whole-household example asks first (true) or has been answered (false). */
  askExample(state, asking) {
    return ui(state, { confirmExample: Boolean(asking) });
  },

  copied(state, copied) {
    return ui(state, { copied: Boolean(copied) });
  },

  /** "Send to my agent": open (asks), cancel, or sent (`at`: the time said). */
  shareStep(state, step, at = '') {
    if (step === 'open') return ui(state, { share: 'confirming' });
    if (step === 'cancel') return ui(state, { share: 'closed' });
    if (step === 'sent') return ui(state, { share: 'sent', sharedAt: at });
    return state;
  },

  /** The live region's text (what a screen reader hears after a change). */
  announce(state, text) {
    return ui(state, { announcement: String(text) });
  },
};

/** A store: the state, `dispatch(name, ...args)` and `subscribe(listener)`. */
export function createStore(state) {
  const listeners = new Set();
  return {
    get state() {
      return state;
    },
    dispatch(name, ...args) {
      const action = actions[name];
      if (!action) throw new Error(`store: no action "${name}"`);
      const next = action(state, ...args);
      if (next !== state) {
        const before = state;
        state = next;
        for (const listener of listeners) listener(state, before, name);
      }
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

// ---- reading the state -----------------------------------------------------------------------

/** "You", "Spouse", "Child 1" … in the order the people are listed. */
export function personName(state, key, t) {
  const person = state.people.find((p) => p.key === key);
  if (!person) return key;
  if (person.role === 'you') return t.people.you;
  if (person.role === 'spouse') return t.people.spouse;
  const n = state.people.filter((p) => p.role === 'child').indexOf(person) + 1;
  return t.people.child(n);
}

/** Fields that are required and still empty: [fieldKey]. */
export function emptyRequired(state) {
  return state.people.filter((p) => String(p.age).trim() === '').map((p) => `age:${p.key}`);
}

/** Whether a field's error is shown: an engine error, a value a link gave that the page does
 * not know (the field shows the default instead), or empty and already left. */
export function shownError(state, fieldKey) {
  if (Object.hasOwn(state.errors, fieldKey)) return state.errors[fieldKey];
  if (state.linkIssues.some((i) => i.key === fieldKey)) return { code: 'unknown_value', link: true };
  if (Object.hasOwn(state.touched, fieldKey) && emptyRequired(state).includes(fieldKey)) return { code: 'missing_field' };
  return null;
}
