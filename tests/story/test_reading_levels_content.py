"""The bundled pack's reading levels in the theme chapters (issue 18, point 3).

Every page of chapters 2 to 6 has an easy-to-read (*facile*) text in each language. The
in-depth (*approfondi*) pages are the same in each language; an in-depth text is shown IN
PLACE of the standard text, so it must still hold every sentence of it (a later edit of
the standard text that forgets the in-depth copy fails here), and the facts it adds are
listed with their source keys in CURATION.md (part 9), keys the chapter cites.
"""

from __future__ import annotations

import html
import re

import pytest

from loosstory.resources import content_dir
from loosstory.story.levels import sentences
from loosstory.story.loader import load_story

THEMES = ("culture-et-patrimoine", "implication-habitante", "agriculture-et-alimentation",
          "energie", "biodiversite-et-cadre-de-vie")
LANGUAGES = ("fr", "en")


@pytest.fixture(scope="module")
def packs():
    stories = {}
    for language in LANGUAGES:
        result = load_story(content_dir(), language)
        assert result.errors == []
        stories[language] = result.story
    return stories


def theme_pages(story):
    return [page for chapter in story.chapters if chapter.id in THEMES
            for page in chapter.pages if page.kind == "text"]


def plain(markup: str) -> str:
    """Text of an HTML fragment, spaces normalised (French non-breaking ones too)."""
    text = html.unescape(re.sub(r"<[^>]+>", "", markup))
    return re.sub(r"[\s\u00a0\u202f]+", " ", text).strip()


def standard_sentences(markup: str) -> list[str]:
    """Each sentence of each paragraph and list item."""
    return [sentence for m in re.finditer(r"<(p|li)\b[^>]*>(.*?)</\1>", markup, re.S)
            for sentence in sentences(plain(m.group(2)))]


def in_depth_refs(story) -> set[str]:
    return {page.ref for page in theme_pages(story) if "approfondi" in page.levels}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_theme_page_has_an_easy_text(packs, language) -> None:
    pages = theme_pages(packs[language])
    assert len(pages) == 33
    assert [page.ref for page in pages if "facile" not in page.levels] == []


def test_the_same_pages_have_an_in_depth_text_in_each_language(packs) -> None:
    french = in_depth_refs(packs["fr"])
    assert len(french) >= 8
    assert in_depth_refs(packs["en"]) == french


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_in_depth_text_holds_its_standard_text_and_adds_to_it(packs, language) -> None:
    for page in theme_pages(packs[language]):
        if "approfondi" not in page.levels:
            continue
        deep = plain(page.levels["approfondi"])
        standard = standard_sentences(page.html)
        assert standard, page.ref
        missing = [block for block in standard if block not in deep]
        assert missing == [], (f"{language} {page.ref}: the in-depth text lacks « "
                               f"{missing[0][:60]}… »: edit its [!approfondi] block too")
        assert len(deep) > len(plain(page.html)) + 100, page.ref


def curation_rows() -> dict[str, list[str]]:
    text = (content_dir() / "CURATION.md").read_text(encoding="utf-8")
    part = text.split("## 9. ", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([\w-]+/[\w-]+)` \| .+ \| ([A-Z0-9, -]+) \|$", part, re.M)
    return {ref: [key.strip() for key in keys.split(",")] for ref, keys in rows}


def test_curation_lists_each_in_depth_page_with_keys_its_chapter_cites(packs) -> None:
    rows = curation_rows()
    assert set(rows) == in_depth_refs(packs["fr"])
    for language, story in packs.items():
        cited = {chapter.id: {source.key for source in chapter.sources}
                 for chapter in story.chapters}
        for ref, keys in rows.items():
            assert keys and set(keys) <= cited[ref.split("/")[0]], (language, ref, keys)
