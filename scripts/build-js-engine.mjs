#!/usr/bin/env node
// The engine compiled to JavaScript, for pages that may not compile WebAssembly (a
// Content-Security-Policy without 'wasm-unsafe-eval'): the same cargo output as the .wasm, put
// through binaryen's wasm2js, in one self-contained ES module with its wasm-bindgen glue.
//   node scripts/build-js-engine.mjs <cargo's costshare.wasm> <out dir>   (build-wasm.sh runs it)
// Output: <out dir>/costshare_js.js, exporting what pkg/costshare.js exports (`Engine`,
// `errorCodes`, …) and `initJs()` in place of `init()`: it starts the engine, no WebAssembly
// involved. engine-worker.js imports it only when the .wasm is refused.
//
// Why not wasm2js on pkg/costshare_bg.wasm as it is: wasm-bindgen keeps JavaScript values in a
// second table of externrefs when the module was compiled with reference types (Rust's default),
// and wasm2js converts modules of one table only; it cannot express multi-value returns either.
// So the cargo output's `target_features` section is rewritten to say neither is used, and
// wasm-bindgen (the same pinned version) then keeps JavaScript values in its JS heap and returns
// pairs through memory, as it does for modules compiled without them. The Rust code is the same
// machine code either way: those features change only the glue's calling conventions. The one
// intrinsic the runtime still imports for the externref table (the end of its fixed slots) is
// answered with the heap's own end. tests/js-engine.test.mjs runs every golden case through
// the result; docs/decisions.md records the choice and its costs.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Reads an unsigned LEB128 at `p.at` (advancing it). */
function leb(bytes, p) {
  let result = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[p.at++];
    result |= (byte & 0x7f) << shift;
    shift += 7;
  } while (byte & 0x80);
  return result >>> 0;
}

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return Buffer.from(out);
}

/** The module with `drop` removed from its target_features section (wasm's binary format:
 * sections of id, size, body; a custom section's body starts with its name). */
export function withoutFeatures(bytes, drop) {
  const out = [bytes.subarray(0, 8)];
  const p = { at: 8 };
  let found = false;
  while (p.at < bytes.length) {
    const start = p.at;
    const id = bytes[p.at++];
    const size = leb(bytes, p);
    const body = p.at;
    p.at += size;
    if (id === 0) {
      const q = { at: body };
      const length = leb(bytes, q);
      const name = bytes.subarray(q.at, q.at + length).toString();
      q.at += length;
      if (name === 'target_features') {
        found = true;
        const features = [];
        for (let n = leb(bytes, q); n > 0; n--) {
          const prefix = bytes[q.at++];
          const l = leb(bytes, q);
          features.push([prefix, bytes.subarray(q.at, q.at + l).toString()]);
          q.at += l;
        }
        const kept = features.filter(([, f]) => !drop.includes(f));
        const content = Buffer.concat([uleb(name.length), Buffer.from(name), uleb(kept.length), ...kept.flatMap(([prefix, f]) => [Buffer.from([prefix]), uleb(f.length), Buffer.from(f)])]);
        out.push(Buffer.from([0]), uleb(content.length), content);
        continue;
      }
    }
    out.push(bytes.subarray(start, p.at));
  }
  if (!found) throw new Error('the module has no target_features section (was it built with strip = true?)');
  return Buffer.concat(out);
}

/** The glue and wasm2js's output as one module that starts the engine without WebAssembly. */
export function compose(glue, asm) {
  let g = glue;
  const replace = (pattern, by, what) => {
    const next = g.replace(pattern, by);
    if (next === g) throw new Error(`the wasm-bindgen glue has changed: no ${what} found`);
    g = next;
  };
  // The runtime's one externref intrinsic: where the fixed slots end, which in the JS heap is
  // where dropObject starts dropping.
  const end = /function dropObject\(idx\) \{\s*if \(idx < (\d+)\) return;/.exec(g)?.[1];
  if (!end) throw new Error('the wasm-bindgen glue has changed: no dropObject');
  replace(/^import \* as (\w+) from "__wbindgen_externref_xform__";?\n/m, '', 'externref import');
  replace(/"__wbindgen_externref_xform__": \w+,/, `"__wbindgen_externref_xform__": { __wbindgen_externref_statics_end: () => ${end} },`, 'externref imports entry');
  // wasm2js's memory is a plain ArrayBuffer replaced (not detached) when it grows: a view is
  // current only while it is over the memory's buffer of the moment.
  replace(/if \((cached\w+Memory0) === null \|\| [^{]*\) \{/g, 'if ($1 === null || $1.buffer !== wasm.memory.buffer) {', 'memory view check');
  replace(/^export \{ initSync, __wbg_init as default \};\n?/m, '', 'init exports');
  // wasm2js's module: its imports are the glue's (given to asmFunc), its exports the instance's.
  let a = asm.replace(/^import \* as [\w$]+ from '[^']+';\n/gm, '');
  const tail = a.indexOf('\nvar retasmFunc = asmFunc(');
  if (tail < 0) throw new Error('wasm2js output has changed: no asmFunc call');
  a = a.slice(0, tail);
  return `${g}
// ---- the engine, compiled from WebAssembly to JavaScript by binaryen's wasm2js ----
${a}

/** Starts the engine: the same calls as the WebAssembly build's, in plain JavaScript. */
export function initJs() {
    if (wasm !== undefined) return wasm;
    return __wbg_finalize_init({ exports: asmFunc(__wbg_get_imports()) }, null);
}
`;
}

function run(file, args) {
  try {
    execFileSync(file, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } catch (e) {
    const out = `${e.stdout ?? ''}${e.stderr ?? ''}`.split('\n').filter((l) => !/^\s|^\)/.test(l)).slice(0, 20).join('\n');
    throw new Error(`${file.split('/').at(-1)} ${args.join(' ')} failed:\n${out || e.message}`);
  }
}

export function buildJsEngine(raw, outDir) {
  const work = join(root, 'target', 'wasm', 'bindgen-js');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  writeFileSync(join(work, 'costshare.wasm'), withoutFeatures(readFileSync(raw), ['reference-types', 'multivalue']));
  run('wasm-bindgen', ['--target', 'web', '--out-dir', work, '--out-name', 'costshare', join(work, 'costshare.wasm')]);
  // What wasm2js cannot convert is lowered first (bulk memory to loops, sign extension and
  // saturating conversions to plain operations); -Oz first makes the JavaScript 15% smaller.
  const features = ['--enable-bulk-memory', '--enable-bulk-memory-opt', '--enable-sign-ext', '--enable-nontrapping-float-to-int', '--enable-mutable-globals', '--enable-reference-types'];
  run(bin('wasm-opt'), [join(work, 'costshare_bg.wasm'), '-Oz', ...features, '--llvm-memory-copy-fill-lowering', '--signext-lowering', '--llvm-nontrapping-fptoint-lowering', '--strip-debug', '--strip-producers', '-o', join(work, 'lowered.wasm')]);
  run(bin('wasm2js'), [join(work, 'lowered.wasm'), '--enable-bulk-memory', '--enable-reference-types', '--enable-mutable-globals', '-O', '-o', join(work, 'asm.js')]);
  const out = compose(readFileSync(join(work, 'costshare.js'), 'utf8'), readFileSync(join(work, 'asm.js'), 'utf8'));
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'costshare_js.js'), out);
  return join(outDir, 'costshare_js.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [raw, outDir] = process.argv.slice(2);
  if (!raw || !outDir) {
    console.error('usage: node scripts/build-js-engine.mjs <costshare.wasm> <out dir>');
    process.exit(2);
  }
  try {
    const file = buildJsEngine(raw, outDir);
    console.error(`[build-js-engine] ${file}: ${readFileSync(file).length} bytes`);
  } catch (e) {
    console.error(`[build-js-engine] error: ${e.message}`);
    process.exit(1);
  }
}
