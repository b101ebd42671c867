// Declarations and the manifest for embedders, generated from the element's source:
//   - `tsc` (tsconfig.json) type-checks the element's JSDoc and emits declarations to
//     target/types/; the public ones (the entry, the element, the scenario and result types) go
//     to dist/ beside cost-estimator.js, so `import … from '…/cost-estimator.js'` is typed;
//   - @custom-elements-manifest/analyzer reads the same source into dist/custom-elements.json;
//   - from that manifest, the tag and its events are declared on HTMLElementTagNameMap and
//     HTMLElementEventMap, so `document.querySelector('cost-estimator')` is typed too.
// Nothing here is kept by hand: a JSDoc type that does not check fails the build.
// The wasm-bindgen declarations (pkg/costshare.d.ts) are copied by build-site.mjs.
// Usage: node scripts/build-types.mjs   (build-site.mjs runs it)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The declaration files an embedder needs: the entry and what it reaches. */
const PUBLIC = ['cost-estimator.d.ts', 'cost-estimator/element.d.ts', 'cost-estimator/types.d.ts', 'cost-census.d.ts', 'cost-estimator/census/element.d.ts'];

function run(bin, args) {
  try {
    execFileSync(process.execPath, [join(root, 'node_modules', ...bin), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}`.trim();
    throw new Error(`${bin.at(-1)} ${args.join(' ')} failed:\n${out || e.message}`);
  }
}

/** The manifest without the classes' private members (`#fields`): the API is what embedders see. */
function publicOnly(manifest) {
  for (const module of manifest.modules ?? []) {
    for (const d of module.declarations ?? []) {
      if (d.members) d.members = d.members.filter((m) => m.privacy !== 'private' && !String(m.name).startsWith('#'));
    }
  }
  return manifest;
}

/** Declares the manifest's custom elements and their events globally (TypeScript's DOM maps). */
function globalDeclarations(manifest) {
  const tags = [];
  const events = new Map();
  for (const module of manifest.modules ?? []) {
    for (const d of module.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      tags.push(`    '${d.tagName}': ${d.name};`);
      for (const e of d.events ?? []) events.set(e.name, e.type?.text ?? 'Event');
    }
  }
  const eventLines = [...events].map(([name, type]) => `    '${name}': ${type};`);
  return [
    '',
    '// Generated from custom-elements.json by scripts/build-types.mjs.',
    'declare global {',
    '  interface HTMLElementTagNameMap {',
    ...tags,
    '  }',
    '  interface HTMLElementEventMap {',
    ...eventLines,
    '  }',
    '}',
    '',
  ].join('\n');
}

export function buildTypes(dist) {
  const out = join(root, 'target', 'types');
  rmSync(out, { recursive: true, force: true });
  run(['typescript', 'bin', 'tsc'], ['-p', 'tsconfig.json']);
  const manifestDir = join(root, 'target', 'manifest');
  rmSync(manifestDir, { recursive: true, force: true });
  run(['@custom-elements-manifest', 'analyzer', 'cem.js'], ['analyze', '--config', 'scripts/custom-elements-manifest.config.mjs']);
  const manifest = publicOnly(JSON.parse(readFileSync(join(manifestDir, 'custom-elements.json'), 'utf8')));
  if (!manifest.modules?.some((m) => m.declarations?.some((d) => d.customElement))) {
    throw new Error('custom-elements.json declares no custom element');
  }
  for (const file of PUBLIC) {
    const from = join(out, file);
    if (!existsSync(from)) throw new Error(`tsc emitted no ${file}`);
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    // Without the entries' import of element-files.js and census-files.js (lists of files, no API): a declaration
    // importing a file that has none fails an embedder's tsc.
    writeFileSync(join(dist, file), readFileSync(from, 'utf8').replace(/^import '\.\/(element|census)-files\.js';\n/gm, ''));
  }
  // The tag map is declared once, in the estimator's entry, with the census element imported.
  const entry = join(dist, 'cost-estimator.d.ts');
  // The entry's re-export of cost-estimator/shared.js is for cost-census.js's bundle, not an API.
  const declared = readFileSync(entry, 'utf8').replace(/^export \* from '\.\/cost-estimator\/shared\.js';\n/m, '');
  writeFileSync(entry, `import type { CostCensus } from './cost-census.js';\n${declared}${globalDeclarations(manifest)}`);
  writeFileSync(join(dist, 'custom-elements.json'), JSON.stringify(manifest));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    buildTypes(join(root, 'dist'));
  } catch (e) {
    console.error(`[build-types] ${e.message}`);
    process.exit(1);
  }
}
