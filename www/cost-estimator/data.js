// The data files, fetched once per page per data folder: the catalog (which plans there are,
// with what the picker needs before a plan's file arrives), the service vocabulary, the typical
// prices and the usage presets; each plan file, and the CMS table's years, on demand. The texts go to the engine, which
// checks them; the page reads the parsed copies.
import { fetchFile, siteFile, siteUrl } from './site.js';

const cache = new Map(); // folder URL → Promise<data>

/** The folder holding catalog.json, unless the element's data-base attribute says otherwise. */
export const defaultDataBase = () => siteUrl('data/');

/** A data file's text. `url` as the catalog names it; a file the entry lists is fetched where a
 * bundler put it (site.js). A file that does not arrive fails with code `load_failed`,
 * `params.file` naming it. */
async function fetchText(url) {
  const file = url.pathname.split('/').slice(-2).join('/');
  const failed = (why) => Object.assign(new Error(`${file} did not arrive: ${why}`), { code: 'load_failed', params: { file }, origin: 'element' });
  let response;
  try {
    response = await fetchFile(siteFile(url));
  } catch (error) {
    throw failed(String(error?.message ?? error));
  }
  if (!response.ok) throw failed(`HTTP ${response.status}`);
  return response.text();
}

/**
 * { catalog, services: { text, value, units: Map(id → unit), byId: Map }, prices: { text, value },
 *   presets: { text, value } | null, planText(id): Promise<text>, cmsYears(): Promise<text> }.
 */
export function loadData(base = defaultDataBase()) {
  const key = String(base);
  if (!cache.has(key)) {
    const promise = (async () => {
      const catalogUrl = new URL('catalog.json', base);
      const catalog = JSON.parse(await fetchText(catalogUrl));
      const [servicesText, pricesText, presetsText] = await Promise.all([
        fetchText(new URL(catalog.services, catalogUrl)),
        fetchText(new URL(catalog.prices, catalogUrl)),
        catalog.presets ? fetchText(new URL(catalog.presets, catalogUrl)) : null,
      ]);
      const vocabulary = JSON.parse(servicesText);
      const files = new Map(); // plan file → Promise<{ plans }>: one per plan document
      let cmsYears = null; // Promise<text> of the CMS table's years, once asked for
      return {
        catalog,
        services: {
          text: servicesText,
          value: vocabulary,
          units: new Map(vocabulary.services.map((s) => [s.id, s.unit])),
          byId: new Map(vocabulary.services.map((s) => [s.id, s])),
        },
        prices: { text: pricesText, value: JSON.parse(pricesText) },
        presets: presetsText === null ? null : { text: presetsText, value: JSON.parse(presetsText) },
        /** The CMS table's years (data/cms-years.json's text), which only the odds need:
         * fetched the first time they are shown, not with the rest (about 20 KB gzipped). */
        cmsYears() {
          if (!catalog.cms_years) return Promise.reject(Object.assign(new Error('the catalog names no CMS table'), { code: 'load_failed', params: { file: 'cms-years.json' } }));
          if (!cmsYears) {
            cmsYears = fetchText(new URL(catalog.cms_years, catalogUrl));
            cmsYears.catch(() => (cmsYears = null));
          }
          return cmsYears;
        },
        /** A plan's JSON text. The catalog names the file holding it: the plans of one
         * document travel together ({ plans: [...] }), fetched once for all of them. */
        async planText(id) {
          const entry = catalog.plans.find((p) => p.id === id);
          if (!entry) throw new Error(`no plan "${id}" in the catalog`);
          if (!files.has(entry.file)) {
            const file = fetchText(new URL(entry.file, catalogUrl)).then((text) => JSON.parse(text));
            file.catch(() => files.delete(entry.file));
            files.set(entry.file, file);
          }
          const plan = (await files.get(entry.file)).plans?.find((p) => p.id === id);
          if (!plan) throw new Error(`${entry.file} holds no plan "${id}"`);
          return JSON.stringify(plan);
        },
      };
    })();
    promise.catch(() => cache.delete(key));
    cache.set(key, promise);
  }
  return cache.get(key);
}
