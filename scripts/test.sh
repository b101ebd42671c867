#!/usr/bin/env bash
# Every test (`npm test`, `.ci/run`): setup, the Rust tests natively, the build, then the built
# module in Node and the built page in Chromium. A failing stage does not hide the later ones;
# the exit status is non-zero if any stage failed.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

bash scripts/setup.sh || exit 1

failed=()
stage() { log "== $1"; }

stage "data: generated plan files are up to date"
node scripts/make-kp-plus-example.mjs --check || failed+=("stale generated plan file")

stage "the element's modules in Node: tests/suites.json unit"
node scripts/run-tests.mjs unit || failed+=("element unit tests (tests/suites.json: unit)")

stage "native: cargo test --release"
bash scripts/test-native.sh || failed+=("native tests (cargo test --release)")

stage "build: wasm + site"
if bash scripts/build-wasm.sh && node scripts/build-site.mjs; then
  stage "wasm (and the JavaScript engine) in Node + page, element and installed package in Chromium: tests/suites.json node, browser"
  node scripts/run-tests.mjs node browser || failed+=("wasm/browser tests (tests/suites.json: node, browser)")
else
  failed+=("build (the wasm and browser tests did not run)")
fi

if [ "${#failed[@]}" -gt 0 ]; then
  log "FAILED: $(printf '%s; ' "${failed[@]}")"
  exit 1
fi
log "all tests passed"
