"""Issue 15, French typography: no line starts with « · », titles and captions never end on
a one-word line, web addresses wrap after « / » and never at a hyphen."""

from __future__ import annotations

from loosstory.story.chapters import short_address
from loosstory.story.loader import load_story
from loosstory.story.typography import NBSP, breakable_address, french_spacing, no_widow
from tests.story.packs import FIRST, SECOND, write_pack


def test_a_middle_dot_never_starts_a_line():
    assert french_spacing("Chapitre 1 · Résilience") == f"Chapitre 1{NBSP}· Résilience"
    assert french_spacing("habitant·es") == "habitant·es"  # inclusive writing: untouched


def test_the_last_two_words_of_a_title_stay_together():
    assert no_widow("La crise de la fermeture des mines") == f"La crise de la fermeture des{NBSP}mines"
    assert no_widow("Deux mots") == "Deux mots"  # two words may wrap
    assert no_widow("Introduction") == "Introduction"


def test_addresses_wrap_after_slashes_not_at_hyphens():
    shown = breakable_address("cerdd.org/…/Agenda-21-de-Loos-en-Gohelle")
    assert shown.replace("\u200b", "").replace("\u2060", "") == \
        "cerdd.org/…/Agenda-21-de-Loos-en-Gohelle"
    assert "/\u200b" in shown and "-\u2060" in shown and "\u200b-" not in shown


def test_the_loaded_story_applies_them(tmp_path):
    first = FIRST.replace("## Le début {#debut}", "## Le tout début {#debut}").replace(
        '"Le terril"', '"Le grand terril"')
    pack = write_pack(tmp_path / "pack", chapters={"01-premier.md": first, "02-second.md": SECOND})
    story = load_story(pack).story
    page = story.chapters[0].pages[1]
    assert page.title == f"Le tout{NBSP}début"
    assert [f.caption for f in page.figures] == [f"Le grand{NBSP}terril"]
    sources = story.chapters[0].pages[-1]
    assert sources.kind == "sources"
    assert breakable_address(short_address("https://example.org/a")).replace("&", "&amp;") \
        in sources.html
