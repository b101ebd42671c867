// What the views draw, from the state and what the element has read: a pure function (no DOM, no
// engine, no element), tested in Node (tests/view-model.test.mjs). The views (views/*.js) take
// this object and nothing else; `on` holds what their controls do (handlers.js).
import { wordsFor } from './i18n/index.js';
import { siteUrl } from './site.js';
import { drugFills, drugMonths, monthOf, own, typedWhole } from './state/scenario.js';
import { presetFor } from './state/presets.js';
import { personName, shownError } from './state/store.js';

let documentHref = '';
/** The document viewer's address (the page's own, beside the element's script). */
function documentPage() {
  return (documentHref ||= siteUrl('document.html').href);
}

const todays = new Map(); // "locale day" → the date in words (formatting it costs ~10 ms at 4x CPU)
/** Today's date in words, in `locale`. */
export function today(locale, now = new Date()) {
  const key = `${locale} ${now.getFullYear()}-${now.getMonth()}-${now.getDate()}`;
  if (!todays.has(key)) todays.set(key, now.toLocaleDateString(locale, { year: 'numeric', month: 'long', day: 'numeric' }));
  return todays.get(key);
}

const isPositiveWhole = (n) => typeof n === 'number' && n > 0;

/**
 * The view model. `input`:
 *   state       the store's state
 *   tag         the element's language tag (`es-MX`…)
 *   data        the data files as read (data.js), or null before they are in
 *   plan        the chosen plan's view (the engine's `planView`), or null while it loads
 *   planRead    whether some plan's file has been read (the form waits for one)
 *   offered     the catalog entries (and added plans) the element offers
 *   extra       the plans added with addPlan()
 *   unknownIds  ids of the plans attribute the catalog does not have
 *   plansRead   Map: plan id → its view (the proposal's key benefits)
 *   uid         the element's id prefix
 *   broker      the agent (broker.js), or null
 *   urlState    whether the state goes into the URL
 *   on          the controls' handlers
 */
export function viewModel({ state, tag, data = null, plan = null, planRead = false, offered = [], extra = [], unknownIds = [], plansRead = new Map(), uid = 'ce', broker = null, urlState = false, on = {} }) {
  const w = wordsFor(tag);
  const ui = state.ui;
  const summary = offered.find((p) => p.id === state.plan) ?? plan;
  const services = data?.services.byId ?? new Map();
  const benefits = new Map((plan?.services ?? []).map((b) => [b.id, b]));
  const covers = (id) => !plan || benefits.has(id);
  const groups = (data?.services.value.groups ?? [])
    .map((g) => ({ id: g.id, label: g.label, services: data.services.value.services.filter((s) => s.group === g.id && covers(s.id)) }))
    .filter((g) => g.services.length);
  const name = (key) => personName(state, key, w.t);
  const presetsFile = data?.presets?.value ?? null;
  const presets = presetsFile?.presets ?? {};
  const ageOf = (person) => state.people.find((p) => p.key === person)?.age;
  const planNames = (id) => {
    const p = offered.find((q) => q.id === id) ?? extra.find((q) => q.id === id);
    const es = w.lang === 'es' ? p?.es : null;
    return { short: es?.short_name ?? p?.short_name ?? id, name: es?.name ?? p?.name ?? id };
  };
  // The ranking asked about this plan; or one that lists it (an option chosen from the ranking
  // keeps the ranking in view, marked updating, until the engine ranks again).
  const ranking = state.ranking;
  const comparing = ranking.ids.length > 1 && (ranking.key.startsWith(`${state.plan}|`) || ranking.ids.includes(state.plan));
  return {
    w,
    state,
    // The form is drawn once, with the first answer (an answer of the engine's has a revision;
    // drawing the form first, then the answer, costs a second layout on the way to the first
    // estimate); a slow engine shows it without.
    ready: Boolean(data) && state.plan !== '' && planRead && (state.answer.revision !== 0 || ui.waited),
    loadError: ui.loadError,
    id: (...parts) => [uid, ...parts].join('-').replace(/[^A-Za-z0-9_-]/g, '_'),
    width: ui.width,
    plan,
    planLoading: ui.planLoading,
    planSummary: summary,
    printable: ui.printable,
    offered,
    unknownIds,
    services,
    groups,
    medicarePlan: Boolean(plan?.medicare.asks),
    /** The chosen plan's rule for a service (the view's), or null. */
    benefit: (id) => benefits.get(id) ?? null,
    /** The enrollment types and pay schedules the chosen plan offers, from its view. */
    enrollmentTypes: (plan?.enrollment.types ?? []).map((t) => t.type),
    paySchedules: (plan?.pay_schedules ?? []).map((s) => s.pay_schedule),
    presets: Object.keys(presets),
    /** A person's typical years: each preset as it is for their age (state/presets.js), or, for
     * one that goes by age while the age is empty or not valid, disabled (`needsAge`). */
    presetsFor: (person) =>
      Object.entries(presets).map(([id, p]) => {
        const { preset, byAge, oldest } = presetFor(presetsFile, id, ageOf(person));
        const shown = preset ?? p;
        return { id, label: w.text(shown.label), illustrative: Boolean(shown.illustrative), total: typeof shown.total_allowed === 'string' ? shown.total_allowed : null, needsAge: byAge && !preset, oldest };
      }),
    typicalPrices: data?.prices.value.prices ?? {},
    channels: plan?.channels ?? ['retail'],
    comparing,
    urlState,
    copied: ui.copied,
    confirmExample: ui.confirmExample,
    broker,
    planById: (id) => plansRead.get(id) ?? null,
    /** The document a plan's lines are in (its view's), or null before the view is read. */
    documentOf: (id) => plansRead.get(id)?.document.file ?? null,
    share: ui.share,
    sharedAt: ui.sharedAt,
    contributionShown: true,
    announcement: ui.announcement,
    planNames,
    /** The group offer a plan belongs to, in the page's language (a catalog entry's or a view's). */
    programName: (p) => (w.lang === 'es' && p?.offer?.es) || p?.offer?.name || '',
    serviceName: (id) => w.text(services.get(id)?.label) || id,
    personName: name,
    /** A preset's name, for `person`'s age where it goes by age. */
    presetName: (id, person) => w.text((presetFor(presetsFile, id, ageOf(person)).preset ?? own(presets, id))?.label) || id,
    error: (fieldKey) => shownError(state, fieldKey),
    documentLink: (file, line) => `${documentPage()}?file=${encodeURIComponent(file)}&line=${encodeURIComponent(line)}${w.lang === 'es' ? '&lang=es' : ''}#L${encodeURIComponent(line)}`,
    today: () => today(w.locale),
    householdLine: (result) => {
      const people = result.members.map((m) => w.t.details.personAge(name(m.id), m.age)).join(', ');
      return `${people} · ${own(w.t.enrollment, result.enrollment) ?? result.enrollment} · ${own(w.t.pay, result.pay_schedule) ?? result.pay_schedule}`;
    },
    careInWords: (key) => {
      const parts = [];
      const drugs = []; // several drugs alike are said once, with how many ("20 × …")
      for (const u of state.care) {
        if (u.person !== key || !covers(u.service)) continue;
        const label = w.text(services.get(u.service)?.label) || u.service;
        if (u.often) {
          const f = drugFills(u);
          const started = monthOf(u.month) ? drugMonths(u.often, f.count, monthOf(u.month)) : null;
          if (started) f.count = started.length;
          drugs.push(`${label}: ${w.t.drugs.inWords(f.count, f.supply, own(w.t.drugs.channels, u.channel || 'retail') ?? '')}`);
        } else if (isPositiveWhole(typedWhole(u.count))) {
          parts.push(`${label} × ${u.count}`);
        }
      }
      const alike = new Map();
      for (const d of drugs) alike.set(d, (alike.get(d) ?? 0) + 1);
      for (const [d, n] of alike) parts.push(n > 1 ? `${n} × ${d}` : d);
      return parts.length ? parts.join('; ') : w.t.print.noCare;
    },
    /** What the live region says once the answer is in: the option, its total, and whether it
     * is the cheapest of those ranked (or which costs less), never the total alone. */
    spokenAnswer: () => spokenAnswer(state, w, planNames, comparing),
    engineAssumptions: (result) => (result?.assumptions ?? []).map((a) => w.t.assumption(a, name(a.member))),
    /** A Medicare Advantage plan's members must have Part B: before 65 that is rare (disability
     * or kidney failure), so an age under 65 is said to be unlikely rather than priced quietly. */
    medicareWarning: (person) => {
      const age = typedWhole(person.age);
      const below = plan?.medicare.unlikely_below_age;
      if (below == null || typeof age !== 'number' || age >= below || plan.medicare.refused.includes(person.medicare)) return '';
      return w.t.people.under65(name(person.key), age);
    },
    on,
  };
}

/** The live region's words for the answer on screen (see `spokenAnswer` above). */
function spokenAnswer(state, w, planNames, comparing) {
  const t = w.t.announce;
  const a = state.answer;
  const result = a.result;
  if (!result) return '';
  const name = planNames(result.plan).short;
  const total = w.money(result.total_annual_cost);
  const comparison = comparing && a.comparedFor === state.revision ? a.comparison : null;
  const priced = comparison?.options.filter((o) => o.estimate) ?? [];
  const own = priced.find((o) => o.plan === result.plan);
  if (!own || priced.length < 2) return t.alone(name, total);
  if (own.cheapest) return t.cheapest(name, total, priced.length, priced.filter((o) => o.cheapest).length > 1);
  const cheapest = priced.find((o) => o.cheapest);
  return t.dearer(name, total, planNames(cheapest.plan).short, w.money(cheapest.estimate.total_annual_cost));
}
