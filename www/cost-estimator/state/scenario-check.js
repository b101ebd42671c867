// An embedder's scenario (the element's `scenario` property) checked before the form shows it
// (issue #21): what the form cannot hold is refused with the engine's error shape (docs/domain.md,
// "Errors": code, field, path, params, origin, message) instead of being dropped in silence; the
// form's and the engine's limits (20 people, 2,000 uses of care) hold before anything is drawn.
// Typed values (an age, a count, an amount) are not judged here: the form shows them in their
// fields and the engine refuses a bad one there, as it does the visitor's own typing. Pure: no
// DOM, no engine; tested in Node (tests/store.test.mjs).
import { MAX_COUNT, MAX_PEOPLE as MAX_MEMBERS, MAX_USES } from './limits.js';
import { PRICE_KIND, outOfNetworkTier } from './scenario.js';
import { CHOICES } from './url-state.js';

const SCENARIO_KEYS = new Set(['plan', 'enrollment', 'pay_schedule', 'members', 'services', 'prices', 'employer_contribution', 'marginal_tax_rate', 'payment_plan']);
const MEMBER_KEYS = new Set(['id', 'age', 'relationship', 'medicare']);
const USE_KEYS = new Set(['member', 'service', 'count', 'allowed', 'days', 'days_supply', 'channel', 'network', 'billed', 'admitted', 'month']);
const RELATIONSHIPS = new Set(['subscriber', 'spouse', 'child']);
const MEDICARE = new Set([...CHOICES.medicare, 'unknown']);
const NETWORKS = new Set(['in_network', 'out_of_network']);
const PRICE_KINDS = new Set(['allowed', 'per_day', 'per_30_days_supply']);

/** `["services", 2, "count"]` → `services[2].count`. */
export function fieldText(path) {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i ? `.${p}` : p)).join('');
}

const WORDS = {
  wrong_argument: () => 'a scenario is an object',
  unknown_field: () => 'the form has no such field',
  missing_field: () => 'required',
  invalid_type: (p) => `must be ${p.expected}`,
  too_many: (p) => `at most ${p.max}`,
  unknown_plan: (p) => `no plan "${p.value}" in the catalog`,
  not_offered: (p) => `"${p.value}" is not offered here`,
  unknown_value: (p) => `"${p.value}" is not one of ${p.allowed.join(', ')}`,
  unknown_service: (p) => `no service "${p.value}"`,
  unknown_member: (p) => `no member "${p.value}"`,
  duplicate_id: (p) => `"${p.value}" is used twice`,
  not_applicable: (p) => `does not apply to ${p.to}`,
  out_of_range: (p) => `must be from ${p.min} to ${p.max}`,
};

/** What a use of each unit of care may say, besides its member, service, count, allowed,
 * month and the network (docs/domain.md, the scenario's uses). */
const UNIT_FIELDS = { visit: new Set(['billed']), admission: new Set(['days', 'admitted', 'billed']), fill: new Set(['days_supply', 'channel', 'billed']) };
const BY_UNIT = ['days', 'days_supply', 'channel', 'admitted'];

/** The error the element reports: the engine's shape, the English derived from code and params
 * (as the engine's, the words alone: `origin` and `field` are fields of their own). */
export function elementError(code, path = [], params = {}, origin = 'scenario') {
  const field = path.length ? fieldText(path) : null;
  const words = (WORDS[code] ?? (() => code))(params);
  return { code, field, path, params, origin, message: words };
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const shown = (v) => String(v).slice(0, 80);

/**
 * The first thing in `scenario` the form cannot show, as an error object, or null. `known`:
 * { offered: Map(plan id → catalog entry) the element offers, catalog: Set of every catalog
 * plan id, vocabulary: Set or Map of the service ids (a Map to each one's unit: then a use's
 * fields and a price's kind are checked against it), planView: the scenario plan's view, where
 * read (then out-of-network care is checked against the plan's tiers) }.
 */
export function checkScenario(scenario, { offered, catalog, vocabulary, planView = null }) {
  const fail = (code, path, params) => elementError(code, path, params);
  const extra = (value, allowed) => Object.keys(value).find((k) => !allowed.has(k)) ?? null;
  const choice = (value, allowed, path) => (value === undefined || allowed.has(value) ? null : fail('unknown_value', path, { value: shown(value), allowed: [...allowed] }));
  const text = (value, path) => (value === undefined || typeof value === 'string' ? null : fail('invalid_type', path, { expected: 'text' }));
  const typed = (value, path) => (value === undefined || typeof value === 'string' || typeof value === 'number' ? null : fail('invalid_type', path, { expected: 'a number' }));
  let key;

  if (!isObject(scenario)) return fail('wrong_argument');
  if ((key = extra(scenario, SCENARIO_KEYS)) !== null) return fail('unknown_field', [key]);
  if (typeof scenario.plan !== 'string') return fail(scenario.plan === undefined ? 'missing_field' : 'invalid_type', ['plan'], { expected: 'text' });
  const plan = offered.get(scenario.plan);
  if (!plan) return fail(catalog.has(scenario.plan) ? 'not_offered' : 'unknown_plan', ['plan'], { value: shown(scenario.plan) });
  const top =
    // A type or schedule the plan does not offer is the engine's to refuse (`not_offered`).
    choice(scenario.enrollment, CHOICES.enrollment, ['enrollment']) ??
    choice(scenario.pay_schedule, CHOICES.pay, ['pay_schedule']) ??
    typed(scenario.marginal_tax_rate, ['marginal_tax_rate']);
  if (top) return top;
  // The payment plan: one opt-in month, as the form holds it (the engine judges the month).
  const pp = scenario.payment_plan;
  if (pp !== undefined && (!isObject(pp) || Object.keys(pp).some((k) => k !== 'opt_in_month') || typed(pp.opt_in_month, []))) {
    return fail('invalid_type', ['payment_plan'], { expected: 'an object with opt_in_month' });
  }

  const { members, services = [], prices = {}, employer_contribution: contribution } = scenario;
  if (!Array.isArray(members)) return fail(members === undefined ? 'missing_field' : 'invalid_type', ['members'], { expected: 'a list' });
  if (members.length > MAX_MEMBERS) return fail('too_many', ['members'], { max: MAX_MEMBERS, count: members.length });
  const ids = new Set();
  for (const [i, m] of members.entries()) {
    const at = (k) => ['members', i, k];
    if (!isObject(m)) return fail('invalid_type', ['members', i], { expected: 'an object' });
    if ((key = extra(m, MEMBER_KEYS)) !== null) return fail('unknown_field', at(key));
    if (typeof m.id !== 'string' || m.id === '') return fail(m.id === undefined ? 'missing_field' : 'invalid_type', at('id'), { expected: 'text' });
    if (ids.has(m.id)) return fail('duplicate_id', at('id'), { value: shown(m.id) });
    ids.add(m.id);
    const found = typed(m.age, at('age')) ?? choice(m.relationship, RELATIONSHIPS, at('relationship')) ?? choice(m.medicare, MEDICARE, at('medicare'));
    if (found) return found;
  }

  if (!Array.isArray(services)) return fail('invalid_type', ['services'], { expected: 'a list' });
  if (services.length > MAX_USES) return fail('too_many', ['services'], { max: MAX_USES, count: services.length });
  for (const [i, s] of services.entries()) {
    const at = (k) => ['services', i, k];
    if (!isObject(s)) return fail('invalid_type', ['services', i], { expected: 'an object' });
    if ((key = extra(s, USE_KEYS)) !== null) return fail('unknown_field', at(key));
    if (typeof s.member !== 'string' || !ids.has(s.member)) return fail('unknown_member', at('member'), { value: shown(s.member) });
    if (typeof s.service !== 'string' || !vocabulary.has(s.service)) return fail('unknown_service', at('service'), { value: shown(s.service) });
    // A drug's month on the form is the month it starts: one month for all its fills is not
    // something the form can show.
    if (s.month !== undefined && s.days_supply !== undefined) return fail('unknown_field', at('month'));
    const found =
      typed(s.count, at('count')) ??
      typed(s.days, at('days')) ??
      typed(s.days_supply, at('days_supply')) ??
      typed(s.month, at('month')) ??
      text(s.allowed, at('allowed')) ??
      text(s.billed, at('billed')) ??
      choice(s.channel, CHOICES.channel, at('channel')) ??
      choice(s.network, NETWORKS, at('network')) ??
      (s.admitted === undefined || typeof s.admitted === 'boolean' ? null : fail('invalid_type', at('admitted'), { expected: 'true or false' }));
    if (found) return found;
    // What the form cannot hold, as the engine would refuse it (not dropped in silence): a
    // count below one, a field of another kind of care, a stay without its days, and
    // out-of-network care on a plan with no out-of-network tier for it.
    if (s.count !== undefined && !(Number(s.count) >= 1 && Number(s.count) <= MAX_COUNT)) return fail('out_of_range', at('count'), { min: 1, max: MAX_COUNT, value: shown(s.count) });
    const unit = vocabulary instanceof Map ? vocabulary.get(s.service) : undefined;
    if (unit && UNIT_FIELDS[unit]) {
      const stray = BY_UNIT.find((k) => s[k] !== undefined && !UNIT_FIELDS[unit].has(k));
      if (stray) return fail('not_applicable', at(stray), { to: s.service });
      if (unit === 'admission' && s.days === undefined) return fail('missing_field', at('days'));
    }
    if (s.network === 'out_of_network' && planView && !outOfNetworkTier(planView.services?.find((b) => b.id === s.service))) {
      return fail('not_applicable', at('network'), { to: `${s.service} on ${scenario.plan}` });
    }
  }

  if (!isObject(prices)) return fail('invalid_type', ['prices'], { expected: 'an object' });
  for (const [service, price] of Object.entries(prices)) {
    if (!vocabulary.has(service)) return fail('unknown_service', ['prices', service], { value: shown(service) });
    if (!isObject(price) || Object.keys(price).length !== 1 || !PRICE_KINDS.has(Object.keys(price)[0]) || typeof Object.values(price)[0] !== 'string') {
      return fail('invalid_type', ['prices', service], { expected: 'one of allowed, per_day, per_30_days_supply, as text' });
    }
    // The form holds one price a service, in its unit's kind: another kind would change what
    // the amount means (a stay's whole price read as a day's).
    const want = vocabulary instanceof Map ? PRICE_KIND[vocabulary.get(service)] : undefined;
    if (want && Object.keys(price)[0] !== want) return fail('invalid_type', ['prices', service], { expected: `${want}, as text` });
  }
  if (contribution !== undefined) {
    const kinds = isObject(contribution) ? Object.keys(contribution) : [];
    if (kinds.length !== 1 || !CHOICES.contribution.has(kinds[0]) || typed(contribution[kinds[0]], [])) {
      return fail('invalid_type', ['employer_contribution'], { expected: 'an amount or a percent' });
    }
  }
  return null;
}
