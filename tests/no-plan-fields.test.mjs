// The page reads no plan file's fields (issue #20, "Done when"): every question the form asks
// about a plan is answered by the engine's plan view (`planView`, docs/embedding.md, "The plan
// view"), whose fields are named for what they answer. This greps www/ for the plan file's own
// field names and fails if a read of one comes back. Words files and comments are not reads.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ROOT } from './support.mjs';

/** The plan file's fields (src/plan.rs) that the view does not carry under the same name. */
const FIELDS = [
  /\benrollment_types\b/,
  /\bmember_premiums\b/,
  /\bpremium_conversion\b/,
  /\bdrug_supply\b/,
  /(?<!scenario\??)\.services\??\.?\[/, // a plan's services by id (a scenario's list is not a plan's)
  /\bown\([^)]*\.services\b/,
  /hasOwn\([^)]*\.services\b/,
  /\bif_admitted\b/,
  /\.premiums\b/,
  /\bgovernment_share\b/,
  /\brequires_part_b\b/,
  /\bpart_d_out_of_pocket_max\b/,
  /\bout_of_pocket_max\b/,
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'i18n' ? [] : files(path);
    return /\.(js|html)$/.test(name) ? [path] : [];
  });
}

/** The code of a file without its comments (a comment may name a field it explains). */
const code = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');

test('no file in www/ reads a plan file field: the engine’s plan view answers', () => {
  const found = [];
  for (const file of files(join(ROOT, 'www'))) {
    const lines = code(readFileSync(file, 'utf8')).split('\n');
    lines.forEach((line, i) => {
      // types.js types the engine's results, whose words ("government_share" as a contribution
      // kind) are not plan fields: its code is checked, its JSDoc is a comment.
      for (const re of FIELDS) if (re.test(line)) found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
    });
  }
  assert.deepEqual(found, []);
});

test('the grep finds a read when one is there (the test can fail)', () => {
  const sample = code("const types = plan.enrollment_types; // a comment naming drug_supply\nconst b = plan.services['x'];");
  assert.equal(FIELDS.filter((re) => sample.split('\n').some((l) => re.test(l))).length, 2);
});
