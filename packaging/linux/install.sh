#!/usr/bin/env bash
# Desktop integration for loosstory on Linux: menu entry, icons, AppStream metadata, and
# (with --kiosk) the kiosk start-up files. Works from the repository (packaging/linux/)
# and from inside an unpacked bundle (dist/loosstory/install.sh).
#
#   sudo ./install.sh                    # bundle: copies it to /opt/loosstory, links
#                                        # /usr/local/bin/loosstory, menu entry, icons
#   ./install.sh                         # the same for the current user only (~/.local)
#   sudo ./install.sh --kiosk            # also installs the kiosk start-up files
#   ./install.sh --uninstall [--prefix P]
#   packaging/linux/install.sh --prefix /usr --destdir "$pkgdir"   # distribution packages
#   packaging/linux/install.sh --stage DIR   # (build-bundle.sh) write the share/ tree only
#
# From the repository, the `loosstory` command itself comes from `pip install .`; this
# script only adds the desktop files. Kiosk files come from packaging/kiosk/ (repository)
# or share/loosstory/kiosk/ (bundle) when that folder exists: if it holds an install.sh,
# that script is run with PREFIX, DESTDIR, LOOSSTORY_BIN and LOOSSTORY_SCOPE (system|user)
# in its environment; otherwise *.service files go to the systemd unit folder and
# *.desktop files to the autostart folder.
set -euo pipefail

APP_ID=fr.loosengohelle.loosstory
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SIZES="16 32 48 64 128 256 512"

if [ "$(id -u)" = 0 ]; then PREFIX=/usr/local; SCOPE=system; else PREFIX="$HOME/.local"; SCOPE=user; fi
DESTDIR=""
STAGE=""
KIOSK=0
UNINSTALL=0
BUNDLE_HOME=""   # where a bundle is copied; default: /opt/loosstory or PREFIX/lib/loosstory

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) PREFIX="$2"; shift 2 ;;
    --destdir) DESTDIR="$2"; shift 2 ;;
    --stage) STAGE="$2"; shift 2 ;;
    --bundle-home) BUNDLE_HOME="$2"; shift 2 ;;
    --kiosk) KIOSK=1; shift ;;
    --uninstall) UNINSTALL=1; shift ;;
    -h|--help) sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: option inconnue « $1 » (voir --help)" >&2; exit 2 ;;
  esac
done

# Where the files come from: an unpacked bundle, or the repository.
if [ -x "$HERE/loosstory" ] && [ -d "$HERE/_internal" ]; then
  MODE=bundle
  SHARE_SRC="$HERE/share"
else
  MODE=repo
  ROOT="$(cd "$HERE/../.." && pwd)"
fi

# Write the share/ tree (applications, metainfo, icons, kiosk files) into $1.
stage_share() {
  local share="$1" size
  install -d "$share/applications" "$share/metainfo" "$share/icons/hicolor/scalable/apps"
  install -m 644 "$ROOT/packaging/linux/$APP_ID.desktop" "$share/applications/$APP_ID.desktop"
  install -m 644 "$ROOT/packaging/linux/$APP_ID.metainfo.xml" "$share/metainfo/$APP_ID.metainfo.xml"
  install -m 644 "$ROOT/assets/icons/loosstory.svg" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
  for size in $SIZES; do
    install -d "$share/icons/hicolor/${size}x${size}/apps"
    install -m 644 "$ROOT/assets/icons/loosstory-$size.png" \
      "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
  if [ -d "$ROOT/packaging/kiosk" ]; then
    install -d "$share/loosstory/kiosk"
    cp -R "$ROOT/packaging/kiosk/." "$share/loosstory/kiosk/"
  fi
}

if [ -n "$STAGE" ]; then
  [ "$MODE" = repo ] || { echo "install.sh: --stage runs from the repository" >&2; exit 2; }
  stage_share "$STAGE"
  exit 0
fi

if [ "$MODE" = repo ]; then
  SHARE_SRC="$(mktemp -d)"
  trap 'rm -rf "$SHARE_SRC"' EXIT
  stage_share "$SHARE_SRC"
fi

if [ -z "$BUNDLE_HOME" ]; then
  if [ "$PREFIX" = /usr/local ] || [ "$PREFIX" = /usr ]; then BUNDLE_HOME=/opt/loosstory
  else BUNDLE_HOME="$PREFIX/lib/loosstory"; fi
fi
if [ "$SCOPE" = system ]; then
  AUTOSTART=/etc/xdg/autostart; UNITS="$PREFIX/lib/systemd/system"
else
  AUTOSTART="${XDG_CONFIG_HOME:-$HOME/.config}/autostart"; UNITS="$PREFIX/share/systemd/user"
fi
MANIFEST="$PREFIX/share/loosstory/install-manifest.txt"

if [ "$UNINSTALL" = 1 ]; then
  if [ ! -f "$DESTDIR$MANIFEST" ]; then
    echo "rien à désinstaller : $DESTDIR$MANIFEST n'existe pas" >&2; exit 1
  fi
  while IFS= read -r path; do
    [ -n "$path" ] || continue
    rm -rf -- "$DESTDIR$path"
  done < <(sort -r "$DESTDIR$MANIFEST")
  rm -f -- "$DESTDIR$MANIFEST"
  rmdir "$DESTDIR$PREFIX/share/loosstory" 2>/dev/null || true
  echo "loosstory désinstallé de $PREFIX"
  exit 0
fi

installed=()
put() {  # put MODE SOURCE TARGET
  install -D -m "$1" "$2" "$DESTDIR$3"
  installed+=("$3")
}

exec_line=loosstory
if [ "$MODE" = bundle ]; then
  install -d "$DESTDIR$BUNDLE_HOME"
  cp -R "$HERE/." "$DESTDIR$BUNDLE_HOME/"
  installed+=("$BUNDLE_HOME")
  install -d "$DESTDIR$PREFIX/bin"
  ln -sfn "$BUNDLE_HOME/loosstory" "$DESTDIR$PREFIX/bin/loosstory"
  installed+=("$PREFIX/bin/loosstory")
  exec_line="$PREFIX/bin/loosstory"
fi

desktop_tmp="$(mktemp)"
sed -e "s|^Exec=loosstory|Exec=$exec_line|" -e "s|^TryExec=loosstory|TryExec=$exec_line|" \
  "$SHARE_SRC/applications/$APP_ID.desktop" > "$desktop_tmp"
put 644 "$desktop_tmp" "$PREFIX/share/applications/$APP_ID.desktop"
rm -f "$desktop_tmp"
put 644 "$SHARE_SRC/metainfo/$APP_ID.metainfo.xml" "$PREFIX/share/metainfo/$APP_ID.metainfo.xml"
put 644 "$SHARE_SRC/icons/hicolor/scalable/apps/$APP_ID.svg" \
  "$PREFIX/share/icons/hicolor/scalable/apps/$APP_ID.svg"
for size in $SIZES; do
  put 644 "$SHARE_SRC/icons/hicolor/${size}x${size}/apps/$APP_ID.png" \
    "$PREFIX/share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
done

kiosk_src="$SHARE_SRC/loosstory/kiosk"
if [ -d "$kiosk_src" ]; then
  # Always carried along, inert, so that a later `--kiosk` or a person can use them.
  while IFS= read -r -d '' file; do
    rel="${file#"$kiosk_src"/}"
    put 644 "$file" "$PREFIX/share/loosstory/kiosk/$rel"
  done < <(find "$kiosk_src" -type f -print0)
  if [ "$KIOSK" = 1 ]; then
    if [ -f "$kiosk_src/install.sh" ]; then
      PREFIX="$PREFIX" DESTDIR="$DESTDIR" LOOSSTORY_BIN="$exec_line" LOOSSTORY_SCOPE="$SCOPE" \
        bash "$kiosk_src/install.sh"
    else
      for unit in "$kiosk_src"/*.service "$kiosk_src"/*.target "$kiosk_src"/*.timer; do
        if [ -f "$unit" ]; then put 644 "$unit" "$UNITS/$(basename "$unit")"; fi
      done
      for entry in "$kiosk_src"/*.desktop; do
        if [ -f "$entry" ]; then put 644 "$entry" "$AUTOSTART/$(basename "$entry")"; fi
      done
    fi
    echo "fichiers du mode kiosque installés (voir $PREFIX/share/loosstory/kiosk/)"
  fi
elif [ "$KIOSK" = 1 ]; then
  echo "install.sh: --kiosk demandé, mais cette version ne contient pas de fichiers kiosque" >&2
fi

install -d "$(dirname "$DESTDIR$MANIFEST")"
printf '%s\n' "${installed[@]}" > "$DESTDIR$MANIFEST"

if [ -z "$DESTDIR" ]; then
  command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
  command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$PREFIX/share/icons/hicolor" || true
fi
echo "loosstory installé dans $PREFIX (menu : « Loos-en-Gohelle — loosstory »)"
if [ "$MODE" = bundle ]; then echo "programme : $BUNDLE_HOME/loosstory (lien : $PREFIX/bin/loosstory)"; fi
exit 0
