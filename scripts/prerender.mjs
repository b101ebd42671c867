#!/usr/bin/env node
// The answer in the HTML: `<cost-estimator>`'s first view (the total, the premium and care
// split, the ranked options, the form as it first shows, the printed proposal) worked out by the
// engine at build time and written as a declarative shadow root (www/cost-estimator/ssr/).
//
//   node scripts/prerender.mjs [--site dist] [--plans "a b"] [--plan id] [--lang es]
//        [--url-state] [--employer-contribution 75%] [--broker-name …] [--inline-styles]
//        [--stylesheet cost-estimator.css] [--css FILE] [--page file.html]
// (the arguments: www/cost-estimator/ssr/cli.js)
//
// prints `<cost-estimator …><template shadowrootmode="open">…</template></cost-estimator>` for
// those attributes (the package's `costshare-prerender` is this command: docs/embedding.md). With
// --page, the first `<cost-estimator …>…</cost-estimator>` of that HTML file is replaced in place
// (its attributes are the element's). build-site.mjs calls prerenderPage() for dist/index.html.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../www/cost-estimator/ssr/cli.js';
import { prerender } from '../www/cost-estimator/ssr/prerender.js';

const ELEMENT = /<cost-estimator(\s[^>]*)?>[\s\S]*?<\/cost-estimator>/;

/** The attributes of a start tag's text (` a="1" b c='2'`). */
export function attributesOf(text = '') {
  const out = {};
  for (const m of text.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    const raw = m[2] ?? m[3] ?? m[4] ?? '';
    out[m[1].toLowerCase()] = raw.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  return out;
}

/** Replaces the first `<cost-estimator>` of the HTML file `file` with its first view, worked out
 * from the built site `site`; writes the element's styles (through `minifyCss`) to `stylesheet`
 * (relative to the page).
 * Resolves to what prerender() gave. */
export async function prerenderPage({ file, site, stylesheet = 'cost-estimator.css', minifyCss = (css) => css }) {
  const html = readFileSync(file, 'utf8');
  const m = ELEMENT.exec(html);
  if (!m) throw new Error(`${file}: no <cost-estimator> to prerender`);
  const attributes = attributesOf(m[1]);
  const view = await prerender({ site, attributes, stylesheet });
  writeFileSync(join(dirname(file), stylesheet), `${minifyCss(view.css).trim()}\n`);
  // The same sheet in the page's head too: a stylesheet in a shadow root does not hold the first
  // paint, one in the head does, so the first paint has the answer, styled (the sheet's rules,
  // all under :host and .ce-…, match nothing of the page itself).
  const link = `<link rel="stylesheet" href="${stylesheet}">`;
  if (!html.includes('</head>')) throw new Error(`${file}: no </head> for the element's stylesheet`);
  writeFileSync(file, html.replace(ELEMENT, () => view.html).replace('</head>', () => `  ${link}\n</head>`));
  return view;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const site = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
  main(process.argv.slice(2), { site, write: (file, text) => writeFileSync(file, text), page: prerenderPage }).then(
    (status) => process.exit(status),
    (error) => {
      console.error(`prerender: ${error?.stack ?? error}`);
      process.exit(1);
    },
  );
}
