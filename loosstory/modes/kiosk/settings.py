"""The kiosk's settings: a YAML file (``paths.config_file()``) overridden by the command line.

Every key is optional::

    content: /srv/expo/contenu        # pack to play (default: the bundled story)
    idle_timeout: 90                  # seconds without a touch before the countdown
    countdown: 30                     # seconds of "Vous êtes toujours là ?" (>= 20)
    attract:
      slide_seconds: 9                # each chapter card of the attract loop
      motion: true                    # slow pan and zoom (false = still pictures)
    pin_hash: "pbkdf2-sha256$..."     # written by `loosstory kiosk-pin`
    watch_folder: /home/kiosque/nouveau-contenu   # a new pack dropped here is checked
    watch_seconds: 10                 # how often the folder is looked at
    admin_chord: Ctrl+Alt+Shift+A     # staff key chord (with a keyboard)
    admin_corner_taps: 5              # taps in the top-left corner within 3 s…
    admin_long_press: 3               # …or a press held this many seconds there
    opening_hours:                    # per weekday; outside them a black screen (hours.py)
      mardi: "10:00-18:00"
    kiosk_name: accueil-1             # fleets: this kiosk's name in the hub's reports
    outbox: /home/kiosque/boite-envoi # fleets: status + anonymous figures for the hub
    require_manifest: true            # fleets: take only sealed packs (loosstory pack seal)

Unknown keys are reported as warnings (a typo must not pass silently); wrong values fall
back to their default with a warning. Pure Python: no Qt.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from loosstory.modes.kiosk import paths
from loosstory.modes.kiosk.bounds import check_number, check_pin_hash
from loosstory.modes.kiosk.hours import OpeningHours, parse_hours
from loosstory.modes.kiosk.pin import DEFAULT_PIN_HASH
from loosstory.story.yamlsource import load_located

MIN_COUNTDOWN = 20.0  # seconds: an older visitor must have time to read and tap
# TEST-ONLY override: with this variable set to 1 the countdown may be shorter than
# MIN_COUNTDOWN (tests/modes/test_kiosk_day.py). Never set it on a real kiosk.
TEST_TIMINGS_ENV = "LOOSSTORY_KIOSK_TEST_TIMINGS"


@dataclass(frozen=True)
class KioskSettings:
    content: Path | None = None
    idle_timeout: float = 90.0
    countdown: float = 30.0
    attract_slide_seconds: float = 9.0
    attract_motion: bool = True
    pin_hash: str = DEFAULT_PIN_HASH
    watch_folder: Path | None = None
    watch_seconds: float = 10.0
    admin_chord: str = "Ctrl+Alt+Shift+A"
    admin_corner_taps: int = 5
    admin_corner_window: float = 3.0
    admin_long_press: float = 3.0
    # fleets and opening hours (issue 19)
    opening_hours: OpeningHours | None = None  # None: always open
    kiosk_name: str = ""  # "" : the machine's host name
    outbox: Path | None = None
    require_manifest: bool = False
    data_dir: Path = field(default_factory=paths.data_dir)
    config_file: Path | None = None  # where these came from (for `kiosk-pin`, the guide)
    warnings: tuple[str, ...] = ()
    # TEST-ONLY (see TEST_TIMINGS_ENV): allows a countdown under MIN_COUNTDOWN.
    test_timings: bool = False

    @property
    def idle_ms(self) -> int:
        return max(1, round(self.idle_timeout * 1000))

    @property
    def countdown_ms(self) -> int:
        seconds = self.countdown if self.test_timings else max(MIN_COUNTDOWN, self.countdown)
        return max(1, round(seconds * 1000))

    @property
    def stats_file(self) -> Path:
        return self.data_dir / "stats.sqlite3"

    @property
    def name(self) -> str:
        """This kiosk's name in the fleet's reports (``kiosk_name``, else the host name)."""
        import socket

        return self.kiosk_name.strip() or socket.gethostname() or "kiosque"

    @property
    def log_file(self) -> Path:
        return self.data_dir / "logs" / "loosstory.log"

    @property
    def packs_dir(self) -> Path:
        return self.data_dir / "packs"

    def with_overrides(self, **changes: Any) -> KioskSettings:
        return replace(self, **{k: v for k, v in changes.items() if v is not None})


# YAML key -> (field, type)
_KEYS: dict[str, tuple[str, type]] = {
    "content": ("content", Path),
    "idle_timeout": ("idle_timeout", float),
    "countdown": ("countdown", float),
    "pin_hash": ("pin_hash", str),
    "watch_folder": ("watch_folder", Path),
    "watch_seconds": ("watch_seconds", float),
    "admin_chord": ("admin_chord", str),
    "admin_corner_taps": ("admin_corner_taps", int),
    "admin_corner_window": ("admin_corner_window", float),
    "admin_long_press": ("admin_long_press", float),
    "kiosk_name": ("kiosk_name", str),
    "outbox": ("outbox", Path),
    "require_manifest": ("require_manifest", bool),
}
_ATTRACT = {"slide_seconds": ("attract_slide_seconds", float), "motion": ("attract_motion", bool)}


def _convert(value: Any, kind: type, base: Path) -> Any:
    if kind is bool:
        if isinstance(value, bool):
            return value
        raise ValueError
    if kind is Path:
        if not isinstance(value, str) or not value.strip() or "\x00" in value:
            raise ValueError
        path = Path(os.path.expanduser(value.strip()))
        return path if path.is_absolute() else (base / path)
    if kind in (int, float):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
            raise ValueError
        return kind(value)
    if not isinstance(value, str):
        raise ValueError
    return value


def _read_yaml(file: Path, warnings: list[str]) -> Any:
    """kiosk.yaml parsed as the packs' YAML is (bounded size and aliases, no duplicate
    keys); {} with a warning when it cannot be."""
    from loosstory.story.safefs import read_bounded

    try:
        text = read_bounded(file, 1024 * 1024).decode("utf-8")
    except Exception as error:  # noqa: BLE001 - too large, unreadable, not UTF-8: defaults
        warnings.append(f"{file}: illisible ({error.__class__.__name__}), réglages par défaut")
        return {}
    located, problem = load_located(text, str(file))
    if problem is not None or located is None:
        warnings.append(f"{problem.format() if problem else file}, réglages par défaut")
        return {}
    return located.value or {}


def _numeric(name: str, shown: str, value: Any, kind: type, values: dict[str, Any],
             warnings: list[str], file: Path) -> bool:
    """A number setting checked by :mod:`bounds` (True when ``name`` is one)."""
    if kind not in (int, float):
        return False
    default = next(f.default for f in fields(KioskSettings) if f.name == name)
    values[name], warning = check_number(name, shown, value, kind, default,
                                         bool(values.get("test_timings")))
    if warning:
        warnings.append(f"{file}: {warning}")
    return True


def load_settings(file: Path | None = None) -> KioskSettings:
    """Settings from ``file`` (default: :func:`paths.config_file`); a missing file is fine."""
    file = file or paths.config_file()
    warnings: list[str] = []
    values: dict[str, Any] = {"config_file": file}
    if os.environ.get(TEST_TIMINGS_ENV) == "1":
        values["test_timings"] = True
    raw: Any = {}
    if file.is_file():
        raw = _read_yaml(file, warnings)
    if not isinstance(raw, dict):
        warnings.append(f"{file}: une liste de clés « nom: valeur » est attendue")
        raw = {}
    for key, value in raw.items():
        if key == "attract" and isinstance(value, dict):
            for sub, sub_value in value.items():
                if sub not in _ATTRACT:
                    warnings.append(f"{file}: clé inconnue « attract.{sub} » ignorée")
                    continue
                name, kind = _ATTRACT[sub]
                if _numeric(name, f"attract.{sub}", sub_value, kind, values, warnings, file):
                    continue
                try:
                    values[name] = _convert(sub_value, kind, file.parent)
                except ValueError:
                    warnings.append(f"{file}: valeur de « attract.{sub} » incorrecte, ignorée")
            continue
        if key == "opening_hours":
            values["opening_hours"], found = parse_hours(value, str(file))
            warnings += found
            continue
        if key not in _KEYS:
            warnings.append(f"{file}: clé inconnue « {key} » ignorée")
            continue
        name, kind = _KEYS[key]
        if _numeric(name, key, value, kind, values, warnings, file):
            continue
        if key == "pin_hash" and isinstance(value, str) and check_pin_hash(value):
            warnings.append(f"{file}: {check_pin_hash(value)}")
            continue
        try:
            values[name] = _convert(value, kind, file.parent)
        except ValueError:
            warnings.append(f"{file}: valeur de « {key} » incorrecte, valeur par défaut utilisée")
    if values.get("countdown", MIN_COUNTDOWN) < MIN_COUNTDOWN and not values.get("test_timings"):
        warnings.append(f"{file}: « countdown » vaut au moins {MIN_COUNTDOWN:.0f} secondes")
    values["warnings"] = tuple(warnings)
    known = {f.name for f in fields(KioskSettings)}
    return KioskSettings(**{k: v for k, v in values.items() if k in known})


def write_pin_hash(file: Path, pin_hash: str) -> None:
    """Set ``pin_hash`` in the YAML file, keeping its other lines (and comments) as they are."""
    file.parent.mkdir(parents=True, exist_ok=True)
    lines = file.read_text(encoding="utf-8").splitlines() if file.is_file() else []
    line = f'pin_hash: "{pin_hash}"'
    for index, text in enumerate(lines):
        if text.startswith("pin_hash:"):
            lines[index] = line
            break
    else:
        if not lines:
            lines.append("# Réglages du kiosque loosstory (voir GUIDE-KIOSQUE.md)")
        lines.append(line)
    tmp = file.with_name(file.name + ".tmp")
    tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")
    os.replace(tmp, file)
