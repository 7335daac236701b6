#!/usr/bin/env bash
# Installe le démarrage automatique du kiosque loosstory (voir GUIDE-KIOSQUE.md).
#
#   packaging/kiosk/install.sh             # pour l'utilisateur courant (le compte « kiosque ») :
#                                          #   ~/.config/systemd/user/loosstory-kiosk.service
#                                          #   ~/.config/autostart/loosstory-kiosk.desktop
#                                          #   ~/.config/loosstory/kiosk.yaml (si absent)
#                                          # puis `systemctl --user enable` du service
#   packaging/kiosk/install.sh --uninstall
#
# Appelé aussi par packaging/linux/install.sh --kiosk, avec dans l'environnement
# PREFIX, DESTDIR, LOOSSTORY_BIN et LOOSSTORY_SCOPE (system|user) : en « system », le
# service va dans PREFIX/lib/systemd/user et l'entrée dans /etc/xdg/autostart, pour
# tous les comptes (activé avec `systemctl --global enable`).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
UNIT=loosstory-kiosk.service
ENTRY=loosstory-kiosk.desktop
SCOPE="${LOOSSTORY_SCOPE:-user}"
DESTDIR="${DESTDIR:-}"
UNINSTALL=0
for arg in "$@"; do
  case "$arg" in
    --uninstall) UNINSTALL=1 ;;
    -h|--help) sed -n '2,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "install.sh: option inconnue « $arg »" >&2; exit 2 ;;
  esac
done

BIN="${LOOSSTORY_BIN:-}"
if [ -z "$BIN" ]; then BIN="$(command -v loosstory || true)"; fi
if [ -z "$BIN" ]; then BIN="$HOME/.local/bin/loosstory"; fi
case "$BIN" in /*) ;; *) BIN="$(command -v "$BIN" || echo "$BIN")" ;; esac

if [ "$SCOPE" = system ]; then
  UNITS="${PREFIX:-/usr/local}/lib/systemd/user"; AUTOSTART=/etc/xdg/autostart
  SYSTEMCTL=(systemctl --global)
else
  CONFIG="${XDG_CONFIG_HOME:-$HOME/.config}"
  UNITS="$CONFIG/systemd/user"; AUTOSTART="$CONFIG/autostart"
  SYSTEMCTL=(systemctl --user)
fi
have_systemctl() { [ -z "$DESTDIR" ] && command -v systemctl >/dev/null 2>&1; }

if [ "$UNINSTALL" = 1 ]; then
  if have_systemctl; then "${SYSTEMCTL[@]}" disable "$UNIT" 2>/dev/null || true; fi
  rm -f "$DESTDIR$UNITS/$UNIT" "$DESTDIR$AUTOSTART/$ENTRY"
  echo "démarrage automatique du kiosque retiré (réglages et chiffres conservés)"
  exit 0
fi

install -d "$DESTDIR$UNITS" "$DESTDIR$AUTOSTART"
sed -e "s|^ExecStart=.*|ExecStart=$BIN --kiosk|" "$HERE/$UNIT" > "$DESTDIR$UNITS/$UNIT"
sed -e "s|exec loosstory --kiosk|exec $BIN --kiosk|" "$HERE/$ENTRY" > "$DESTDIR$AUTOSTART/$ENTRY"
chmod 644 "$DESTDIR$UNITS/$UNIT" "$DESTDIR$AUTOSTART/$ENTRY"
echo "service : $UNITS/$UNIT (programme : $BIN)"
echo "démarrage à l'ouverture de session : $AUTOSTART/$ENTRY"

if [ "$SCOPE" = user ] && [ -z "$DESTDIR" ]; then
  settings="${XDG_CONFIG_HOME:-$HOME/.config}/loosstory/kiosk.yaml"
  if [ ! -f "$settings" ]; then
    install -D -m 644 "$HERE/kiosk.yaml.example" "$settings"
    echo "réglages : $settings (code PIN d'usine 2468 : changez-le avec « loosstory kiosk-pin »)"
  fi
fi

if have_systemctl; then
  if [ "$SCOPE" = user ]; then "${SYSTEMCTL[@]}" daemon-reload 2>/dev/null || true; fi
  if "${SYSTEMCTL[@]}" enable "$UNIT" 2>/dev/null; then
    echo "service activé : il démarrera à la prochaine ouverture de session"
  else
    echo "note : « systemctl ${SYSTEMCTL[*]:1} enable $UNIT » n'a pas abouti ;" \
         "l'entrée de démarrage automatique suffit à lancer le kiosque" >&2
  fi
fi
