"""The kiosk's side of a fleet: it fills its outbox (``outbox`` in kiosk.yaml) once a day
and when it stops, for the hub to read (:mod:`loosstory.fleet.outbox`).

Nothing here opens a connection: Syncthing, rsync or Ansible carry the folder.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from datetime import date, datetime, timezone
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from loosstory import __version__
from loosstory.fleet.manifest import ManifestError, read_manifest
from loosstory.fleet.outbox import export_events, last_exported_day, write_status

log = logging.getLogger("loosstory.kiosk")


def last_error(records) -> str:
    """The newest ERROR line of the recent problems ("" if none)."""
    for line in reversed(list(records or [])):
        if " ERROR " in line or " CRITICAL " in line:
            return line
    return ""


class FleetLink(QObject):
    def __init__(self, outbox: Path | None, name: str, stats_file: Path,
                 pack_folder: Callable[[], Path], recent=None,
                 clock: Callable[[], float] = time.time, check_ms: int = 15 * 60 * 1000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.outbox = outbox
        self.name = name
        self.stats_file = stats_file
        self.pack_folder = pack_folder
        self.recent = recent
        self.clock = clock
        self.started = clock()
        self.is_open: Callable[[], bool] = lambda: True
        self.last_written: date | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(max(10, check_ms))
        self.timer.timeout.connect(self.daily)

    @property
    def enabled(self) -> bool:
        return self.outbox is not None

    def start(self) -> None:
        if self.enabled:
            self.write("démarrage")
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def daily(self) -> None:
        if self.enabled and self.last_written != self._today():
            self.write("quotidien")

    def _today(self) -> date:
        return datetime.fromtimestamp(self.clock()).date()

    def status(self, reason: str) -> dict:
        folder = self.pack_folder()
        try:
            manifest = read_manifest(folder)
            pack_id, digest = manifest.pack_id, manifest.digest
        except ManifestError:
            pack_id, digest = "", ""
        now = self.clock()
        return {
            "kiosk": self.name, "version": __version__, "pack_id": pack_id,
            "manifest_sha256": digest, "pack_folder": str(folder),
            "started": datetime.fromtimestamp(self.started, timezone.utc).isoformat(
                timespec="seconds"),
            "uptime_s": round(now - self.started),
            "written": datetime.fromtimestamp(now, timezone.utc).isoformat(timespec="seconds"),
            "reason": reason, "open": self.is_open(),
            "last_error": last_error(self.recent.records if self.recent is not None else None),
        }

    def write(self, reason: str) -> bool:
        """Status + the anonymous events since the last exported day. Never raises."""
        if self.outbox is None:
            return False
        try:
            from loosstory.stats.store import read_events

            today = self._today()
            last = last_exported_day(self.outbox)
            since = datetime.combine(last, datetime.min.time()).timestamp() if last else None
            export_events(self.outbox, read_events(self.stats_file, since), today)
            write_status(self.outbox, self.status(reason))
        except Exception:  # noqa: BLE001 - the outbox is never worth the kiosk
            log.exception("boîte d’envoi %s : écriture impossible", self.outbox)
            return False
        self.last_written = today
        log.info("boîte d’envoi mise à jour (%s) : %s", reason, self.outbox)
        return True


