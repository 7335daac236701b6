#!/usr/bin/env bash
# Smoke test of the built bundle (dist/loosstory by default): runs the bundled binary's
# `--version`, `check` and `snapshot` offscreen, in an emptied environment (env -i, PATH
# limited to /usr/bin:/bin, no PYTHONHOME/PYTHONPATH, HOME in a scratch folder), from a
# scratch directory, so that nothing from a Python installation or the repository can help.
# As root (CI), it goes further: the bundle is copied out of the repository and run in a
# private mount namespace (unshare -m) where every Python installation on the machine
# (/usr/lib/python3*, /usr/local/lib/python3*, /usr/bin/python*, ~/.pyenv, ...) and the
# repository itself are hidden under empty folders: the machine then has no Python at all
# as far as the bundle can see. LOOSSTORY_SMOKE_NO_HIDE=1 skips that step.
#
#   packaging/smoke-test.sh [BUNDLE_DIR]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUNDLE="$(cd "${1:-$ROOT/dist/loosstory}" && pwd)"
[ -x "$BUNDLE/loosstory" ] || { echo "smoke-test: no bundle at $BUNDLE (run packaging/build-bundle.sh)"; exit 1; }
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/home"
cd "$WORK"
expected_version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/loosstory/__init__.py" | head -1)

HIDE=()
if [ "$(id -u)" = 0 ] && [ -z "${LOOSSTORY_SMOKE_NO_HIDE:-}" ] && unshare -m true 2>/dev/null; then
  cp -a "$BUNDLE" "$WORK/bundle"
  BUNDLE="$WORK/bundle"
  for path in /usr/lib/python3* /usr/local/lib/python3* /usr/lib64/python3* /opt/python* \
              /root/.pyenv /root/.local/lib/python3* /usr/bin/python* /usr/local/bin/python* \
              "$ROOT"; do
    [ -e "$path" ] && HIDE+=("$path")
  done
  echo "hidden:   ${HIDE[*]}"
else
  echo "hidden:   nothing (not root, or unshare unavailable): env -i only"
fi
BIN="$BUNDLE/loosstory"

bare() {  # run the bundle with an empty environment, with Python hidden when possible
  local cmd=(env -i PATH=/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen
             XDG_RUNTIME_DIR="$WORK/home" "$BIN" "$@")
  if [ ${#HIDE[@]} -eq 0 ]; then "${cmd[@]}"; return; fi
  unshare -m --propagation private bash -c '
    for path in "${@:2:$1}"; do
      if [ -d "$path" ]; then mount -t tmpfs -o ro,size=1k none "$path"
      else mount --bind /dev/null "$path"; fi
    done
    shift $(( $1 + 1 ))
    if ls /usr/lib/python3*/os.py /usr/local/lib/python3*/os.py >/dev/null 2>&1 \
       || python3 -c 1 >/dev/null 2>&1 || [ -n "$(ls -A /root/.pyenv 2>/dev/null)" ]; then
      echo "smoke-test: Python is still visible" >&2; exit 97
    fi
    exec "$@"' _ "${#HIDE[@]}" "${HIDE[@]}" "${cmd[@]}"
}
fail() { echo "smoke-test: FAILED: $*"; exit 1; }
t0=$(date +%s%N)

version=$(bare --version)
echo "version:  $version"
[ "$version" = "loosstory $expected_version" ] || fail "expected « loosstory $expected_version »"

bare check > check.txt || { cat check.txt; fail "check exited non-zero"; }
summary=$(tail -n 1 check.txt)
echo "check:    $summary"
case "$summary" in
  "$BUNDLE"/_internal/loosstory/_bundled/content:\ 0\ erreur\(s\),*—\ OK) ;;
  *) fail "check did not end with the summary line of the bundled story" ;;
esac

bare snapshot --page cover -o "$WORK/cover.png" 2> snapshot.err || { cat snapshot.err; fail "snapshot exited non-zero"; }
[ -s "$WORK/cover.png" ] || fail "snapshot wrote no image"
read -r width height < <(od -An -tu1 -j16 -N8 "$WORK/cover.png" \
  | awk '{printf "%d %d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
size=$(stat -c %s "$WORK/cover.png")
echo "snapshot: cover.png ${width}x${height}, $size bytes"
[ "$(head -c 8 "$WORK/cover.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "not a PNG"
[ "$width" = 1920 ] && [ "$height" = 1080 ] || fail "expected 1920x1080"
[ "$size" -gt 50000 ] || fail "the cover looks blank ($size bytes)"
if grep -v -E '^(qt\.qpa\.|QStandardPaths|This plugin does not support)' snapshot.err | grep -q .; then
  echo "snapshot stderr:"; cat snapshot.err
fi
if [ -n "${LOOSSTORY_SMOKE_KEEP:-}" ]; then cp "$WORK/cover.png" "$LOOSSTORY_SMOKE_KEEP"; fi

echo "smoke-test: OK in $(( ($(date +%s%N) - t0) / 1000000 )) ms ($(du -sh "$BUNDLE" | cut -f1) unpacked)"
