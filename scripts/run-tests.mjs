#!/usr/bin/env node
// Runs the test files of one or more suites of tests/suites.json with Node's test runner:
//   node scripts/run-tests.mjs unit            the element's modules in Node (no build needed)
//   node scripts/run-tests.mjs node browser    the built module in Node, the pages in Chromium
// Extra arguments after `--` go to `node --test` (e.g. `-- --test-name-pattern=census`).
// The lists live in one file so that scripts/test.sh and package.json cannot drift apart.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const suites = JSON.parse(readFileSync(join(root, 'tests', 'suites.json'), 'utf8'));
const args = process.argv.slice(2);
const dash = args.indexOf('--');
const names = dash < 0 ? args : args.slice(0, dash);
const extra = dash < 0 ? [] : args.slice(dash + 1);
if (names.length === 0) {
  console.error(`usage: node scripts/run-tests.mjs SUITE... [-- node --test options]; suites: ${Object.keys(suites).filter((k) => Array.isArray(suites[k])).join(', ')}`);
  process.exit(2);
}
const files = [];
for (const name of names) {
  if (!Object.hasOwn(suites, name) || !Array.isArray(suites[name])) {
    console.error(`run-tests: no suite "${name}" in tests/suites.json`);
    process.exit(2);
  }
  files.push(...suites[name]);
}
const run = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...extra, ...files], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
