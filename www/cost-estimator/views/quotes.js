// The plan documents are text extracted from PDFs: table cells run together ("Self and
// Family655$515.67$171.89") and words lose their spaces ("the$2,000"). For display only, the
// spaces come back; the quote in the data stays exactly as it is on its document line (that is
// what tests/sources.rs checks).

/** @type {Array<[RegExp, string]>} */
const RULES = [
  [/([A-Za-z)%])(\$\d)/g, '$1 $2'], // "the$2,000", "Family)$5" → a space before the amount
  [/(\d)(\$\d)/g, '$1 $2'], // "655$515.67$171.89" → "655 $515.67 $171.89"
  [/([a-z])([A-Z][A-Za-z]?\d)/g, '$1 $2'], // "OnlyN41" → "Only N41"
  [/([a-z]{2})(\d)/g, '$1 $2'], // "Family655" → "Family 655"
  [/(\d%)([A-Za-z])/g, '$1 $2'], // "20%of" → "20% of"
  [/([.,;:])([A-Z][a-z])/g, '$1 $2'], // "admission.Nothing" → "admission. Nothing"
  [/\s+/g, ' '],
];

/** A cited quote as people read it: the PDF's lost spaces restored. */
export function readableQuote(quote) {
  let text = String(quote ?? '').replace(/\u00a0/g, ' ');
  for (const [pattern, replacement] of RULES) text = text.replace(pattern, replacement);
  return text.trim();
}
