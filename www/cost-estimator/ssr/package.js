// `costshare/prerender` (lib/prerender.js, for Node at build time): the element's first view as
// HTML for an embedder's attributes, worked out by the package's own engine and data (lib/).
//   import { prerender } from 'costshare/prerender';
//   const { html, css } = await prerender({ attributes: { plan: 'kp-co-fehb-2022-standard', lang: 'es' } });
// docs/embedding.md, "The answer in the HTML".
import { fileURLToPath } from 'node:url';
import { elementCss, prerender as prerenderIn, prerenderView as viewIn, PRERENDERED_ATTRIBUTES } from './prerender.js';

/** The package's folder (lib/): its engine and data. */
export const PACKAGE_SITE = fileURLToPath(new URL('.', import.meta.url));

/** `<cost-estimator>` with its first view; options as ssr/prerender.js's, `site` the package's. */
export function prerender(options = {}) {
  return prerenderIn({ site: PACKAGE_SITE, ...options });
}

/** The first view's markup alone, its styles, and the engine's result and comparison. */
export function prerenderView(options = {}) {
  return viewIn({ site: PACKAGE_SITE, ...options });
}

export { elementCss, PRERENDERED_ATTRIBUTES };
