// The size budget of the built site (issue #6, BENCHMARKS.md): the .wasm at most 120 KB and all
// of dist/ at most 250 KB, gzipped at level 9 file by file, counting a KB as 1,000 bytes (the
// stricter reading). Sizes are exact, unlike timings, so they are checked here; timings are
// only recorded (npm run bench). When this fails, something must get smaller or the budget be
// argued for in BENCHMARKS.md.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { DIST } from './support.mjs';

const WASM_BUDGET = 120_000;
const DIST_BUDGET = 250_000;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

test(`the .wasm is at most ${WASM_BUDGET} bytes gzipped, all of dist/ at most ${DIST_BUDGET}`, () => {
  const sizes = files(DIST).map((f) => [relative(DIST, f), gz(f)]).sort((a, b) => b[1] - a[1]);
  const total = sizes.reduce((n, [, s]) => n + s, 0);
  const wasm = sizes.find(([f]) => f.endsWith('.wasm'))?.[1];
  const largest = sizes.slice(0, 8).map(([f, s]) => `${f} ${s}`).join(', ');
  assert.ok(wasm > 0, 'no .wasm in dist/');
  assert.ok(wasm <= WASM_BUDGET, `.wasm is ${wasm} bytes gzipped (budget ${WASM_BUDGET})`);
  assert.ok(total <= DIST_BUDGET, `dist/ is ${total} bytes gzipped (budget ${DIST_BUDGET}); largest: ${largest}`);
  // The document viewer carries cited passages, not whole documents.
  assert.ok(!sizes.some(([f]) => f.startsWith(join('docs', 'sources'))), 'whole documents in dist/');
});
