"""The code-source house read from schematic.yaml: content, problems at their line, no crash.

The bundled house's wording is checked in tests/story/test_bundled_content.py."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from loosstory.story.schematic import parse_schematic
from tests.packs import MINI

PACK = MINI  # a house made for the tests (tests/packs/README.md)
REAL = (PACK / "fr" / "schematic.yaml").read_text(encoding="utf-8")
PALETTE = {"charbon": "#1f2326", "ardoise": "#2b3a42", "brique": "#8c3b2e", "prune": "#6e3763",
           "ble": "#5c6414", "ambre": "#8a4f00", "terril": "#2f6b45", "bleu": "#2d4f7c",
           "creme": "#f6f1e7"}
CHAPTERS = {"resilience-et-transition", "energie", "code-source"}

SMALL = """\
format: 1
title: Une maison
elements:
  - id: socle
    kind: foundation
    label: Le socle
    summary: Ce qui porte tout.
    detail: Le texte du socle.
  - id: pilier-a
    kind: pillar
    label: Le pilier A
    summary: Un pilier.
    detail: |
      Le texte du pilier A, avec [un lien](#energie).
    links: [code-source/maison, socle]
  - id: toit
    kind: roof
    label: Le toit
    summary: Ce que cela produit.
    items:
      - confiance
      - label: énergie
        link: energie
"""


def parse(text: str):
    return parse_schematic(text, "fr/schematic.yaml")


def messages(problems, severity="error"):
    return [p for p in problems if p.severity == severity]


# -- a whole house -----------------------------------------------------------------------
def test_the_real_house_reads_without_problems() -> None:
    schematic, problems = parse(REAL)
    assert schematic is not None
    assert [p.format() for p in problems] == []
    assert schematic.check_colours(PALETTE) == []
    assert [e.id for e in schematic.reading_order] == [
        "fondations-memoire", "pilier-implication", "pilier-systemique", "pilier-innovation",
        "pilier-etoile", "resultats-thematiques", "resultats-systemiques"]
    assert schematic.star == "pilier-etoile"


def test_every_element_has_label_summary_detail_and_links() -> None:
    schematic, _ = parse(REAL)
    for element in schematic.elements:
        assert element.label and element.summary and element.detail_markdown, element.id
        assert element.detail_html.startswith("<p>"), element.id
        assert element.links, element.id
        assert element.id not in CHAPTERS  # ids share one namespace with chapter ids


def test_the_details_and_items_read_as_written() -> None:
    schematic, _ = parse(REAL)
    etoile = schematic.element("pilier-etoile")
    assert etoile.label == "L’étoile et les cailloux blancs"
    assert "« cailloux blancs »" in etoile.detail_markdown
    assert "energie" in etoile.links  # « voir aussi » the Énergie chapter
    assert "« en silo »" in schematic.element("pilier-systemique").detail_markdown
    assert schematic.element("pilier-innovation").short == "L’innovation et le mode projet"
    thematic = schematic.element("resultats-thematiques").items
    assert [i.label for i in thematic] == ["transition énergétique", "mémoire", "paysage",
                                           "éco-construction", "action sociale",
                                           "économie locale"]
    assert [i.link for i in thematic][:3] == ["energie",
                                              "resilience-et-transition/culture-ciment-social",
                                              None]
    systemic = [i.label for i in schematic.element("resultats-systemiques").items]
    assert systemic == ["confiance", "bien-être", "pouvoir d’agir", "prise de risque collective",
                        "mobilisation", "bénévolat"]


def test_ids_and_links_are_located_for_the_checker() -> None:
    schematic, _ = parse(SMALL)
    assert schematic.ids() == [("socle", 4), ("pilier-a", 9), ("toit", 16)]
    links = list(schematic.links())
    assert ("code-source/maison", 15, 13) in links
    assert ("socle", 15, 33) in links
    assert any(t == "energie" and line == 14 for t, line, _ in links)  # from the Markdown text
    assert any(t == "energie" and line == 23 for t, line, _ in links)  # from a roof item


# -- problems, each at its line -----------------------------------------------------------
def test_a_missing_label_is_an_error_at_its_element() -> None:
    text = SMALL.replace("    label: Le pilier A\n", "")
    schematic, problems = parse(text)
    errors = messages(problems)
    assert errors[0].line == 9 and "label" in errors[0].message
    assert errors[0].format().startswith("fr/schematic.yaml:9:5: error:")
    assert schematic is None  # its only pillar is gone: no house can be drawn


def test_a_duplicate_id_is_an_error() -> None:
    text = SMALL.replace("id: toit", "id: socle")
    _, problems = parse(text)
    (error,) = messages(problems)
    assert (error.line, error.column) == (16, 5)
    assert "socle" in error.message and "ligne 4" in error.message


def test_unknown_keys_are_warnings_and_unknown_kinds_errors() -> None:
    text = SMALL.replace("    summary: Un pilier.\n", "    sumary: Un pilier.\n").replace(
        "kind: roof", "kind: chapeau")
    _, problems = parse(text)
    (warning,) = messages(problems, "warning")[:1]
    assert warning.line == 12 and "sumary" in warning.message
    (error,) = messages(problems)
    assert error.line == 17 and "chapeau" in error.message


def test_badly_written_links_are_errors() -> None:
    text = SMALL.replace("links: [code-source/maison, socle]",
                         "links: [Code Source, pilier-a]").replace(
        "[un lien](#energie)", "[un site](https://example.org)")
    _, problems = parse(text)
    errors = messages(problems)
    assert any(p.line == 15 and "Code Source" in p.message for p in errors)
    assert any(p.line == 14 and "https://example.org" in p.message for p in errors)
    assert any(p.line == 15 and "lui-même" in p.message for p in messages(problems, "warning"))


def test_a_house_needs_a_foundation_and_pillars() -> None:
    text = "title: Vide\nelements:\n  - id: toit\n    kind: roof\n    label: Le toit\n"
    schematic, problems = parse(text)
    assert schematic is None
    assert any("fondations" in p.message for p in messages(problems))
    assert any("pilier" in p.message for p in messages(problems))


def test_broken_yaml_gives_a_located_error_and_no_house() -> None:
    text = SMALL.replace("    summary: Un pilier.", "    summary: Un pilier : oui : non")
    schematic, problems = parse(text)
    assert schematic is None
    (error,) = problems
    assert error.severity == "error" and error.line == 12 and error.column > 1
    assert error.format().startswith("fr/schematic.yaml:12:")


def test_unknown_colour_names_are_reported_against_the_palette() -> None:
    schematic, _ = parse(SMALL.replace("    label: Le socle\n", "    label: Le socle\n    colour: rose\n"))
    (problem,) = schematic.check_colours(PALETTE)
    assert problem.line == 7 and "rose" in problem.message


def test_a_newer_format_is_refused() -> None:
    schematic, problems = parse(SMALL.replace("format: 1", "format: 9"))
    assert schematic is None and "format" in problems[0].message


def test_markdown_is_rendered_and_raw_html_is_not() -> None:
    schematic, _ = parse(SMALL.replace("Le texte du socle.", "'**Fort** <script>x</script>'"))
    html = schematic.element("socle").detail_html
    assert "<strong>Fort</strong>" in html and "<script>" not in html


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(SMALL.splitlines() + [
    "  - id: X", "    kind: 3", "elements: 5", "    links: {a: b}", "    items: oui",
    "star: nulle-part", "    label:", "  - [", "format: deux", "\t", "- - -", ": :",
    "    detail: '[x](#)'", "    colour: '#12'",
]), max_size=30))
def test_whatever_is_written_parsing_never_raises(lines: list[str]) -> None:
    schematic, problems = parse("\n".join(lines))
    for problem in problems:
        assert problem.line >= 0 and problem.column >= 0 and problem.message
    if schematic is not None:
        list(schematic.links())
        schematic.ids()
