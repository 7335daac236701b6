"""The resilience timeline: ``<lang>/timeline.yaml`` read into plain data.

Periods (the stages of the story, shaded as eras) and dated events (each carrying the
keys of its sources). Every word and date comes from the pack. The data classes live in
:mod:`loosstory.story.timeline_model` and the dates in :mod:`loosstory.story.dates`; both
are re-exported here.
"""

from __future__ import annotations

import re
from typing import Any

from loosstory.story.dates import EventDate, parse_date
from loosstory.story.located import Located
from loosstory.story.model import Problem
from loosstory.story.timeline_model import Period, Timeline, TimelineEvent
from loosstory.story.tour import read_tour
from loosstory.story.viewfile import (
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
)

__all__ = ["EventDate", "Period", "Timeline", "TimelineEvent", "parse_date", "parse_timeline"]

TOP_KEYS = {"format", "title", "description", "periods", "events", "tour"}
PERIOD_KEYS = {"id", "title", "start", "end", "summary", "colour", "link", "links"}
EVENT_KEYS = {"id", "date", "until", "title", "text", "sources", "period", "links"}

_SOURCE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
# `date: 1986-02-30` would make YAML itself fail on the whole file: dates are read as text
# (quoted in place, lines and columns unchanged) so that an impossible one is reported at
# its own line.
_BARE_DATE = re.compile(
    r"^(\s*(?:-\s+)?(?:date|until|start|end):[ \t]*)(\d{1,4}-\d{1,2}-\d{1,2})"
    r"([ \t]*(?:#.*)?)$",
    re.MULTILINE,
)


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
    undated = raw.get("start") is None and raw.get("end") is None
    start_year = None if undated else _year(doc, keys + ("start",), raw.get("start"), problems)
    end_year = None if undated else _year(doc, keys + ("end",), raw.get("end"), problems)
    if not title or not undated and (start_year is None or end_year is None):
        return None
    if start_year is not None and end_year is not None and end_year < start_year:
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
    elif not periods[period_id].dated:
        problems.append(
            doc.problem(
                keys + ("period",),
                "error",
                f"« {event_id} » est daté mais son étape « {period_id} » n'a pas d'années : "
                "rattachez-le à une étape datée",
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
    timeline = Timeline(
        title=title,
        description=text_value(
            doc, ("description",), data.get("description"), "description", problems, required=False
        ),
        periods=sorted((p for p in periods.values() if p.dated), key=lambda p: (p.start, p.end)),
        events=events,
        path=path,
        undated=[p for p in periods.values() if not p.dated],
    )
    timeline.tour = read_tour(doc, lambda i: bool(timeline.event(i) or timeline.period(i)),
                              problems)
    return timeline, problems
