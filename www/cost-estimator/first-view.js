// What the HTML's first view (ssr/prerender.js) was worked out from, written into it as a data
// block, so that a page can check it against the engine as soon as the engine answers:
//   <script type="application/json" class="ce-first-view">{ locale, scenario, result, ranked }</script>
// `scenario` is the scenario the build asked the engine about (the element's first state),
// `result` a digest of the engine's result for it (the figures the view shows), `ranked` the
// options the view ranks. The page's early start (cost-estimator-boot.js) asks the engine the
// same questions before the element's code has arrived; the element, once its own first estimate
// is in, fires `estimate-change` at once when its scenario, its locale (the words and the number
// formats) and the engine's result equal the record's (the figures on screen are the engine's), and otherwise draws its own view
// at once (docs/decisions.md 44). A data block runs nothing: no policy has to allow it.

/** The record's class in the shadow root. */
const RECORD = 'ce-first-view';

/**
 * A digest of a JSON value (the engine's result): 53 bits of a string hash of its JSON text,
 * as 14 hex digits. Equal results have equal digests; the engine's results come from the same
 * module and data in the build and in the page, so their JSON texts are the same, key for key.
 * @param {unknown} value
 * @returns {string}
 */
export function digest(value) {
  const text = JSON.stringify(value) ?? '';
  // cyrb53 (public domain): two 32-bit lanes mixed, enough that two different results do not meet.
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * The record as HTML, for the build (ssr/prerender.js).
 * @param {{ locale: string, scenario: object, result: unknown, ranked: string[] }} view
 * @returns {string}
 */
export function firstViewRecord({ locale, scenario, result, ranked }) {
  const json = JSON.stringify({ locale, scenario, result: digest(result), ranked });
  // Inside a <script> element, "</" could end it: written as an escape, the same JSON.
  return `<script type="application/json" class="${RECORD}">${json.replace(/</g, '\\u003c')}</script>`;
}

/**
 * The record of the first view in `root` (a declarative shadow root), or null.
 * @param {ParentNode | null | undefined} root
 * @returns {{ locale: string, scenario: object, result: string, ranked: string[] } | null}
 */
export function readFirstView(root) {
  const block = root?.querySelector?.(`script.${RECORD}`);
  if (!block) return null;
  try {
    const record = JSON.parse(block.textContent ?? '');
    return record && typeof record === 'object' && record.scenario && typeof record.result === 'string' ? record : null;
  } catch {
    return null;
  }
}

/**
 * Whether the engine's answer is the HTML's view's figures: the same scenario and result (the
 * figures are the same in any language).
 * @param {{ scenario: object, result: string } | null} record
 * @param {{ scenario: object | null, result: unknown }} answer
 */
export function confirmsFigures(record, { scenario, result }) {
  return Boolean(record && scenario && result) && JSON.stringify(record.scenario) === JSON.stringify(scenario) && record.result === digest(result);
}

/**
 * Whether the engine's answer confirms the HTML's view: the same scenario, locale and result.
 * @param {{ locale: string, scenario: object, result: string } | null} record
 * @param {{ locale: string, scenario: object | null, result: unknown }} answer
 */
export function confirms(record, { locale, scenario, result }) {
  return Boolean(record) && record.locale === locale && confirmsFigures(record, { scenario, result });
}

/** Elements whose first estimate the page's early start has told (element → the scenario's JSON
 * and the result's digest): the element does not tell the same one again. */
const told = new WeakMap();

/**
 * Fires `estimate-change` on `element` for the engine's first answer, as the element itself
 * would (the same detail), unless it has been told already; for the page's early start, while
 * the element's class is not yet defined and its HTML's view shows these figures.
 * @param {Element} element
 * @param {{ scenario: object, result: unknown }} answer
 * @returns {boolean} whether it fired
 */
export function tellFirstEstimate(element, { scenario, result }) {
  if (told.has(element)) return false;
  told.set(element, `${JSON.stringify(scenario)} ${digest(result)}`);
  element.dispatchEvent(new CustomEvent('estimate-change', { bubbles: true, composed: true, detail: { result, scenario, stale: false, error: null } }));
  return true;
}

/**
 * For the element's first estimate: true if the early start has told this same one (the
 * element then does not fire it again), else false; the element's own first estimate is marked
 * told either way, so that the early start does not tell it after the element.
 * @param {Element} element
 * @param {{ scenario: object | null, result: unknown }} answer
 */
export function toldAlready(element, { scenario, result }) {
  const key = `${JSON.stringify(scenario)} ${digest(result)}`;
  const before = told.get(element);
  told.set(element, key);
  return before === key;
}
