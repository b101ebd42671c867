// Loading the engine (the WebAssembly module built by wasm-bindgen) and the data (catalog, plan
// files, typical prices), once per page and relative to the entry script (site.js), so an
// embedding page needs only the <script type="module"> tag.
//
// If the engine fails unexpectedly (a trap in the .wasm), its instance may be left in a bad
// state; `discardRuntime` drops it and the next `runtime()` starts a fresh instance from the
// same compiled module (the JS glue is imported again under a new query, so its module-level
// state is new too). Elements notice the new generation and rebuild their engines.

import { siteUrl } from './site.js';

/** The folder holding catalog.json, unless the element's data-base attribute says otherwise. */
export const defaultDataBase = () => siteUrl('data/');

let compiled; // Promise<WebAssembly.Module>
let generation = 0;
let current; // { generation, module: Promise<glue module> }

function compileWasm() {
  if (!compiled) {
    compiled = (async () => {
      const url = siteUrl('pkg/costshare_bg.wasm');
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      const type = response.headers.get('content-type') ?? '';
      if (typeof WebAssembly.compileStreaming === 'function' && type.startsWith('application/wasm')) {
        return WebAssembly.compileStreaming(response);
      }
      return WebAssembly.compile(await response.arrayBuffer());
    })();
    compiled.catch(() => {
      compiled = undefined;
    });
  }
  return compiled;
}

/** The current engine instance: { generation, module } (module: a Promise of the glue module). */
export function runtime() {
  if (!current) {
    const gen = generation;
    const url = siteUrl('pkg/costshare.js');
    if (gen > 0) url.search = `instance=${gen}`;
    const module = (async () => {
      const [glue, wasm] = await Promise.all([import(url.href), compileWasm()]);
      await glue.default({ module_or_path: wasm });
      return glue;
    })();
    current = { generation: gen, module };
    module.catch(() => {
      if (current?.generation === gen) current = undefined;
    });
  }
  return current;
}

/** Drops the instance of `gen` (after an unexpected failure): the next runtime() is a fresh one. */
export function discardRuntime(gen) {
  if (current && current.generation === gen) {
    current = undefined;
    generation = gen + 1;
  }
}

const dataCache = new Map(); // data base URL → Promise<data>

async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.text();
}

/**
 * The catalog, the typical prices and the presets from `base` (the folder holding
 * catalog.json), and each plan file on demand, so the first estimate waits only for its own plan:
 * { catalog, prices: { origin, text, table }, presets: { origin, text, value } | null (text for the
 *   engine, parsed for the page, which only reads it),
 *   plans: [{ id, origin, summary (the catalog's entry) }], planText(id): Promise<text> }.
 */
export function loadData(base = defaultDataBase()) {
  const key = String(base);
  if (!dataCache.has(key)) {
    const promise = (async () => {
      const catalogUrl = new URL('catalog.json', base);
      const catalog = JSON.parse(await fetchText(catalogUrl));
      const [pricesText, presetsText] = await Promise.all([
        fetchText(new URL(catalog.prices, catalogUrl)),
        catalog.presets ? fetchText(new URL(catalog.presets, catalogUrl)) : null,
      ]);
      const texts = new Map(); // plan id → Promise<text>
      return {
        catalog,
        prices: { origin: `data/${catalog.prices}`, text: pricesText, table: JSON.parse(pricesText) },
        presets: presetsText === null ? null : { origin: `data/${catalog.presets}`, text: presetsText, value: JSON.parse(presetsText) },
        plans: catalog.plans.map((p) => ({ id: p.id, origin: `data/${p.file}`, summary: p })),
        planText(id) {
          const entry = catalog.plans.find((p) => p.id === id);
          if (!entry) return Promise.reject(new Error(`no plan "${id}" in the catalog`));
          if (!texts.has(id)) {
            const text = fetchText(new URL(entry.file, catalogUrl));
            text.catch(() => texts.delete(id));
            texts.set(id, text);
          }
          return texts.get(id);
        },
      };
    })();
    promise.catch(() => dataCache.delete(key));
    dataCache.set(key, promise);
  }
  return dataCache.get(key);
}

/** An engine error about the input ("scenario: services[2].count: …"), as opposed to a failure. */
export function inputError(error) {
  if (!(error instanceof Error) || error.constructor !== Error) return null;
  const match = /^([^:]+): ([^:]*?): (.*)$/s.exec(error.message);
  if (!match) return null;
  const [, origin, field, message] = match;
  return { origin, field, message };
}
