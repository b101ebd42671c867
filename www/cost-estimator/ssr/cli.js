// The command line of the prerendered view: scripts/prerender.mjs in this repository (the built
// site, dist/) and `costshare-prerender` in the package (its own lib/). Prints
// `<cost-estimator …><template shadowrootmode="open">…</template></cost-estimator>` for the
// attributes given (docs/embedding.md, "The answer in the HTML").
import { PRERENDERED_ATTRIBUTES, prerender } from './prerender.js';

export const USAGE = `usage: costshare-prerender [--plans "ID ID"] [--plan ID] [--lang en|es] [--url-state] [--employer-contribution VALUE]
         [--broker-name NAME] [--broker-id ID] [--broker-phone PHONE] [--broker-email EMAIL]
         [--stylesheet HREF | --inline-styles] [--css FILE] [--site DIR]
  Prints <cost-estimator> with its first view (the engine's answer for those attributes) in a
  declarative shadow root. The element's styles: a <link> to HREF (default cost-estimator.css;
  --css FILE writes the sheet there), or with --inline-styles a <style> (a policy's style-src must
  then allow it). --site: a built site's folder (its pkg/, engine-worker.js and data/).`;

/** Reads `argv`; returns { site, stylesheet, css, attributes }, or throws a usage error (`usage: true`). */
export function parseArgs(argv, defaults = {}) {
  const usage = (message) => Object.assign(new Error(message), { usage: true });
  const out = { site: defaults.site, stylesheet: 'cost-estimator.css', css: null, page: null, attributes: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw usage(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--help' || arg === '-h') throw Object.assign(usage(''), { help: true });
    else if (arg === '--site') out.site = value();
    else if (arg === '--inline-styles') out.stylesheet = null;
    else if (arg === '--stylesheet') out.stylesheet = value();
    else if (arg === '--css') out.css = value();
    else if (arg === '--page' && defaults.page) out.page = value();
    else if (arg === '--url-state') out.attributes['url-state'] = '';
    else if (arg.startsWith('--') && PRERENDERED_ATTRIBUTES.includes(arg.slice(2))) out.attributes[arg.slice(2)] = value();
    else throw usage(`unknown argument ${arg}`);
  }
  return out;
}

/** Runs the command line; resolves to the exit status. `write(file, text)` writes --css. */
export async function main(argv, { site, write, page = null }) {
  let args;
  try {
    args = parseArgs(argv, { site, page: Boolean(page) });
  } catch (error) {
    if (!error.usage) throw error;
    if (error.help) {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`prerender: ${error.message}\n${USAGE}\n`);
    return 2;
  }
  try {
    if (args.page) {
      await page({ file: args.page, site: args.site, stylesheet: args.stylesheet ?? 'cost-estimator.css' });
      return 0;
    }
    const view = await prerender({ site: args.site, attributes: args.attributes, stylesheet: args.stylesheet });
    if (args.css) write(args.css, `${view.css}\n`);
    process.stdout.write(`${view.html}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`prerender: ${error?.message ?? error}\n`);
    return 1;
  }
}
