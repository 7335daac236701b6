from __future__ import annotations

from loosstory.story.typography import NBSP, french_spacing, french_spacing_html


def test_no_line_can_start_with_a_question_mark_or_end_with_an_opening_quote() -> None:
    assert french_spacing("Comment ? Ici : « oui » !") == (
        f"Comment{NBSP}? Ici{NBSP}: «{NBSP}oui{NBSP}»{NBSP}!")


def test_addresses_keep_their_colon() -> None:
    assert french_spacing("https://example.org") == "https://example.org"


def test_html_text_changes_but_tags_and_code_do_not() -> None:
    html = '<p>Vraiment ?<a href="#a:b">lien :</a><code>x ; y</code></p>'
    assert french_spacing_html(html) == (
        f'<p>Vraiment{NBSP}?<a href="#a:b">lien{NBSP}:</a><code>x ; y</code></p>')


def test_the_questions_of_a_pack_are_set_in_french(tmp_path) -> None:
    from loosstory.story.loader import load_story
    from tests.packs import MINI

    story = load_story(MINI).story
    question = story.chapter("resilience-et-transition").question
    assert question.endswith(f"relève-t-elle{NBSP}?")


def test_the_house_and_the_timeline_are_set_in_french_too() -> None:
    """Their panels wrap lines like the pages: « never ends a line, ? : never starts one."""
    from loosstory.story.loader import load_story
    from tests.packs import MINI

    story = load_story(MINI).story
    label = story.schematic.element("pilier-innovation").label
    assert f"«{NBSP}le réel{NBSP}»" in label
    texts = [e.label for e in story.schematic.elements] + [e.detail_html for e in
                                                            story.schematic.elements]
    texts += [e.title for e in story.timeline.events] + [e.text_html for e in story.timeline.events]
    texts += [p.title for p in story.timeline.periods]
    for text in texts:
        for mark in ("« ", " »", " ?", " !", " :", " ;"):
            assert mark not in text, (mark, text[:80])


def test_a_number_with_thousands_never_breaks_across_lines() -> None:
    from loosstory.story.typography import french_spacing

    assert french_spacing("environ 32 000 kilowattheures") == "environ 32\u00a0000 kilowattheures"
    assert french_spacing("de 800 à 2 400 habitants, 7 944 en 1962") == \
        "de 800 à 2\u00a0400 habitants, 7\u00a0944 en 1962"
    assert french_spacing("en 2013 1234") == "en 2013 1234"  # not a group of three


def test_a_typed_apostrophe_between_letters_becomes_the_typographic_one() -> None:
    """Chapter questions come from YAML, where authors type « d'expérimentations »."""
    assert french_spacing("passer d'expérimentations à l'échelle") == (
        "passer d\u2019expérimentations à l\u2019échelle")
    assert french_spacing("'cité' 1980's") == "'cité' 1980's"  # not between two letters
    html = "<p title=\"l'a\">l'eau <code>x'y</code></p>"
    assert french_spacing_html(html) == "<p title=\"l'a\">l\u2019eau <code>x'y</code></p>"

