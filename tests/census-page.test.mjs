// <cost-census> on dist/census.html in Chromium (issues #12, #20, #21): golden censuses uploaded
// through the file picker, every refused row named by row and column as the CLI names it and its
// household not priced; the downloads (the CLI's output byte for byte after a UTF-8 byte order
// mark, and the rows not priced); ids a spreadsheet would run as formulas; an employer
// contribution; the Medicare note; files that are not CSV text and bytes that are not UTF-8 in
// words that name the page's own controls; a long list drawn a page at a time; progress, Cancel
// and two elements on one page; the totals on a phone; the census's own engine (its module and
// worker, which the estimator's page never loads; in the page where no worker may start; and,
// where WebAssembly is refused, plain words that the census needs it). Every figure checked is
// the CLI's or the golden file's. Run `npm run build` first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { CONTENT_SECURITY_POLICY, startServer } from '../scripts/serve.mjs';
import { axeViolations, openPage, screenshot, shadowText, startBrowser } from './browser-support.mjs';
import { syntheticCensus } from '../scripts/synthetic-census.mjs';
import { ROOT, buildCli, cli } from './support.mjs';

const CENSUS = join(ROOT, 'tests', 'golden', 'census');
const CC = 'cost-census';
const COLORADO = ['kp-co-fehb-2022-high', 'kp-co-fehb-2022-standard', 'kp-co-fehb-2022-prosper'];
const BOM = '\uFEFF';

let browser;
before(async () => {
  buildCli();
  browser = await startBrowser();
});
after(async () => {
  await browser?.close();
});

async function openCensus(width = 1280, site = 'census.html') {
  const page = await openPage(browser, site, { width, wait: false });
  await page.locator(`${CC} [data-census="file"]`).waitFor({ state: 'attached' });
  return page;
}

/** Ticks exactly `ids` among the options (of the first element, or of `el`). */
async function choose(page, ids, el = CC) {
  for (const box of await page.locator(`${el} [data-census-plan]`).all()) {
    const want = ids.includes(await box.getAttribute('data-census-plan'));
    if ((await box.isChecked()) !== want) await box.click();
  }
}

/** Chooses `file` (a path, or { name, mimeType, buffer }) and waits for the outcome. */
async function price(page, file, outcome = 'done', el = CC) {
  await page.locator(`${el} [data-census="file"]`).setInputFiles(file);
  await page.locator(`${el} [data-census-status="${outcome}"]`).waitFor({ timeout: 60_000 });
}

/** A download's bytes as text, after clicking `selector`. */
async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.locator(selector).click()]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

const argsOf = (name) => readFileSync(join(CENSUS, `${name}.args`), 'utf8').trim().split(/\s+/);

test('a census with bad rows: each named as the CLI names it, its household not priced, the downloads the CLI’s', async () => {
  const page = await openCensus();
  const plans = argsOf('bad-rows')[1].split(',');
  await choose(page, plans);
  await price(page, join(CENSUS, 'bad-rows.csv'));

  // Every refused row the CLI names, by row and column, in the same order, with its household.
  const cliErrors = readFileSync(join(CENSUS, 'bad-rows.err'), 'utf8')
    .split('\n')
    .map((l) => l.match(/^costshare: row (\d+), column ([^:]+):/))
    .filter(Boolean)
    .map(([, row, column]) => [row, column]);
  const shown = await page.locator(`${CC} [data-census="errors"] li`).evaluateAll((lis) => lis.map((li) => [li.dataset.row, li.dataset.column]));
  assert.deepEqual(shown, cliErrors);
  // B1's rows are apart (rows 2 and 11): refused whole, its first row too (issue #20).
  const b1 = await page.locator(`${CC} [data-census="errors"] li[data-household="B1"]`).evaluateAll((lis) => lis.map((li) => [li.dataset.row, li.dataset.code]));
  assert.deepEqual(b1, [['2', 'rows_apart'], ['11', 'rows_apart']]);
  assert.match(await page.locator(`${CC} [data-census="errors"] h3`).textContent(), /^11 households not priced \(13 rows\)$/);
  assert.equal(await page.locator(`${CC} [data-census="households"] tbody tr[data-household="B1"]`).count(), 0, 'B1 is not among the priced households');
  // The status line counts the households priced, of those read: not the 11 refused too.
  const [, priced, read] = (await page.locator(`${CC} [data-census-status]`).textContent()).match(/^(\d+) of (\d+) households priced on \d+ options in [\d.]+ s; the rest are not priced \(below\)\.$/) ?? [];
  assert.equal(Number(read) - Number(priced), 11, 'read − priced = the households not priced');

  // The group's totals: each option's sum over the households priced, to the cent.
  const golden = readFileSync(join(CENSUS, 'bad-rows.out'), 'utf8');
  const rows = golden.trim().split('\n').slice(1).map((l) => l.match(/^("(?:[^"]|"")*"|[^,]*),(.*)$/)).map(([, h, rest]) => [h.replace(/^"|"$/g, '').replace(/""/g, '"'), ...rest.split(',')]);
  for (const id of plans) {
    const cents = rows.filter((r) => r[1] === id).reduce((n, r) => n + BigInt(r[5].replace('.', '')), 0n);
    const want = `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
    assert.equal(await page.locator(`${CC} [data-census="totals"] tr[data-plan="${id}"] [data-amount]`).getAttribute('data-amount'), want, `${id}'s total`);
    // The option's name, with its id beside it.
    assert.match(await page.locator(`${CC} [data-census="totals"] tr[data-plan="${id}"] th`).textContent(), new RegExp(`${id}$`));
  }

  // The download is the CLI's output for the same options in the same order, byte for byte,
  // after a UTF-8 byte order mark (so that a spreadsheet reads accented names).
  const order = await page.locator(`${CC} [data-census="totals"] tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.dataset.plan));
  const results = await download(page, `${CC} [data-census="download"]`);
  assert.equal(results.name, 'census-results.csv');
  const native = cli('census', join(CENSUS, 'bad-rows.csv'), '--plans', order.join(','));
  assert.equal(native.status, 2, native.stderr);
  assert.equal(results.text, BOM + native.stdout);
  // The rows not priced: a line per row the CLI refused, with its household.
  const refused = await download(page, `${CC} [data-census="download-refused"]`);
  assert.equal(refused.name, 'census-not-priced.csv');
  const lines = refused.text.trim().split('\n');
  assert.equal(lines[0], 'household,row,column,code,message');
  assert.deepEqual(lines.slice(1).map((l) => l.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/)[2]), cliErrors.map(([row]) => row));
  assert.ok(lines.some((l) => l.startsWith('B1,2,household,rows_apart,')), refused.text);

  // Sorting by an option's total (the engine sorts, a page at a time), then the other way.
  const households = () => page.locator(`${CC} [data-census="households"] tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.dataset.household));
  const prosper = rows
    .filter((r) => r[1] === 'kp-co-fehb-2022-prosper')
    .sort((a, b) => Number(BigInt(a[5].replace('.', '')) - BigInt(b[5].replace('.', ''))))
    .map((r) => r[0]);
  await page.locator(`${CC} [data-sort="kp-co-fehb-2022-prosper"]`).click();
  await page.locator(`${CC} th[aria-sort="ascending"] [data-sort="kp-co-fehb-2022-prosper"]`).waitFor();
  assert.deepEqual(await households(), prosper);
  await page.locator(`${CC} [data-sort="kp-co-fehb-2022-prosper"]`).click();
  await page.locator(`${CC} th[aria-sort="descending"] [data-sort="kp-co-fehb-2022-prosper"]`).waitFor();
  assert.deepEqual(await households(), [...prosper].reverse());
  assert.deepEqual(await axeViolations(page), [], 'axe on the census results');
  await screenshot(page, 'census-1280.png');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('ids a spreadsheet would run as formulas download as text, equal to the CLI’s', async () => {
  const page = await openCensus();
  await choose(page, argsOf('injection')[1].split(','));
  await price(page, join(CENSUS, 'injection.csv'));
  const { text } = await download(page, `${CC} [data-census="download"]`);
  assert.equal(text, BOM + readFileSync(join(CENSUS, 'injection.out'), 'utf8'));
  for (const line of text.slice(1).split('\n').slice(1).filter(Boolean)) assert.ok(!/^"?[=+\-@\t\r]/.test(line), line);
  assert.ok(text.includes('"\'=HYPERLINK(""http://x"",""y"")"'));
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('an employer contribution: the employer’s and the employees’ totals, and the download the CLI’s', async () => {
  const page = await openCensus();
  await choose(page, COLORADO);
  await page.locator(`${CC} [data-census="contribution-kind"]`).selectOption('percent');
  await page.locator(`${CC} [data-census="contribution-value"]`).fill('80');
  await page.locator(`${CC} [data-census="contribution-value"]`).dispatchEvent('change');
  await price(page, join(CENSUS, 'basic.csv'));
  const order = await page.locator(`${CC} [data-census="totals"] tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.dataset.plan));
  const native = cli('census', join(CENSUS, 'basic.csv'), '--plans', order.join(','), '--contribution', 'percent:80');
  assert.equal(native.status, 0, native.stderr);
  const rows = native.stdout.trim().split('\n').slice(1).map((l) => l.split(','));
  const sum = (id, i) => {
    const c = rows.filter((r) => r[1] === id).reduce((n, r) => n + BigInt(r[i].replace('.', '')), 0n);
    return `$${(c / 100n).toLocaleString('en-US')}.${String(c % 100n).padStart(2, '0')}`;
  };
  for (const id of COLORADO) {
    const cells = await page.locator(`${CC} [data-census="totals"] tr[data-plan="${id}"] td`).allTextContents();
    // Households, the employer's, the employees' premiums, care and total, cheapest for.
    assert.deepEqual(cells.slice(1, 5).map((s) => s.trim()), [sum(id, 8), sum(id, 3), sum(id, 4), sum(id, 5)], id);
  }
  const { text } = await download(page, `${CC} [data-census="download"]`);
  assert.equal(text, BOM + native.stdout);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('a person under 65 on a Medicare Advantage plan is listed to check, as estimate warns', async () => {
  const page = await openCensus();
  await choose(page, ['kp-ncal-fresno-2025-sa-low']);
  await price(page, { name: 'retirees.csv', mimeType: 'text/csv', buffer: Buffer.from('household,age,relationship,usage\nM1,30,subscriber,low\nM2,70,subscriber,low\n') });
  const notes = page.locator(`${CC} [data-census="notes"] li`);
  assert.equal(await notes.count(), 1);
  assert.equal(await notes.getAttribute('data-household'), 'M1');
  assert.match(await notes.textContent(), /Age 30, no Medicare status: priced as having Medicare Parts A and B .* Before 65, a person has Medicare only through a disability or kidney failure/);
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});

test('files that are not CSV text, and bytes that are not UTF-8, in words naming the page’s own controls', async () => {
  const page = await openCensus();
  await choose(page, COLORADO);
  const basic = readFileSync(join(CENSUS, 'basic.csv'), 'utf8');
  for (const [what, buffer] of [
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])],
    ['UTF-16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(basic, 'utf16le')])],
  ]) {
    await price(page, { name: 'census.csv', mimeType: 'text/csv', buffer }, 'failed');
    const text = await page.locator(`${CC} [data-census-status]`).textContent();
    assert.match(text, /^The file could not be priced: This file is not a CSV text file/, what);
    assert.match(text, /“CSV UTF-8 \(comma delimited\)”.*“Choose a census file \(CSV\)”/, what);
    assert.doesNotMatch(text, /engine failed|TextDecoder/i, what);
  }
  // A file without a usage column names the page's control, not the command line's flag.
  await price(page, join(CENSUS, 'missing-column.csv'), 'failed');
  const missing = await page.locator(`${CC} [data-census-status]`).textContent();
  assert.match(missing, /“Care for people whose row gives no usage”/);
  assert.doesNotMatch(await page.locator(`${CC} .cc-status`).textContent(), /--usage/);
  // A Windows-1252 byte: that cell is refused ("not UTF-8"), by row and column; the rest priced.
  await price(page, join(CENSUS, 'not-utf8.csv'));
  const errors = await page.locator(`${CC} [data-census="errors"] li`).evaluateAll((lis) => lis.map((li) => [li.dataset.row, li.dataset.column, li.dataset.code]));
  assert.deepEqual(errors, [['3', 'age', 'invalid_encoding'], ['5', 'relationship', 'invalid_encoding'], ['6', 'household', 'invalid_encoding']]);
  assert.match(await page.locator(`${CC} [data-census="errors"] li`).first().textContent(), /This cell is not UTF-8 text/);
  assert.deepEqual(await page.locator(`${CC} [data-census="households"] tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.dataset.household)), ['W1', 'W4']);
  // In Spanish.
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'es'));
  await price(page, { name: 'censo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]) }, 'failed');
  assert.match(await page.locator(`${CC} [data-census-status]`).textContent(), /^No se pudo calcular el archivo: Este archivo no es un archivo de texto CSV.*“Elegir un archivo de censo \(CSV\)”/);
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('100,000 refused rows are listed a page at a time, and their households all downloadable', async () => {
  const page = await openCensus();
  await choose(page, ['kp-co-fehb-2022-high']);
  const lines = ['household,age,relationship,usage'];
  for (let i = 0; i < 100_000; i++) lines.push(`R${i},abc,subscriber,low`);
  await price(page, { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`) });
  assert.match(await page.locator(`${CC} [data-census="errors"] h3`).textContent(), /^100,000 households not priced \(100,000 rows\)$/);
  assert.equal(await page.locator(`${CC} [data-census="errors"] li`).count(), 100, 'a page at a time');
  assert.match(await page.locator(`${CC} [data-census="errors"]`).textContent(), /The first 10,000 of 100,000 are listed here; the download has every one\./);
  await page.locator(`${CC} [data-census="errors-next"]`).click();
  assert.equal(await page.locator(`${CC} [data-census="errors"] li`).first().getAttribute('data-row'), '102');
  const refused = await download(page, `${CC} [data-census="download-refused"]`);
  assert.equal(refused.text.trim().split('\n').length, 100_001);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('10,000 households: progress, pages of 100, Cancel stops it at once, and the next file is priced', async () => {
  const page = await openCensus(390);
  await choose(page, COLORADO);
  const big = { name: 'group.csv', mimeType: 'text/csv', buffer: Buffer.from(syntheticCensus(10_000)) };
  // Every value the bar is drawn with is recorded in the page (polling from here can miss a
  // fast run's steps).
  await page.locator(CC).evaluate((el) => {
    const seen = (window.censusProgress = []);
    const record = () => {
      const bar = el.shadowRoot.querySelector('[data-census="progress"]');
      const value = bar && `${bar.dataset.phase} ${bar.getAttribute('value')}`;
      if (value && seen.at(-1) !== value) seen.push(value);
    };
    new MutationObserver(record).observe(el.shadowRoot, { subtree: true, childList: true, attributes: true, attributeFilter: ['value', 'data-phase'] });
  });
  await price(page, big);
  const seen = await page.evaluate(() => window.censusProgress);
  assert.ok(seen.some((v) => /^price [1-9]\d?$/.test(v)), `the bar moved while pricing: ${seen.join(', ')}`);
  assert.match(await page.locator(`${CC} [data-census-status]`).textContent(), /^10,000 households priced on 3 options in [\d.]+ s\.$/);
  const rows = page.locator(`${CC} [data-census="households"] tbody tr`);
  assert.equal(await rows.count(), 100, 'a hundred at a time');
  await page.locator(`${CC} [data-census="households-next"]`).click();
  await page.locator(`${CC} [data-census="households"] tbody tr[data-household="H101"]`).waitFor();
  assert.equal(await rows.count(), 100);
  assert.deepEqual(await axeViolations(page), [], 'axe at 390px');

  // The totals fit a phone: no sideways scrolling, "Total for the year" on screen for each option.
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no sideways scrolling');
  for (const id of COLORADO) {
    const box = await page.locator(`${CC} [data-census="totals"] tr[data-plan="${id}"] [data-amount]`).boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 390, `${id}'s total is on screen: ${JSON.stringify(box)}`);
  }
  await screenshot(page, 'census-390.png');

  // Cancel while reading: nothing is kept, and the engine is ready for the next file.
  await page.locator(`${CC} [data-census="file"]`).setInputFiles(big);
  await page.locator(`${CC} [data-census="cancel"]`).click();
  await page.locator(`${CC} [data-census-status="cancelled"]`).waitFor();
  assert.equal(await page.locator(`${CC} [data-census="totals"]`).count(), 0, 'no results after Cancel');
  assert.equal(await page.locator(CC).evaluate((el) => el.result), null);
  await price(page, join(CENSUS, 'basic.csv'));
  const order = await page.locator(`${CC} [data-census="totals"] tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.dataset.plan));
  const { text } = await download(page, `${CC} [data-census="download"]`);
  assert.equal(text, BOM + cli('census', join(CENSUS, 'basic.csv'), '--plans', order.join(',')).stdout);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('two census elements on a page have an engine each: Cancel in one leaves the other running', async () => {
  const page = await openCensus();
  await page.evaluate(() => document.querySelector('main').append(Object.assign(document.createElement('cost-census'), { id: 'second' })));
  const second = `${CC}#second`;
  await page.locator(`${second} [data-census="file"]`).waitFor({ state: 'attached' });
  await choose(page, COLORADO, `${CC}:not(#second)`);
  await choose(page, COLORADO, second);
  const big = { name: 'group.csv', mimeType: 'text/csv', buffer: Buffer.from(syntheticCensus(10_000)) };
  await page.locator(`${second} [data-census="file"]`).setInputFiles(big);
  await page.locator(`${CC}:not(#second) [data-census="file"]`).setInputFiles(big);
  await page.locator(`${CC}:not(#second) [data-census="cancel"]`).click();
  await page.locator(`${CC}:not(#second) [data-census-status="cancelled"]`).waitFor();
  await page.locator(`${second} [data-census-status="done"]`).waitFor({ timeout: 60_000 });
  assert.match(await page.locator(`${second} [data-census-status]`).textContent(), /^10,000 households priced/);
  assert.deepEqual(page.problems, []);
  await page.close();
});

// ---- the census's own engine (docs/decisions.md, "The size budget, decided") ----

/** The built site served with `policy` in place of the site's own header. */
async function servedWith(policy) {
  const { server, url } = await startServer({ root: join(ROOT, 'dist'), port: 0, policy });
  return { url, close: () => (server.close(), server.closeAllConnections()) };
}
const paths = (page) => page.requests.map((r) => new URL(r.url).pathname);
const ESTIMATOR_ENGINE = ['/engine-worker.js', '/pkg/costshare.js', '/pkg/costshare_bg.wasm', '/pkg/costshare_js.js'];
const CENSUS_ENGINE = ['/census-worker.js', '/pkg/costshare_census.js', '/pkg/costshare_census_bg.wasm'];

test('each page loads its own engine: the census page the census’s module in its worker, the estimator’s page never the census’s', async () => {
  const census = await openCensus();
  await choose(census, COLORADO);
  await price(census, join(CENSUS, 'basic.csv'));
  const worker = census.workers().find((w) => w.url().endsWith('/census-worker.js'));
  assert.ok(worker, 'the census runs in its own worker');
  for (const file of CENSUS_ENGINE) assert.ok(paths(census).includes(file), `the census page loaded ${file}`);
  for (const file of ESTIMATOR_ENGINE) assert.ok(!paths(census).includes(file), `the census page did not load ${file}`);
  assert.deepEqual(census.problems, []);
  await census.close();

  const estimator = await openPage(browser, 'index.html');
  for (const file of CENSUS_ENGINE) assert.ok(!paths(estimator).includes(file), `the estimator's page did not load ${file}`);
  assert.ok(paths(estimator).includes('/pkg/costshare_bg.wasm'));
  await estimator.close();
});

test('with worker-src \'none\' the census runs its engine in the page, and gives the CLI’s bytes', { timeout: 90_000 }, async () => {
  const site = await servedWith(CONTENT_SECURITY_POLICY.replace("worker-src 'self'", "worker-src 'none'"));
  try {
    const page = await openCensus(1280, new URL('census.html', site.url).href);
    await choose(page, COLORADO);
    await price(page, join(CENSUS, 'basic.csv'));
    assert.equal(page.workers().length, 0, 'no worker ran');
    assert.ok(paths(page).includes('/census-worker.js'), 'the census’s host was imported into the page');
    const order = await page.locator(`${CC} [data-census="totals"] tbody tr`).evaluateAll((trs) => trs.map((tr) => tr.dataset.plan));
    const native = cli('census', join(CENSUS, 'basic.csv'), '--plans', order.join(','));
    assert.equal(native.status, 0, native.stderr);
    assert.equal((await download(page, `${CC} [data-census="download"]`)).text, BOM + native.stdout);
    await page.close();
  } finally {
    site.close();
  }
});

test('without \'wasm-unsafe-eval\' the census says plainly that it needs WebAssembly, in English and Spanish, and loads no JavaScript engine', { timeout: 60_000 }, async () => {
  const site = await servedWith(CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", ''));
  try {
    const page = await openPage(browser, new URL('census.html', site.url).href, { wait: false });
    await page.locator(`${CC} [data-load-error="wasm_refused"]`).waitFor({ timeout: 30_000 });
    const english = await shadowText(page, CC);
    assert.match(english, /The census cannot run on this page: it needs WebAssembly, and the page’s security settings do not allow it\./);
    assert.match(english, /add 'wasm-unsafe-eval' to script-src/);
    assert.doesNotMatch(english, /CompileError|Refused to compile|unsafe-eval' is not an allowed|The estimator could not load/);
    assert.equal(await page.locator(`${CC} [data-census="file"]`).count(), 0, 'no file to choose: nothing could price it');
    await page.locator(CC).evaluate((el) => el.setAttribute('lang', 'es'));
    assert.match(await shadowText(page, CC), /El censo no puede funcionar en esta página: necesita WebAssembly/);
    assert.ok(!paths(page).includes('/pkg/costshare_js.js'), 'the JavaScript engine is the estimator’s: the census does not load it');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'census-policy-no-wasm.png');
    await page.close();
  } finally {
    site.close();
  }
});
