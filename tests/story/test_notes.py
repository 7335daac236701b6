"""Speaker notes: a ``> [!notes]`` block at the end of a page, for the presenter only."""

from __future__ import annotations

import pytest

from loosstory.resources import content_dir
from loosstory.story.loader import load_story
from loosstory.story.notes import word_count
from tests.story.packs import FIRST, SECOND, write_pack

NOTES = "\n> [!notes]\n> Dire **bonjour**.\n>\n> - un point\n"


def pack_with(tmp_path, first: str, second: str = SECOND):
    return load_story(write_pack(tmp_path / "p", chapters={"01-premier.md": first,
                                                           "02-second.md": second}))


def messages(result) -> list[str]:
    return [f"{p.severity}:{p.line}:{p.message}" for p in result.problems]


def test_notes_are_taken_out_of_the_page_and_rendered_for_the_presenter(tmp_path) -> None:
    first = FIRST.replace("## Le milieu", NOTES + "\n## Le milieu")
    result = pack_with(tmp_path, first)
    page = result.story.chapters[0].pages[1]
    assert page.id == "debut" and page.notes.startswith("Dire **bonjour**.")
    assert "<strong>bonjour</strong>" in page.notes_html and "<li>un point</li>" in page.notes_html
    assert "bonjour" not in page.html and "notes" not in page.html
    assert page.figures  # the rest of the page is untouched


def test_a_notes_block_not_at_the_end_of_its_page_is_an_error(tmp_path) -> None:
    first = FIRST.replace("## Le milieu {#milieu}\n", "## Le milieu {#milieu}\n" + NOTES + "\n")
    found = messages(pack_with(tmp_path, first))
    assert any(m.startswith("error:") and "doit être le dernier de la page" in m for m in found)


def test_text_after_the_marker_and_two_blocks_are_errors(tmp_path) -> None:
    first = FIRST.replace("## Le milieu", "\n> [!notes] en ligne\n\n## Le milieu")
    assert any("rien ne doit suivre" in m for m in messages(pack_with(tmp_path, first)))
    second = SECOND.rstrip() + "\n" + NOTES + NOTES
    assert any("un seul bloc" in m for m in messages(pack_with(tmp_path / "b", FIRST, second)))


def test_pages_without_notes_are_warned_about_when_some_have_them(tmp_path) -> None:
    assert not any("sans notes" in m for m in messages(pack_with(tmp_path, FIRST)))
    first = FIRST.replace("## Le milieu", NOTES + "\n## Le milieu")
    found = [m for m in messages(pack_with(tmp_path / "b", first)) if "sans notes" in m]
    assert len(found) == 4 and all(m.startswith("warning:") for m in found)  # not the sources


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_of_the_bundled_story_has_notes_for_a_45_minute_talk(language) -> None:
    result = load_story(content_dir(), language)
    assert result.playable and not [p for p in result.problems if "notes" in p.message]
    pages = [p for c in result.story.chapters for p in c.pages if p.kind != "sources"]
    assert len(pages) == 56  # 50 + 6 « (suite) » pages that make chapter 1 fit the screen
    for page in pages:
        assert 40 <= word_count(page.notes) <= 90, page.ref
        assert "[!notes]" not in page.html


def test_a_tour_names_ids_of_its_view(tmp_path) -> None:
    from loosstory.story.timeline import parse_timeline
    from tests.ui.test_shared_state import TIMELINE

    timeline, problems = parse_timeline(TIMELINE + "tour: [greve, etape-une, greve]\n", "t.yaml")
    assert timeline.tour == ("greve", "etape-une")
    assert [p.severity for p in problems if "deux fois" in p.message] == ["warning"]
    timeline, problems = parse_timeline(TIMELINE + "tour: [inconnu]\n", "t.yaml")
    tour_errors = [p for p in problems if "tour" in p.message]
    assert timeline.tour == () and tour_errors[0].severity == "error" and tour_errors[0].line > 1
