"""Sane ranges for every number of the kiosk's settings (kiosk.yaml and the command line).

A value that is not a finite number within its range is replaced by the default and named
in a warning: the kiosk must start whatever its configuration file says (under the
``Restart=always`` unit a crash at start-up is a restart loop). Qt timers hold at most
2^31 - 1 ms (24.8 days), so no duration here may exceed a day. Pure Python: no Qt.
"""

from __future__ import annotations

import math
from typing import Any

# setting -> (lowest, highest, unit) on a real kiosk
RANGES: dict[str, tuple[float, float, str]] = {
    "idle_timeout": (10, 86400, "secondes"),
    "countdown": (1, 600, "secondes"),
    "attract_slide_seconds": (1, 600, "secondes"),
    "watch_seconds": (1, 86400, "secondes"),
    "admin_corner_taps": (2, 20, "touchers"),
    "admin_corner_window": (0.5, 60, "secondes"),
    "admin_long_press": (0.5, 60, "secondes"),
}
# With the TEST-ONLY timings (settings.TEST_TIMINGS_ENV) durations may be this short.
TEST_LOWEST = 0.01


# PBKDF2 rounds in pin_hash: each PIN typed costs this many (10^12 would freeze the kiosk).
PIN_ITERATIONS = (1_000, 5_000_000)


def check_pin_hash(value: str) -> str | None:
    """None when ``pin_hash`` reads as ``pbkdf2-sha256$rounds$salt$hash`` with sane
    rounds; else a French warning (the caller falls back to the default)."""
    parts = value.split("$")
    low, high = PIN_ITERATIONS
    if (len(parts) == 4 and parts[0] == "pbkdf2-sha256" and parts[1].isdigit()
            and low <= int(parts[1]) <= high):
        return None
    return ("« pin_hash » illisible ou hors limites (pbkdf2-sha256, de "
            f"{low} à {high} tours) : code par défaut utilisé ; refaites-le avec "
            "`loosstory kiosk-pin`")


def _number(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def check_number(name: str, shown: str, value: Any, kind: type, default: Any,
                 test_timings: bool = False) -> tuple[Any, str | None]:
    """(value converted to ``kind``, None) when it is sane; else (``default``, a French
    warning naming ``shown`` — the key as the staff wrote it — its range and the default)."""
    lowest, highest, unit = RANGES.get(name, (0, math.inf, ""))
    if test_timings and kind is float:
        lowest = TEST_LOWEST
    ok = (isinstance(value, (int, float)) and not isinstance(value, bool)
          and math.isfinite(value) and lowest <= value <= highest
          and (kind is not int or float(value).is_integer()))
    if ok:
        return kind(value), None
    return default, (f"« {shown} » vaut {value!r} : il faut un nombre de {_number(lowest)} à "
                     f"{_number(highest)} {unit} ; valeur par défaut {_number(default)} utilisée")
