// The installable package where embedders live (issue #24): `npm pack` at the repository's root,
// the tarball installed with npm into fresh temporary folders (never the repository's files), then
//   (a) a plain HTML page with one <script type="module"> pointing at the installed `./define`
//       entry's file as it is (no bundler, no import map: as a CDN serves it), under a policy with
//       'wasm-unsafe-eval' and under one without it (the engine compiled to JavaScript runs);
//   (b) a Vite + React 19 app in TypeScript (tests/embedders/react-app: the element in TSX with
//       its typed attributes and events), type-checked by tsc and built for production,
// each served and opened in Chromium, showing the engine's figures, compared with figures worked
// by hand from the plan document. Also: the main entry registers nothing; define() twice is
// harmless and another tag name works; a module or data file that does not arrive is said in
// plain words (English and Spanish) and "Try again" brings the estimate.
// The React app's dependencies (pinned in its package.json and package-lock.json) are installed
// once into node_modules/.cache/costshare-embedders/<hash of the lock>/ and copied from there.
// KEEP_PACKAGE_TEST=1 keeps the temporary folders (their path is printed) to look into.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../scripts/serve.mjs';
import { CONTENT_SECURITY_POLICY } from '../scripts/csp.mjs';
import { axeViolations, screenshot, startBrowser } from './browser-support.mjs';
import { DEMO, ROOT } from './support.mjs';

// Worked by hand from the Kaiser Permanente Colorado FEHB 2022 brochure
// (docs/sources/001_e72fe1ec6a77dd26.txt):
//   line 3841, "Standard Option Self Only654$228.17$76.06$494.38$164.79": the enrollee pays
//   $76.06 a pay period; 26 biweekly pay periods: 76.06 × 26 = $1,977.56 for the year, which is
//   the whole year's cost of the element's first view (one person of 40, Self Only, no care);
//   line 925, "$30 per primary care office visit": two visits (typical allowed amount $150, more
//   than the copay) cost 2 × $30 = $60, no deductible, so the year is 1,977.56 + 60 = $2,037.56.
const STANDARD_SELF_ONLY_YEAR = '1977.56';
const TWO_VISITS_YEAR = '2037.56';
const TWO_VISITS_CARE = '60.00';

const WITHOUT_WASM_EVAL = CONTENT_SECURITY_POLICY.replace(" 'wasm-unsafe-eval'", '');
const work = mkdtempSync(join(tmpdir(), 'costshare-package-'));
const cacheRoot = join(ROOT, 'node_modules', '.cache', 'costshare-embedders');
let tarball;
let browser;
const servers = [];

function run(command, args, cwd, { timeout = 300_000 } = {}) {
  const started = Date.now();
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${r.status ?? r.signal}:\n${r.stdout}\n${r.stderr}`.slice(0, 6000));
  return { ...r, seconds: (Date.now() - started) / 1000 };
}

/** Serves `root` with `policy`; returns its URL. */
async function serve(root, policy) {
  const { server, url } = await startServer({ root, port: 0, policy });
  servers.push(server);
  return url;
}

/** A fresh folder with the tarball installed by npm (a package.json of its own, nothing else). */
function freshInstall(name) {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, version: '0.0.0' }, null, 2));
  run('npm', ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline'], dir);
  assert.ok(existsSync(join(dir, 'node_modules', 'costshare', 'lib', 'define.js')), 'the tarball installed lib/define.js');
  return dir;
}

before(async () => {
  // npm pack runs the prepack check: lib/ is built and newer than its sources.
  const packed = run('npm', ['pack', '--pack-destination', work, '--json'], ROOT);
  const [info] = JSON.parse(packed.stdout);
  tarball = join(work, info.filename);
  // What ships: the built element, engine and data; no sources, tests or tooling.
  const files = info.files.map((f) => f.path);
  for (const want of ['package.json', 'README.md', 'CHANGELOG.md', 'lib/cost-estimator.js', 'lib/define.js', 'lib/cost-census.js', 'lib/census-define.js', 'lib/engine-worker.js', 'lib/pkg/costshare_bg.wasm', 'lib/pkg/costshare_js.js', 'lib/census-worker.js', 'lib/pkg/costshare_census.js', 'lib/pkg/costshare_census_bg.wasm', 'lib/data/catalog.json', 'lib/custom-elements.json', 'lib/define.d.ts', 'lib/react.d.ts']) {
    assert.ok(files.includes(want), `the tarball holds ${want}`);
  }
  assert.deepEqual(files.filter((f) => !/^(package\.json|README\.md|CHANGELOG\.md|lib\/)/.test(f)), [], 'only the package files ship');
  console.log(`# npm pack: ${info.filename}, ${info.size} bytes, ${files.length} files (${packed.seconds.toFixed(1)} s)`);
  browser = await startBrowser();
});

after(async () => {
  await browser?.close();
  for (const server of servers) {
    server.close();
    server.closeAllConnections();
  }
  if (!process.env.KEEP_PACKAGE_TEST) rmSync(work, { recursive: true, force: true });
  else console.log(`# kept ${work}`);
});

/** A page of the plain site: each loads the installed define entry as it is. */
function plainPage(lang, body) {
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <title>An insurer's plan page</title>
  <script type="module" src="./node_modules/costshare/lib/define.js"></script>
</head>
<body>
<main>
  <h1>${lang === 'es' ? 'Nuestros planes' : 'Our plans'}</h1>
  ${body}
</main>
</body>
</html>
`;
}

let plain; // the plain site's folder

/** Opens `url` with every estimate-warning and estimate-error recorded (window.said). */
async function open(url) {
  const page = await browser.context.newPage();
  page.requests = [];
  page.problems = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.problems.push(e.message));
  await page.addInitScript(() => {
    window.said = [];
    for (const type of ['estimate-warning', 'estimate-error']) document.addEventListener(type, (e) => window.said.push(`${type} ${e.detail.code}`));
  });
  await page.goto(url);
  return page;
}

const total = (page, selector = 'cost-estimator') =>
  page.waitForFunction((sel) => document.querySelector(sel)?.shadowRoot?.querySelector('.ce-total-amount[data-amount]')?.getAttribute('data-amount'), selector, { timeout: 30_000 }).then((h) => h.jsonValue());

test('(a) a plain page with one script tag at the installed define entry shows the engine’s figures', { timeout: 120_000 }, async () => {
  plain = freshInstall('plain-site');
  writeFileSync(join(plain, 'index.html'), plainPage('en', '<cost-estimator plan="kp-co-fehb-2022-standard"></cost-estimator>'));
  writeFileSync(join(plain, 'blank.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blank</title></head><body><main><h1>Blank</h1></main></body></html>\n');
  const url = await serve(plain, CONTENT_SECURITY_POLICY);
  const page = await open(new URL('index.html', url).href);
  assert.equal(await total(page), STANDARD_SELF_ONLY_YEAR, 'the first view: Standard Self Only, no care (brochure line 3841 × 26)');
  const asked = await page.locator('cost-estimator').evaluate((el) =>
    el.estimate({ plan: 'kp-co-fehb-2022-standard', enrollment: 'self_only', pay_schedule: 'biweekly', members: [{ id: 'you', age: 40 }], services: [{ member: 'you', service: 'primary_care_visit', count: 2 }] }),
  );
  assert.equal(asked.total_annual_cost, TWO_VISITS_YEAR, 'two primary care visits (brochure line 925)');
  assert.equal(asked.member_pays_total, TWO_VISITS_CARE);
  // Everything came from the installed package, the engine in a worker, WebAssembly.
  const own = page.requests.filter((r) => !r.startsWith(url));
  assert.deepEqual(own, [], 'nothing from elsewhere');
  assert.ok(page.requests.some((r) => r.endsWith('/node_modules/costshare/lib/pkg/costshare_bg.wasm')));
  assert.ok(!page.requests.some((r) => r.includes('costshare_js.js')), 'the JavaScript engine is not loaded where WebAssembly runs');
  assert.equal(page.workers().length, 1, 'the engine runs in its worker');
  assert.deepEqual(await page.evaluate(() => window.said), [], 'no fallback, no error');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'package-plain-page.png');
  await page.close();
});

test('(a) the installed costshare-prerender and costshare/prerender give the first view as HTML; the plain page carrying it shows it, then the element takes over', { timeout: 120_000 }, async () => {
  assert.ok(plain, 'the plain site was installed by the first test');
  // The command, from node_modules/.bin, on the package's own engine and data.
  const cli = run(join(plain, 'node_modules', '.bin', 'costshare-prerender'), ['--plan', 'kp-co-fehb-2022-standard', '--css', 'cost-estimator.css'], plain);
  assert.match(cli.stdout, /^<cost-estimator plan="kp-co-fehb-2022-standard"><template shadowrootmode="open"><link rel="stylesheet" href="cost-estimator.css">/);
  assert.match(cli.stdout, new RegExp(`class="ce-total-amount" value="${STANDARD_SELF_ONLY_YEAR}"`));
  assert.ok(existsSync(join(plain, 'cost-estimator.css')), '--css wrote the sheet');
  // The module, imported by a build script.
  writeFileSync(join(plain, 'build.mjs'), "import { prerender } from 'costshare/prerender';\nconst { html, result } = await prerender({ attributes: { plan: 'kp-co-fehb-2022-high', lang: 'es' } });\nconsole.log(result.total_annual_cost, html.includes('lang=\"es\"'));\n");
  assert.equal(run(process.execPath, ['build.mjs'], plain).stdout.trim(), '2908.36 true', 'High Option Self Only, 26 × 111.86 (brochure line 3838)');
  // A page carrying the markup (its sheet in the head too), with the define entry.
  writeFileSync(join(plain, 'prerendered.html'), plainPage('en', cli.stdout).replace('</head>', '  <link rel="stylesheet" href="cost-estimator.css">\n</head>'));
  const url = await serve(plain, CONTENT_SECURITY_POLICY);
  const page = await open(new URL('prerendered.html', url).href);
  await page.waitForFunction(() => !document.querySelector('cost-estimator').shadowRoot.querySelector('link'), null, { timeout: 30_000 });
  assert.equal(await total(page), STANDARD_SELF_ONLY_YEAR);
  assert.equal(await page.evaluate(() => document.querySelector('cost-estimator').shadowRoot.querySelectorAll('.ce-answer').length), 1, 'one answer: the element took over in place');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('(a) the main entry registers nothing; define() twice is harmless; another tag name works', { timeout: 60_000 }, async () => {
  const url = await serve(plain, CONTENT_SECURITY_POLICY);
  const page = await open(new URL('blank.html', url).href);
  const got = await page.evaluate(async () => {
    const main = await import('/node_modules/costshare/lib/cost-estimator.js');
    const before = { estimator: customElements.get('cost-estimator') ?? null, census: customElements.get('cost-census') ?? null };
    const census = await import('/node_modules/costshare/lib/cost-census.js');
    const afterCensus = customElements.get('cost-census') ?? null;
    const named = main.define('insurer-estimator');
    const again = main.define('insurer-estimator');
    const el = document.createElement('insurer-estimator');
    el.setAttribute('plan', 'kp-co-fehb-2022-standard');
    document.body.append(el);
    await import('/node_modules/costshare/lib/define.js');
    const first = customElements.get('cost-estimator');
    await import('/node_modules/costshare/lib/define.js?a-second-copy');
    await import('/node_modules/costshare/lib/census-define.js');
    return {
      before,
      afterCensus,
      exports: Object.keys(main).sort(),
      censusExports: Object.keys(census).sort(),
      sameTwice: named === again,
      isEstimator: el instanceof main.CostEstimator,
      keptFirst: customElements.get('cost-estimator') === first,
      census: Boolean(customElements.get('cost-census')),
    };
  });
  assert.deepEqual(got.before, { estimator: null, census: null }, 'importing the main entry registers nothing');
  assert.equal(got.afterCensus, null, 'importing costshare/census registers nothing');
  assert.deepEqual(got.exports, ['CostEstimator', 'EngineError', 'define']);
  assert.deepEqual(got.censusExports, ['CostCensus', 'defineCensus']);
  assert.ok(got.sameTwice && got.isEstimator && got.keptFirst && got.census);
  assert.equal(await total(page, 'insurer-estimator'), STANDARD_SELF_ONLY_YEAR);
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('(a) a plain page with one script tag at the installed census entry prices a census with the census’s own module, found beside it', { timeout: 120_000 }, async () => {
  writeFileSync(
    join(plain, 'census.html'),
    plainPage('en', '<cost-census plans="kp-co-fehb-2022-high kp-co-fehb-2022-standard kp-co-fehb-2022-prosper"></cost-census>').replace('lib/define.js', 'lib/census-define.js'),
  );
  const url = await serve(plain, CONTENT_SECURITY_POLICY);
  const page = await open(new URL('census.html', url).href);
  await page.locator('cost-census [data-census="file"]').setInputFiles(join(ROOT, 'tests', 'golden', 'census', 'basic.csv'));
  await page.locator('cost-census [data-census-status="done"]').waitFor({ timeout: 60_000 });
  // The seven households of tests/golden/census/basic.csv (21 rows of basic.out), on the three options.
  assert.match(await page.locator('cost-census [data-census-status]').textContent(), /^7 households priced on 3 options/);
  const lib = (file) => page.requests.some((r) => r.endsWith(`/node_modules/costshare/lib/${file}`));
  assert.ok(lib('census-worker.js') && lib('pkg/costshare_census.js') && lib('pkg/costshare_census_bg.wasm'), 'the census’s worker and module, beside the entry');
  assert.ok(!lib('pkg/costshare_bg.wasm') && !lib('engine-worker.js'), 'not the estimator’s module');
  assert.deepEqual(page.requests.filter((r) => !r.startsWith(url)), [], 'nothing from elsewhere');
  assert.deepEqual(page.problems, []);
  await page.close();
});

test('(a) without \'wasm-unsafe-eval\' the same engine compiled to JavaScript shows the same figures, said once', { timeout: 120_000 }, async () => {
  const strict = await serve(plain, WITHOUT_WASM_EVAL);
  const page = await open(new URL('index.html', strict).href);
  assert.equal(await total(page), STANDARD_SELF_ONLY_YEAR);
  const demo = await page.locator('cost-estimator').evaluate((el, s) => el.estimate(s), DEMO.scenario);
  assert.ok(page.requests.some((r) => r.endsWith('/lib/pkg/costshare_js.js')), 'the JavaScript engine was loaded');
  assert.deepEqual(await page.evaluate(() => window.said), ['estimate-warning engine_javascript'], 'the fallback is said once, with its code');
  assert.deepEqual(page.problems, []);
  await screenshot(page, 'package-plain-page-no-wasm-eval.png');
  await page.close();
  // The same answer as the WebAssembly engine's, to the cent, on a whole family's year.
  const normal = await open(new URL('index.html', await serve(plain, CONTENT_SECURITY_POLICY)).href);
  await total(normal);
  const wasm = await normal.locator('cost-estimator').evaluate((el, s) => el.estimate(s), DEMO.scenario);
  assert.deepEqual(demo, wasm);
  await normal.close();
});

test('a module or data file that does not arrive is said in plain words (English, Spanish); Try again brings the estimate', { timeout: 120_000 }, async () => {
  writeFileSync(join(plain, 'es.html'), plainPage('es', '<cost-estimator plan="kp-co-fehb-2022-standard"></cost-estimator>'));
  const url = await serve(plain, CONTENT_SECURITY_POLICY);
  for (const [file, path, lang, words, again] of [
    ['pkg/costshare_bg.wasm', 'index.html', 'en', /could not load: a file it needs \(pkg\/costshare_bg\.wasm\) did not arrive/, 'Try again'],
    ['data/catalog.json', 'es.html', 'es', /no llegó un archivo que necesita \(data\/catalog\.json\)/, 'Intentar de nuevo'],
  ]) {
    const page = await browser.context.newPage();
    let refused = 0;
    await page.route(`**/lib/${file}`, (route) => (refused++ === 0 ? route.abort('connectionreset') : route.continue()));
    await page.addInitScript(() => {
      window.said = [];
      document.addEventListener('estimate-error', (e) => window.said.push(`${e.detail.code} ${e.detail.params?.file}`));
    });
    await page.goto(new URL(path, url).href);
    const message = page.locator('cost-estimator [data-load-error="load_failed"]');
    await message.waitFor({ timeout: 30_000 });
    assert.match(await message.textContent(), words, `${lang}: plain words naming the file`);
    assert.doesNotMatch(await message.textContent(), /Failed to fetch|TypeError|HTTP/);
    assert.deepEqual(await page.evaluate(() => window.said), [`load_failed ${file}`]);
    assert.deepEqual(await axeViolations(page), [], `axe with the failure shown (${lang})`);
    await screenshot(page, `package-load-failed-${lang}.png`);
    const retry = page.locator('cost-estimator [data-load-retry]');
    assert.equal((await retry.textContent()).trim(), again);
    await retry.click();
    assert.equal(await total(page), STANDARD_SELF_ONLY_YEAR, `${lang}: Try again brings the estimate`);
    assert.equal(refused, 2, `${file} was asked for again`);
    await page.close();
  }
});

/** The React app's dependencies, installed once per lock (npm ci) and copied into each fresh folder. */
function reactDependencies(app) {
  const lock = readFileSync(join(app, 'package-lock.json'));
  const key = createHash('sha256').update(lock).update(readFileSync(join(app, 'package.json'))).digest('hex').slice(0, 16);
  const cached = join(cacheRoot, `react-app-${key}`);
  if (!existsSync(join(cached, 'node_modules', '.package-lock.json'))) {
    rmSync(cached, { recursive: true, force: true });
    mkdirSync(cached, { recursive: true });
    for (const f of ['package.json', 'package-lock.json']) cpSync(join(app, f), join(cached, f));
    const r = run('npm', ['ci', '--no-audit', '--no-fund'], cached);
    console.log(`# react app: npm ci into ${cached} (${r.seconds.toFixed(1)} s)`);
  }
  return cached;
}

test('(b) a Vite + React 19 app in TypeScript, type-checked and built for production, shows the engine’s figures', { timeout: 420_000 }, async () => {
  const source = join(ROOT, 'tests', 'embedders', 'react-app');
  const app = join(work, 'react-app');
  mkdirSync(app);
  for (const f of ['package.json', 'package-lock.json', 'index.html', 'tsconfig.json', 'src']) cpSync(join(source, f), join(app, f), { recursive: true });
  const deps = reactDependencies(source);
  const copied = run('cp', ['-a', join(deps, 'node_modules'), join(app, 'node_modules')], app);
  // The tarball, installed by npm (not saved: the app's lock stays the pinned one).
  const installed = run('npm', ['install', tarball, '--no-save', '--no-audit', '--no-fund', '--prefer-offline'], app);
  const tsc = run(join(app, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], app);
  // The types are real: a number for an attribute, or a field the event's detail has not, fail
  // to type-check. (An unknown hyphenated attribute cannot: TypeScript lets any through.)
  writeFileSync(
    join(app, 'src', 'Wrong.tsx'),
    "import 'costshare/define';\nimport type {} from 'costshare/react';\nexport const a = <cost-estimator plan={42} />;\nexport const b = <cost-estimator onestimate-change={(e) => e.detail.result?.total_annual_costs} />;\n",
  );
  const wrong = spawnSync(join(app, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: app, encoding: 'utf8' });
  rmSync(join(app, 'src', 'Wrong.tsx'));
  assert.notEqual(wrong.status, 0, 'wrong uses of the element type-check');
  for (const line of [3, 4]) assert.match(wrong.stdout, new RegExp(`Wrong\\.tsx\\(${line},`), `line ${line} of the wrong uses is refused:\n${wrong.stdout}`);
  const vite = run(join(app, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], app);
  console.log(`# react app: copy ${copied.seconds.toFixed(1)} s, npm install of the tarball ${installed.seconds.toFixed(1)} s, tsc ${tsc.seconds.toFixed(1)} s, vite build ${vite.seconds.toFixed(1)} s`);
  const built = join(app, 'dist');
  const assets = readdirSync(join(built, 'assets'));
  assert.ok(assets.some((f) => f.endsWith('.wasm')), `the .wasm is in the production output: ${assets.join(', ')}`);
  assert.ok(assets.some((f) => /^engine-worker.*\.js$/.test(f)), 'the engine worker is in the production output');
  // The app uses the estimator alone: the census's module and worker are not carried.
  assert.deepEqual(assets.filter((f) => /census/.test(f)), [], 'the census’s engine is not in an estimator’s production output');
  assert.equal(assets.filter((f) => f.endsWith('.wasm')).length, 1, `one module: ${assets.join(', ')}`);
  assert.ok(!existsSync(join(built, 'node_modules')), 'nothing is served from node_modules');
  const url = await serve(built, CONTENT_SECURITY_POLICY);
  const page = await open(url);
  assert.equal(await total(page), STANDARD_SELF_ONLY_YEAR, 'the element, in React, shows the first view');
  await page.locator('#shown').filter({ hasText: STANDARD_SELF_ONLY_YEAR }).waitFor({ timeout: 30_000 });
  await page.locator('#ask').click();
  await page.locator('#asked').filter({ hasText: TWO_VISITS_YEAR }).waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('#asked').textContent(), `${TWO_VISITS_YEAR} (${TWO_VISITS_CARE} for care)`);
  // The attributes React set reached the element: the agent's block and the three options ranked.
  assert.match(await page.locator('cost-estimator').evaluate((el) => el.shadowRoot.textContent), /Dana Whitfield/);
  assert.ok(page.requests.some((r) => /\/assets\/costshare_bg-[\w-]+\.wasm$/.test(r)), 'the .wasm from the bundle');
  assert.equal(page.workers().length, 1, 'the engine runs in its worker');
  assert.deepEqual(await page.evaluate(() => window.said), []);
  assert.deepEqual(page.problems, []);
  assert.deepEqual(await axeViolations(page), []);
  await screenshot(page, 'package-react-app.png');
  await page.close();
});
