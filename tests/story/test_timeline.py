"""The resilience timeline read from timeline.yaml: sourced dates, periods, located problems."""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from loosstory.story.timeline import EventDate, parse_date, parse_timeline

PACK = Path(__file__).resolve().parents[2] / "content"
REAL = (PACK / "fr" / "timeline.yaml").read_text(encoding="utf-8")

SMALL = """\
format: 1
title: Une frise
periods:
  - id: avant
    title: Avant
    start: 1900
    end: 1979
    summary: Le temps d'avant.
    link: resilience-et-transition/introduction
  - id: apres
    title: Après
    start: 1980
    end: 2000
    summary: Le temps d'après.
    link: resilience-et-transition/cooperation
events:
  - id: debut
    date: 1920
    title: Le début
    text: Un texte.
    sources: [CLE-A]
    period: avant
  - id: fermeture
    date: 1986-01-31
    title: La fermeture
    text: Un autre texte.
    sources: [CLE-A, CLE-B]
    period: apres
    links: [energie]
"""


def parse(text: str):
    return parse_timeline(text, "fr/timeline.yaml")


def errors(problems):
    return [p for p in problems if p.severity == "error"]


# -- the real timeline --------------------------------------------------------------------
def test_the_real_timeline_reads_without_problems() -> None:
    timeline, problems = parse(REAL)
    assert timeline is not None
    assert [p.format() for p in problems] == []


def test_the_periods_are_the_seed_stages() -> None:
    timeline, _ = parse(REAL)
    periods = [*timeline.periods, *timeline.undated]
    titles = [p.title for p in periods]
    for stage in (
        "La crise de la fermeture des mines",
        "La culture comme ciment social et base de la résilience loossoise",
        "Une démarche participative de diagnostic social et environnemental",
        "Des effets d’entraînement sur l’économie et la naissance d’un écosystème d’acteurs",
        "Le démonstrateur ADEME et le défi du changement d’échelle",
        "La coopération comme condition de réussite d’une politique de transition",
    ):
        assert stage in titles
        period = periods[titles.index(stage)]
        assert period.links[0].startswith("resilience-et-transition/"), period.id
    for period in periods:
        assert period.summary and period.links, period.id


def test_at_least_25_sourced_events_from_the_first_pits_to_today() -> None:
    timeline, _ = parse(REAL)
    events = timeline.events
    assert len(events) >= 25
    assert all(e.sources for e in events)
    assert all(e.period for e in events)
    assert [e.date.key() for e in events] == sorted(e.date.key() for e in events)
    assert events[0].date.year < 1900 and events[-1].date.year >= 2020
    by_id = {e.id: e for e in events}
    assert by_id["creusement-puits-11"].date == EventDate(1891)
    assert by_id["fermeture-11-19"].date == EventDate(1986, 1, 31)
    assert by_id["fermeture-11-19"].date_label == "31 janvier 1986"
    assert by_id["revision-pos"].date_label == "1995 – 1999"
    assert by_id["charte-cadre-de-vie"].date.year == 2000  # not 2001: see the facts sheet
    assert by_id["protocole-ademe"].date == EventDate(2014, 10, 7)
    assert by_id["unesco-bassin-minier"].date == EventDate(2012, 6, 30)
    assert by_id["eglise-solaire"].date.year == 2013
    assert by_id["base-11-19-pole-de-reference"].date.year == 2002
    assert by_id["gohelliades"].period == "etape-culture"  # the cultural policy
    assert by_id["toitures-solaires"].date.year == 2020


def test_every_source_key_is_in_the_facts_sheet_list() -> None:
    """Keys must resolve in sources.yaml; listed here until it holds them all."""
    timeline, _ = parse(REAL)
    sources = yaml.safe_load((PACK / "sources.yaml").read_text(encoding="utf-8")) \
        if (PACK / "sources.yaml").is_file() else {}
    missing = {key for key, _, _ in timeline.source_keys()} - set(sources or {})
    assert missing <= {"MULTI", "WIKI-1119", "WIKI-LOOS", "IHEDATE", "CERDD-EVAL", "BASTA",
                       "EVERAND", "FDT-EVAL", "LG-RES", "ADEME-2016", "FDT-ART1", "NORDLIT"}


def test_ids_and_links_are_located_for_the_checker() -> None:
    timeline, _ = parse(SMALL)
    assert timeline.ids() == [("avant", 4), ("apres", 10), ("debut", 17), ("fermeture", 23)]
    links = list(timeline.links())
    assert ("resilience-et-transition/introduction", 9, 5) in links
    assert ("energie", 29, 13) in links
    assert list(timeline.source_keys())[1:] == [("CLE-A", 27, 15), ("CLE-B", 27, 22)]
    (problem,) = timeline.check_sources({"CLE-A": object()})
    assert (problem.line, problem.column) == (27, 22) and "CLE-B" in problem.message


# -- problems, each at its line -----------------------------------------------------------
def test_an_impossible_date_is_an_error() -> None:
    timeline, problems = parse(SMALL.replace("1986-01-31", "1986-02-30"))
    (error,) = errors(problems)
    assert error.line == 24 and "impossible" in error.message
    assert timeline.event("fermeture") is None


def test_unsorted_events_are_an_error() -> None:
    _, problems = parse(SMALL.replace("date: 1920", "date: 1990").replace("period: avant",
                                                                            "period: apres"))
    (error,) = errors(problems)
    assert error.line == 24 and "chronologique" in error.message


def test_an_event_outside_its_period_is_an_error() -> None:
    _, problems = parse(SMALL.replace("date: 1920", "date: 1985"))
    (error,) = errors(problems)
    assert error.line == 18 and "hors de son étape" in error.message


def test_an_event_without_source_is_an_error() -> None:
    _, problems = parse(SMALL.replace("    sources: [CLE-A]\n", ""))
    (error,) = errors(problems)
    assert error.line == 17 and "source" in error.message


def test_duplicate_ids_and_unknown_periods_are_errors() -> None:
    _, problems = parse(SMALL.replace("id: fermeture", "id: avant").replace(
        "period: apres\n    links", "period: pendant\n    links"))
    found = errors(problems)
    assert any(p.line == 28 and "pendant" in p.message for p in found)
    assert any(p.line == 23 and "déjà utilisé" in p.message for p in found)


def test_a_missing_title_is_an_error_and_unknown_keys_warnings() -> None:
    _, problems = parse(SMALL.replace("    title: La fermeture\n", "    titre: La fermeture\n"))
    assert any(p.line == 23 and "titre de « fermeture »" in p.message for p in errors(problems))
    assert any(p.line == 25 and "titre" in p.message for p in problems if p.severity == "warning")


def test_a_period_that_ends_before_it_starts_is_an_error() -> None:
    _, problems = parse(SMALL.replace("end: 2000", "end: 1970"))
    assert any(p.line == 13 and "avant de commencer" in p.message for p in errors(problems))


def test_broken_yaml_gives_a_located_error_and_no_timeline() -> None:
    timeline, problems = parse(SMALL.replace("    text: Un texte.", "    text: Un : deux : trois"))
    assert timeline is None
    (error,) = problems
    assert error.format().startswith("fr/timeline.yaml:20:")


def test_dates_in_every_written_form() -> None:
    assert parse_date(1986) == (EventDate(1986), "")
    assert parse_date("1986-01") == (EventDate(1986, 1), "")
    assert parse_date(datetime.date(1986, 1, 31)) == (EventDate(1986, 1, 31), "")
    assert parse_date("31/01/1986")[0] is None
    assert parse_date("1986-13")[0] is None
    assert EventDate(2000, 5).french() == "mai 2000"
    assert EventDate(2014, 10, 1).french() == "1er octobre 2014"
    assert not EventDate(1990).before(EventDate(1990, 12, 21))
    assert EventDate(1990, 11).before(EventDate(1990, 12, 21))


@settings(max_examples=150, deadline=None)
@given(st.dates(min_value=datetime.date(1000, 1, 1)))
def test_any_real_date_reads_back(day: datetime.date) -> None:
    date, reason = parse_date(day.isoformat())
    assert reason == "" and (date.year, date.month, date.day) == (day.year, day.month, day.day)
    assert date.year <= date.position < date.year + 1


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SMALL.splitlines() + [
    "  - id: X", "    date: 2001-02-29", "    date: [1]", "    until: 1900", "events: 3",
    "periods: {}", "    start: mil", "    sources: CLE", "    period: [a]", "  - [", "\t",
    "    date: 0", "    date: -5", "    links: {a: 1}", "format: 3",
]), max_size=35))
def test_whatever_is_written_parsing_never_raises(lines: list[str]) -> None:
    timeline, problems = parse("\n".join(lines))
    for problem in problems:
        assert problem.line >= 0 and problem.column >= 0 and problem.message
    if timeline is not None:
        list(timeline.links())
        timeline.ids()
        assert [e.date.key() for e in timeline.events] == sorted(e.date.key() for e in timeline.events)


# -- honest periods -------------------------------------------------------------------------
UNDATED = SMALL.replace("""events:""", """  - id: sans-date
    title: Une étape sans date
    summary: Les sources ne la datent pas.
    link: resilience-et-transition/cooperation
events:""")


def test_a_stage_without_years_is_kept_undated_and_never_drawn() -> None:
    timeline, problems = parse(UNDATED)
    assert problems == []
    assert [p.id for p in timeline.periods] == ["avant", "apres"]  # the drawn bands
    (stage,) = timeline.undated
    assert stage.id == "sans-date" and not stage.dated and stage.years == "sans date"
    assert timeline.period("sans-date") is stage
    assert ("sans-date", UNDATED.splitlines().index("  - id: sans-date") + 1) in timeline.ids()  # links to it still resolve
    assert (timeline.first_year, timeline.last_year) == (1900, 2000)


def test_a_dated_event_cannot_belong_to_an_undated_stage() -> None:
    text = UNDATED.replace("    period: apres\n", "    period: sans-date\n")
    _, problems = parse(text)
    line = text.splitlines().index("    period: sans-date") + 1
    assert any(p.line == line and "n'a pas d'années" in p.message for p in errors(problems))


def test_a_stage_with_only_one_year_is_an_error() -> None:
    _, problems = parse(SMALL.replace("    end: 2000\n", ""))
    assert any("année « None » illisible" in p.message for p in errors(problems))


def test_the_real_timeline_tells_its_periods_honestly() -> None:
    timeline, problems = parse(REAL)
    assert problems == []
    mine = timeline.period("etape-mine")
    assert mine is not None and timeline.period("etape-origines").end < 1850 <= mine.start
    # the shafts are dug in the mining era, not in the farming village
    assert timeline.event("creusement-puits-11").period == "etape-mine"
    assert timeline.event("arrivee-du-charbon").period == "etape-mine"
    # no dated event about cooperation: the stage has no years
    assert not timeline.period("etape-cooperation").dated
    # the saving of the 11/19 is told with the 1986 closure (the sources date no rescue)
    assert "sauvé" not in timeline.event("remblaiement-puits").text
    assert "sauvé" in timeline.event("fermeture-11-19").text
    # the founding towns of the Fabrique are unverified: not on the timeline
    assert "Grande-Synthe" not in timeline.event("fabrique-des-transitions").text
