# Shared by the scripts in this directory: `source scripts/env.sh`.
# Finds the repository root and decides how the WebAssembly module is compiled.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$PATH"

WASM_TARGET=wasm32-unknown-unknown
WASM_TARGET_DIR="$ROOT/target/wasm"     # kept apart from the native target/ builds
WASM_PKG_DIR="$WASM_TARGET_DIR/pkg"     # wasm-bindgen glue + optimized .wasm (copied to dist/pkg)
WASM_OPT_FLAGS=(--enable-bulk-memory --enable-reference-types --enable-nontrapping-float-to-int
                --enable-sign-ext --enable-multivalue --enable-mutable-globals)
DEBIAN_RUST_PACKAGES=(rustc-web cargo-web rust-web-src lld)

log() {
  if [ -t 2 ]; then printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0" .sh)" "$*" >&2
  else printf '[%s] %s\n' "$(basename "$0" .sh)" "$*" >&2; fi
}
die() { log "error: $*"; exit 1; }

# "rustup": the default toolchain has the wasm32 standard library (`rustup target add` was run);
# "debian": use Debian's rustc-web with -Zbuild-std (see docs in README / TOOLCHAIN).
wasm_toolchain() {
  if [ -n "${COSTSHARE_WASM_TOOLCHAIN:-}" ]; then echo "$COSTSHARE_WASM_TOOLCHAIN"; return; fi
  local sysroot
  if sysroot="$(rustc --print sysroot 2>/dev/null)" && [ -d "$sysroot/lib/rustlib/$WASM_TARGET" ]; then
    echo rustup
  else
    echo debian
  fi
}

# The cargo used for native builds and tests: rustup's if present, else Debian's.
native_cargo() {
  if command -v cargo >/dev/null 2>&1; then command -v cargo
  elif [ -x /usr/bin/cargo ]; then echo /usr/bin/cargo
  else die "no cargo found: run scripts/setup.sh"; fi
}

# The exact wasm-bindgen version pinned in Cargo.toml (`wasm-bindgen = "=X.Y.Z"`).
pinned_wasm_bindgen_version() {
  sed -n -E 's/^[[:space:]]*wasm-bindgen[[:space:]]*=[[:space:]]*(\{[^}]*version[[:space:]]*=[[:space:]]*)?"=?([0-9]+\.[0-9]+\.[0-9]+)".*/\2/p' \
    "$ROOT/Cargo.toml" | head -n1
}
