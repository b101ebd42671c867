// A care line's claims: a preset that is a published year of care (the CMS table's Maternity and
// Diabetes rows, the coverage example) gives a service as groups of claims whose amounts differ by
// a cent (lab tests: 7 at $23.95 and 15 at $23.94). The line keeps them, `claims: [{ count,
// allowed }]`, its count their sum, and the scenario sends each group as a use; once the visitor
// changes what the line counts (its count, days, schedule, kind) or the service's price, it is one
// price again, theirs or the typical one (docs/decisions.md 43). Amounts stay decimal strings:
// the only arithmetic here is in whole cents (BigInt), to show the range and the line's total.

const WHOLE = /^[1-9][0-9]{0,8}$/;
/** A plain amount: dollars, and cents if any (how a link and a claim write a price). */
export const MONEY = /^[0-9]{1,9}(\.[0-9]{1,2})?$/;
/** At most this many groups on a line (a link's are checked against it). */
export const MAX_CLAIM_GROUPS = 50;

/** "23.95" → 2395n; null for anything but a plain amount of at most two places. */
function cents(text) {
  if (typeof text !== 'string' || !MONEY.test(text)) return null;
  const [whole, frac = ''] = text.split('.');
  return BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
}

/** 52675n → "526.75". */
function decimal(c) {
  const s = c.toString().padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
}

/** Whether `claims` is a list of groups of whole counts at plain amounts. */
export function wellFormed(claims) {
  return Array.isArray(claims) && claims.length > 0 && claims.length <= MAX_CLAIM_GROUPS && claims.every((g) => Number.isSafeInteger(g?.count) && g.count > 0 && cents(g?.allowed) !== null);
}

/** The claims' count. */
export function claimCount(claims) {
  return claims.reduce((n, g) => n + g.count, 0);
}

/**
 * The claims a line sends, or null: they must be well formed, add up to the line's `count` (as
 * the scenario sends it) and the line must not be spread from a month on (`months`: a drug's
 * start, which changes how many fills there are).
 */
export function claimsFor(use, count, months = null) {
  if (!wellFormed(use?.claims) || months) return null;
  return claimCount(use.claims) === count ? use.claims : null;
}

/** { low, high, total } of claims as decimal strings: the lowest and highest amount a claim, and
 * all of them added up (count × amount, in whole cents). */
export function claimsPrice(claims) {
  let low = null;
  let high = null;
  let total = 0n;
  for (const g of claims) {
    const c = cents(g.allowed);
    if (low === null || c < low) low = c;
    if (high === null || c > high) high = c;
    total += c * BigInt(g.count);
  }
  return { low: decimal(low), high: decimal(high), total: decimal(total) };
}

/** The line without its claims (one price again). */
export function withoutClaims(use) {
  if (!use.claims) return use;
  const { claims, ...rest } = use;
  return rest;
}

/** A link's `cl-` value ("7:23.95,15:23.94") as claims, or null if it is not one. */
export function parseClaims(text) {
  const claims = String(text)
    .split(',')
    .map((part) => {
      const [count, allowed] = part.split(':');
      return WHOLE.test(count ?? '') ? { count: Number(count), allowed } : null;
    });
  return claims.every(Boolean) && wellFormed(claims) ? claims : null;
}

/** Claims as a link's `cl-` value. */
export function formatClaims(claims) {
  return claims.map((g) => `${g.count}:${g.allowed}`).join(',');
}
