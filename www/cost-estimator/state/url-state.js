// The state in the URL's fragment (#…), so an estimate can be shared or bookmarked and reopens
// the same view. The fragment is never sent to a server. Keys (each with an optional prefix
// "<p>." when several elements share a page):
//   plan=<id>  enr=<enrollment>  pay=<schedule>  ec=<amount|percent>*<value>  tr=<tax rate %>
//   open=<panel>,…
//   p=<person>*<age>[*mc-<medicare>]                       one per person (you, spouse, child-N)
//   s=<person>*<service>*<count>[*d-<days>][*ds-<supply>][*ch-<channel>][*o-<often>][*adm][*oon]
//     [*billed-<amount>][*al-<allowed>][*cl-<count>:<allowed>,…]   one per use of care; `cl-`:
//     a published year's claims of the service (state/claims.js), their counts adding up to
//     the line's count
//   price-<service>=<amount>                               a price the visitor changed
// Values are kept as typed: a shared link shows the same text in the same field, and the same
// message for a bad value. A choice the page does not offer (a pay schedule, how often, a service
// id…) is never looked up on an object: it is not used, and the page says so (issue #21). Other
// keys in the fragment (the page's lang=…) are left alone.

import { MONEY, claimCount, formatClaims, parseClaims } from './claims.js';
import { MAX_PEOPLE, MAX_USES } from './limits.js';

const enc = (v) => encodeURIComponent(String(v)).replace(/\*/g, '%2A');
const dec = (v) => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

const OWN_KEYS = ['plan', 'enr', 'pay', 'p', 's', 'ec', 'tr', 'open', 'ppm'];
const PANELS = /^(chart|details|prices|people|sources|premium|months|[a-z0-9-]+:[a-z]+)$/;
const SERVICE_ID = /^[a-z0-9_]{1,80}$/;

/** The values a link may give for each choice; anything else is not used, and said. Looked up
 * with `has` only: a value such as "constructor" or "__proto__" is a value like any other. */
export const CHOICES = {
  enrollment: new Set(['self_only', 'self_plus_one', 'self_and_family', 'per_member']),
  pay: new Set(['biweekly', 'monthly']),
  medicare: new Set(['none', 'part_a_only', 'part_b_only', 'parts_a_and_b']),
  often: new Set(['monthly', 'quarterly', 'once', 'custom']),
  channel: new Set(['retail', 'community', 'mail']),
  contribution: new Set(['amount', 'percent']),
  month: new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12']),
};

function params(hash) {
  return new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
}

/**
 * The state the fragment holds (a partial state for the store's `load`), or null if none.
 * `known` (optional): `plans`, a Map of the plans offered (id → catalog entry), `fallback`,
 * the plan shown when the
 * link's is not offered, and `services`, the vocabulary's ids (a Set or Map). A value the page does not know is not used: the field keeps its default and the
 * state's `linkIssues` lists it ({ key: the field it marks or null, what, value }), for the page
 * to say so. Typed text (ages, counts, amounts) is kept as typed: the engine refuses it at its
 * field, as it would the visitor's own typing.
 */
export function decodeState(hash, prefix = '', known = {}) {
  const q = params(hash);
  const k = (name) => (prefix ? `${prefix}.${name}` : name);
  if (!q.has(k('plan')) && !q.has(k('p')) && !q.has(k('s'))) return null;
  const issues = [];
  const issue = (what, value, key = null) => issues.push({ key, what, value: String(value).slice(0, 80) });
  const choice = (what, value, key, allowed = CHOICES[what]) => {
    if (value === '' || allowed.has(value)) return value;
    issue(what, value, key);
    return '';
  };
  let plan = q.get(k('plan')) ?? '';
  if (known.plans && !known.plans.has(plan)) {
    if (plan) issue('plan', plan);
    plan = known.fallback ?? '';
  }
  // Any type or schedule the page knows: one the plan does not offer is the engine's to refuse,
  // at its field, naming those the plan offers (the page reads no plan file).
  const enrollment = choice('enrollment', q.get(k('enr')) ?? '', 'enrollment');
  const pay = choice('pay', q.get(k('pay')) ?? '', 'pay');
  const people = [];
  const rename = new Map();
  let children = 0;
  for (const raw of q.getAll(k('p'))) {
    const [id, age = '', ...rest] = raw.split('*').map(dec);
    if (!id || rename.has(id) || people.length >= MAX_PEOPLE) {
      issue('person', raw);
      continue;
    }
    // You first; a person the link calls "spouse" is the spouse; everyone else a child.
    const role = people.length === 0 ? 'you' : id === 'spouse' && !people.some((p) => p.role === 'spouse') ? 'spouse' : 'child';
    const key = role === 'child' ? `child-${++children}` : role;
    rename.set(id, key);
    const person = { key, role, age, medicare: '' };
    for (const item of rest) if (item.startsWith('mc-')) person.medicare = item === 'mc-unknown' ? '' : choice('medicare', item.slice(3), `medicare:${key}`);
    people.push(person);
  }
  if (people.length === 0) people.push({ key: 'you', role: 'you', age: '', medicare: '' });
  const care = [];
  let n = 1;
  for (const raw of q.getAll(k('s'))) {
    const [member, service = '', count = '1', ...rest] = raw.split('*').map(dec);
    const person = rename.get(member);
    if (!person) {
      issue('member', member);
      continue;
    }
    if (!SERVICE_ID.test(service) || (known.services && !known.services.has(service))) {
      issue('service', service);
      continue;
    }
    if (care.length >= MAX_USES) {
      issue('uses', raw);
      continue;
    }
    const use = { key: `u${n++}`, person, service, count, days: '', often: '', channel: '', admitted: false, oon: false, billed: '', month: '' };
    for (const item of rest) {
      if (item.startsWith('d-')) use.days = item.slice(2);
      else if (item.startsWith('ds-')) use.supply = item.slice(3);
      else if (item.startsWith('ch-')) use.channel = choice('channel', item.slice(3), `channel:${use.key}`);
      else if (item.startsWith('o-')) use.often = choice('often', item.slice(2), `often:${use.key}`);
      else if (item.startsWith('billed-')) use.billed = item.slice(7);
      // A line's own price has no field of its own on the form: one that is not an amount
      // ("1e5", "1,500") is not used, and said, rather than left where no field can fix it.
      else if (item.startsWith('al-')) {
        if (MONEY.test(item.slice(3))) use.allowed = item.slice(3);
        else issue('allowed', item.slice(3));
      }
      else if (item.startsWith('cl-')) {
        // Claims that do not add up to the line's count are not used: the count is priced at
        // one price, and the page says so.
        const claims = parseClaims(item.slice(3));
        if (claims && String(claimCount(claims)) === count) use.claims = claims;
        else issue('claims', item.slice(3), `count:${use.key}`);
      }
      else if (item.startsWith('m-')) use.month = choice('month', item.slice(2), `month:${use.key}`);
      else if (item === 'adm') use.admitted = true;
      else if (item === 'oon') use.oon = true;
    }
    // A fill without a known `o-` (an older link, or a value the page does not know) is a
    // custom number of fills and days' supply: the count the link gives is priced.
    if (!use.often && (use.supply || rest.some((item) => item.startsWith('o-')))) {
      use.often = 'custom';
      use.supply ||= '30';
    }
    care.push(use);
  }
  const prices = {};
  const pricePrefix = k('price-');
  for (const [key, value] of q) {
    if (!key.startsWith(pricePrefix)) continue;
    const service = key.slice(pricePrefix.length);
    if (SERVICE_ID.test(service) && (!known.services || known.services.has(service))) Object.defineProperty(prices, service, { value, enumerable: true, writable: true, configurable: true });
    else issue('price', service);
  }
  const [kind = '', value = ''] = (q.get(k('ec')) ?? '').split('*').map(dec);
  const contribution = choice('contribution', kind, 'contribution') ? { kind, value } : { kind: '', value: '' };
  const open = {};
  for (const panel of (q.get(k('open')) ?? '').split(',')) if (PANELS.test(panel)) open[panel] = true;
  return {
    plan,
    enrollment,
    pay,
    people,
    care,
    prices,
    contribution,
    taxRate: q.get(k('tr')) ?? '',
    paymentPlan: choice('month', q.get(k('ppm')) ?? '', 'paymentPlan'),
    open,
    nextUse: n,
    linkIssues: issues,
  };
}

/** `hash` with this element's keys replaced by the state's; other keys kept. */
export function encodeState(hash, state, prefix = '') {
  const q = params(hash);
  const k = (name) => (prefix ? `${prefix}.${name}` : name);
  for (const key of [...q.keys()]) {
    const bare = prefix ? (key.startsWith(`${prefix}.`) ? key.slice(prefix.length + 1) : null) : key;
    if (bare !== null && (OWN_KEYS.includes(bare) || bare.startsWith('price-'))) q.delete(key);
  }
  q.set(k('plan'), state.plan);
  if (state.enrollment) q.set(k('enr'), state.enrollment);
  if (state.pay) q.set(k('pay'), state.pay);
  for (const p of state.people) {
    const parts = [enc(p.key), enc(p.age)];
    if (p.medicare) parts.push(`mc-${enc(p.medicare)}`);
    q.append(k('p'), parts.join('*'));
  }
  for (const u of state.care) {
    const parts = [enc(u.person), enc(u.service), enc(u.count)];
    if (u.days) parts.push(`d-${enc(u.days)}`);
    if (u.supply && u.often === 'custom') parts.push(`ds-${enc(u.supply)}`);
    if (u.often) parts.push(`o-${enc(u.often)}`);
    if (u.channel) parts.push(`ch-${enc(u.channel)}`);
    if (u.admitted) parts.push('adm');
    if (u.oon) parts.push('oon');
    if (u.billed) parts.push(`billed-${enc(u.billed)}`);
    if (u.allowed) parts.push(`al-${enc(u.allowed)}`);
    if (u.claims) parts.push(`cl-${enc(formatClaims(u.claims))}`);
    if (u.month) parts.push(`m-${enc(u.month)}`);
    q.append(k('s'), parts.join('*'));
  }
  for (const [service, value] of Object.entries(state.prices)) q.set(k(`price-${service}`), value);
  if (state.contribution?.kind && state.contribution.value !== '') q.set(k('ec'), `${state.contribution.kind}*${enc(state.contribution.value)}`);
  if (state.taxRate) q.set(k('tr'), state.taxRate);
  if (state.paymentPlan) q.set(k('ppm'), state.paymentPlan);
  const open = Object.keys(state.open ?? {}).filter((panel) => PANELS.test(panel));
  if (open.length) q.set(k('open'), open.join(','));
  return `#${q.toString()}`;
}
