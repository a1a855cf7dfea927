#!/usr/bin/env bash
# Builds the playground's third-party dependencies for WebAssembly, once.
#
#   SDL2 2.26.5     Debian source package `libsdl2`, built with emcmake into a
#                   static library + CMake package.
#   Dear ImGui 1.86 Debian source package `imgui`, unpacked only: web/CMakeLists.txt
#                   compiles the core and the two backends it needs with the
#                   same flags as the app (wasm exceptions, tail calls).
#   Fonts           Inter (UI) and JetBrains Mono (code) from Debian's font
#                   packages, cut down to Latin-1 and a few symbols with
#                   fontTools (~20 KB each), embedded into the app. ImGui's
#                   built-in bitmap font looks blurry when scaled for
#                   high-DPI screens; these stay crisp at any size.
#
# Why from source packages: Emscripten's `-sUSE_SDL=2` port downloads SDL from
# the internet at build time, and this project may only reach Debian's archive
# and npm. Results go to a cache outside the build tree,
#   ${AIO_DEPS_DIR:-$HOME/.cache/aio-deps}/wasm/{sdl2,imgui}
#   ${AIO_DEPS_DIR:-$HOME/.cache/aio-deps}/fonts   (shared with the desktop build)
# and each carries a stamp file keyed by version, so a second run does nothing.
#
# Usage: web/deps/build_deps.sh [all|wasm|fonts|--print-dir]
#   all (default) SDL2, ImGui and fonts
#   fonts         fonts only (what the native desktop build needs)
#   --print-dir   only print the wasm cache directory (for CMake / scripts)
#   AIO_DEPS_JOBS  parallel build jobs (default 2: the machines have 2 cores)

set -euo pipefail

SDL_VERSION=2.26.5
IMGUI_VERSION=1.86
FONTS_VERSION=1  # bump when the font choice or the subset changes
DEPS_ROOT="${AIO_DEPS_DIR:-$HOME/.cache/aio-deps}/wasm"
FONTS_DIR="${AIO_DEPS_DIR:-$HOME/.cache/aio-deps}/fonts"
JOBS="${AIO_DEPS_JOBS:-2}"

if [[ "${1:-}" == "--print-dir" ]]; then
  echo "$DEPS_ROOT"
  exit 0
fi

log() { printf '[aio-deps] %s\n' "$*" >&2; }

# Commands that change the system run through sudo when we are not root.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

wait_for_apt() {
  # Another apt run (e.g. the project's setup script) may hold the lock.
  while pgrep -x apt-get >/dev/null || pgrep -x dpkg >/dev/null; do sleep 5; done
}

# Emscripten's JS optimizer needs Debian's acorn, which Node does not look for
# by default (TOOLCHAIN.md). Every emcc call in this script runs with this set.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

ensure_tools() {
  local missing=()
  command -v emcc >/dev/null || missing+=(emscripten)
  [[ -d /usr/share/nodejs/acorn ]] || missing+=(node-acorn)
  command -v dpkg-source >/dev/null || missing+=(dpkg-dev)
  command -v cmake >/dev/null || missing+=(cmake)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    wait_for_apt
    as_root apt-get install -y "${missing[@]}" >&2
  fi
}

# Turn on deb-src lines in the deb822 source list (idempotent): `Types: deb`
# becomes `Types: deb deb-src`. Refresh the index only when something changed
# or when the source index is not there yet.
ensure_deb_src() {
  local list=/etc/apt/sources.list.d/debian.sources changed=0
  if [[ -f $list ]] && grep -qE '^Types:[[:space:]]*deb[[:space:]]*$' "$list"; then
    log "enabling deb-src in $list"
    as_root sed -i -E 's/^Types:[[:space:]]*deb[[:space:]]*$/Types: deb deb-src/' "$list"
    changed=1
  fi
  # Classic one-line format: add a deb-src twin for each deb line.
  local classic=/etc/apt/sources.list
  if [[ -f $classic ]] && grep -qE '^deb[[:space:]]' "$classic" && ! grep -qE '^deb-src[[:space:]]' "$classic"; then
    log "adding deb-src lines to $classic"
    grep -E '^deb[[:space:]]' "$classic" | sed -E 's/^deb/deb-src/' | as_root tee -a "$classic" >/dev/null
    changed=1
  fi
  if ((changed)) || ! apt-cache showsrc libsdl2 2>/dev/null | grep -q '^Package:'; then
    wait_for_apt
    as_root apt-get update -q >&2
  fi
}

# fetch_source PKG UPSTREAM_VERSION DEST: download the Debian source package
# whose version starts with UPSTREAM_VERSION and unpack it (with Debian's
# patches applied) into DEST.
fetch_source() {
  local pkg=$1 upstream=$2 dest=$3 version work
  version=$(apt-cache showsrc "$pkg" | awk '/^Version:/ {print $2}' | grep -E "^${upstream//./\\.}[+~-]" | head -n1)
  if [[ -z $version ]]; then
    log "no source package $pkg $upstream in the apt index"
    exit 1
  fi
  work=$(mktemp -d)
  log "downloading source $pkg=$version"
  # apt-get source as root warns that it cannot drop privileges for the
  # download; it still works, so keep that one line out of the log.
  (cd "$work" && apt-get source --download-only -q "$pkg=$version" 2>&1 | grep -v 'unsandboxed' >&2 || true)
  local dsc
  dsc=$(ls "$work"/*.dsc 2>/dev/null | head -n1)
  if [[ -z $dsc ]]; then
    log "apt-get source $pkg=$version downloaded nothing"
    exit 1
  fi
  # Unpack beside the archives (dpkg-source wants them next to its output),
  # then move the tree into place.
  (cd "$work" && dpkg-source --no-check -x "$dsc" "$work/unpacked" >&2)
  rm -rf "$dest"
  mkdir -p "$(dirname "$dest")"
  mv "$work/unpacked" "$dest"
  rm -rf "$work"
}

build_sdl2() {
  local prefix=$DEPS_ROOT/sdl2 stamp=$DEPS_ROOT/sdl2/.stamp-$SDL_VERSION
  if [[ -f $stamp ]]; then
    log "SDL2 $SDL_VERSION already built in $prefix"
    return
  fi
  ensure_deb_src
  local src=$DEPS_ROOT/src/libsdl2-$SDL_VERSION build=$DEPS_ROOT/build/sdl2
  fetch_source libsdl2 "$SDL_VERSION" "$src"
  rm -rf "$build" "$prefix"
  log "building SDL2 $SDL_VERSION for wasm (a few minutes on 2 cores)"
  local t0=$SECONDS
  emcmake cmake -S "$src" -B "$build" -G "Unix Makefiles" \
    -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_INSTALL_PREFIX="$prefix" \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF >&2
  cmake --build "$build" -j "$JOBS" >&2
  cmake --install "$build" >&2
  rm -rf "$build" "$src"
  touch "$stamp"
  log "SDL2 built in $((SECONDS - t0)) s -> $prefix"
}

fetch_imgui() {
  local dest=$DEPS_ROOT/imgui stamp=$DEPS_ROOT/imgui/.stamp-$IMGUI_VERSION
  if [[ -f $stamp ]]; then
    log "Dear ImGui $IMGUI_VERSION already unpacked in $dest"
    return
  fi
  ensure_deb_src
  fetch_source imgui "$IMGUI_VERSION" "$dest"
  # 1.86 names the SDL2 backend imgui_impl_sdl.cpp; check what we rely on.
  local f
  for f in imgui.cpp imgui_draw.cpp imgui_tables.cpp imgui_widgets.cpp \
           backends/imgui_impl_sdl.cpp backends/imgui_impl_opengl3.cpp; do
    [[ -f $dest/$f ]] || { log "imgui source lacks $f"; exit 1; }
  done
  touch "$stamp"
  log "Dear ImGui $IMGUI_VERSION unpacked -> $dest"
}

# The subset keeps ASCII, Latin-1, dashes, quotes, bullet, ellipsis, arrows,
# minus and the three shapes the toolbar uses (play, stop, dot).
FONT_UNICODES="U+0020-007E,U+00A0-00FF,U+2013-2014,U+2018-201F,U+2022,U+2026,U+2190-2193,U+2212,U+25A0,U+25B6,U+25CF"

build_fonts() {
  local stamp=$FONTS_DIR/.stamp-$FONTS_VERSION
  if [[ -f $stamp ]]; then
    log "fonts already in $FONTS_DIR"
    return
  fi
  local inter=/usr/share/fonts/opentype/inter jb=/usr/share/fonts/truetype/jetbrains-mono
  # Debian's python3 (fontTools lives there), not whatever python3 is first on PATH.
  local py=/usr/bin/python3
  local missing=()
  [[ -f $inter/Inter-Regular.otf ]] || missing+=(fonts-inter)
  [[ -f $jb/JetBrainsMono-Regular.ttf ]] || missing+=(fonts-jetbrains-mono)
  "$py" -c 'import fontTools' 2>/dev/null || missing+=(python3-fonttools)
  if ((${#missing[@]})); then
    log "installing ${missing[*]}"
    wait_for_apt
    as_root apt-get install -y "${missing[@]}" >&2
  fi
  mkdir -p "$FONTS_DIR"
  local pair src dst
  for pair in "$inter/Inter-Regular.otf:ui-regular.otf" "$inter/Inter-SemiBold.otf:ui-semibold.otf" \
              "$jb/JetBrainsMono-Regular.ttf:code-regular.ttf"; do
    src=${pair%%:*}
    dst=$FONTS_DIR/${pair##*:}
    "$py" -m fontTools.subset "$src" --unicodes="$FONT_UNICODES" --output-file="$dst" \
      --layout-features='' --no-hinting --desubroutinize >&2
  done
  cp /usr/share/doc/fonts-inter/copyright "$FONTS_DIR/LICENSE-inter.txt" 2>/dev/null || true
  cp /usr/share/doc/fonts-jetbrains-mono/copyright "$FONTS_DIR/LICENSE-jetbrains-mono.txt" 2>/dev/null || true
  touch "$stamp"
  log "fonts subset -> $FONTS_DIR"
}

case "${1:-all}" in
  fonts)
    build_fonts
    echo "$FONTS_DIR"
    ;;
  wasm | all)
    mkdir -p "$DEPS_ROOT"
    ensure_tools
    build_sdl2
    fetch_imgui
    build_fonts
    rmdir "$DEPS_ROOT/src" "$DEPS_ROOT/build" 2>/dev/null || true
    echo "$DEPS_ROOT"
    ;;
  *)
    echo "usage: $0 [all|wasm|fonts|--print-dir]" >&2
    exit 2
    ;;
esac
