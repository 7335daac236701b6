"""The resilience timeline's data: periods (eras) and dated events, with their checks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from loosstory.story.dates import EventDate
from loosstory.story.model import Problem
from loosstory.story.viewfile import LinkRef, unknown_colours


@dataclass
class Period:
    id: str
    title: str
    start: int | None  # first year, included (None: an undated stage, not drawn)
    end: int | None  # last year, included
    summary: str
    colour: str  # palette name or "#rrggbb", as written
    links: list[str]
    line: int
    link_refs: list[LinkRef] = field(default_factory=list)
    colour_at: tuple[int, int] = (0, 0)

    @property
    def dated(self) -> bool:
        return self.start is not None and self.end is not None

    @property
    def years(self) -> str:
        return f"{self.start}–{self.end}" if self.dated else "sans date"

    def contains(self, date: EventDate) -> bool:
        return self.dated and self.start <= date.year <= self.end  # type: ignore[operator]


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
    language: str = "fr"  # the language its dates are told in (the pack's language folder)

    @property
    def date_label(self) -> str:
        lang = self.language
        if self.until is None:
            return self.date.told(lang)
        if (
            self.until.year == self.date.year
            and self.until.month == self.date.month
            and self.date.day
            and self.until.day
        ):
            return f"{self.date.day}–{self.until.told(lang)}"
        return f"{self.date.told(lang)} – {self.until.told(lang)}"


@dataclass
class Timeline:
    title: str
    description: str
    periods: list[Period]  # dated, drawn as bands
    events: list[TimelineEvent]  # in date order
    path: str = ""
    # Stages written without years (the sources date none of their facts): kept with their
    # id and text, not drawn on the strip.
    undated: list[Period] = field(default_factory=list)
    tour: tuple[str, ...] = ()  # presenter mode opens these in turn (story/tour.py)

    def period(self, period_id: str) -> Period | None:
        return next((p for p in [*self.periods, *self.undated] if p.id == period_id), None)

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
        periods = [*self.periods, *self.undated]
        return [(p.id, p.line) for p in periods] + [(e.id, e.line) for e in self.events]

    def links(self) -> Iterator[tuple[str, int, int]]:
        for item in [*self.periods, *self.undated, *self.events]:
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
        return unknown_colours(((p.colour, *p.colour_at) for p in [*self.periods, *self.undated]),
                               palette, self.path)
