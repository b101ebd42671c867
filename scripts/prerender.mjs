#!/usr/bin/env node
// The answer in the HTML: `<cost-estimator>`'s first view (the total, the premium and care
// split, the ranked options, the form as it first shows, the printed proposal) worked out by the
// engine at build time and written as a declarative shadow root (www/cost-estimator/ssr/).
//
//   node scripts/prerender.mjs [--site dist] [--plans "a b"] [--plan id] [--lang es]
//        [--url-state] [--employer-contribution 75%] [--broker-name …] [--inline-styles]
//        [--stylesheet cost-estimator.css] [--page file.html]
//
// prints `<cost-estimator …><template shadowrootmode="open">…</template></cost-estimator>` for
// those attributes (the package's `costshare-prerender` is this command: docs/embedding.md). With
// --page, the first `<cost-estimator …>…</cost-estimator>` of that HTML file is replaced in place
// (its attributes are the element's). build-site.mjs calls prerenderPage() for dist/index.html.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRERENDERED_ATTRIBUTES, prerender } from '../www/cost-estimator/ssr/prerender.js';

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

function usage(message) {
  console.error(`prerender: ${message}\nusage: prerender [--site DIR] [--plans "ID ID"] [--plan ID] [--lang en|es] [--url-state] [--employer-contribution VALUE] [--broker-name …] [--inline-styles | --stylesheet HREF] [--page FILE]`);
  process.exit(2);
}

async function main(argv) {
  const here = dirname(fileURLToPath(import.meta.url));
  let site = join(here, '..', 'dist');
  let stylesheet = 'cost-estimator.css';
  let page = null;
  const attributes = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => (i + 1 < argv.length ? argv[++i] : usage(`${arg} needs a value`));
    if (arg === '--site') site = value();
    else if (arg === '--inline-styles') stylesheet = null;
    else if (arg === '--stylesheet') stylesheet = value();
    else if (arg === '--page') page = value();
    else if (arg === '--url-state') attributes['url-state'] = '';
    else if (arg.startsWith('--') && PRERENDERED_ATTRIBUTES.includes(arg.slice(2))) attributes[arg.slice(2)] = value();
    else usage(`unknown argument ${arg}`);
  }
  if (page) {
    await prerenderPage({ file: page, site, stylesheet: stylesheet ?? 'cost-estimator.css' });
  } else {
    const view = await prerender({ site, attributes, stylesheet });
    process.stdout.write(`${view.html}\n`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error) => {
      console.error(`prerender: ${error?.message ?? error}`);
      process.exit(1);
    },
  );
}
