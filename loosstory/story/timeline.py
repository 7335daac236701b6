"""The resilience timeline: ``<lang>/timeline.yaml`` read into plain data.

Periods (the stages of the story, shaded as eras) and dated events (each carrying the
keys of its sources). Every word and date comes from the pack.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from loosstory.story.model import Problem
from loosstory.story.schematic import (
    LinkRef,
    check_keys,
    colour_value,
    is_valid_id,
    link_list,
    link_target,
    markdown_links,
    render_markdown,
    start,
    text_value,
    unknown_colours,
)
from loosstory.story.yamlsource import Located

TOP_KEYS = {"format", "title", "description", "periods", "events"}
PERIOD_KEYS = {"id", "title", "start", "end", "summary", "colour", "link", "links"}
EVENT_KEYS = {"id", "date", "until", "title", "text", "sources", "period", "links"}

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
_DATE = re.compile(r"^(?P<y>-?\d{1,4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?$")
_SOURCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
# `date: 1986-02-30` would make YAML itself fail on the whole file: dates are read as text
# (quoted in place, lines and columns unchanged) so that an impossible one is reported at
# its own line.
_BARE_DATE = re.compile(
    r"^(\s*(?:-\s+)?(?:date|until|start|end):[ \t]*)(\d{1,4}-\d{1,2}-\d{1,2})"
    r"([ \t]*(?:#.*)?)$",
    re.MULTILINE,
)


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

    def __str__(self) -> str:
        return self.french()


@dataclass
class Period:
    id: str
    title: str
    start: int  # first year, included
    end: int  # last year, included
    summary: str
    colour: str  # palette name or "#rrggbb", as written
    links: list[str]
    line: int
    link_refs: list[LinkRef] = field(default_factory=list)
    colour_at: tuple[int, int] = (0, 0)

    @property
    def years(self) -> str:
        return f"{self.start}–{self.end}"

    def contains(self, date: EventDate) -> bool:
        return self.start <= date.year <= self.end


@dataclass
class TimelineEvent:
    id: str
    date: EventDate
    title: str
    text: str  # Markdown as written
    text_html: str
    sources: list[str]
    links: list[str]
    period: str  # period id ("" when none)
    line: int
    until: EventDate | None = None
    link_refs: list[LinkRef] = field(default_factory=list)
    source_refs: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def date_label(self) -> str:
        if self.until is None:
            return self.date.french()
        if (
            self.until.year == self.date.year
            and self.until.month == self.date.month
            and self.date.day
            and self.until.day
        ):
            return f"{self.date.day}–{self.until.french()}"
        return f"{self.date.french()} – {self.until.french()}"


@dataclass
class Timeline:
    title: str
    description: str
    periods: list[Period]
    events: list[TimelineEvent]  # in date order
    path: str = ""

    def period(self, period_id: str) -> Period | None:
        return next((p for p in self.periods if p.id == period_id), None)

    def event(self, event_id: str) -> TimelineEvent | None:
        return next((e for e in self.events if e.id == event_id), None)

    @property
    def first_year(self) -> int:
        years = [p.start for p in self.periods] + [e.date.year for e in self.events]
        return min(years) if years else 0

    @property
    def last_year(self) -> int:
        years = [p.end for p in self.periods] + [(e.until or e.date).year for e in self.events]
        return max(years) if years else 0

    def ids(self) -> list[tuple[str, int]]:
        return [(p.id, p.line) for p in self.periods] + [(e.id, e.line) for e in self.events]

    def links(self) -> Iterator[tuple[str, int, int]]:
        for item in [*self.periods, *self.events]:
            for ref in item.link_refs:
                yield ref.target, ref.line, ref.column

    def source_keys(self) -> Iterator[tuple[str, int, int]]:
        """Every source key written on an event (the checker verifies them in sources.yaml)."""
        for event in self.events:
            yield from event.source_refs

    def check_sources(self, known: set[str] | dict[str, Any]) -> list[Problem]:
        return [
            Problem(
                self.path,
                line,
                column,
                "error",
                f"source « {key} » inconnue : ajoutez-la à sources.yaml ou corrigez la clé",
            )
            for key, line, column in self.source_keys()
            if key not in known
        ]

    def check_colours(self, palette: dict[str, str]) -> list[Problem]:
        return unknown_colours(((p.colour, *p.colour_at) for p in self.periods), palette, self.path)


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


def _year(
    doc: Located, keys: tuple[Any, ...], value: object, problems: list[Problem]
) -> int | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    problems.append(
        doc.problem(
            keys,
            "error",
            f"année « {value} » illisible : écrivez une année "
            "sur quatre chiffres, par exemple 1986",
        )
    )
    return None


def _period(doc: Located, index: int, raw: object, problems: list[Problem]) -> Period | None:
    keys: tuple[Any, ...] = ("periods", index)
    if not isinstance(raw, dict):
        problems.append(
            doc.problem(
                keys,
                "error",
                "étape illisible : chaque étape commence par "
                "« - id: … » suivi de title, start, end, summary",
            )
        )
        return None
    check_keys(doc, keys, raw, PERIOD_KEYS, problems)
    period_id = raw.get("id")
    if not is_valid_id(period_id):
        problems.append(
            doc.problem(
                keys + ("id",),
                "error",
                f"id d'étape « {period_id} » manquant "
                "ou mal écrit : minuscules sans accents, chiffres et tirets",
            )
        )
        return None
    title = text_value(
        doc, keys + ("title",), raw.get("title"), f"titre de l'étape « {period_id} »", problems
    )
    start_year = _year(doc, keys + ("start",), raw.get("start"), problems)
    end_year = _year(doc, keys + ("end",), raw.get("end"), problems)
    if not title or start_year is None or end_year is None:
        return None
    if end_year < start_year:
        problems.append(
            doc.problem(
                keys + ("end",),
                "error",
                f"l'étape « {period_id} » finit "
                f"({end_year}) avant de commencer ({start_year}) : "
                "inversez start et end",
            )
        )
        return None
    summary = text_value(
        doc,
        keys + ("summary",),
        raw.get("summary"),
        f"résumé de l'étape « {period_id} »",
        problems,
        severity="warning",
    )
    refs: list[LinkRef] = []
    if raw.get("link") is not None:
        ref = link_target(doc, keys + ("link",), raw.get("link"), problems)
        if ref is not None:
            refs.append(ref)
    else:
        problems.append(
            doc.problem(
                keys,
                "warning",
                f"l'étape « {period_id} » n'a pas de lien "
                "vers sa page : ajoutez « link: chapitre/page »",
            )
        )
    refs += link_list(doc, keys + ("links",), raw.get("links"), period_id, problems)
    colour = colour_value(doc, keys + ("colour",), raw.get("colour"), "#2b3a42", problems)
    return Period(
        id=period_id,
        title=title,
        start=start_year,
        end=end_year,
        summary=summary,
        colour=colour,
        links=list(dict.fromkeys(r.target for r in refs)),
        line=doc.where(*keys)[0],
        link_refs=refs,
        colour_at=doc.where(*(keys + ("colour",))) if "colour" in raw else (0, 0),
    )


def _sources(
    doc: Located, keys: tuple[Any, ...], value: object, event_id: str, problems: list[Problem]
) -> list[tuple[str, int, int]]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        problems.append(
            doc.problem(
                keys,
                "error",
                f"l'événement « {event_id} » n'a pas de source : "
                "ajoutez « sources: [CLE] » avec une clé de sources.yaml",
            )
        )
        return []
    found: list[tuple[str, int, int]] = []
    for index, key in enumerate(value):
        line, column = doc.where(*(keys + (index,)))
        if isinstance(key, str) and _SOURCE.match(key.strip()):
            found.append((key.strip(), line, column))
        else:
            problems.append(
                Problem(
                    doc.path,
                    line,
                    column,
                    "error",
                    f"clé de source « {key} » mal écrite (exemple : VP-NRJ)",
                )
            )
    return found


def _event(
    doc: Located, index: int, raw: object, periods: dict[str, Period], problems: list[Problem]
) -> TimelineEvent | None:
    keys: tuple[Any, ...] = ("events", index)
    if not isinstance(raw, dict):
        problems.append(
            doc.problem(
                keys,
                "error",
                "événement illisible : chaque événement commence "
                "par « - id: … » suivi de date, title, text, sources",
            )
        )
        return None
    check_keys(doc, keys, raw, EVENT_KEYS, problems)
    event_id = raw.get("id")
    if not is_valid_id(event_id):
        problems.append(
            doc.problem(
                keys + ("id",) if "id" in raw else keys,
                "error",
                f"id d'événement « {event_id} » manquant ou mal écrit : "
                "minuscules sans accents, chiffres et tirets",
            )
        )
        return None
    date, reason = parse_date(raw.get("date"))
    if date is None:
        problems.append(doc.problem(keys + ("date",), "error", f"« {event_id} » : {reason}"))
        return None
    until = None
    if raw.get("until") is not None:
        until, reason = parse_date(raw.get("until"))
        if until is None:
            problems.append(doc.problem(keys + ("until",), "error", f"« {event_id} » : {reason}"))
        elif until.before(date) or until.key() == date.key():
            problems.append(
                doc.problem(
                    keys + ("until",),
                    "error",
                    f"« {event_id} » finit ({until}) avant de commencer ({date}) : corrigez until",
                )
            )
            until = None
    title = text_value(
        doc, keys + ("title",), raw.get("title"), f"titre de « {event_id} »", problems
    )
    if not title:
        return None
    text = text_value(
        doc,
        keys + ("text",),
        raw.get("text"),
        f"texte de « {event_id} »",
        problems,
        severity="warning",
    )
    sources = _sources(doc, keys + ("sources",), raw.get("sources"), event_id, problems)
    period_id = raw.get("period")
    if period_id is None:
        problems.append(
            doc.problem(
                keys,
                "warning",
                f"« {event_id} » n'est rattaché à aucune étape : ajoutez « period: … »",
            )
        )
        period_id = ""
    elif period_id not in periods:
        known = ", ".join(periods) or "aucune"
        problems.append(
            doc.problem(
                keys + ("period",),
                "error",
                f"étape « {period_id} » inconnue pour « {event_id} » (étapes : {known})",
            )
        )
        period_id = ""
    else:
        period = periods[period_id]
        last = until or date
        if not period.contains(date) or not period.contains(last):
            problems.append(
                doc.problem(
                    keys + ("date",),
                    "error",
                    f"« {event_id} » ({date}) est "
                    f"hors de son étape « {period.title} » ({period.years}) : "
                    "corrigez la date, l'étape ou ses années",
                )
            )
    refs = link_list(doc, keys + ("links",), raw.get("links"), event_id, problems)
    md_refs, md_problems = markdown_links(doc, keys + ("text",), text)
    problems.extend(md_problems)
    return TimelineEvent(
        id=event_id,
        date=date,
        until=until,
        title=title,
        text=text,
        text_html=render_markdown(text) if text else "",
        sources=[s for s, _, _ in sources],
        links=list(dict.fromkeys(r.target for r in refs + md_refs)),
        period=period_id,
        line=doc.where(*keys)[0],
        link_refs=refs + md_refs,
        source_refs=sources,
    )


def parse_timeline(text: str, path: str) -> tuple[Timeline | None, list[Problem]]:
    """Read a timeline.yaml. Returns (None, problems) when no timeline can be drawn."""
    doc, problems = start(_BARE_DATE.sub(r'\1"\2"\3', text), path, TOP_KEYS, "frise")
    if doc is None:
        return None, problems
    data: dict[Any, Any] = doc.value
    title = text_value(doc, ("title",), data.get("title"), "titre (title) de la frise", problems)
    periods: dict[str, Period] = {}
    seen: dict[str, int] = {}
    raw_periods = data.get("periods") or []
    if not isinstance(raw_periods, list):
        problems.append(
            doc.problem(("periods",), "error", "periods : une liste d'étapes est attendue")
        )
        raw_periods = []
    for index, raw in enumerate(raw_periods):
        period = _period(doc, index, raw, problems)
        if period is None:
            continue
        if period.id in seen:
            problems.append(
                doc.problem(
                    ("periods", index, "id"),
                    "error",
                    f"id « {period.id} » "
                    f"déjà utilisé ligne {seen[period.id]} : choisissez-en un autre",
                )
            )
            continue
        seen[period.id] = period.line
        periods[period.id] = period
    raw_events = data.get("events")
    if not isinstance(raw_events, list) or not raw_events:
        problems.append(
            doc.problem(
                ("events",),
                "error",
                "la frise n'a pas d'événements : ajoutez « events: » avec des dates",
            )
        )
        return None, problems
    events: list[TimelineEvent] = []
    for index, raw in enumerate(raw_events):
        event = _event(doc, index, raw, periods, problems)
        if event is None:
            continue
        if event.id in seen:
            problems.append(
                doc.problem(
                    ("events", index, "id"),
                    "error",
                    f"id « {event.id} » déjà "
                    f"utilisé ligne {seen[event.id]} : choisissez-en un autre",
                )
            )
            continue
        if events and event.date.before(events[-1].date):
            problems.append(
                doc.problem(
                    ("events", index, "date"),
                    "error",
                    f"« {event.id} » "
                    f"({event.date}) est écrit après « {events[-1].id} » "
                    f"({events[-1].date}) : rangez les événements dans "
                    "l'ordre chronologique",
                )
            )
        seen[event.id] = event.line
        events.append(event)
    if not events:
        return None, problems
    events.sort(key=lambda e: e.date.key())  # drawn in order even if written out of order
    return Timeline(
        title=title,
        description=text_value(
            doc, ("description",), data.get("description"), "description", problems, required=False
        ),
        periods=sorted(periods.values(), key=lambda p: (p.start, p.end)),
        events=events,
        path=path,
    ), problems
