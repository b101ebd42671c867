#!/usr/bin/env node
// A dependency-free static server for the built site (dist/).
//   node scripts/serve.mjs [DIR]     PORT=8080 (default; 0 picks a free port), HOST=127.0.0.1
// Also imported by tests/browser.test.mjs: `startServer({ root, port: 0 })`.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

import { CONTENT_SECURITY_POLICY } from './csp.mjs';

export { CONTENT_SECURITY_POLICY };

function fileFor(root, url) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  let file = resolve(join(root, pathname));
  if (file !== root && !file.startsWith(root + sep)) return null; // outside the site
  try {
    let st = statSync(file);
    if (st.isDirectory()) {
      file = join(file, 'index.html');
      st = statSync(file);
    }
    return st.isFile() ? { file, size: st.size } : null;
  } catch {
    return null;
  }
}

/** `policy`: the Content-Security-Policy header to send (tests serve stricter ones). */
export function startServer({ root, host = '127.0.0.1', port = 8080, policy = CONTENT_SECURITY_POLICY } = {}) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const common = {
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': policy,
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...common, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('method not allowed\n');
      return;
    }
    const found = fileFor(base, req.url);
    if (!found) {
      res.writeHead(404, { ...common, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    res.writeHead(200, {
      ...common,
      'Content-Type': MIME_TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': found.size,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(found.file).on('error', () => res.destroy()).pipe(res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'dist'));
  try {
    statSync(join(root, 'index.html'));
  } catch {
    console.error(`[serve] ${root}/index.html not found: run npm run build first`);
    process.exit(1);
  }
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`[serve] PORT must be a port number, not "${process.env.PORT}"`);
    process.exit(1);
  }
  startServer({ root, host: process.env.HOST || '127.0.0.1', port }).then(
    ({ server, url }) => {
      console.log(`Serving ${root} at ${url}  (Ctrl+C to stop)`);
      const stop = () => {
        server.close(() => process.exit(0));
        server.closeAllConnections();
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e) => {
      console.error(`[serve] ${e.code === 'EADDRINUSE' ? `port ${port} is in use: set PORT` : e.message}`);
      process.exit(1);
    },
  );
}
