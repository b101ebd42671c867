// The group census through the WebAssembly module (target/wasm/pkg, built by
// `bash scripts/build-wasm.sh`), in Node: every golden census (tests/golden/census/) gives the
// CLI's output, whole or cut into pieces anywhere; the totals add up; wrong arguments throw an
// Error with a `code`; and 10,000 households × 3 options are priced, with the time printed
// (never asserted). Run: node --test tests/census.test.mjs
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
 * Loads target/wasm/pkg (initSync), refusing a module older than the Rust sources: cargo's own
 * output must be newer than every source, and pkg/ must have been made from it (the build
 * script keeps pkg/ when cargo's output is unchanged, and records that output's hash).
 */
async function loadWasm() {
  const glue = join(PKG, 'costshare.js');
  const wasm = join(PKG, 'costshare_bg.wasm');
  const raw = join(ROOT, 'target', 'wasm', 'wasm32-unknown-unknown', 'wasm-release', 'costshare.wasm');
  const stamp = join(PKG, '.inputs');
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
  return { plans: value('--plans').split(','), asOf: value('--as-of'), usage: value('--usage') };
}

/** A CSV field as the CLI writes it. */
function csvField(text) {
  return /[,"\r\n]|^[ \t]|[ \t]$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvLine(r) {
  return [csvField(r.household), r.plan, r.enrollment, r.premium_annual, r.member_pays_total, r.total_annual_cost, r.cheapest].join(',') + '\n';
}

/** Runs a census through the engine, text cut into the given pieces: what the CLI would print. */
function runCensus(engine, name, pieces) {
  const { plans, asOf, usage } = argsOf(name);
  engine.censusStart(plans, asOf, usage);
  const out = [];
  const err = [];
  let ignored = null;
  let households = 0;
  const take = (result) => {
    if (result.ignored) ignored = result.ignored;
    if (ignored && out.length === 0) out.push('household,plan,enrollment,premium_annual,member_pays_total,total_annual_cost,cheapest\n');
    for (const r of result.rows) out.push(csvLine(r));
    for (const e of result.errors) {
      assert.equal(typeof e.code, 'string');
      assert.equal(typeof e.row, 'number');
      // The one error shape, with the row: the CLI's line is made of its fields.
      assert.ok(Array.isArray(e.path) && typeof e.params === 'object' && typeof e.origin === 'string', JSON.stringify(e));
      const named = e.plan && e.params.plan !== e.plan ? `${e.plan}: ` : '';
      err.push(`costshare: row ${e.row}${e.column ? `, column ${e.column}` : ''}: ${named}${e.message}\n`);
    }
    households += result.households;
  };
  try {
    for (const piece of pieces) take(engine.censusPush(piece));
    const last = engine.censusFinish();
    take(last);
    return { out: out.join(''), err: err.join(''), ignored, totals: last.totals, households, thrown: null };
  } catch (e) {
    return { out: out.join(''), err: err.join(''), ignored, totals: null, households, thrown: e };
  }
}

const names = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.csv'))
  .map((f) => f.slice(0, -4))
  .sort();

test('golden census files: the engine gives the CLI output', () => {
  assert.ok(names.length >= 7);
  const engine = newEngine();
  for (const name of names) {
    const text = readFileSync(join(GOLDEN, `${name}.csv`), 'utf8');
    const wantOut = readFileSync(join(GOLDEN, `${name}.out`), 'utf8');
    // The CLI's stderr: a note on unused columns, the refused rows, a closing count.
    const wantErr = readFileSync(join(GOLDEN, `${name}.err`), 'utf8').split('\n').filter((l) => l.startsWith('costshare: row ')).map((l) => `${l}\n`).join('');
    const note = readFileSync(join(GOLDEN, `${name}.err`), 'utf8').match(/^costshare: note: columns not used: (.*)$/m);
    const got = runCensus(engine, name, [text]);
    if (name === 'missing-column') {
      assert.ok(got.thrown instanceof Error, `${name}: a header without a usage column throws`);
      assert.equal(got.thrown.code, 'missing_field');
      assert.equal(got.thrown.field, 'usage');
      assert.deepEqual(got.thrown.path, ['usage']);
      assert.equal(`costshare: ${got.thrown.origin}: ${got.thrown.field}: ${got.thrown.message}\n`, readFileSync(join(GOLDEN, `${name}.err`), 'utf8'));
      continue;
    }
    assert.equal(got.thrown, null, `${name}: ${got.thrown}`);
    assert.equal(got.out, wantOut, `${name}: rows`);
    assert.equal(got.err, wantErr, `${name}: errors`);
    assert.deepEqual(got.ignored, note ? note[1].split(', ') : [], `${name}: ignored columns`);
  }
});

test('a census cut into pieces anywhere gives the same output', () => {
  const engine = newEngine();
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (const name of names.filter((n) => n !== 'missing-column')) {
    const text = readFileSync(join(GOLDEN, `${name}.csv`), 'utf8');
    const whole = runCensus(engine, name, [text]);
    for (let round = 0; round < 20; round++) {
      const pieces = [];
      for (let at = 0; at < text.length; ) {
        const n = 1 + Math.floor(random() * 23);
        pieces.push(text.slice(at, at + n));
        at += n;
      }
      const cut = runCensus(engine, name, pieces);
      assert.equal(cut.out, whole.out, `${name}: round ${round}`);
      assert.equal(cut.err, whole.err, `${name}: round ${round}`);
    }
  }
});

test('totals per plan add up the rows, in exact cents', () => {
  const engine = newEngine();
  const text = readFileSync(join(GOLDEN, 'basic.csv'), 'utf8');
  const { plans } = argsOf('basic');
  engine.censusStart(plans, null, null);
  const first = engine.censusPush(text);
  const last = engine.censusFinish();
  const rows = [...first.rows, ...last.rows];
  const cents = (s) => BigInt(s.replace('.', ''));
  const money = (c) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
  assert.deepEqual(
    last.totals.map((t) => t.plan),
    plans,
  );
  for (const t of last.totals) {
    const mine = rows.filter((r) => r.plan === t.plan);
    assert.equal(t.households, mine.length);
    assert.equal(t.cheapest, mine.filter((r) => r.cheapest).length);
    for (const f of ['premium_annual', 'member_pays_total', 'total_annual_cost']) {
      assert.equal(t[f], money(mine.reduce((sum, r) => sum + cents(r[f]), 0n)), `${t.plan} ${f}`);
    }
  }
});

test('wrong arguments throw an Error with a code, never trap', () => {
  const engine = newEngine();
  const plans = ['kp-co-fehb-2022-high'];
  const throwsCode = (f, code, field) => {
    assert.throws(f, (e) => e instanceof Error && e.code === code && (field === undefined || e.field === field));
  };
  throwsCode(() => engine.censusPush('household,age\n'), 'wrong_argument');
  throwsCode(() => engine.censusFinish(), 'wrong_argument');
  throwsCode(() => engine.censusStart('kp-co-fehb-2022-high', null, null), 'wrong_argument', 'plans');
  throwsCode(() => engine.censusStart([42], null, null), 'wrong_argument', 'plans[0]');
  throwsCode(() => engine.censusStart(plans, 20220101, null), 'wrong_argument', 'asOf');
  throwsCode(() => engine.censusStart(plans, '01/01/2022', null), 'wrong_argument', 'asOf');
  throwsCode(() => engine.censusStart(plans, null, { preset: 'low' }), 'wrong_argument', 'usage');
  throwsCode(() => engine.censusStart(['nope'], null, null), 'unknown_plan', 'plans[0]');
  throwsCode(() => engine.censusStart([], null, null), 'missing_field', 'plans');
  throwsCode(() => engine.censusStart(plans, null, 'lots'), 'unknown_value', 'usage');
  engine.censusStart(plans, undefined, undefined);
  throwsCode(() => engine.censusPush(new Uint8Array([1, 2])), 'wrong_argument', 'text');
  // A header that cannot be used: thrown, and thrown again by every later call.
  throwsCode(() => engine.censusPush('household,household,age,relationship,usage\n'), 'duplicate_field', 'household');
  throwsCode(() => engine.censusPush('H,H,40,subscriber,low\n'), 'duplicate_field');
  throwsCode(() => engine.censusFinish(), 'duplicate_field');
  // After finishing, a census takes no more text until the next censusStart.
  engine.censusStart(plans, null, null);
  engine.censusPush('household,age,relationship,usage\nH,40,subscriber,low\n');
  assert.equal(engine.censusFinish().rows.length, 1);
  throwsCode(() => engine.censusPush('H2,40,subscriber,low\n'), 'invalid_data');
  assert.ok(mod.errorCodes().includes('invalid_row'));
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
  const text = lines.join('');
  // Pieces of 64 KiB, as a File's stream gives them.
  const pieces = [];
  for (let at = 0; at < text.length; at += 65536) pieces.push(text.slice(at, at + 65536));
  const started = performance.now();
  engine.censusStart(plans, null, null);
  let rows = 0;
  let claims = 0;
  let households = 0;
  for (const piece of [...pieces, null]) {
    const r = piece === null ? engine.censusFinish() : engine.censusPush(piece);
    rows += r.rows.length;
    claims += r.claims;
    households += r.households;
    assert.equal(r.errors.length, 0);
  }
  const seconds = (performance.now() - started) / 1000;
  assert.equal(households, 10_000);
  assert.equal(rows, 30_000);
  console.log(
    `census in wasm: 10,000 households × 3 options in ${seconds.toFixed(2)} s: ${Math.round(10_000 / seconds)} households/s, ` +
      `${claims} claims, ${Math.round(claims / seconds)} claims/s`,
  );
  // Each kind of household is priced as the engine's own estimate prices it.
  const first = new Map();
  engine.censusStart(plans, null, null);
  const all = [...engine.censusPush(text.split('\n').slice(0, 200).join('\n') + '\n').rows, ...engine.censusFinish().rows];
  for (const r of all) if (!first.has(`${r.household}`)) first.set(r.household, r);
  const presets = JSON.parse(data('usage-presets.json')).presets;
  for (let h = 0; h < kinds.length; h++) {
    const kind = kinds[(h * 7 + Math.floor(h / 13)) % kinds.length];
    const ordered = [...kind.filter((p) => ['subscriber', 'employee'].includes(p[1])), ...kind.filter((p) => !['subscriber', 'employee'].includes(p[1]))];
    const members = ordered.map(([age], i) => ({ id: `p${i}`, age }));
    const services = ordered.flatMap(([, , usage], i) => (usage === 'none' ? [] : presets[usage].services.map((u) => ({ ...u, member: `p${i}` }))));
    for (const plan of plans) {
      const enrollment = members.length === 1 ? 'self_only' : members.length === 2 ? 'self_plus_one' : 'self_and_family';
      const e = engine.estimate({ plan, enrollment, members, services });
      const r = all.find((x) => x.household === `HH${h}` && x.plan === plan);
      assert.equal(r.total_annual_cost, e.total_annual_cost, `HH${h} on ${plan}`);
      assert.equal(r.premium_annual, e.premium_annual);
      assert.equal(r.member_pays_total, e.member_pays_total);
    }
  }
});
