# shellcheck shell=bash
# Sourced by the other scripts (and usable by hand: `. scripts/env.sh`).
# Puts the repo's tools on PATH and exports what the test runners need.

GIR_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export GIR_ROOT

_gir_path_prepend() {
  case ":${PATH}:" in
    *":$1:"*) ;;
    *) PATH="$1:${PATH}" ;;
  esac
}
_gir_path_prepend "${CARGO_HOME:-$HOME/.cargo}/bin"
# wasm-opt from the npm package `binaryen` (Debian's binaryen is too old).
_gir_path_prepend "${GIR_ROOT}/node_modules/.bin"
unset -f _gir_path_prepend
export PATH

export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
