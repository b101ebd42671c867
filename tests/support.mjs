// Shared by the test files (not a test itself): paths, the built wasm engine loaded in Node,
// the golden cases, and the native CLI.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const DIST = join(ROOT, 'dist');

export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A demo scenario (tests/demo-scenario.json): a family with care across the services. */
export const DEMO = readJson(join(ROOT, 'tests', 'demo-scenario.json'));

/** Loads dist/pkg (the built site's module) with initSync; returns the module and the plan files. */
export async function loadWasm() {
  const glue = join(DIST, 'pkg', 'costshare.js');
  const wasm = join(DIST, 'pkg', 'costshare_bg.wasm');
  if (!existsSync(glue) || !existsSync(wasm)) throw new Error('dist/pkg is missing: run `npm run build` first');
  const newer = newestSource();
  if (newer.mtimeMs > statSync(wasm).mtimeMs) {
    throw new Error(`dist/pkg is older than ${newer.file}: run \`npm run build\` (npm test does) before these tests`);
  }
  const mod = await import(pathToFileURL(glue).href);
  wasmExports = mod.initSync({ module: readFileSync(wasm) });
  return mod;
}

/** The instance's own exports (its `memory`), once loadWasm() has run. */
export let wasmExports = null;

/** The most recently changed input of the wasm build: src/** (but src/bin/, the command-line
 * tool, which no module is built from: a change there rightly leaves the modules as they were),
 * Cargo.toml, Cargo.lock. */
export function newestSource() {
  let newest = { file: null, mtimeMs: 0 };
  const visit = (rel) => {
    const st = statSync(join(ROOT, rel), { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      if (rel === join('src', 'bin')) return;
      for (const name of readdirSync(join(ROOT, rel))) visit(join(rel, name));
    }
    else if (st.mtimeMs > newest.mtimeMs) newest = { file: rel, mtimeMs: st.mtimeMs };
  };
  for (const rel of ['src', 'Cargo.toml', 'Cargo.lock']) visit(rel);
  return newest;
}

/** The data files the site ships, as the page reads them (dist/data/catalog.json). */
export function catalogFiles() {
  const catalog = readJson(join(DIST, 'data', 'catalog.json'));
  return {
    services: readFileSync(join(DIST, 'data', catalog.services), 'utf8'),
    presets: catalog.presets ? readFileSync(join(DIST, 'data', catalog.presets), 'utf8') : null,
    prices: { origin: `data/${catalog.prices}`, text: readFileSync(join(DIST, 'data', catalog.prices), 'utf8') },
    // The plans of one document share a file ({ plans: [...] }); each is added on its own.
    plans: catalog.plans.map((p) => {
      const plan = readJson(join(DIST, 'data', p.file)).plans.find((q) => q.id === p.id);
      if (!plan) throw new Error(`dist/data/${p.file} holds no plan ${p.id}`);
      return { id: p.id, origin: `data/${p.file}`, text: JSON.stringify(plan) };
    }),
  };
}

/** A new Engine with every plan and the typical prices added, as the page does it. */
export function loadedEngine(mod) {
  const { services, presets, prices, plans } = catalogFiles();
  const engine = new mod.Engine(services);
  engine.setPrices(prices.text);
  if (presets) engine.setPresets(presets);
  for (const p of plans) engine.addPlan(p.origin, p.text);
  return engine;
}

/** Every golden file: [{ file, plan, cases }]. */
export function goldenFiles() {
  const dir = join(ROOT, 'tests', 'golden');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: `tests/golden/${f}`, ...readJson(join(dir, f)) }));
}

// ---- the native CLI ------------------------------------------------------------------------

const CARGO_TARGET_DIR = process.env.CARGO_TARGET_DIR || join(ROOT, 'target');
export const CLI = join(CARGO_TARGET_DIR, 'release', 'costshare');

/**
 * Brings target/release/costshare up to date with the same cargo the scripts use. It runs
 * `cargo test --release --no-run` (which builds the binary for the integration tests) rather
 * than `cargo build --release`: the two resolve dependency features differently (dev-dependencies),
 * so alternating them would recompile the crate every time. Quick when `npm test` just ran it.
 */
export function buildCli() {
  const r = spawnSync('bash', ['-c', 'source scripts/env.sh && "$(native_cargo)" test --release --no-run --quiet'], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.status !== 0) throw new Error(`cargo test --release --no-run failed (exit ${r.status})`);
  if (!existsSync(CLI)) throw new Error(`${CLI} was not built`);
}

/** Runs `costshare ARGS...` from the repository root; returns { status, stdout, stderr }. */
export function cli(...args) {
  const r = spawnSync(CLI, args, { cwd: ROOT, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

/** A result without the English words only the CLI adds (each line's and service's label,
 * each line's note and explanation): the CLI's and the .wasm's results compare equal through
 * this, assumptions (`{ code, member, message }` in both) included. */
export function withoutWords(result) {
  const strip = (rows) => rows?.map(({ label, note, explanation, ...rest }) => rest);
  return { ...result, lines: strip(result.lines), services: strip(result.services) };
}

/** What only the CLI writes (its English words); the module carries the events they are made from. */
const CLI_WORDS = new Set(['note', 'note_includes', 'label', 'explanation']);

/** Every field a golden case's `expect` gives equals the result's (lines by index, members by
 * id), the CLI's English words aside; assumptions by code and member (each has its English
 * message too). The .wasm's tests and the JavaScript engine's use this one copy. */
export function checkExpect(assert, result, expect) {
  for (const [key, want] of Object.entries(expect)) {
    if (key === 'assumptions') {
      assert.ok(result.assumptions.every((a) => typeof a.message === 'string' && a.message.length > 0), 'assumptions have a message');
      assert.deepEqual(result.assumptions.map(({ code, member }) => ({ code, member })), want, 'assumptions');
    } else if (key === 'lines') {
      assert.equal(result.lines?.length, want.length, `lines: ${result.lines?.length} lines, expected ${want.length}`);
      want.forEach((line, i) => {
        for (const [field, value] of Object.entries(line)) {
          if (CLI_WORDS.has(field)) continue;
          assert.deepEqual(result.lines[i][field], value, `lines[${i}].${field} (${result.lines[i].service})`);
        }
      });
    } else if (key === 'members') {
      for (const member of want) {
        const got = result.members?.find((m) => m.id === member.id);
        assert.ok(got, `members: no member "${member.id}" in the result`);
        for (const [field, value] of Object.entries(member)) assert.deepEqual(got[field], value, `members[id=${member.id}].${field}`);
      }
    } else {
      assert.deepEqual(result[key], want, key);
    }
  }
}
