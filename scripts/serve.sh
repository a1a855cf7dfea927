#!/usr/bin/env bash
# The README's first command: sets up what is missing, builds the playground
# and the docs page for WebAssembly, and serves them on http://127.0.0.1:8000/.
#
#   scripts/serve.sh                 set up, build, serve on 127.0.0.1:8000
#   scripts/serve.sh --port 8080     another port (--host too)
#   scripts/serve.sh --no-serve      set up and build only
#
# Steps, each skipped when already done (a second run is quick):
#   1. scripts/setup.sh: Debian packages (Emscripten, Node's acorn, ...)
#   2. web/deps/build_deps.sh: SDL2 + Dear ImGui from Debian's sources, built
#      for Wasm once into ~/.cache/aio-deps (about 6 minutes the first time)
#   3. CMake preset `wasm` (build/wasm): the targets aio-playground and
#      aio-embed-core; CMake writes index.html, aio-playground.js/.wasm, the
#      embed module and docs/ together into build/wasm/site
#   4. web/serve.py serves build/wasm/site (.wasm as application/wasm)
set -euo pipefail

usage() { sed -n '2,15s/^# \{0,1\}//p' "$0"; }

host=127.0.0.1
port=8000
serve=1
while (($#)); do
  case "$1" in
    --port) port=${2:?--port needs a number}; shift 2 ;;
    --host) host=${2:?--host needs an address}; shift 2 ;;
    --no-serve) serve=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) echo "serve.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { echo "serve: $*"; }
JOBS=2  # the machines have 2 cores
build=build/wasm

scripts/setup.sh
# Debian's emscripten runs its JS optimizer with a Node that needs node-acorn.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

say "web dependencies (SDL2, ImGui, fonts; cached in ${AIO_DEPS_DIR:-$HOME/.cache/aio-deps})"
AIO_DEPS_JOBS=$JOBS web/deps/build_deps.sh all

# Configure once; an existing tree re-runs CMake by itself when a
# CMakeLists.txt changes (as scripts/test.sh does).
if [[ -f $build/build.ninja && $build/CMakeCache.txt -nt CMakePresets.json ]]; then
  say "$build is configured"
else
  say "configuring $build (CMake preset wasm)"
  cmake --preset wasm
fi

targets=(aio-playground)
if ninja -C "$build" -t targets all 2>/dev/null | grep -q '^aio-embed-core:'; then
  targets+=(aio-embed-core)
fi
say "building ${targets[*]}"
cmake --build "$build" -j "$JOBS" --target "${targets[@]}"

site=$build/site
for f in index.html aio-playground.js aio-playground.wasm; do
  [[ -f $site/$f ]] || { say "missing $site/$f after the build" >&2; exit 1; }
done
if command -v gzip >/dev/null 2>&1; then
  js=$(gzip -9c "$site/aio-playground.js" | wc -c)
  wasm=$(gzip -9c "$site/aio-playground.wasm" | wc -c)
  say "playground transfer (gzip): $(((js + wasm) / 1024)) KB (js $((js / 1024)) KB, wasm $((wasm / 1024)) KB)"
fi

((serve)) || { say "built $site"; exit 0; }
[[ -f $site/docs/index.html ]] && say "docs page: http://$host:$port/docs/"
exec python3 web/serve.py "$site" --host "$host" --port "$port"
