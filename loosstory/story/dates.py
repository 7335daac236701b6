"""Dates as timeline authors write them: a year, a month or a day, told in French."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")
_DATE = re.compile(r"^(?P<y>-?\d{1,4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?$")


@dataclass(frozen=True, order=True)
class EventDate:
    """A year, optionally with a month and a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def position(self) -> float:
        """Where the date sits on a time axis, in years (a bare year sits mid-year)."""
        if self.month is None:
            return self.year + 0.5
        day = (self.day - 1) / 31 if self.day else 0.5
        return self.year + (self.month - 1 + day) / 12

    def key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def before(self, other: EventDate) -> bool:
        """Strictly before, comparing only what both dates say (1990 is not before 1990-12)."""
        a, b = self.key(), other.key()
        depth = (
            1
            + (self.month is not None and other.month is not None)
            + (self.day is not None and other.day is not None)
        )
        return a[:depth] < b[:depth]

    def french(self) -> str:
        """« 31 janvier 1986 », « mai 2000 » or « 1986 »."""
        if self.month is None:
            return str(self.year)
        month = MONTHS[self.month - 1]
        if self.day is None:
            return f"{month} {self.year}"
        day = "1er" if self.day == 1 else str(self.day)
        return f"{day} {month} {self.year}"

    def told(self, language: str = "fr") -> str:
        """The date in ``language``: « 25 septembre 1915 », "25 September 1915"."""
        if language != "en" or self.month is None:
            return self.french()
        month = MONTHS_EN[self.month - 1]
        return f"{month} {self.year}" if self.day is None else f"{self.day} {month} {self.year}"

    def __str__(self) -> str:
        return self.french()


def parse_date(value: object) -> tuple[EventDate | None, str]:
    """1986, "1986-01", "1986-01-31" or a YAML date -> EventDate, or (None, French reason)."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return EventDate(value.year, value.month, value.day), ""
    if isinstance(value, bool) or value is None:
        return (
            None,
            "date manquante : écrivez l'année (1986), le mois (1986-01) ou le jour (1986-01-31)",
        )
    match = _DATE.match(str(value).strip())
    if not match:
        return None, (
            f"date « {value} » illisible : écrivez 1986, 1986-01 ou 1986-01-31 "
            "(année-mois-jour, avec des tirets)"
        )
    year = int(match.group("y"))
    month = int(match.group("m")) if match.group("m") else None
    day = int(match.group("d")) if match.group("d") else None
    if year < 1:
        return None, f"année « {year} » impossible"
    if month is not None and not 1 <= month <= 12:
        return None, f"date « {value} » impossible : le mois va de 01 à 12"
    if day is not None:
        try:
            datetime.date(year, month or 1, day)
        except ValueError:
            return None, f"date « {value} » impossible : ce jour n'existe pas dans ce mois"
    return EventDate(year, month, day), ""
