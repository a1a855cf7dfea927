#!/usr/bin/env bash
# Installs what aio needs to build and test on Debian 12, from Debian's archive
# (and, with --browser, playwright-core from npm). Idempotent: when everything
# is present it only checks, which takes well under a second.
#
#   scripts/setup.sh            compilers, CMake, Ninja, doctest, Emscripten, Node
#   scripts/setup.sh --browser  also Chromium and tests/browser/node_modules
#
# Runs as root without a terminal (CI); as another user it uses sudo.
set -euo pipefail

usage() { sed -n '2,9s/^# \{0,1\}//p' "$0"; }

browser=0
for arg in "$@"; do
  case "$arg" in
    --browser) browser=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "setup.sh: unknown argument '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

cd "$(dirname "${BASH_SOURCE[0]}")/.."
say() { echo "setup: $*"; }

# Debian packages. emscripten brings clang-14, lld-14 and binaryen; node-acorn
# is the JS parser its optimizer needs; libclang-rt-14-dev has the sanitizer
# and libFuzzer runtimes for clang.
# The playground (web/) adds SDL2 and ImGui for the desktop app, dpkg-dev to
# unpack their Debian sources for the Wasm build (web/deps/build_deps.sh), and
# the UI fonts it subsets with fonttools.
packages=(cmake g++ ninja-build python3 doctest-dev
  clang-14 libclang-rt-14-dev emscripten node-acorn
  libsdl2-dev libimgui-dev dpkg-dev fonts-inter fonts-jetbrains-mono python3-fonttools)
# Any Node.js on PATH will do (the machine image ships Node 20 from
# NodeSource; Debian's own nodejs is 18). Only install Debian's if none.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
if ((browser)); then
  packages+=(chromium)
  command -v npm >/dev/null 2>&1 || packages+=(npm)
fi

# One dpkg-query for all: prints "name status" for the packages dpkg knows.
declare -A status=()
while read -r name state; do
  status[$name]=$state
done < <(dpkg-query -W -f='${Package} ${Status}\n' "${packages[@]}" 2>/dev/null || true)
missing=()
for p in "${packages[@]}"; do
  [[ "${status[$p]:-}" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]})); then
  sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null 2>&1 || { say "need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
  fi
  export DEBIAN_FRONTEND=noninteractive
  say "installing ${missing[*]}"
  say "apt-get update"
  # Wait for another apt/dpkg run (e.g. unattended-upgrades) instead of failing.
  apt=("${sudo[@]}" apt-get -q -o DPkg::Lock::Timeout=600)
  "${apt[@]}" update
  say "apt-get install ${missing[*]}"
  "${apt[@]}" install -y --no-install-recommends "${missing[@]}"
else
  say "Debian packages present: ${packages[*]}"
fi

# Facts the build relies on; fail here with a clear message rather than later.
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major < 18)); then
  say "Node.js $(node --version) is too old for the Wasm tests (need 18+, 20 preferred)" >&2
  exit 1
fi
toolchain=/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake
[[ -f $toolchain ]] || { say "missing $toolchain (package emscripten)" >&2; exit 1; }
[[ -f /usr/share/nodejs/acorn/package.json ]] || { say "missing acorn under /usr/share/nodejs (package node-acorn)" >&2; exit 1; }

if ((browser)); then
  # The pinned playwright-core wants Node 20+ (package-lock.json: engines).
  if ((node_major < 20)); then
    say "Node.js $(node --version) is too old for playwright-core (tests/browser needs Node 20+)" >&2
    exit 1
  fi
  # playwright-core drives the system Chromium; the exact version is pinned by
  # tests/browser/package-lock.json. `npm ci` only when the lock changed.
  dir=tests/browser
  stamp=$dir/node_modules/.aio-lock-stamp
  if [[ -f $stamp ]] && cmp -s "$dir/package-lock.json" "$stamp"; then
    say "playwright-core present in $dir/node_modules"
  else
    say "npm ci in $dir (playwright-core)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$stamp"
  fi
  [[ -x /usr/bin/chromium ]] || { say "missing /usr/bin/chromium" >&2; exit 1; }
  [[ -f $dir/node_modules/playwright-core/package.json ]] || { say "npm ci did not install playwright-core" >&2; exit 1; }
fi

say "ready"
