#!/usr/bin/env node
// `costshare-prerender` (the package's bin, lib/prerender-cli.js): ssr/cli.js on the package's
// own engine and data.
import { writeFileSync } from 'node:fs';
import { main } from './cli.js';
import { PACKAGE_SITE } from './package.js';

main(process.argv.slice(2), { site: PACKAGE_SITE, write: (file, text) => writeFileSync(file, text) }).then(
  (status) => process.exit(status),
  (error) => {
    process.stderr.write(`prerender: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
