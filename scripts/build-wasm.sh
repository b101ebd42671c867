#!/usr/bin/env bash
# Compiles the engine to WebAssembly and prepares it for the page:
#   cargo (profile wasm-release) -> wasm-bindgen --target web -> wasm-opt -Oz
# Output: target/wasm/pkg/{costshare.js, costshare_bg.wasm} (scripts/build-site.mjs copies them
# into dist/pkg), and costshare_js.js, the same engine compiled to JavaScript by wasm2js
# (scripts/build-js-engine.mjs). Run scripts/setup.sh first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

toolchain="$(wasm_toolchain)"
# strip=false: wasm-bindgen needs the `target_features` section that `strip = true` (Cargo.toml's
# wasm-release profile) removes; wasm-opt --strip-debug below strips the names instead.
cargo_args=(build --config profile.wasm-release.strip=false --lib --target "$WASM_TARGET" --profile wasm-release --target-dir "$WASM_TARGET_DIR")
log "compiling for $WASM_TARGET ($toolchain toolchain)"
if [ "$toolchain" = rustup ]; then
  cargo "${cargo_args[@]}"
else
  # Debian's rustc-web knows wasm32 but ships no prebuilt std for it: rebuild std from
  # rust-web-src (RUSTC_BOOTSTRAP allows -Z on a stable compiler) and link with lld's wasm-ld.
  [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && command -v wasm-ld >/dev/null \
    || die "Debian's rustc-web/cargo-web/lld are missing: run scripts/setup.sh"
  # With std rebuilt, a panic can stop at once (`immediate-abort`) instead of formatting a message
  # nobody reads: the module never panics on purpose, and this drops ~9 KB gzipped of formatting
  # code (BENCHMARKS.md). Only the wasm32 target gets the flag, not build scripts or macros.
  # fmt-debug=none and location-detail=none drop Debug formatting and panic locations nothing
  # shows (-0.25 KB); std's optimize_for_size feature picks its smaller algorithms, sorting
  # among them (-1.2 KB gzipped, docs/decisions.md).
  RUSTC=/usr/bin/rustc RUSTC_BOOTSTRAP=1 CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort -Zfmt-debug=none -Zlocation-detail=none" \
    /usr/bin/cargo "${cargo_args[@]}" -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
fi
raw="$WASM_TARGET_DIR/$WASM_TARGET/wasm-release/costshare.wasm"
[ -f "$raw" ] || die "cargo produced no $raw"

want="$(pinned_wasm_bindgen_version)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
[ "$have" = "$want" ] || die "wasm-bindgen CLI is ${have:-missing}, Cargo.toml pins $want: run scripts/setup.sh"
wasm_opt="$ROOT/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || die "node_modules/.bin/wasm-opt is missing: run scripts/setup.sh"

bindgen_dir="$WASM_TARGET_DIR/bindgen"
# The module's memory starts zeroed and its low addresses are never read (Rust's layout).
opt_args=(-Oz --converge "${WASM_OPT_FLAGS[@]}" --low-memory-unused --zero-filled-memory --strip-debug --strip-producers)
# wasm-bindgen and wasm-opt take a few seconds: skip them when their input and settings are
# the same as last time and the outputs are still there.
stamp="$WASM_PKG_DIR/.inputs"
inputs="$(sha256sum "$raw" | cut -d' ' -f1) wasm-bindgen=$have wasm-opt=$("$wasm_opt" --version) ${opt_args[*]} js=$(sha256sum "$ROOT/scripts/build-js-engine.mjs" | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ] \
   && [ -f "$WASM_PKG_DIR/costshare.js" ] && [ -f "$WASM_PKG_DIR/costshare_bg.wasm" ] && [ -f "$WASM_PKG_DIR/costshare_js.js" ]; then
  log "module unchanged: keeping wasm-bindgen and wasm-opt output"
else
  rm -rf "$bindgen_dir" "$WASM_PKG_DIR"
  mkdir -p "$bindgen_dir" "$WASM_PKG_DIR"
  log "wasm-bindgen $have --target web"
  wasm-bindgen --target web --out-dir "$bindgen_dir" --out-name costshare "$raw"

  log "wasm-opt ${opt_args[*]}"
  "$wasm_opt" "${opt_args[@]}" "$bindgen_dir/costshare_bg.wasm" -o "$WASM_PKG_DIR/costshare_bg.wasm"
  cp "$bindgen_dir/costshare.js" "$bindgen_dir/costshare.d.ts" "$WASM_PKG_DIR/"

  # The same engine compiled to JavaScript, for pages whose policy refuses WebAssembly
  # (scripts/build-js-engine.mjs says how; engine-worker.js loads it only then).
  log "wasm2js: the engine as JavaScript"
  node "$ROOT/scripts/build-js-engine.mjs" "$raw" "$WASM_PKG_DIR"
  printf '%s\n' "$inputs" > "$stamp"
fi

size() { wc -c < "$1" | tr -d ' '; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
opt="$WASM_PKG_DIR/costshare_bg.wasm"
glue="$WASM_PKG_DIR/costshare.js"
printf 'wasm sizes:\n' >&2
printf '  %-34s %10s bytes  (%s)\n' "cargo output" "$(size "$raw")" "$(kb "$(size "$raw")")" \
  "after wasm-bindgen" "$(size "$bindgen_dir/costshare_bg.wasm")" "$(kb "$(size "$bindgen_dir/costshare_bg.wasm")")" \
  "after wasm-opt -Oz" "$(size "$opt")" "$(kb "$(size "$opt")")" \
  "after wasm-opt -Oz, gzip -9" "$(gz "$opt")" "$(kb "$(gz "$opt")")" \
  "JS glue (gzip -9: $(gz "$glue") bytes)" "$(size "$glue")" "$(kb "$(size "$glue")")" \
  "JS engine, wasm2js (gzip -9: $(gz "$WASM_PKG_DIR/costshare_js.js"))" "$(size "$WASM_PKG_DIR/costshare_js.js")" "$(kb "$(size "$WASM_PKG_DIR/costshare_js.js")")" >&2
