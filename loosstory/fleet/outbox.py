"""A kiosk's outbox: the folder it shares back to the hub (Syncthing, rsync, Ansible fetch).

It holds two kinds of files, each written atomically (a hidden temporary file, then
``os.replace``) so that a copy tool never ships half a file:

- ``status.json`` — who the kiosk is and how it is doing: name, loosstory version, the
  pack it plays (id and manifest hash), when it started, uptime, last error, and when
  the file was written (a kiosk whose status is old is *silent*);
- ``events-YYYY-MM-DD.csv`` — that day's anonymous events (``ts, visit, kind, ref,
  value``: the rows of the kiosk's own database, nothing more). A day's file is
  rewritten while the day lasts and left alone afterwards, so a copy tool ships only the
  last day again.

The kiosk writes them once a day and when it stops (:mod:`loosstory.modes.kiosk.fleetlink`).
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the kiosk imports this module even where sqlite3 is missing
    from loosstory.stats.store import Event

STATUS_NAME = "status.json"
EVENTS_PREFIX = "events-"
_HEADER = ["ts", "visit", "kind", "ref", "value"]


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def write_status(outbox: Path, status: dict) -> Path:
    target = outbox / STATUS_NAME
    write_atomic(target, json.dumps(status, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    return target


def _day_of(ts: float) -> date:
    return datetime.fromtimestamp(ts).date()


def events_file(outbox: Path, day: date) -> Path:
    return outbox / f"{EVENTS_PREFIX}{day.isoformat()}.csv"


def last_exported_day(outbox: Path) -> date | None:
    days = sorted(_file_day(p) for p in outbox.glob(f"{EVENTS_PREFIX}*.csv"))
    days = [d for d in days if d is not None]
    return days[-1] if days else None


def _file_day(path: Path) -> date | None:
    try:
        return date.fromisoformat(path.stem[len(EVENTS_PREFIX):])
    except ValueError:
        return None


def export_events(outbox: Path, events: list[Event], today: date) -> list[Path]:
    """Write one file per day from the last exported day (included) to ``today``.

    ``events`` must hold at least every event since the start of the last exported day
    (the caller reads them from its database); older days are not touched."""
    last = last_exported_day(outbox)
    by_day: dict[date, list[Event]] = {}
    for event in events:
        day = _day_of(event.ts)
        if last is None or day >= last:
            by_day.setdefault(day, []).append(event)
    start = last if last is not None else min(by_day, default=today)
    written = []
    day = start
    while day <= today:
        rows = by_day.get(day, [])
        if rows or day == today or day == last:
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\n")
            writer.writerow(_HEADER)
            for e in rows:
                writer.writerow([repr(e.ts), e.visit, e.kind, e.ref,
                                 "" if e.value is None else repr(e.value)])
            target = events_file(outbox, day)
            write_atomic(target, out.getvalue())
            written.append(target)
        day += timedelta(days=1)
    return written


@dataclass
class Outbox:
    folder: Path
    name: str
    status: dict = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # French, for the hub's staff

    @property
    def written(self) -> datetime | None:
        text = self.status.get("written")
        try:
            return datetime.fromisoformat(text) if isinstance(text, str) else None
        except ValueError:
            return None


def is_outbox(folder: Path) -> bool:
    return (folder / STATUS_NAME).is_file() or any(folder.glob(f"{EVENTS_PREFIX}*.csv"))


def find_outboxes(folders: list[Path]) -> tuple[list[Path], list[str]]:
    """Each folder is an outbox, or holds outboxes one level down (the hub's
    ``kiosques/`` folder with one sub-folder per kiosk). Problems in French."""
    found: list[Path] = []
    problems: list[str] = []
    for folder in folders:
        if not folder.is_dir():
            problems.append(f"{folder} : dossier introuvable")
        elif is_outbox(folder):
            found.append(folder)
        else:
            inside = sorted(p for p in folder.iterdir() if p.is_dir() and is_outbox(p))
            if inside:
                found += inside
            else:
                problems.append(f"{folder} : ni status.json ni events-*.csv, ce n'est pas "
                                "une boîte d'envoi de kiosque")
    return found, problems


def _read_events(file: Path, problems: list[str]) -> list[Event]:
    from loosstory.stats.store import Event

    events: list[Event] = []
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        problems.append(f"{file} : illisible ({error.__class__.__name__})")
        return events
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header != _HEADER:
        problems.append(f"{file} : première ligne inattendue, fichier ignoré")
        return events
    for number, row in enumerate(reader, start=2):
        try:
            ts, visit, kind, ref, value = row
            events.append(Event(float(ts), visit, kind, ref, float(value) if value else None))
        except ValueError:
            problems.append(f"{file}:{number} : ligne illisible, ignorée (copie en cours ?)")
    return events


def read_outbox(folder: Path) -> Outbox:
    problems: list[str] = []
    status: dict = {}
    status_file = folder / STATUS_NAME
    if status_file.is_file():
        try:
            loaded = json.loads(status_file.read_text(encoding="utf-8"))
            status = loaded if isinstance(loaded, dict) else {}
            if not status:
                problems.append(f"{status_file} : contenu inattendu")
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            problems.append(f"{status_file} : illisible ({error.__class__.__name__})")
    events: list[Event] = []
    for file in sorted(folder.glob(f"{EVENTS_PREFIX}*.csv")):
        events += _read_events(file, problems)
    name = str(status.get("kiosk") or folder.name)
    return Outbox(folder, name, status, events, problems)
