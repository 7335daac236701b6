#!/usr/bin/env bash
# Build the macOS app: dist/Loos-en-Gohelle.app (and dist/loosstory-<version>-macos-<arch>.dmg),
# then smoke-test it.
#
#   packaging/macos/build-bundle.sh
#
# Needs: macOS 12+, Python 3.10+ from python.org or Homebrew (same architecture as the
# target Macs: build on Apple silicon for arm64, on Intel for x86_64), network access to
# PyPI. NOT TESTED: written and reviewed on Linux only (see docs/packaging.md).
# Signing: PyInstaller signs ad hoc, enough to run on the build Mac. To hand the app to
# other Macs without Gatekeeper warnings, sign with a Developer ID and notarize:
#   codesign --deep --force --options runtime --sign "Developer ID Application: …" dist/Loos-en-Gohelle.app
#   xcrun notarytool submit dist/loosstory-*.dmg --keychain-profile … --wait
#   xcrun stapler staple dist/Loos-en-Gohelle.app
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
VENV="${LOOSSTORY_BUNDLE_VENV:-$ROOT/build/bundle-venv-macos}"
APP="$ROOT/dist/Loos-en-Gohelle.app"
start=$(date +%s)

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
  -r "$ROOT/packaging/requirements-bundle.txt" "$ROOT"

mkdir -p "$ROOT/build"
rm -rf "$APP" "$ROOT/dist/loosstory"
(cd "$ROOT/build" && "$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" \
  "$ROOT/packaging/pyinstaller/loosstory.spec")

# Smoke test, in an emptied environment: the app's executable still prints in a terminal.
BIN="$APP/Contents/MacOS/loosstory"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
bare() { env -i PATH=/usr/bin:/bin HOME="$work" QT_QPA_PLATFORM=offscreen "$BIN" "$@"; }
bare --version
bare check | tail -n 1
bare snapshot --page cover -o "$work/cover.png"
[ "$(stat -f %z "$work/cover.png")" -gt 50000 ] || { echo "snapshot looks blank"; exit 1; }

version=$("$VENV/bin/python" -c 'import importlib.metadata as m; print(m.version("loosstory"))')
dmg="$ROOT/dist/loosstory-$version-macos-$(uname -m).dmg"
rm -f "$dmg"
hdiutil create -volname "Loos-en-Gohelle" -srcfolder "$APP" -ov -format UDZO "$dmg" >/dev/null
echo "app:  $APP ($(du -sh "$APP" | cut -f1) unpacked)"
echo "dmg:  $dmg ($(du -h "$dmg" | cut -f1))"
echo "time: $(( $(date +%s) - start )) s"
