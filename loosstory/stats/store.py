"""The event store: a small SQLite file, one row per anonymous event.

Privacy: a row holds a time, a random visit id (new for every visit, never tied to a
person or a device), an event kind, a story reference (``chapter/page``, an element id, a
language code) and a number (seconds). Nothing typed by a visitor is ever stored, and the
file never leaves the machine.

Durability: ``journal_mode=WAL`` and ``synchronous=FULL``, one committed transaction per
event. A process killed with ``kill -9`` keeps every event whose ``record`` returned; only
the event being written at that instant can be lost (tests/stats/test_store.py).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from loosstory.stats.ids import new_visit_id

SCHEMA_VERSION = 1

# kind -> what ``ref`` and ``value`` hold
EVENT_KINDS = {
    "visit_start": "ref: '' ; value: none",
    "visit_end": "ref: why it ended (idle, quit, crash, content) ; value: visit length in s",
    "page_view": "ref: chapter/page (or cover, sommaire) ; value: dwell time in s",
    "chapter_view": "ref: chapter id ; value: dwell time in s",
    "schematic_tap": "ref: element id",
    "timeline_tap": "ref: event or period id",
    "idle_reset": "ref: '' ; value: none",
    "language_change": "ref: language code",
    "quiz_start": "ref: chapter id (issue 18)",
    "quiz_end": "ref: chapter id ; value: the share of right answers, 0 to 1",
    "setting_change": "ref: the setting (text_scale, high_contrast…) ; value: its new value",
}

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id      INTEGER PRIMARY KEY,
    ts      REAL    NOT NULL,          -- seconds since 1970 (UTC)
    visit   TEXT    NOT NULL,          -- random per visit, '' outside a visit
    kind    TEXT    NOT NULL,
    ref     TEXT    NOT NULL DEFAULT '',
    value   REAL
);
CREATE INDEX IF NOT EXISTS events_visit ON events (visit);
CREATE INDEX IF NOT EXISTS events_ts ON events (ts);
"""


@dataclass(frozen=True)
class Event:
    ts: float
    visit: str
    kind: str
    ref: str = ""
    value: float | None = None


__all__ = ["EVENT_KINDS", "DamagedDatabase", "Event", "EventStore", "new_visit_id",
           "read_events"]


class EventStore:
    """Append-only events in ``path`` (created with its folder on first use)."""

    def __init__(self, path: Path | str, clock=time.time) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._clock = clock
        # isolation_level=None: autocommit; each INSERT is its own committed transaction.
        self._db = sqlite3.connect(str(self.path), isolation_level=None, timeout=5.0,
                                   check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def record(self, kind: str, visit: str = "", ref: str = "", value: float | None = None,
               ts: float | None = None) -> None:
        """Write one event; durable when this returns."""
        if kind not in EVENT_KINDS:
            raise ValueError(f"unknown event kind {kind!r}")
        self._db.execute(
            "INSERT INTO events (ts, visit, kind, ref, value) VALUES (?, ?, ?, ?, ?)",
            (self._clock() if ts is None else ts, visit, kind, ref, value),
        )

    def events(self, since: float | None = None) -> Iterator[Event]:
        query = "SELECT ts, visit, kind, ref, value FROM events"
        args: tuple = ()
        if since is not None:
            query += " WHERE ts >= ?"
            args = (since,)
        for row in self._db.execute(query + " ORDER BY ts, id", args):
            yield Event(*row)

    def count(self) -> int:
        return int(self._db.execute("SELECT COUNT(*) FROM events").fetchone()[0])

    def integrity(self) -> str:
        return str(self._db.execute("PRAGMA integrity_check").fetchone()[0])

    def close(self) -> None:
        try:
            self._db.close()
        except sqlite3.Error:
            pass


class DamagedDatabase(Exception):
    """The figures file cannot be read: damaged, truncated, not a database, a folder."""


_SQLITE_WORDS = {
    "file is not a database": "ce n'est pas une base SQLite",
    "database disk image is malformed": "base endommagée",
    "unable to open database file": "fichier impossible à ouvrir",
}


def _damaged(error: sqlite3.Error) -> DamagedDatabase:
    text = str(error)
    return DamagedDatabase(_SQLITE_WORDS.get(text, text))


def read_events(path: Path | str, since: float | None = None) -> list[Event]:
    """Every event of the file at ``path`` (read only; an absent file has none).

    Raises :class:`DamagedDatabase` (its text in French) when the file is not a readable
    database."""
    path = Path(path)
    if not path.exists():
        return []
    if not path.is_file():
        raise DamagedDatabase("ce n'est pas un fichier (un dossier ?)")
    try:
        db = sqlite3.connect(str(path), timeout=5.0)
    except sqlite3.Error as error:
        raise _damaged(error) from None
    try:
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'events'").fetchone() is None:
            return []  # no table yet
        query = "SELECT ts, visit, kind, ref, value FROM events"
        args: tuple = ()
        if since is not None:
            query += " WHERE ts >= ?"
            args = (since,)
        return [Event(*row) for row in db.execute(query + " ORDER BY ts, id", args)]
    except sqlite3.Error as error:  # "file is not a database", "database disk image is
        raise _damaged(error) from None  # malformed", a truncated file…
    finally:
        db.close()
