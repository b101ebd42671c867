// The site's Content-Security-Policy, in one place: what the page may do is load its own scripts
// (the element, the engine's worker), styles and data, and compile WebAssembly; nothing else.
// scripts/serve.mjs sends it as a header; scripts/build-site.mjs writes it into every HTML page
// of dist/ as a <meta>, so any static host serves the page under it.

export const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
];

/** The header's value. */
export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

// A <meta> policy cannot carry frame-ancestors (browsers ignore it there, with a warning).
const NOT_IN_META = ['frame-ancestors'];

/** The policy as a <meta http-equiv> carries it. */
export const META_POLICY = DIRECTIVES.filter((d) => !NOT_IN_META.some((name) => d.startsWith(`${name} `))).join('; ');
