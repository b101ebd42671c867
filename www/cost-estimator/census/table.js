// The census element's pure helpers, tested in Node (tests/census-table.test.mjs): the
// contribution as the engine takes it, the enrollment types a household's cells show, a page of
// a list, and a sample file. The results' CSV is the engine's own text (the CLI's bytes): the
// page writes none of it.

/** Rows drawn at a time (households, refused rows, notes). */
export const PAGE = 100;

/**
 * The employer contribution as the engine takes it (`amount:500.00`, `percent:80`), or null for
 * none. The value is passed as typed (trimmed): the engine refuses a bad one, naming it.
 * @param {string} kind `''`, `'amount'` or `'percent'`
 * @param {string} value
 */
export function contributionArg(kind, value) {
  if (kind !== 'amount' && kind !== 'percent') return null;
  return `${kind}:${String(value ?? '').trim().replace(/^\$/, '').replace(/%$/, '')}`;
}

/** The enrollment types of a household's cells (one per option), each once, in order. */
export function enrollments(cells) {
  return [...new Set(cells.map((c) => c.enrollment))];
}

/** The slice of `list` a page shows from `offset`, with its first and last numbers (from 1). */
export function pageOf(list, offset, size = PAGE) {
  const start = Math.max(0, Math.min(offset, Math.max(0, list.length - 1)));
  const items = list.slice(start, start + size);
  return { items, from: items.length ? start + 1 : 0, to: start + items.length, offset: start };
}

/** A sample census file to start from (the columns the engine reads). */
export const SAMPLE_CSV = [
  'household,relationship,age,usage',
  'H001,subscriber,44,medium',
  'H001,spouse,42,low',
  'H001,child,9,low',
  'H002,subscriber,58,high',
  'H003,subscriber,31,having_a_baby',
  'H003,spouse,33,low',
  '',
].join('\n');
