// The census results as the page holds them: rows grouped into households, sorted by any
// column, and written back out as the CLI's CSV. Pure functions, tested in Node
// (tests/census-table.test.mjs). Money stays a decimal string; ordering compares whole cents.

/** The CLI's output header (costshare census), byte for byte. */
export const CSV_HEADER = 'household,plan,enrollment,premium_annual,member_pays_total,total_annual_cost,cheapest';

/** A CSV field as the CLI writes it: quoted when it holds a comma, a quote or a line break. */
export function csvField(text) {
  const s = String(text);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The rows as the CLI's CSV file (header first, a line break after every row). */
export function csvOf(rows) {
  const lines = [CSV_HEADER];
  for (const r of rows) {
    lines.push([csvField(r.household), r.plan, r.enrollment, r.premium_annual, r.member_pays_total, r.total_annual_cost, r.cheapest].join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** A decimal string ("1234.5", "-0.25") as whole cents, exactly (BigInt). */
export function cents(decimal) {
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(String(decimal));
  if (!m) throw new Error(`not an amount: ${decimal}`);
  const value = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] ? -value : value;
}

/**
 * The rows grouped by household, in file order: [{ household, enrollment, totals: { plan →
 * row }, cheapest: [plan ids] }].
 */
export function households(rows) {
  const out = [];
  let current = null;
  for (const r of rows) {
    if (!current || current.household !== r.household) {
      current = { household: r.household, enrollment: r.enrollment, totals: {}, cheapest: [] };
      out.push(current);
    }
    current.totals[r.plan] = r;
    if (r.cheapest === true || r.cheapest === 'true') current.cheapest.push(r.plan);
  }
  return out;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * Households sorted by `key`: 'file' (file order), 'household' (natural order: B2 before
 * B10), or a plan id (that option's total for the year). `dir` 1 ascending, -1 descending;
 * ties keep file order.
 */
export function sortHouseholds(list, key, dir = 1) {
  const indexed = list.map((h, i) => [h, i]);
  const compare = (a, b) => {
    if (key === 'file') return 0;
    if (key === 'household') return collator.compare(a.household, b.household);
    const x = a.totals[key];
    const y = b.totals[key];
    if (!x || !y) return x ? -1 : y ? 1 : 0;
    const d = cents(x.total_annual_cost) - cents(y.total_annual_cost);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  };
  indexed.sort(([a, i], [b, j]) => compare(a, b) * dir || i - j);
  return indexed.map(([h]) => h);
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
