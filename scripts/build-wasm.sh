#!/usr/bin/env bash
# Compiles the engine to WebAssembly and prepares it for the page, as two modules from the same
# sources (docs/decisions.md, "The size budget, decided"):
#   the estimator's, without the group census (cargo --no-default-features): pkg/costshare.js +
#     costshare_bg.wasm, and costshare_js.js, the same engine compiled to JavaScript by wasm2js
#     (scripts/build-js-engine.mjs), for pages that refuse WebAssembly;
#   the census's, the engine with the census (feature `census`): pkg/costshare_census.js +
#     costshare_census_bg.wasm, loaded only by <cost-census>'s worker (census-worker.js).
# Each: cargo (profile wasm-release) -> wasm-bindgen --target web -> wasm-opt -Oz, into
# target/wasm/pkg/ (scripts/build-site.mjs copies them into dist/pkg). Run scripts/setup.sh first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

toolchain="$(wasm_toolchain)"
# strip=false: wasm-bindgen needs the `target_features` section that `strip = true` (Cargo.toml's
# wasm-release profile) removes; wasm-opt --strip-debug below strips the names instead.
cargo_args=(build --config profile.wasm-release.strip=false --lib --target "$WASM_TARGET" --profile wasm-release --target-dir "$WASM_TARGET_DIR")
# The two modules share one target directory, so the standard library and the dependencies are
# compiled once (their features do not change); only the crate itself is compiled twice. Cargo
# names a cdylib without a hash, so the two feature sets would overwrite each other's output and
# each run would compile both again: __CARGO_DEFAULT_LIB_METADATA (cargo's own switch, set when
# it builds std) gives the cdylib a hashed name per feature set, and an unchanged crate stays
# fresh under both. Without it the output is the same, only slower; the checks below hold either way.
export __CARGO_DEFAULT_LIB_METADATA=costshare-wasm
RAW_DIR="$WASM_TARGET_DIR/raw" # cargo's output for each module, copied before the next build
mkdir -p "$RAW_DIR"

compile() { # name, cargo's feature arguments...
  local name="$1"; shift
  log "compiling $name for $WASM_TARGET ($toolchain toolchain${*:+, $*})"
  if [ "$toolchain" = rustup ]; then
    cargo "${cargo_args[@]}" "$@"
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
      /usr/bin/cargo "${cargo_args[@]}" "$@" -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
  fi
  local out="$WASM_TARGET_DIR/$WASM_TARGET/wasm-release/costshare.wasm"
  [ -f "$out" ] || die "cargo produced no $out"
  # Not cp -p: the copy's time is when cargo last found the module current with every source it is
  # built from. Cargo leaves its own output's time alone when only a native-only source changed
  # (src/cms_table.rs), which tests/census.test.mjs's staleness check would take for a stale module.
  cp "$out" "$RAW_DIR/$name.wasm"
}
compile costshare --no-default-features
compile costshare_census

want="$(pinned_wasm_bindgen_version)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
[ "$have" = "$want" ] || die "wasm-bindgen CLI is ${have:-missing}, Cargo.toml pins $want: run scripts/setup.sh"
wasm_opt="$ROOT/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || die "node_modules/.bin/wasm-opt is missing: run scripts/setup.sh"

# The module's memory starts zeroed and its low addresses are never read (Rust's layout).
opt_args=(-Oz --converge "${WASM_OPT_FLAGS[@]}" --low-memory-unused --zero-filled-memory --strip-debug --strip-producers)
mkdir -p "$WASM_PKG_DIR"
# wasm-bindgen and wasm-opt take a few seconds (and wasm2js half a minute): each module's are
# skipped when their input and settings are the same as last time and the outputs are still there.
# pkg/.<name>.inputs records them (the first word: the hash of cargo's output, which
# tests/census.test.mjs checks).
prepare() { # name, then the JavaScript engine's script for the estimator's module
  local name="$1" js="${2:-}" raw="$RAW_DIR/$1.wasm" bindgen_dir="$WASM_TARGET_DIR/bindgen/$1"
  local stamp="$WASM_PKG_DIR/.$name.inputs" outputs=("$WASM_PKG_DIR/$name.js" "$WASM_PKG_DIR/${name}_bg.wasm")
  [ -n "$js" ] && outputs+=("$WASM_PKG_DIR/costshare_js.js")
  local inputs
  inputs="$(sha256sum "$raw" | cut -d' ' -f1) wasm-bindgen=$have wasm-opt=$("$wasm_opt" --version) ${opt_args[*]}${js:+ js=$(sha256sum "$js" | cut -d' ' -f1)}"
  local missing=0 f
  for f in "${outputs[@]}"; do [ -f "$f" ] || missing=1; done
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$inputs" ] && [ "$missing" = 0 ]; then
    log "$name unchanged: keeping wasm-bindgen and wasm-opt output"
    return
  fi
  rm -rf "$bindgen_dir" "$stamp" "${outputs[@]}" "$WASM_PKG_DIR/$name.d.ts"
  mkdir -p "$bindgen_dir"
  log "$name: wasm-bindgen $have --target web"
  wasm-bindgen --target web --out-dir "$bindgen_dir" --out-name "$name" "$raw"
  log "$name: wasm-opt ${opt_args[*]}"
  "$wasm_opt" "${opt_args[@]}" "$bindgen_dir/${name}_bg.wasm" -o "$WASM_PKG_DIR/${name}_bg.wasm"
  cp "$bindgen_dir/$name.js" "$bindgen_dir/$name.d.ts" "$WASM_PKG_DIR/"
  if [ -n "$js" ]; then
    # The same engine compiled to JavaScript, for pages whose policy refuses WebAssembly
    # (scripts/build-js-engine.mjs says how; engine-worker.js loads it only then).
    log "wasm2js: the estimator's engine as JavaScript"
    node "$js" "$raw" "$WASM_PKG_DIR"
  fi
  printf '%s\n' "$inputs" > "$stamp"
}
prepare costshare "$ROOT/scripts/build-js-engine.mjs"
prepare costshare_census
rm -f "$WASM_PKG_DIR/.inputs" # the stamp of the single module before the census had its own

# The census is in the census's module and in no other: a check of the glue each exports.
grep -q 'censusStart' "$WASM_PKG_DIR/costshare_census.js" || die "pkg/costshare_census.js has no censusStart: the census module was built without the census"
! grep -q 'censusStart' "$WASM_PKG_DIR/costshare.js" || die "pkg/costshare.js has censusStart: the estimator's module was built with the census"
! grep -q 'censusStart' "$WASM_PKG_DIR/costshare_js.js" || die "pkg/costshare_js.js has censusStart: the JavaScript engine was built from the census's module"

size() { wc -c < "$1" | tr -d ' '; }
gz() { gzip -9 -c "$1" | wc -c | tr -d ' '; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f KiB", b / 1024 }'; }
printf 'wasm sizes:\n' >&2
for name in costshare costshare_census; do
  opt="$WASM_PKG_DIR/${name}_bg.wasm" glue="$WASM_PKG_DIR/$name.js" raw="$RAW_DIR/$name.wasm"
  printf '  %s\n' "$name" >&2
  printf '    %-34s %10s bytes  (%s)\n' "cargo output" "$(size "$raw")" "$(kb "$(size "$raw")")" \
    "after wasm-opt -Oz" "$(size "$opt")" "$(kb "$(size "$opt")")" \
    "after wasm-opt -Oz, gzip -9" "$(gz "$opt")" "$(kb "$(gz "$opt")")" \
    "JS glue (gzip -9: $(gz "$glue") bytes)" "$(size "$glue")" "$(kb "$(size "$glue")")" >&2
done
printf '  %-36s %10s bytes  (%s)\n' "JS engine, wasm2js (gzip -9: $(gz "$WASM_PKG_DIR/costshare_js.js"))" "$(size "$WASM_PKG_DIR/costshare_js.js")" "$(kb "$(size "$WASM_PKG_DIR/costshare_js.js")")" >&2
