// The state as the engine's scenario (docs/domain.md, "A scenario"), and back; and where an engine
// error about a scenario field belongs on the page. Pure functions: no DOM, no engine.
//
// Numbers the visitor typed go to the engine as numbers only when they are plain decimal digits
// ("12"); anything else ("0x10", "1e3", " 3 ", "abc") goes as the text itself, which the engine
// refuses naming the field, so the page shows the message at the field that holds that text.
import { DRUG_SCHEDULES } from './store.js';
import { claimsFor, wellFormed } from './claims.js';

/** "12" → 12; "" → null; other text → the text (the engine refuses it, naming the field). */
export function typedWhole(raw) {
  const text = String(raw ?? '');
  if (text.trim() === '') return null;
  return /^[0-9]{1,9}$/.test(text) ? Number(text) : text;
}

/** An amount as typed, tidied but not computed with: "$1,200.50" → "1200.50". */
export function typedMoney(raw) {
  let text = String(raw ?? '').trim().replace(/^\$\s*/, '').replace(/\s*(US)?\$$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) text = text.replace(/,/g, '');
  return text;
}

const RELATIONSHIP = { you: 'subscriber', spouse: 'spouse', child: 'child' };
export const PRICE_KIND = { visit: 'allowed', admission: 'per_day', fill: 'per_30_days_supply' };

/** A drug use's fills and days' supply (from how often it is taken). */
export function drugFills(use) {
  if (Object.hasOwn(DRUG_SCHEDULES, use.often)) {
    const s = DRUG_SCHEDULES[use.often];
    return { count: s.count, supply: s.supply };
  }
  return { count: typedWhole(use.count), supply: typedWhole(use.supply || '30') };
}

/**
 * The scenario the state describes, for plan `plan` (the engine's plan object or null), with
 * `units` (service id → unit, from the vocabulary). Returns { scenario, uses, people, left }:
 * `uses[i]` is the state use behind `scenario.services[i]`, `people[i]` the person behind
 * `members[i]`, `left` the uses the plan does not price (kept in the state, not sent).
 */
export function toScenario(state, plan, units) {
  // From the plan's view: whether it prices members by role and asks their Medicare status.
  const perMember = plan?.enrollment.types.some((t) => t.type === 'per_member') ?? false;
  const medicarePlan = Boolean(plan?.medicare.asks || plan?.part_d);
  const benefits = new Map((plan?.services ?? []).map((b) => [b.id, b]));
  const defaultSupply = plan?.defaults.days_supply ?? 30;
  const scenario = { plan: state.plan, members: [], services: [] };
  if (state.enrollment && !state.enrollmentWaits) scenario.enrollment = state.enrollment;
  if (state.pay) scenario.pay_schedule = state.pay;
  const people = [];
  for (const p of state.people) {
    const member = { id: p.key, age: typedWhole(p.age) };
    if (perMember) member.relationship = RELATIONSHIP[p.role];
    if (medicarePlan && p.medicare) member.medicare = p.medicare;
    scenario.members.push(member);
    people.push(p.key);
  }
  const uses = [];
  const left = [];
  const usedServices = new Set();
  for (const u of state.care) {
    if (!people.includes(u.person)) continue;
    // Looked up as the plan's own: a service id such as "constructor" is not a benefit.
    const benefit = benefits.get(u.service);
    if (plan && !benefit) {
      left.push(u);
      continue;
    }
    const unit = units.get(u.service) ?? benefit?.unit ?? 'visit';
    const use = { member: u.person, service: u.service };
    if (unit === 'fill' || u.often) {
      const { count, supply } = drugFills(u);
      if (count === null || count === 0) continue;
      use.count = count;
      use.days_supply = supply ?? defaultSupply;
      use.channel = u.channel || 'retail';
    } else {
      const count = typedWhole(u.count);
      if (count === null || count === 0) continue;
      use.count = count;
      if (unit === 'admission') use.days = typedWhole(u.days || '3');
    }
    const month = monthOf(u.month);
    if (month) {
      // A visit's month is every visit's (rule 1); a drug's is the month it starts.
      if (unit === 'fill' || u.often) {
        const months = drugMonths(u.often, use.count, month);
        if (months) {
          use.months = months;
          use.count = months.length;
        }
      } else use.month = month;
    }
    if (u.allowed) use.allowed = u.allowed;
    if (u.admitted && benefit?.waived_if_admitted) use.admitted = true;
    if (u.oon && outOfNetworkTier(benefit)) {
      use.network = 'out_of_network';
      const billed = typedMoney(u.billed);
      if (billed) use.billed = billed;
    }
    // A published year's claims: each group a use of its own amount (state/claims.js).
    const claims = claimsFor(u, use.count, use.months);
    for (const group of claims ?? [null]) {
      scenario.services.push(group ? { ...use, count: group.count, allowed: group.allowed } : use);
      uses.push(u.key);
    }
    usedServices.add(u.service);
  }
  const prices = {};
  for (const [service, raw] of Object.entries(state.prices)) {
    const amount = typedMoney(raw);
    const unit = units.get(service);
    if (amount !== '' && own(PRICE_KIND, unit) && usedServices.has(service)) prices[service] = { [PRICE_KIND[unit]]: amount };
  }
  if (Object.keys(prices).length) scenario.prices = prices;
  const c = state.contribution;
  if (c?.kind && String(c.value).trim() !== '') {
    scenario.employer_contribution = c.kind === 'percent' ? { percent: String(c.value).trim().replace(/%$/, '') } : { amount: typedMoney(c.value) };
  }
  const tax = String(state.taxRate ?? '').trim().replace(/\s*%$/, '');
  if (tax !== '') scenario.marginal_tax_rate = tax;
  const optIn = monthOf(state.paymentPlan);
  if (optIn && plan?.part_d) scenario.payment_plan = { opt_in_month: optIn };
  return { scenario, uses, people, left };
}

/** The claims a line sends, as toScenario counts the line (state/claims.js), or null. */
export function lineClaims(use) {
  if (!use.often) return claimsFor(use, typedWhole(use.count));
  const fills = drugFills(use);
  const start = monthOf(use.month);
  return claimsFor(use, fills.count, start ? drugMonths(use.often, fills.count, start) : null);
}

/** '1'…'12' → 1…12; anything else → null (spread over the year). */
export function monthOf(raw) {
  const text = String(raw ?? '');
  return /^(1[0-2]|[1-9])$/.test(text) ? Number(text) : null;
}

/**
 * The months of a drug's fills when it starts in month `start` (docs/domain.md, rule 1): taken
 * every month, one fill a month from `start` to December; every three months (90 days), one
 * fill each quarter from `start` (at most four); once, the one fill in `start`; otherwise
 * (fills as typed) the `count` fills spread over the months from `start` on, as rule 1 spreads
 * a year's (fill k of n in month start + floor(k × (13 − start) / n)). Null when the count is
 * not a number (the engine refuses it at its field).
 */
export function drugMonths(often, count, start) {
  const span = 13 - start;
  if (often === 'monthly') return Array.from({ length: span }, (_, k) => start + k);
  if (often === 'quarterly') return Array.from({ length: Math.ceil(span / 3) }, (_, k) => start + 3 * k);
  if (often === 'once') return [start];
  if (typeof count !== 'number' || count < 1) return null;
  return Array.from({ length: count }, (_, k) => start + Math.floor((k * span) / count));
}

/** `object[key]` if it is the object's own property, else null: a key from outside (a link, an
 * embedder's scenario, an engine message) never reaches Object.prototype. */
export function own(object, key) {
  return object != null && typeof object === 'object' && Object.hasOwn(object, key) ? object[key] : null;
}

/** The plan's out-of-network tier for a service, if it has one (KP Plus). */
/** A service's out-of-network tier, from the plan view's rule (`{ summary, sample }`), or null. */
export function outOfNetworkTier(benefit) {
  return benefit?.out_of_network === 'tier' ? { summary: benefit.out_of_network_summary, sample: benefit.out_of_network_sample } : null;
}

const FIELD_OF_USE = { count: 'count', days: 'days', days_supply: 'supply', billed: 'billed', allowed: 'price', channel: 'count', admitted: 'count', network: 'count', service: 'count', month: 'month', months: 'month' };

/**
 * Where an engine error belongs: a field key of the page (`age:you`, `count:u3`, `price:lab_test`,
 * `enrollment` …), or null for an error no field holds. `map` is toScenario's { uses, people }.
 */
export function fieldOf(error, map, scenario) {
  const field = error?.field;
  if (!field || (error.origin && error.origin !== 'scenario')) return null;
  let m;
  if ((m = /^members\[(\d+)\](?:\.([a-z_]+))?/.exec(field))) {
    const person = map.people[Number(m[1])];
    if (!person) return null;
    return m[2] === 'medicare' ? `medicare:${person}` : `age:${person}`;
  }
  if ((m = /^services\[(\d+)\](?:\.([a-z_]+))?/.exec(field))) {
    const use = map.uses[Number(m[1])];
    if (!use) return null;
    const sub = m[2] ?? 'count';
    if (sub === 'allowed') return `price:${scenario?.services?.[Number(m[1])]?.service}`;
    return `${own(FIELD_OF_USE, sub) ?? 'count'}:${use}`;
  }
  if ((m = /^prices\.([a-z0-9_]+)/.exec(field))) return `price:${m[1]}`;
  if (field === 'members' || field === 'enrollment') return 'enrollment';
  if (field === 'pay_schedule') return 'pay';
  if (field.startsWith('employer_contribution')) return 'contribution';
  if (field === 'marginal_tax_rate') return 'taxRate';
  if (field.startsWith('payment_plan')) return 'paymentPlan';
  return null;
}

/** The kind of field a field key is (for the words of its error): age, count, price, … */
export function fieldKind(fieldKey) {
  return String(fieldKey).split(':')[0];
}

/**
 * The state's household and care from a scenario (the `scenario` property, an embedder's
 * data, checked first by scenario-check.js: what the form cannot hold is refused there). People
 * keep their ids where they are the page's own (you, spouse, child-N); others are renamed in
 * order. Returns a partial state for the store's `load` action.
 */
export function fromScenario(scenario, units, spouseMinAge = 26) {
  const people = [];
  const rename = new Map();
  let children = 0;
  const members = Array.isArray(scenario?.members) ? scenario.members : [];
  members.forEach((m, i) => {
    const rel = m?.relationship;
    const role = i === 0 ? 'you' : rel === 'spouse' && !people.some((p) => p.role === 'spouse') ? 'spouse' : rel === 'child' ? 'child' : guessRole(m, people, spouseMinAge);
    const key = role === 'you' ? 'you' : role === 'spouse' ? 'spouse' : `child-${++children}`;
    rename.set(String(m?.id), key);
    people.push({ key, role, age: m?.age == null ? '' : String(m.age), medicare: typeof m?.medicare === 'string' && m.medicare !== 'unknown' ? m.medicare : '' });
  });
  if (people.length === 0) people.push({ key: 'you', role: 'you', age: '', medicare: '' });
  const care = [];
  let n = 1;
  for (const s of Array.isArray(scenario?.services) ? scenario.services : []) {
    const person = rename.get(String(s?.member));
    if (!person || typeof s?.service !== 'string') continue;
    const unit = units.get(s.service);
    const use = { key: `u${n++}`, person, service: s.service, count: s.count == null ? '1' : String(s.count), days: '', often: '', channel: '', admitted: Boolean(s.admitted), oon: s.network === 'out_of_network', billed: s.billed ?? '', month: s.month == null ? '' : String(s.month) };
    if (unit === 'admission') use.days = s.days == null ? '' : String(s.days);
    if (unit === 'fill') {
      const supply = s.days_supply ?? 30;
      const match = Object.entries(DRUG_SCHEDULES).find(([, d]) => d.count === s.count && d.supply === supply);
      use.often = match ? match[0] : 'custom';
      use.supply = String(supply);
      use.channel = s.channel ?? 'retail';
    }
    if (typeof s.allowed === 'string') use.allowed = s.allowed;
    // The uses toScenario made of one line's claims (the same person, service and everything
    // but the count and amount, one after the other) are one line again.
    const last = care[care.length - 1];
    if (use.allowed && last && last.person === person && (last.claims || last.allowed) && sameLine(last, use)) {
      last.claims = [...(last.claims ?? [{ count: Number(last.count), allowed: last.allowed }]), { count: Number(use.count), allowed: use.allowed }];
      delete last.allowed;
      if (wellFormed(last.claims)) {
        last.count = String(last.claims.reduce((n, g) => n + g.count, 0));
        if (last.often) {
          const match = Object.entries(DRUG_SCHEDULES).find(([, d]) => d.count === Number(last.count) && String(d.supply) === last.supply);
          last.often = match ? match[0] : 'custom';
        }
        n--;
        continue;
      }
      last.claims.pop();
      if (last.claims.length === 1) [last.allowed, last.claims] = [last.claims[0].allowed, undefined];
      if (!last.claims) delete last.claims;
    }
    care.push(use);
  }
  const prices = {};
  for (const [service, p] of Object.entries(scenario?.prices ?? {})) {
    const amount = p?.allowed ?? p?.per_day ?? p?.per_30_days_supply;
    if (typeof amount === 'string') prices[service] = amount;
  }
  const ec = scenario?.employer_contribution;
  const contribution = ec?.percent != null ? { kind: 'percent', value: String(ec.percent) } : ec?.amount != null ? { kind: 'amount', value: String(ec.amount) } : { kind: '', value: '' };
  return {
    plan: String(scenario?.plan ?? ''),
    enrollment: typeof scenario?.enrollment === 'string' ? scenario.enrollment : '',
    pay: typeof scenario?.pay_schedule === 'string' ? scenario.pay_schedule : '',
    people,
    care,
    prices,
    contribution,
    taxRate: scenario?.marginal_tax_rate != null ? String(scenario.marginal_tax_rate) : '',
    paymentPlan: scenario?.payment_plan?.opt_in_month != null ? String(scenario.payment_plan.opt_in_month) : '',
    nextUse: n,
  };
}

/** Two uses that differ only in their count and amount (each a whole count). */
function sameLine(a, b) {
  const keys = ['service', 'days', 'channel', 'admitted', 'oon', 'billed', 'month', 'supply'];
  return keys.every((k) => a[k] === b[k]) && /^[1-9][0-9]*$/.test(a.count) && /^[1-9][0-9]*$/.test(b.count);
}

/** An unnamed second adult is the spouse, as the engine assumes for premiums: `spouseMinAge` is
 * the plan view's `defaults.implied_spouse_min_age` (26 until the view is in). */
function guessRole(member, people, spouseMinAge) {
  if (!people.some((p) => p.role === 'spouse') && Number(member?.age) >= spouseMinAge) return 'spouse';
  return 'child';
}
