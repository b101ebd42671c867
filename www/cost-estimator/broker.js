// The agent named by the broker-* attributes, as the element shows and links it (issue #21):
// each value trimmed and shortened, without control characters or bidi controls (the views also
// isolate each one, <bdi>); the email linked only as an address (nothing after it: no `?bcc=`,
// no `&body=`); the phone dialled only as digits the visitor sees (a vanity number's letters are
// shown as their keypad digits beside it; an extension is dialled as one, `;ext=`); anything
// else shown as text and not linked. Pure: tested in Node (tests/store.test.mjs).

// C0, DEL, C1, and the bidi marks, embeddings, overrides and isolates.
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const clean = (v) => String(v ?? '').replace(CONTROLS, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);

// An address as HTML's email inputs accept it, less the characters a mailto: URL gives a
// meaning to (? & = # %): linked as it is, it can carry nothing but the address.
const ADDRESS = /^[A-Za-z0-9.!$'*+/^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

// A number written with digits, spaces, ( ) . - / and an optional leading +, or capital letters
// of a vanity number (1-800-FLOWERS); then an optional extension (ext. 12, x12, #12).
const PHONE = /^(\+?[(0-9A-Z][0-9A-Z ().\-/]*?)(?:\s*,?\s*(?:ext\.?|extension|\s+x|#)\s*(\d{1,6}))?$/i;
const KEYPAD = '22233344455566677778889999'; // A…Z on a telephone keypad (ITU E.161)

/** The email attribute: the address shown and linked, or the text shown unlinked. */
export function emailOf(value) {
  const text = clean(value);
  const address = text.split('?')[0];
  return ADDRESS.test(address) ? { shown: address, href: `mailto:${address}` } : { shown: text, href: null };
}

/** The phone attribute: as given, the `tel:` link of exactly its digits (or null), and for a
 * vanity number the digits its letters dial, to show beside it. */
export function phoneOf(value) {
  const shown = clean(value);
  const m = PHONE.exec(shown);
  // Lower-case letters are words ("office", "call me"), not a vanity number.
  if (!m || /[a-z]/.test(m[1])) return { shown, href: null, dialed: null };
  const keyed = m[1].replace(/[A-Z]/g, (c) => KEYPAD[c.charCodeAt(0) - 65]).trim();
  const digits = keyed.replace(/[^\d+]/g, '');
  const count = digits.replace('+', '').length;
  if (count < 3 || count > 15 || digits.lastIndexOf('+') > 0) return { shown, href: null, dialed: null };
  return { shown, href: `tel:${digits}${m[2] ? `;ext=${m[2]}` : ''}`, dialed: /[A-Z]/.test(m[1]) ? keyed : null };
}

/** The agent from the four attributes, or null when none is given. `phone` and `email` are what
 * is shown; `tel`, `mailto` the links (null: shown as text); `dialed` a vanity number's digits. */
export function agentOf({ name, id, phone, email }) {
  const p = phoneOf(phone);
  const e = emailOf(email);
  const agent = { name: clean(name), id: clean(id), phone: p.shown, email: e.shown, tel: p.href, mailto: e.href, dialed: p.dialed };
  return agent.name || agent.id || agent.phone || agent.email ? agent : null;
}
