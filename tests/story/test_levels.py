"""Reading levels (issue 18): the blocks under a page's title, and check's readability rules."""

from __future__ import annotations

from pathlib import Path

from loosstory.story.levels import LevelText, check_easy, measure, split_levels, syllables
from loosstory.story.loader import load_story

PACK = Path(__file__).resolve().parents[1] / "packs" / "workshop"


def test_syllables_are_counted_the_french_way() -> None:
    cases = {"électricité": 5, "mine": 1, "terrils": 2, "mangent": 1, "moment": 2,
             "l’église": 2, "charbon": 2, "transition": 3, "ville": 1}
    assert {w: syllables(w) for w in cases} == cases


def test_kandel_moles_tells_an_easy_text_from_a_hard_one() -> None:
    easy = measure("Les mines ferment. Les gens perdent leur travail. La ville a peur. "
                   "Mais elle veut vivre. Elle garde ses terrils. Elle plante des arbres.")
    hard = measure("La municipalité entreprend une démarche participative de diagnostic "
                   "environnemental et social, préfigurant une stratégie systémique et "
                   "transversale de développement territorial particulièrement ambitieuse.")
    assert easy.kandel_moles >= 60 > hard.kandel_moles
    assert easy.longest == 5 and hard.sentences == 1 and hard.long_words >= 6


def test_a_hard_easy_text_gets_a_score_warning_at_its_marker_line() -> None:
    text = ("La municipalité entreprend une démarche participative. Diagnostic environnemental "
            "et social. Stratégie systémique et transversale. Développement territorial "
            "particulièrement ambitieux. Intercommunalité préfigurée.")
    found = check_easy(LevelText("facile", text, 7, ((8, text),)))
    assert any(line == 7 and "Kandel–Moles" in message for line, message in found), found
    assert any(line == 7 and "mots longs" in message for line, message in found), found


def test_levels_are_read_only_right_under_the_title() -> None:
    problems = []
    body = [(2, ""), (3, "> [!facile]"), (4, "> Un texte."), (5, ""), (6, "> [!approfondi]"),
            (7, "> Plus long."), (8, ""), (9, "Le texte standard."), (10, "> [!facile]"),
            (11, "> Trop tard.")]
    rest, levels = split_levels(body, lambda *a: problems.append(a))
    assert levels["facile"].markdown == "Un texte." and levels["facile"].line == 3
    assert levels["approfondi"].markdown == "Plus long."
    assert rest[0] == (9, "Le texte standard.")
    assert problems and problems[0][0] == 10 and "ignoré" in problems[0][3]


def test_the_workshop_pack_keeps_each_level_and_warns_where_facile_breaks_the_rules() -> None:
    result = load_story(PACK)
    assert result.errors == []
    constat = result.story.chapter("energie").pages[0]
    assert set(constat.levels) == {"facile", "approfondi"}
    assert constat.html_at("facile").startswith("<p>Voici un texte facile.")
    assert constat.html_at("standard") == constat.html
    assert "paragraphe</a> d’essai, assez long" in constat.html  # the standard text stays
    assert "glossaire:frise" in constat.html_at("facile")  # terms marked in every level
    warnings = [(p.line, p.message) for p in result.warnings if p.path == "fr/02-energie.md"]
    assert [line for line, _ in warnings] == [28, 29, 29]
    assert "phrase de 19 mots" in warnings[0][1]
    assert "pourcentage" in warnings[1][1] and "abréviation « SEM »" in warnings[2][1]


def test_an_easy_text_keeps_one_sentence_a_line() -> None:
    """FALC: each line of a *facile* block is a line on screen, not one run-on paragraph;
    the other levels wrap as ordinary paragraphs."""
    from loosstory.story.pages import render_level

    text = "Les mines ferment.\nLes gens perdent leur travail."
    assert render_level("facile", text) == (
        "<p>Les mines ferment.<br>\nLes gens perdent leur travail.</p>")
    assert "<br" not in render_level("approfondi", text)
    constat = load_story(PACK).story.chapter("energie").pages[0]
    assert "<br" in constat.html_at("facile")
