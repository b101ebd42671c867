#!/usr/bin/env bash
# The engine's own Rust tests, natively (rustup's cargo if present, else Debian's).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
"$(native_cargo)" test --release --no-fail-fast "$@"
# The fuzz targets (fuzz/, run with cargo-fuzz on nightly) must keep compiling against the crate.
"$(native_cargo)" check --quiet --manifest-path fuzz/Cargo.toml
