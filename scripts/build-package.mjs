// The installable package's files, lib/ (package.json's "files"; `npm pack` at the root packs
// them with package.json, README.md and CHANGELOG.md). build-site.mjs runs this after writing
// dist/, whose engine, data and document viewer it copies:
//   lib/cost-estimator.js      `costshare`: CostEstimator, define(), EngineError; registers nothing
//   lib/define.js              `costshare/define`: registers <cost-estimator>
//   lib/cost-census.js         `costshare/census`: CostCensus, defineCensus(); registers nothing
//   lib/prerender.js           `costshare/prerender` (Node): the element's first view as HTML;
//   lib/prerender-cli.js       and `costshare-prerender`, its command (www/cost-estimator/ssr/)
//   lib/census-define.js       `costshare/census/define`: registers <cost-census>
//   lib/chunk-*.js             what the entries share (Lit, the element, the engine client)
//   lib/engine-worker.js       the estimator's engine host (a Web Worker, or imported into the page)
//   lib/census-worker.js       the census's
//   lib/pkg/                   the estimator's engine: costshare.js (glue), costshare_bg.wasm, and
//                              costshare_js.js (the same engine compiled to JavaScript); the
//                              census's: costshare_census.js, costshare_census_bg.wasm (the
//                              engine with the group census, loaded only by <cost-census>)
//   lib/data/                  the catalog, the vocabulary, the prices, the presets, the plans
//   lib/document.*, docs/      the document viewer the citations open
//   lib/*.d.ts, cost-estimator/*.d.ts   the declarations (no import of Lit: the base class is
//                              declared as what an embedder may use of it)
//   lib/react.d.ts             <cost-estimator> and <cost-census> in React's JSX (attributes, events)
//   lib/custom-elements.json   the Custom Elements Manifest
// Every file is ES2022 as browsers load it, with no bare import: the browser build a CDN serves
// as it is. Bundlers find the engine, the worker and the data through element-files.js.
// Usage: node scripts/build-package.mjs [--check]   (--check: fail if lib/ is missing or older
// than what it is built from; package.json's prepack runs it, so `npm pack` packs a current lib/).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const www = join(root, 'www');
export const LIB = join(root, 'lib');

/** The package entries: output name → source (www/package/). */
export const ENTRIES = {
  'cost-estimator': 'cost-estimator.js',
  define: 'define.js',
  'cost-census': 'cost-census.js',
  'census-define': 'census-define.js',
};

/** What the package copies from the built site, as it is there. */
const FROM_DIST = ['pkg/costshare.js', 'pkg/costshare_bg.wasm', 'pkg/costshare_js.js', 'pkg/costshare.d.ts', 'pkg/costshare_census.js', 'pkg/costshare_census_bg.wasm', 'pkg/costshare_census.d.ts', 'data', 'docs', 'document.html', 'document.js', 'document.css', 'favicon.png'];

/** `costshare/prerender`'s declarations (its source is Node code, outside the element's tsc run). */
const PRERENDER_TYPES = `/** An attribute of <cost-estimator> that changes its first view. */
export type PrerenderedAttribute = 'plans' | 'plan' | 'lang' | 'url-state' | 'employer-contribution' | 'broker-name' | 'broker-id' | 'broker-phone' | 'broker-email';
export interface PrerenderOptions {
  /** The element's attributes (\`url-state\`: an empty string or \`true\`). */
  attributes?: Partial<Record<PrerenderedAttribute, string | true>>;
  /** The address of the element's styles as a file (a <link> in the shadow root), or null for a <style> inside it. */
  stylesheet?: string | null;
  /** A built site's folder (its pkg/, engine-worker.js and data/); default: the package's own. */
  site?: string;
}
export interface Prerendered {
  /** <cost-estimator …><template shadowrootmode="open">…</template></cost-estimator> */
  html: string;
  /** The shadow root's content alone. */
  markup: string;
  /** The element's styles (and what is hidden without scripts), to serve as the stylesheet. */
  css: string;
  /** The engine's estimate and comparison the view shows. */
  result: import('./cost-estimator/types.js').EstimateResult;
  comparison: import('./cost-estimator/types.js').Comparison | null;
}
/** <cost-estimator> with its first view, worked out by the package's engine (Node, at build time). */
export function prerender(options?: PrerenderOptions): Promise<Prerendered>;
/** The same, without the element's tag around it. */
export function prerenderView(options?: PrerenderOptions): Promise<Omit<Prerendered, 'html'>>;
/** The element's styles as one sheet. */
export function elementCss(): string;
export const PRERENDERED_ATTRIBUTES: PrerenderedAttribute[];
/** The package's folder (lib/). */
export const PACKAGE_SITE: string;
`;

/** The declarations without Lit: the element's base class declared as what an embedder may use
 * of it, so that a project type-checks against the package without Lit installed. */
function withoutLit(text) {
  const base = [
    '/** The element\'s base class: Lit\'s LitElement, bundled inside the package. What an embedder may use of it. */',
    'declare class LitElement extends HTMLElement {',
    '    /** Resolves once the element has drawn its latest change. */',
    '    readonly updateComplete: Promise<boolean>;',
    '    readonly renderRoot: HTMLElement | DocumentFragment;',
    '    requestUpdate(name?: PropertyKey, oldValue?: unknown): void;',
    '    connectedCallback(): void;',
    '    disconnectedCallback(): void;',
    '    attributeChangedCallback(name: string, old: string | null, value: string | null): void;',
    '}',
  ].join('\n');
  const out = text
    .replace(/^import \{ LitElement \} from 'lit';$/m, base)
    .replace(/static styles: [^;]+;/g, 'static styles: unknown;')
    .replace(/import\("lit-html"\)\.TemplateResult<1>/g, 'unknown')
    .replace(/willUpdate\(changed: any\): void;/g, 'willUpdate(changed: Map<PropertyKey, unknown>): void;');
  if (/from 'lit'|import\("lit/.test(out)) throw new Error('a declaration still imports Lit');
  return out;
}

/** The tags and their events, declared on the DOM's maps (from the manifest). */
function globalDeclarations(manifest, only) {
  const tags = [];
  const events = new Map();
  for (const module of manifest.modules ?? []) {
    for (const d of module.declarations ?? []) {
      if (!d.customElement || d.tagName !== only) continue;
      tags.push(`    '${d.tagName}': ${d.name};`);
      for (const e of d.events ?? []) events.set(e.name, e.type?.text ?? 'Event');
    }
  }
  return [
    '',
    '// Generated from custom-elements.json by scripts/build-package.mjs.',
    'declare global {',
    '  interface HTMLElementTagNameMap {',
    ...tags,
    '  }',
    '  interface HTMLElementEventMap {',
    ...[...events].map(([name, type]) => `    '${name}': ${type};`),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** <cost-estimator> and <cost-census> in React's JSX: each attribute (a string), React 19's
 * `on<event>` listeners with their event's type, and React's own props (ref, key, style…). */
function reactDeclarations(manifest) {
  const elements = [];
  for (const module of manifest.modules ?? []) {
    for (const d of module.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const attrs = (d.attributes ?? []).map((a) => `    ${JSON.stringify(a.name)}?: string;`);
      const events = (d.events ?? []).map((e) => `    ${JSON.stringify(`on${e.name}`)}?: (event: ${e.type?.text ?? 'Event'}) => void;`);
      elements.push({ tag: d.tagName, name: d.name, attrs, events });
    }
  }
  const types = new Set(['EstimateChangeDetail', 'EstimateShareDetail', 'ElementErrorDetail']);
  return [
    '// <cost-estimator> and <cost-census> in React\'s JSX (React 19: attributes as strings, events as',
    '// on<event-name>, e.g. onestimate-change). Generated from custom-elements.json by',
    '// scripts/build-package.mjs. Use: `import type {} from \'costshare/react\';` once in the project.',
    "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
    `import type { CostEstimator, ${[...types].join(', ')} } from './cost-estimator.js';`,
    "import type { CostCensus } from './cost-census.js';",
    '',
    ...elements.flatMap((e) => [
      `export interface ${e.name}Attributes extends DetailedHTMLProps<HTMLAttributes<${e.name}>, ${e.name}> {`,
      ...e.attrs.filter((a) => !a.includes('"lang"')),
      ...e.events,
      '}',
      '',
    ]),
    "declare module 'react' {",
    '  namespace JSX {',
    '    interface IntrinsicElements {',
    ...elements.map((e) => `      '${e.tag}': ${e.name}Attributes;`),
    '    }',
    '  }',
    '}',
    '',
  ].join('\n');
}

/** The declaration files emitted by tsc (target/types/) for the package. */
function writeTypes(types, manifest) {
  // The entries' declarations, moved from www/package/ to lib/'s root, without the import of the
  // list of files (no types of its own).
  const entry = (name) =>
    readFileSync(join(types, 'package', `${name}.d.ts`), 'utf8')
      .replaceAll("'../", "'./")
      .replace(/^import '\.\/(element|census)-files\.js';\n/gm, '')
      .replace(/^\/\*\* @typedef .*\*\/\n/gm, '');
  for (const file of ['cost-estimator/element.d.ts', 'cost-estimator/census/element.d.ts', 'cost-estimator/types.d.ts', 'cost-estimator/engine-client.d.ts']) {
    mkdirSync(dirname(join(LIB, file)), { recursive: true });
    writeFileSync(join(LIB, file), withoutLit(readFileSync(join(types, file), 'utf8')));
  }
  writeFileSync(join(LIB, 'cost-estimator.d.ts'), entry('cost-estimator'));
  const estimatorTypes = "import type { CostEstimator, EstimateChangeDetail, EstimateShareDetail, ElementErrorDetail } from './cost-estimator.js';\n";
  writeFileSync(join(LIB, 'define.d.ts'), `${estimatorTypes}${entry('define')}${globalDeclarations(manifest, 'cost-estimator')}`);
  writeFileSync(join(LIB, 'cost-census.d.ts'), entry('cost-census'));
  writeFileSync(join(LIB, 'census-define.d.ts'), `import type { CostCensus } from './cost-census.js';\n${entry('census-define')}${globalDeclarations(manifest, 'cost-census')}`);
  writeFileSync(join(LIB, 'react.d.ts'), reactDeclarations(manifest));
  writeFileSync(join(LIB, 'react.js'), '// Types only: see react.d.ts.\nexport {};\n');
}

/**
 * Builds lib/ from dist/ (just written by build-site.mjs) and the sources. `esbuild` and
 * `plugins` are build-site's (the same minified CSS and the same list of files as the site);
 * `workers`: each engine's worker script (www/) and the glue it imports, kept a file of its own.
 */
export async function buildPackage({ dist, esbuild, esbuildOptions, plugins, manifest, workers }) {
  rmSync(LIB, { recursive: true, force: true });
  mkdirSync(LIB, { recursive: true });
  for (const path of FROM_DIST) {
    if (!existsSync(join(dist, path))) throw new Error(`dist/${path} is missing`);
    mkdirSync(dirname(join(LIB, path)), { recursive: true });
    cpSync(join(dist, path), join(LIB, path), { recursive: true });
  }
  // The entries share one copy of the element (chunks), so the main entry and ./define give the
  // same class however a page or a bundler combines them.
  await esbuild.build({
    ...esbuildOptions,
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(www, 'package', file)])),
    outdir: LIB,
    bundle: true,
    splitting: true,
    format: 'esm',
    chunkNames: '[name]-[hash]',
    plugins,
  });
  for (const [worker, glue] of Object.entries(workers)) {
    await esbuild.build({ ...esbuildOptions, entryPoints: [join(www, worker)], outfile: join(LIB, worker), bundle: true, format: 'esm', external: [glue] });
  }
  // For Node at build time: `costshare/prerender` and the `costshare-prerender` command (the first
  // view as HTML, www/cost-estimator/ssr/), with Lit's server build, on the package's own engine.
  await esbuild.build({
    ...esbuildOptions,
    entryPoints: { prerender: join(www, 'cost-estimator', 'ssr', 'package.js'), 'prerender-cli': join(www, 'cost-estimator', 'ssr', 'package-cli.js') },
    outdir: LIB,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    chunkNames: 'node-[name]-[hash]',
    plugins,
  });
  writeFileSync(join(LIB, 'prerender.d.ts'), PRERENDER_TYPES);
  writeTypes(join(root, 'target', 'types'), manifest);
  writeFileSync(join(LIB, 'custom-elements.json'), JSON.stringify(manifest));
}

/** The newest file under `dir` (mtime), or 0. */
function newest(dir) {
  if (!existsSync(dir)) return 0;
  const st = statSync(dir);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(dir).map((name) => newest(join(dir, name))));
}

/** Fails unless lib/ is there and newer than the sources it is built from. */
export function checkPackage() {
  if (!existsSync(join(LIB, 'cost-estimator.js'))) throw new Error('lib/ is not built: run `npm run build` first');
  const built = statSync(join(LIB, 'cost-estimator.js')).mtimeMs;
  const sources = Math.max(newest(www), newest(join(root, 'data')), newest(join(root, 'src')));
  if (sources > built) throw new Error(`lib/ is older than the sources (${relative(root, www)}, data/, src/): run \`npm run build\``);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (process.argv.includes('--check')) checkPackage();
    else throw new Error('lib/ is built by `npm run build` (scripts/build-site.mjs); --check checks it');
  } catch (e) {
    console.error(`[build-package] ${e.message}`);
    process.exit(1);
  }
}
