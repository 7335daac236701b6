#!/usr/bin/env bash
# Build the self-contained Linux bundle: dist/loosstory/ (one folder, no Python needed on
# the target) and dist/loosstory-<version>-linux-<arch>.tar.gz.
#
#   packaging/build-bundle.sh            # from anywhere; needs python3 (>= 3.10) with venv
#
# It makes (or reuses) a build environment in build/bundle-venv, installs the project and
# PyInstaller into it, runs packaging/pyinstaller/loosstory.spec, adds the desktop files
# (and the kiosk files when packaging/kiosk/ exists), checks that no Qt library is missing,
# and prints the bundle's size. Environment knobs:
#   PYTHON=python3.12          interpreter for the build venv (default: python3)
#   LOOSSTORY_BUNDLE_VENV=DIR  where the build venv lives (default: build/bundle-venv)
#   LOOSSTORY_NO_TARBALL=1     skip the .tar.gz
#   LOOSSTORY_NO_APT=1         do not apt-get the X11 client libraries Qt's xcb plugin needs
#                              (by default, as root on Debian/Ubuntu, missing ones are
#                              installed so that PyInstaller copies them into the bundle)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3}"
VENV="${LOOSSTORY_BUNDLE_VENV:-$ROOT/build/bundle-venv}"
DIST="$ROOT/dist"
BUNDLE="$DIST/loosstory"
start=$(date +%s)

step() { printf '\n== %s (%ss)\n' "$*" "$(( $(date +%s) - start ))"; }

# Qt's xcb platform plugin links these; present on the build machine, they travel in the
# bundle, so a kiosk PC needs nothing beyond a basic X11 or Wayland desktop.
XCB_PACKAGES=(libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-render-util0
              libxcb-image0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libxkbcommon0
              libwayland-client0 libwayland-cursor0 libwayland-egl1 libfontconfig1 libdbus-1-3)
if [ "${LOOSSTORY_NO_APT:-}" != 1 ] && [ "$(id -u)" = 0 ] && command -v dpkg-query >/dev/null \
   && command -v apt-get >/dev/null; then
  missing_pkgs=()
  for pkg in "${XCB_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' \
      || missing_pkgs+=("$pkg")
  done
  if [ ${#missing_pkgs[@]} -gt 0 ]; then
    step "apt-get install ${missing_pkgs[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      "${missing_pkgs[@]}" >/dev/null
  fi
fi

step "build environment: $VENV"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
  -r "$ROOT/packaging/requirements-bundle.txt" "$ROOT"
"$VENV/bin/python" -m pip list --disable-pip-version-check 2>/dev/null \
  | grep -i -E '^(loosstory|pyinstaller|pyside6|shiboken6) ' || true

step "pyinstaller"
rm -rf "$BUNDLE"
# Run from a scratch directory so that the repository's loosstory/ is never shadowed by
# the current directory; the spec adds the repository explicitly.
(cd "$ROOT/build" 2>/dev/null || { mkdir -p "$ROOT/build" && cd "$ROOT/build"; }
 "$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
   --distpath "$DIST" --workpath "$ROOT/build/pyinstaller" \
   "$ROOT/packaging/pyinstaller/loosstory.spec")

step "desktop integration files"
mkdir -p "$BUNDLE/share"
bash "$ROOT/packaging/linux/install.sh" --stage "$BUNDLE/share"
install -m 755 "$ROOT/packaging/linux/install.sh" "$BUNDLE/install.sh"
install -m 644 "$ROOT/packaging/linux/LISEZMOI.txt" "$BUNDLE/LISEZMOI.txt"

step "checking the bundle's libraries"
missing=$(find "$BUNDLE" -name '*.so*' -type f -print0 \
  | xargs -0 -n 50 env LD_LIBRARY_PATH="$BUNDLE/_internal:$BUNDLE/_internal/PySide6/Qt/lib" ldd 2>/dev/null \
  | grep 'not found' | grep -E 'libQt6|libpyside|libshiboken|libicu|libpython' | sort -u || true)
if [ -n "$missing" ]; then
  echo "a library the bundle needs was filtered out:"; echo "$missing"; exit 1
fi
system=$(find "$BUNDLE" -name '*.so*' -type f -print0 \
  | xargs -0 -n 50 env LD_LIBRARY_PATH="$BUNDLE/_internal:$BUNDLE/_internal/PySide6/Qt/lib" ldd 2>/dev/null \
  | grep 'not found' | awk '{print $1}' | sort -u | tr '\n' ' ' || true)
[ -z "$system" ] || echo "system libraries not on this build machine (needed on the target for a real display, see docs/packaging.md): $system"

version=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("loosstory"))')
arch=$(uname -m)
if [ "${LOOSSTORY_NO_TARBALL:-}" != 1 ]; then
  step "tarball"
  tarball="$DIST/loosstory-$version-linux-$arch.tar.gz"
  tar -C "$DIST" -czf "$tarball" loosstory
fi

step "done"
echo "bundle:   $BUNDLE  ($(du -sh "$BUNDLE" | cut -f1) unpacked, $(find "$BUNDLE" -type f | wc -l) files)"
[ -z "${tarball:-}" ] || echo "tarball:  $tarball  ($(du -h "$tarball" | cut -f1))"
echo "version:  $version"
echo "smoke test: packaging/smoke-test.sh"
