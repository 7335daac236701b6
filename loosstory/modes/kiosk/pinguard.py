"""Wrong PINs slow down, across restarts. Pure Python, no Qt.

After the n-th wrong code in a row the pad waits ``delay(n)`` seconds: 2, 4, 8, 16… up to
an hour (``CAP``). Trying the 10 000 four-digit codes then takes months instead of the
~17 hours of a fixed 30 s lockout every 5 tries. The count and the end of the wait are
kept in ``pin-guard.json`` in the data folder (written atomically), so pulling the plug
does not start again from zero; every failure is logged. A right code resets the count.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

log = logging.getLogger("loosstory.kiosk")
FILE_NAME = "pin-guard.json"
BASE = 2.0  # seconds after the first wrong code
CAP = 3600.0  # never more than an hour


def delay(failures: int, base: float = BASE, cap: float = CAP) -> float:
    if failures <= 0:
        return 0.0
    return min(cap, base * 2 ** min(failures - 1, 40))


class PinGuard:
    def __init__(self, data_dir: Path, clock: Callable[[], float] = time.time,
                 base: float = BASE, cap: float = CAP) -> None:
        self.file = data_dir / FILE_NAME
        self.clock = clock
        self.base, self.cap = base, cap
        self.failures = 0
        self.until = 0.0
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.file.read_text(encoding="utf-8"))
            failures, until = int(data["failures"]), float(data["until"])
        except FileNotFoundError:
            return
        except (OSError, ValueError, KeyError, TypeError) as error:
            log.warning("code PIN : %s illisible (%s) ; le compteur d’essais repart de zéro",
                        self.file, error.__class__.__name__)
            return
        self.failures, self.until = max(0, failures), until

    def _save(self) -> None:
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            tmp = self.file.with_name(f".{self.file.name}.tmp")
            tmp.write_text(json.dumps({"failures": self.failures, "until": self.until}) + "\n",
                           encoding="utf-8")
            os.replace(tmp, self.file)
        except OSError:
            log.exception("code PIN : impossible d’écrire %s", self.file)

    def remaining(self) -> float:
        """Seconds before the next try is allowed (0: now). A clock set back cannot make
        the wait longer than the delay itself."""
        if self.failures == 0:
            return 0.0
        return max(0.0, min(self.until - self.clock(), delay(self.failures, self.base, self.cap)))

    def failed(self) -> float:
        """A wrong code: count it, log it, and return the wait it earns."""
        self.failures += 1
        wait = delay(self.failures, self.base, self.cap)
        self.until = self.clock() + wait
        self._save()
        log.warning("code PIN incorrect sur le pavé du personnel (%d échec(s) de suite) : "
                    "prochain essai dans %.0f s", self.failures, wait)
        return wait

    def succeeded(self) -> None:
        if self.failures:
            log.info("code PIN correct après %d échec(s)", self.failures)
        self.failures, self.until = 0, 0.0
        self._save()
