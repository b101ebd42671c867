// The group census through the census's WebAssembly module (target/wasm/pkg/costshare_census*,
// built by `bash scripts/build-wasm.sh`; the estimator's module has no census), in Node: every golden census (tests/golden/census/) gives the
// CLI's output byte for byte and its errors and notes, whole or cut into pieces anywhere (the
// file's bytes, read twice); files that are not CSV text are refused as the CLI refuses them;
// the totals add up; the households come back a page at a time in any order; wrong arguments
// throw an Error with a `code`; and 10,000 households × 3 options are priced, with the time
// printed (never asserted). Run: node --test tests/census.test.mjs
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, newestSource } from './support.mjs';

const PKG = join(ROOT, 'target', 'wasm', 'pkg');
const GOLDEN = join(ROOT, 'tests', 'golden', 'census');

/**
 * Loads the census's module from target/wasm/pkg (initSync), refusing a module older than the
 * Rust sources: cargo's own output must be newer than every source, and pkg/ must have been made
 * from it (the build script keeps pkg/ when cargo's output is unchanged, and records that
 * output's hash).
 */
async function loadWasm() {
  const glue = join(PKG, 'costshare_census.js');
  const wasm = join(PKG, 'costshare_census_bg.wasm');
  const raw = join(ROOT, 'target', 'wasm', 'raw', 'costshare_census.wasm');
  const stamp = join(PKG, '.costshare_census.inputs');
  if (![glue, wasm, raw, stamp].every((f) => existsSync(f))) throw new Error('target/wasm/pkg is missing: run `bash scripts/build-wasm.sh` first');
  const rawHash = createHash('sha256').update(readFileSync(raw)).digest('hex');
  if (readFileSync(stamp, 'utf8').split(' ')[0] !== rawHash) throw new Error('target/wasm/pkg was not made from the last cargo build: run `bash scripts/build-wasm.sh`');
  const newest = newestSource();
  if (newest.mtimeMs > statSync(raw).mtimeMs) throw new Error(`target/wasm/pkg is older than ${newest.file}: run \`bash scripts/build-wasm.sh\``);
  const mod = await import(pathToFileURL(glue).href);
  mod.initSync({ module: readFileSync(wasm) });
  return mod;
}

const mod = await loadWasm();
const data = (rel) => readFileSync(join(ROOT, 'data', rel), 'utf8');

/** An engine with every plan of data/plans, the typical prices and the usage presets. */
function newEngine() {
  const engine = new mod.Engine(data('services.json'));
  for (const f of readdirSync(join(ROOT, 'data', 'plans')).sort()) engine.addPlan(f, data(join('plans', f)));
  engine.setPrices(data('typical-prices.json'));
  engine.setPresets(data('usage-presets.json'));
  return engine;
}

/** The CLI's census options in a golden file's .args, as censusStart's arguments. */
function argsOf(name) {
  const words = readFileSync(join(GOLDEN, `${name}.args`), 'utf8').trim().split(/\s+/);
  const value = (flag) => {
    const i = words.indexOf(flag);
    return i < 0 ? null : words[i + 1];
  };
  return { plans: value('--plans').split(','), asOf: value('--as-of'), usage: value('--usage'), contribution: value('--contribution') };
}

/**
 * Runs a census through the engine, the file's bytes cut into the given pieces (the same pieces
 * in both passes): the CLI's standard output, and its standard error's notes and errors (each
 * in order).
 */
function runCensus(engine, name, pieces, args = argsOf(name)) {
  const { plans, asOf, usage, contribution } = args;
  engine.censusStart(plans, asOf, usage, contribution);
  const out = [];
  const errors = [];
  const notes = [];
  const refused = [];
  let checked = null;
  const take = (result) => {
    out.push(result.csv);
    refused.push(result.refused);
    for (const e of result.errors) {
      assert.equal(typeof e.code, 'string');
      assert.equal(typeof e.row, 'number');
      // The one error shape, with the row: the CLI's line is made of its fields (the plan first
      // where the error's params do not name it; the household refused, but for rows apart).
      assert.ok(Array.isArray(e.path) && typeof e.params === 'object' && typeof e.origin === 'string', JSON.stringify(e));
      const named = e.plan && e.params.plan !== e.plan ? `${e.plan}: ` : '';
      const unpriced = e.household != null && e.code !== 'rows_apart' ? ` (household "${e.household}" not priced)` : '';
      errors.push(`costshare: row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${named}${e.message}${unpriced}\n`);
    }
    for (const n of result.notes) notes.push(`costshare: note: row ${n.row}${n.column ? `, column ${n.column}` : ''}: ${n.message}\n`);
  };
  try {
    for (const piece of pieces) assert.deepEqual(engine.censusPush(piece).errors, [], 'the first pass prices nothing');
    checked = engine.censusRewind();
    if (checked.ignored.length) notes.unshift(`costshare: note: columns not used: ${checked.ignored.join(', ')}\n`);
    for (const piece of pieces) take(engine.censusPush(piece));
    const last = engine.censusFinish();
    take(last);
    return { out: out.join(''), errors: errors.join(''), notes: notes.join(''), refused: refused.join(''), totals: last.totals, checked, thrown: null };
  } catch (e) {
    return { out: out.join(''), errors: errors.join(''), notes: notes.join(''), refused: refused.join(''), totals: null, checked, thrown: e };
  }
}

/** The CLI's standard error for a golden census: its notes and its errors, each in order. */
function goldenErr(name) {
  const lines = readFileSync(join(GOLDEN, `${name}.err`), 'utf8').split('\n').filter(Boolean).map((l) => `${l}\n`);
  return { notes: lines.filter((l) => l.startsWith('costshare: note: ')).join(''), errors: lines.filter((l) => l.startsWith('costshare: row ')).join('') };
}

const names = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.csv'))
  .map((f) => f.slice(0, -4))
  .sort();
const bytesOf = (name) => new Uint8Array(readFileSync(join(GOLDEN, `${name}.csv`)));

test('golden census files: the engine gives the CLI output, errors and notes', () => {
  assert.ok(names.length >= 10);
  const engine = newEngine();
  for (const name of names) {
    const wantOut = readFileSync(join(GOLDEN, `${name}.out`), 'utf8');
    const want = goldenErr(name);
    const got = runCensus(engine, name, [bytesOf(name)]);
    if (name === 'missing-column') {
      assert.ok(got.thrown instanceof Error, `${name}: a header without a usage column throws`);
      assert.equal(got.thrown.code, 'missing_field');
      assert.equal(got.thrown.field, 'usage');
      assert.deepEqual(got.thrown.path, ['usage']);
      assert.equal(`costshare: ${got.thrown.origin}: ${got.thrown.field}: ${got.thrown.message} (--usage PRESET)\n`, readFileSync(join(GOLDEN, `${name}.err`), 'utf8'));
      continue;
    }
    assert.equal(got.thrown, null, `${name}: ${got.thrown}`);
    assert.equal(got.out, wantOut, `${name}: rows`);
    assert.equal(got.errors, want.errors, `${name}: errors`);
    assert.equal(got.notes, want.notes, `${name}: notes`);
    // The refused rows' file: a header, then a line per error naming its household, row and code.
    const refused = got.refused.split('\n').filter(Boolean);
    assert.equal(refused.length, want.errors ? want.errors.split('\n').filter(Boolean).length + 1 : 0, `${name}: refused rows`);
    if (refused.length) assert.equal(refused[0], 'household,row,column,code,message');
  }
});

test('a census cut into pieces anywhere gives the same output', () => {
  const engine = newEngine();
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const name of names.filter((n) => n !== 'missing-column')) {
    const bytes = bytesOf(name);
    const whole = runCensus(engine, name, [bytes]);
    for (let round = 0; round < 20; round++) {
      const pieces = [];
      for (let at = 0; at < bytes.length; ) {
        const n = 1 + Math.floor(random() * 23);
        pieces.push(bytes.subarray(at, at + n));
        at += n;
      }
      const cut = runCensus(engine, name, pieces);
      assert.equal(cut.out, whole.out, `${name}: round ${round}`);
      assert.equal(cut.errors, whole.errors, `${name}: round ${round}`);
      assert.equal(cut.notes, whole.notes, `${name}: round ${round}`);
    }
  }
});

test('files that are not CSV text are refused with the CLI’s codes, before any output', () => {
  const engine = newEngine();
  const args = { plans: ['kp-co-fehb-2022-high'], asOf: null, usage: null, contribution: null };
  const text = readFileSync(join(GOLDEN, 'basic.csv'), 'utf8');
  const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
  for (const [what, bytes, code] of [
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'not_csv'],
    ['UTF-16 with a byte order mark', utf16, 'not_csv'],
    ['UTF-16 without one', utf16.subarray(2), 'not_csv'],
    ['zeros', new Uint8Array(100_000), 'not_csv'],
    ['an endless line', new Uint8Array(100_000).fill(120), 'input_too_large'],
  ]) {
    const got = runCensus(engine, 'basic', [bytes], args);
    assert.equal(got.thrown?.code, code, `${what}: ${got.thrown}`);
    assert.equal(got.out, '', what);
  }
});

test('totals per plan add up the rows, in exact cents, the employer’s and the employees’', () => {
  const engine = newEngine();
  const { plans } = argsOf('basic');
  const got = runCensus(engine, 'basic', [bytesOf('basic')], { plans, asOf: null, usage: null, contribution: 'percent:80' });
  assert.equal(got.thrown, null, String(got.thrown));
  const lines = got.out.trim().split('\n');
  assert.equal(lines[0], 'household,plan,enrollment,premium_annual,member_pays_total,total_annual_cost,cheapest,premium_gross_annual,contribution_annual');
  const rows = lines.slice(1).map((l) => l.split(','));
  const cents = (s) => BigInt(s.replace('.', ''));
  const money = (c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
  assert.deepEqual(got.totals.map((t) => t.plan), plans);
  for (const t of got.totals) {
    const mine = rows.filter((r) => r[1] === t.plan);
    assert.equal(t.households, mine.length);
    assert.equal(t.cheapest, mine.filter((r) => r[6] === 'true').length);
    for (const [f, i] of [['premium_annual', 3], ['member_pays_total', 4], ['total_annual_cost', 5], ['premium_gross_annual', 7], ['contribution_annual', 8]]) {
      assert.equal(t[f], money(mine.reduce((sum, r) => sum + cents(r[i]), 0n)), `${t.plan} ${f}`);
    }
    assert.equal(cents(t.premium_gross_annual), cents(t.contribution_annual) + cents(t.premium_annual), `${t.plan}: whole premium = employer + employees`);
  }
});

test('the priced households come back a page at a time, in the file’s order or sorted', () => {
  const engine = newEngine();
  const got = runCensus(engine, 'basic', [bytesOf('basic')]);
  const rows = got.out.trim().split('\n').slice(1).map((l) => l.split(','));
  const plans = got.totals.map((t) => t.plan);
  const page = engine.censusPage('file', false, 0, 100);
  assert.equal(page.total, 7);
  assert.deepEqual(page.rows.map((r) => r.household), ['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'H7']);
  for (const r of page.rows) {
    plans.forEach((plan, p) => {
      const line = rows.find((x) => x[0] === r.household && x[1] === plan);
      assert.deepEqual([r.plans[p].enrollment, r.plans[p].total_annual_cost, String(r.plans[p].cheapest)], [line[2], line[5], line[6]], `${r.household} on ${plan}`);
    });
  }
  const cents = (s) => Number(s.replace('.', ''));
  for (let p = 0; p < plans.length; p++) {
    for (const descending of [false, true]) {
      const sorted = engine.censusPage(p, descending, 0, 100).rows.map((r) => cents(r.plans[p].total_annual_cost));
      const want = [...sorted].sort((a, b) => (descending ? b - a : a - b));
      assert.deepEqual(sorted, want, `${plans[p]} ${descending ? 'descending' : 'ascending'}`);
    }
  }
  assert.deepEqual(engine.censusPage('household', true, 2, 3).rows.map((r) => r.household), ['H5', 'H4', 'H3']);
  assert.deepEqual(engine.censusPage('file', false, 5, 100).rows.map((r) => r.index), [5, 6]);
  assert.equal(engine.censusPage('file', false, 50, 100).rows.length, 0);
});

test('wrong arguments throw an Error with a code, never trap', () => {
  const engine = newEngine();
  const plans = ['kp-co-fehb-2022-high'];
  const throwsCode = (f, code, field) => {
    assert.throws(f, (e) => e instanceof Error && e.code === code && (field === undefined || e.field === field));
  };
  throwsCode(() => engine.censusPush('household,age\n'), 'wrong_argument');
  throwsCode(() => engine.censusFinish(), 'wrong_argument');
  throwsCode(() => engine.censusPage('file', false, 0, 10), 'wrong_argument');
  throwsCode(() => engine.censusStart('kp-co-fehb-2022-high', null, null, null), 'wrong_argument', 'plans');
  throwsCode(() => engine.censusStart([42], null, null, null), 'wrong_argument', 'plans[0]');
  throwsCode(() => engine.censusStart(plans, 20220101, null, null), 'wrong_argument', 'asOf');
  throwsCode(() => engine.censusStart(plans, '01/01/2022', null, null), 'wrong_argument', 'asOf');
  throwsCode(() => engine.censusStart(plans, null, { preset: 'low' }, null), 'wrong_argument', 'usage');
  throwsCode(() => engine.censusStart(['nope'], null, null, null), 'unknown_plan', 'plans[0]');
  throwsCode(() => engine.censusStart([], null, null, null), 'missing_field', 'plans');
  throwsCode(() => engine.censusStart(plans, null, 'lots', null), 'unknown_value', 'usage');
  throwsCode(() => engine.censusStart(plans, null, null, 'percent:120'), 'invalid_contribution', 'contribution');
  throwsCode(() => engine.censusStart(plans, null, null, 80), 'wrong_argument', 'contribution');
  engine.censusStart(plans, undefined, undefined, undefined);
  throwsCode(() => engine.censusPush(42), 'wrong_argument', 'piece');
  throwsCode(() => engine.censusFinish(), 'invalid_data', undefined); // the first pass is not rewound
  // A header that cannot be used: thrown, and thrown again by every later call.
  engine.censusStart(plans, null, null, null);
  throwsCode(() => engine.censusPush('household,household,age,relationship,usage\n'), 'duplicate_field', 'household');
  throwsCode(() => engine.censusPush('H,H,40,subscriber,low\n'), 'duplicate_field');
  throwsCode(() => engine.censusRewind(), 'duplicate_field');
  // After finishing, a census takes no more text until the next censusStart.
  engine.censusStart(plans, null, null, null);
  const text = 'household,age,relationship,usage\nH,40,subscriber,low\n';
  engine.censusPush(text);
  engine.censusRewind();
  throwsCode(() => engine.censusRewind(), 'invalid_data');
  engine.censusPush(text);
  assert.equal(engine.censusFinish().priced, 1);
  throwsCode(() => engine.censusPush('H2,40,subscriber,low\n'), 'invalid_data');
  throwsCode(() => engine.censusPage('nope', false, 0, 10), 'wrong_argument', 'sort');
  throwsCode(() => engine.censusPage(3, false, 0, 10), 'wrong_argument', 'sort');
  for (const code of ['invalid_row', 'invalid_encoding', 'not_csv', 'rows_apart']) assert.ok(mod.errorCodes().includes(code), code);
});

test('10,000 households × 3 options (the browser target is ≤ 10 s; the time is printed, not asserted)', () => {
  const engine = newEngine();
  const plans = ['kp-co-fehb-2022-high', 'kp-co-fehb-2022-standard', 'kp-co-fehb-2022-prosper'];
  const kinds = [
    [[30, 'subscriber', 'low']],
    [[45, 'subscriber', 'medium'], [43, 'spouse', 'low']],
    [[38, 'subscriber', 'high'], [36, 'spouse', 'medium'], [8, 'child', 'low']],
    [[52, 'subscriber', 'managing_diabetes'], [50, 'spouse', 'hospital_stay'], [19, 'child', 'none'], [15, 'child', 'simple_fracture']],
    [[29, 'subscriber', 'having_a_baby']],
    [[61, 'subscriber', 'hospital_stay'], [60, 'spouse', 'managing_diabetes']],
    [[41, 'employee', 'none'], [12, 'dependent', 'high'], [10, 'dependent', 'low'], [7, 'son', 'medium'], [3, 'daughter', 'low']],
    [[26, 'subscriber', 'none']],
  ];
  const lines = ['household,age,relationship,usage\n'];
  for (let h = 0; h < 10_000; h++) for (const [age, rel, usage] of kinds[(h * 7 + Math.floor(h / 13)) % kinds.length]) lines.push(`HH${h},${age},${rel},${usage}\n`);
  const bytes = new TextEncoder().encode(lines.join(''));
  // Pieces of 64 KiB, as the element gives them.
  const pieces = [];
  for (let at = 0; at < bytes.length; at += 65536) pieces.push(bytes.subarray(at, at + 65536));
  const started = performance.now();
  const got = runCensus(engine, null, pieces, { plans, asOf: null, usage: null, contribution: null });
  const seconds = (performance.now() - started) / 1000;
  assert.equal(got.thrown, null);
  assert.equal(got.checked.households, 10_000);
  const out = got.out.trim().split('\n').slice(1);
  assert.equal(out.length, 30_000);
  assert.equal(got.errors, '');
  console.log(`census in wasm: 10,000 households × 3 options, read twice, in ${seconds.toFixed(2)} s: ${Math.round(10_000 / seconds)} households/s`);
  // Each kind of household is priced as the engine's own estimate prices it.
  const file = JSON.parse(data('usage-presets.json'));
  // A typical year that is the CMS table's (a `cms_decile`) is its row for the person's age
  // group, both sexes' mean (docs/decisions.md 46).
  const group = (age) => [[55, '55+'], [45, '45-54'], [35, '35-44'], [26, '26-34'], [18, '18-25'], [6, '6-17'], [0, '0-5']].find(([from]) => age >= from)[1];
  const care = (usage, age) => {
    const p = file.presets[usage];
    return p.cms_decile ? file.cms_rows[`both ${group(age)} ${p.cms_decile}`] : p;
  };
  for (let h = 0; h < kinds.length; h++) {
    const kind = kinds[(h * 7 + Math.floor(h / 13)) % kinds.length];
    const ordered = [...kind.filter((p) => ['subscriber', 'employee'].includes(p[1])), ...kind.filter((p) => !['subscriber', 'employee'].includes(p[1]))];
    const members = ordered.map(([age], i) => ({ id: `p${i}`, age }));
    const services = ordered.flatMap(([age, , usage], i) => (usage === 'none' ? [] : care(usage, age).services.map((u) => ({ ...u, member: `p${i}` }))));
    for (const plan of plans) {
      // No enrollment: the cheapest type the household may take, as the census takes it.
      const e = engine.estimate({ plan, members, services });
      const r = out.find((l) => l.startsWith(`HH${h},${plan},`)).split(',');
      assert.deepEqual([r[2], r[3], r[4], r[5]], [e.enrollment, e.premium_annual, e.member_pays_total, e.total_annual_cost], `HH${h} on ${plan}`);
    }
  }
});
