// The census element's pure parts in Node (www/cost-estimator/census/table.js, words.js): the
// contribution as the engine takes it, a page of a list, the enrollment types a household shows,
// and words in both languages for every key and for every code the census can raise.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { PAGE, contributionArg, enrollments, pageOf } from '../www/cost-estimator/census/table.js';
import { WORDS, fileError } from '../www/cost-estimator/census/words.js';
import { wordsFor } from '../www/cost-estimator/i18n/index.js';
import { ROOT } from './support.mjs';

test('the contribution is passed to the engine as the CLI writes it, or not at all', () => {
  assert.equal(contributionArg('', '500'), null);
  assert.equal(contributionArg('amount', ' 500.00 '), 'amount:500.00');
  assert.equal(contributionArg('amount', '$450'), 'amount:450');
  assert.equal(contributionArg('percent', '80%'), 'percent:80');
  assert.equal(contributionArg('percent', ''), 'percent:', 'an empty value goes to the engine, which names it');
  assert.equal(contributionArg('bogus', '1'), null);
});

test('a list is drawn a page at a time', () => {
  const list = Array.from({ length: 250 }, (_, i) => i);
  assert.deepEqual({ ...pageOf(list, 0), items: pageOf(list, 0).items.length }, { items: PAGE, from: 1, to: 100, offset: 0 });
  assert.deepEqual(pageOf(list, 200).items, list.slice(200));
  assert.equal(pageOf(list, 200).to, 250);
  assert.equal(pageOf(list, 9999).offset, 249, 'past the end: the last item');
  assert.deepEqual(pageOf([], 0), { items: [], from: 0, to: 0, offset: 0 });
});

test('a household shows each enrollment type of its options once', () => {
  assert.deepEqual(enrollments([{ enrollment: 'self_plus_one' }, { enrollment: 'self_plus_one' }, { enrollment: 'per_member' }]), ['self_plus_one', 'per_member']);
});

/** The keys of an object of words, nested, as paths. */
function keys(o, at = '') {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${at}${k}.`) : [`${at}${k}`])).sort();
}

test('English and Spanish have the same words, and every census code has words in both', () => {
  assert.deepEqual(keys(WORDS.es), keys(WORDS.en));
  // The codes the census raises itself (src/census/), each worded for a row or for the file.
  const source = ['reader.rs', 'keys.rs', 'cells.rs', 'source.rs', 'columns.rs', 'price.rs']
    .map((f) => readFileSync(join(ROOT, 'src', 'census', f), 'utf8'))
    .join('\n');
  const codes = new Set([...source.matchAll(/Code::([A-Za-z]+)/g)].map((m) => m[1].replace(/[A-Z]/g, (c, i) => (i ? '_' : '') + c.toLowerCase())));
  assert.ok(codes.has('rows_apart') && codes.has('not_csv') && codes.has('invalid_encoding'), [...codes].join(', '));
  for (const lang of ['en', 'es']) {
    const t = WORDS[lang];
    for (const code of codes) {
      // The census's own words, else the estimator's catalog by code (for codes that mean the
      // same there: an unknown plan, a plan listed twice, …).
      const said = t.row[code] ?? fileError(t, { code, path: [code === 'missing_field' ? 'usage' : 'household'] }) ?? wordsFor(lang).t.errors.code[code];
      assert.ok(typeof said === 'string' && said.length > 10, `${lang}: ${code}`);
    }
    // By the error's path, as the engine gives it (the empty file: the file as a whole).
    for (const path of [['household'], ['relationship'], ['age'], ['usage'], ['as_of'], ['plans'], []]) assert.ok(fileError(t, { code: 'missing_field', path }), `${lang}: missing ${path}`);
    assert.equal(fileError(t, { code: 'missing_field', path: ['constructor'] }), null, `${lang}: a key on Object.prototype is not a word`);
    // The page names its own controls, never the command line's flags.
    const all = [JSON.stringify(t), ...Object.values(t.whole).map(String)].join(' ');
    assert.ok(!/--usage|--as-of|--contribution/.test(all), `${lang}: a command-line flag in the page's words`);
    assert.ok(t.whole.missing.usage.includes(`“${t.usage}”`), `${lang}: the missing usage column names the page's control`);
    assert.ok(t.whole.missing.as_of.includes(`“${t.asOf}”`), `${lang}: the missing date names the page's control`);
    assert.ok(t.whole.not_csv.includes(`“${t.file}”`), `${lang}: a file that is not CSV text names the page's file button`);
  }
});
