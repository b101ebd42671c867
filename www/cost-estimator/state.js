// The element's state in the URL's fragment (#…), so an estimate can be shared or bookmarked.
// The fragment is never sent to a server. Keys (with an optional prefix "<p>."):
//   plan=<id>  enr=<enrollment>  pay=<schedule>
//   p=<person id>*<age>[*rel-<relationship>][*mc-<medicare>]            one per person
//   s=<person id>*<service>*<count>[*d-<days>][*ds-<supply>][*ch-<channel>][*adm][*oon][*billed-<amount>]
//   price-<service>=<amount>                                             a price you changed
// Values are what the user typed (so a shared link shows the same message for a bad value).
// Other keys in the fragment (the page's lang=…) are kept as they are.

const enc = (v) => encodeURIComponent(String(v)).replace(/\*/g, '%2A');
const dec = (v) => {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
};

function params(hash) {
  return new URLSearchParams(String(hash ?? '').replace(/^#/, ''));
}

/** The state from a fragment, or null if it holds none of this element's keys. */
export function decodeState(hash, prefix = '') {
  const q = params(hash);
  const k = (name) => (prefix ? `${prefix}.${name}` : name);
  if (!q.has(k('plan')) && !q.has(k('p')) && !q.has(k('s'))) return null;
  const state = { plan: q.get(k('plan')) ?? '', enrollment: q.get(k('enr')) ?? '', pay: q.get(k('pay')) ?? '', people: [], uses: [], prices: {} };
  for (const raw of q.getAll(k('p'))) {
    const [id, age = '', ...rest] = raw.split('*').map(dec);
    if (!id) continue;
    const person = { id, age, relationship: '', medicare: '' };
    for (const item of rest) {
      if (item.startsWith('rel-')) person.relationship = item.slice(4);
      if (item.startsWith('mc-')) person.medicare = item.slice(3);
    }
    state.people.push(person);
  }
  for (const raw of q.getAll(k('s'))) {
    const [member, service, count = '1', ...rest] = raw.split('*').map(dec);
    if (!member || !service) continue;
    const use = { member, service, count, days: '', supply: '', channel: '', admitted: false, oon: false, billed: '' };
    for (const item of rest) {
      if (item.startsWith('d-')) use.days = item.slice(2);
      else if (item.startsWith('ds-')) use.supply = item.slice(3);
      else if (item.startsWith('ch-')) use.channel = item.slice(3);
      else if (item === 'adm') use.admitted = true;
      else if (item === 'oon') use.oon = true;
      else if (item.startsWith('billed-')) use.billed = item.slice(7);
    }
    state.uses.push(use);
  }
  const pricePrefix = k('price-');
  for (const [key, value] of q) {
    if (key.startsWith(pricePrefix)) state.prices[key.slice(pricePrefix.length)] = value;
  }
  return state;
}

/** `hash` with this element's keys replaced by `state`'s; other keys kept. */
export function encodeState(hash, state, prefix = '') {
  const q = params(hash);
  const k = (name) => (prefix ? `${prefix}.${name}` : name);
  for (const key of [...q.keys()]) {
    const bare = prefix ? (key.startsWith(`${prefix}.`) ? key.slice(prefix.length + 1) : null) : key;
    if (bare !== null && (['plan', 'enr', 'pay', 'p', 's'].includes(bare) || bare.startsWith('price-'))) q.delete(key);
  }
  q.set(k('plan'), state.plan);
  if (state.enrollment) q.set(k('enr'), state.enrollment);
  if (state.pay) q.set(k('pay'), state.pay);
  for (const p of state.people) {
    const parts = [enc(p.id), enc(p.age)];
    if (p.relationship) parts.push(`rel-${enc(p.relationship)}`);
    if (p.medicare) parts.push(`mc-${enc(p.medicare)}`);
    q.append(k('p'), parts.join('*'));
  }
  for (const u of state.uses) {
    const parts = [enc(u.member), enc(u.service), enc(u.count)];
    if (u.days) parts.push(`d-${enc(u.days)}`);
    if (u.supply) parts.push(`ds-${enc(u.supply)}`);
    if (u.channel) parts.push(`ch-${enc(u.channel)}`);
    if (u.admitted) parts.push('adm');
    if (u.oon) parts.push('oon');
    if (u.billed) parts.push(`billed-${enc(u.billed)}`);
    q.append(k('s'), parts.join('*'));
  }
  for (const [service, value] of Object.entries(state.prices)) q.set(k(`price-${service}`), value);
  return `#${q.toString()}`;
}

/** A number the user typed, for the engine: '' → null; not a number → the text itself (which the
 * engine then refuses, naming the field). */
export function typedNumber(raw) {
  const text = String(raw ?? '').trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** An amount the user typed, tidied but not computed with: "$1,200.50" → "1200.50". */
export function typedMoney(raw) {
  let text = String(raw ?? '').trim().replace(/^\$\s*/, '').replace(/\s*(US)?\$$/, '');
  if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) text = text.replace(/,/g, '');
  return text;
}
