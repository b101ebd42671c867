// What the HTML's first view (ssr/prerender.js) was worked out from, written into it as a data
// block, so that a page can check it against the engine as soon as the engine answers:
//   <script type="application/json" class="ce-first-view">{ locale, scenario, result, ranked }</script>
// `scenario` is the scenario the build asked the engine about (the element's first state),
// `result` a digest of the engine's result for it (the figures the view shows), `ranked` the
// options the view ranks. The page's early start (cost-estimator-boot.js) asks the engine the
// same questions before the element's code has arrived; the element, once its own first estimate
// is in, fires `estimate-change` at once when its scenario, its locale (the words and the number
// formats) and the engine's result equal the record's (the figures on screen are the engine's), and otherwise draws its own view
// at once (docs/decisions.md 43). A data block runs nothing: no policy has to allow it.

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
 * Whether the engine's answer confirms the HTML's view: the same scenario, locale and result.
 * @param {{ locale: string, scenario: object, result: string } | null} record
 * @param {{ locale: string, scenario: object | null, result: unknown }} answer
 */
export function confirms(record, { locale, scenario, result }) {
  return Boolean(record && scenario && result) && record.locale === locale && JSON.stringify(record.scenario) === JSON.stringify(scenario) && record.result === digest(result);
}
