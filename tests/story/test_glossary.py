"""The glossary (issue 18): reading, marking in pages, and what `check` reports."""

from __future__ import annotations

from pathlib import Path

from loosstory.story.glossary import Glossary, Term, mark_terms, parse_glossary
from loosstory.story.loader import load_story
from loosstory.story.yamlsource import load_located

PACK = Path(__file__).resolve().parents[1] / "packs" / "workshop"


def glossary(*terms: Term) -> Glossary:
    return Glossary(list(terms), "fr/glossary.yaml")


TERRIL = Term("terril", "terril", "Une colline de pierres.", ("terril", "terrils"))
PAT = Term("pat", "PAT", "Projet alimentaire territorial.", ("PAT",))


def test_the_first_occurrence_in_any_form_is_marked_once() -> None:
    html, used = mark_terms("<p>Les Terrils jumeaux. Un terril, deux terrils.</p>", glossary(TERRIL))
    assert used == {"terril"}
    assert html == ('<p>Les <a class="gloss" href="glossaire:terril">Terrils</a> jumeaux. '
                    "Un terril, deux terrils.</p>")


def test_never_inside_a_link_or_a_heading() -> None:
    html, used = mark_terms('<h3>Le terril</h3><p><a href="#x">un terril</a> puis le terril</p>',
                            glossary(TERRIL))
    assert html.startswith("<h3>Le terril</h3><p><a href=\"#x\">un terril</a> puis le ")
    assert html.count("glossaire:terril") == 1
    assert used == {"terril"}


def test_words_are_matched_whole_and_acronyms_in_capitals_only() -> None:
    html, used = mark_terms("<p>Un terrilien, le patrimoine, un pat. Le PAT.</p>",
                            glossary(TERRIL, PAT))
    assert used == {"pat"}
    assert html.count("<a ") == 1 and ">PAT</a>" in html


def test_forms_with_either_apostrophe_and_any_space() -> None:
    term = Term("tour", "tour d'extraction", "Une tour.", ("tour d'extraction",))
    html, used = mark_terms("<p>la tour\u00a0d’extraction</p>", glossary(term))
    assert used == {"tour"}


def test_a_form_claimed_by_two_terms_and_an_unknown_reference_are_errors() -> None:
    text = ("terms:\n"
            "  - {id: un, term: terril, definition: a, see: [trois]}\n"
            "  - {id: deux, term: colline, forms: [Terril], definition: b, sources: [NOPE]}\n")
    located, problem = load_located(text, "fr/glossary.yaml")
    assert problem is None
    found, problems = parse_glossary(located, {})
    messages = [p.format() for p in problems]
    assert any("fr/glossary.yaml:3:" in m and "« Terril » appartient déjà au terme « un »" in m
               for m in messages), messages
    assert any("renvoie à « trois »" in m and ":2:" in m for m in messages), messages
    assert any("source « NOPE » inconnue" in m for m in messages), messages


def test_the_workshop_pack_marks_pages_and_warns_about_unused_terms() -> None:
    result = load_story(PACK)
    assert result.errors == [], [p.format() for p in result.errors]
    story = result.story
    assert len(story.glossary.terms) == 6
    frise = story.chapter("resilience-et-transition").pages[1]
    assert frise.terms == ["frise"]  # the heading "La frise de la résilience" is skipped
    assert 'la <a class="gloss" href="glossaire:frise">frise</a>' in frise.html
    cooperation = story.chapter("resilience-et-transition").pages[5]
    assert "l’extraction</a>" in cooperation.html and "glossaire:extraction" not in cooperation.html
    unused = [p for p in result.warnings if p.path == "fr/glossary.yaml"]
    assert [p.line for p in unused] == [23]  # no text says « molette »
    assert "molette" in unused[0].message


def test_the_bundled_glossaries_have_fifty_terms_with_the_same_ids() -> None:
    root = Path(__file__).resolve().parents[2] / "content"
    fr = load_story(root, "fr").story.glossary
    en = load_story(root, "en").story.glossary
    assert len(fr.terms) >= 50
    assert [t.id for t in fr.terms] == [t.id for t in en.terms]
    for needed in ("terril", "chevalement", "fosse", "puits", "carreau", "houilleres",
                   "cite-miniere", "friche", "resilience", "transition", "ademe", "tepos", "kwc",
                   "plu", "mh-inscrit", "mh-classe", "demonstrateur", "systemique", "externalites"):
        assert fr.term(needed) is not None, needed
