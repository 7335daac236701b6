"""Opening hours per weekday (``opening_hours`` in kiosk.yaml). Pure Python, no Qt.

::

    opening_hours:
      lundi: fermé
      mardi: "10:00-18:00"
      mercredi: ["10:00-12:30", "14:00-18:00"]
      jeudi: "10:00-18:00"
      vendredi: "10:00-18:00"
      samedi: "10:00-19:00"
      dimanche: "14:00-18:00"

A day left out is closed; without ``opening_hours`` at all the kiosk never closes. English
day names (``monday``, ``mon``…) work too. A range ends at most at ``24:00`` and does not
cross midnight (write two days instead). Wrong entries are reported as warnings (French)
and that day is closed. Times are the machine's local time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

DAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_ENGLISH = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ALIASES = {**{d: i for i, d in enumerate(DAYS)}, **{d: i for i, d in enumerate(_ENGLISH)},
            **{d[:3]: i for i, d in enumerate(_ENGLISH)}}
_CLOSED_WORDS = {"fermé", "ferme", "closed", "non", "no", ""}
_RANGE = re.compile(r"^\s*(\d{1,2})[:hH](\d{2})\s*[-–à]\s*(\d{1,2})[:hH](\d{2})\s*$")
Range = tuple[int, int]  # minutes since midnight, [start, end)


@dataclass(frozen=True)
class OpeningHours:
    week: tuple[tuple[Range, ...], ...]  # 7 days, Monday first

    def is_open(self, moment: datetime) -> bool:
        minute = moment.hour * 60 + moment.minute
        return any(start <= minute < end for start, end in self.week[moment.weekday()])

    def next_opening(self, moment: datetime) -> datetime | None:
        """The next time the kiosk opens after ``moment`` (None: never open)."""
        base = moment.replace(second=0, microsecond=0)
        for offset in range(8):
            day = base + timedelta(days=offset)
            midnight = day.replace(hour=0, minute=0)
            for start, _ in self.week[day.weekday()]:
                when = midnight + timedelta(minutes=start)
                if when > moment and not self.is_open(when - timedelta(minutes=1)):
                    return when
        return None

    def describe_next_opening(self, moment: datetime) -> str:
        """« aujourd’hui à 10 h 00 », « demain à 14 h 00 », « mardi à 10 h 00 » (with
        non-breaking spaces)."""
        when = self.next_opening(moment)
        if when is None:
            return "aucune heure d’ouverture n’est réglée"
        days = (when.date() - moment.date()).days
        day = ("aujourd’hui" if days == 0 else "demain" if days == 1
               else DAYS[when.weekday()] + (" prochain" if days >= 7 else ""))
        return f"{day} à {when.hour} h {when.minute:02d}"


def _range(text: str) -> Range | None:
    match = _RANGE.match(text)
    if not match:
        return None
    h1, m1, h2, m2 = (int(g) for g in match.groups())
    start, end = h1 * 60 + m1, h2 * 60 + m2
    if h1 > 23 or m1 > 59 or m2 > 59 or end > 24 * 60 or end <= start:
        return None
    return start, end


def parse_hours(raw: Any, where: str) -> tuple[OpeningHours | None, list[str]]:
    """``raw`` from YAML (a mapping day → ranges); warnings in French."""
    warnings: list[str] = []
    if raw is None:
        return None, warnings
    if not isinstance(raw, dict):
        return None, [f"{where}: « opening_hours » attend un jour par ligne (lundi: "
                      "\"10:00-18:00\"), le kiosque reste ouvert en permanence"]
    week: list[list[Range]] = [[] for _ in DAYS]
    for key, value in raw.items():
        day = _ALIASES.get(str(key).strip().lower())
        if day is None:
            warnings.append(f"{where}: jour inconnu « opening_hours.{key} » ignoré "
                            f"(écrivez {', '.join(DAYS)})")
            continue
        items = value if isinstance(value, list) else [value]
        for item in items:
            if item is None or item is False or (isinstance(item, str)
                                                  and item.strip().lower() in _CLOSED_WORDS):
                continue
            found = _range(item) if isinstance(item, str) else None
            if found is None:
                warnings.append(f"{where}: horaire « {item} » de « {key} » illisible : écrivez "
                                "par exemple \"10:00-18:00\" (ce créneau est ignoré)")
                continue
            week[day].append(found)
    return OpeningHours(tuple(tuple(sorted(ranges)) for ranges in week)), warnings
