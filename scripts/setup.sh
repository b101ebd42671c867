#!/usr/bin/env bash
# Installs what building and testing need, and only what is missing:
#   - Debian packages: Rust for wasm32 (rustc-web, cargo-web, rust-web-src, lld) unless the
#     rustup toolchain already has the wasm32 standard library; chromium for the browser tests;
#   - wasm-bindgen-cli at exactly the version Cargo.toml pins;
#   - the npm dev dependencies (binaryen's wasm-opt, playwright-core, axe-core).
# Fast and quiet when everything is already there. Usage: scripts/setup.sh [--no-browser]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

want_browser=1
for arg in "$@"; do
  case "$arg" in
    --no-browser) want_browser=0 ;;
    *) die "unknown option: $arg (usage: scripts/setup.sh [--no-browser])" ;;
  esac
done

# ---- Debian packages -------------------------------------------------------------------
is_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

packages=()
if [ "$(wasm_toolchain)" = debian ] || ! command -v cargo >/dev/null 2>&1; then
  packages+=("${DEBIAN_RUST_PACKAGES[@]}")
fi
command -v cc >/dev/null 2>&1 || packages+=(gcc libc6-dev)          # the native linker
if [ "$want_browser" = 1 ]; then packages+=(chromium fonts-liberation); fi

missing=()
for p in "${packages[@]}"; do is_installed "$p" || missing+=("$p"); done
if [ "${#missing[@]}" -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || die "missing ${missing[*]} and no apt-get: install them by hand"
  sudo=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "missing ${missing[*]}: run as root or install sudo"
    sudo=(sudo -n)
  fi
  # Give up quickly on a mirror that cannot be reached instead of hanging.
  apt_opts=(-o Acquire::http::Timeout=30 -o Acquire::https::Timeout=30 -o Acquire::Retries=2
            -o Dpkg::Use-Pty=0 -o APT::Color=0)
  log "installing Debian packages: ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" -qq update </dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" -qq install -y \
    --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi

cargo_bin="$(native_cargo)"

# ---- wasm-bindgen-cli, exactly the crate's version ---------------------------------------
want="$(pinned_wasm_bindgen_version)"
[ -n "$want" ] || die "cannot read the pinned wasm-bindgen version (wasm-bindgen = \"=X.Y.Z\") from Cargo.toml"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [ "$have" != "$want" ]; then
  log "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes about 2-3 minutes"
  # Not --locked: a dependency in its lock file is not available from the registry here.
  "$cargo_bin" install --quiet wasm-bindgen-cli --version "=$want" --force
  have="$(wasm-bindgen --version | awk '{print $2}')"
  [ "$have" = "$want" ] || die "wasm-bindgen is $have after installing $want (check PATH for another copy)"
fi

# ---- npm dev dependencies -----------------------------------------------------------------
command -v npm >/dev/null 2>&1 || die "npm not found: install Node.js 20 or newer"
node_major="$(node -p 'process.versions.node.split(".")[0]')"
[ "$node_major" -ge 20 ] || die "Node.js $(node --version) is too old: playwright-core needs 20 or newer"
stamp=node_modules/.costshare-setup
lock_hash() { cat package.json package-lock.json 2>/dev/null | sha256sum | cut -d' ' -f1; }
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(lock_hash)" ]; then
  if [ -f package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund --loglevel=error
  else
    log "npm install (no package-lock.json yet)"
    npm install --no-audit --no-fund --loglevel=error
  fi
  lock_hash > "$stamp"
fi

# ---- summary -------------------------------------------------------------------------------
toolchain="$(wasm_toolchain)"
if [ "$toolchain" = debian ]; then
  wasm_rustc="$(/usr/bin/rustc --version) + -Zbuild-std"
else
  wasm_rustc="$(rustc --version)"
fi
log "ok: native $("$cargo_bin" --version); wasm32 via $toolchain ($wasm_rustc); wasm-bindgen $have;" \
    "wasm-opt $(node_modules/.bin/wasm-opt --version | awk '{print $3}')$(
      [ "$want_browser" = 1 ] && printf '; %s' "$(/usr/bin/chromium --version 2>/dev/null | head -n1)")"
