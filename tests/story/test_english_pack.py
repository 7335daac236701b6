"""The bundled pack's English translation mirrors the French one, id for id.

A visitor switches language on the page they are reading: every chapter, page, figure,
house element, timeline period and event must exist in both languages under the same id,
with the same links, sources and dates. The client's own texts, translated, say so.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loosstory.resources import content_dir
from loosstory.story.loader import check_pack, load_story

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
NOTICE = "Translated from the French original"
# The two diagrams carry words in their drawing: English copies with the same id.
TRANSLATED_FILES = {
    "images/schema-transition.svg": "images/schema-transition-en.svg",
    "images/schema-systemique.svg": "images/schema-systemique-en.svg",
}


@pytest.fixture(scope="module")
def packs():
    fr = load_story(content_dir(), "fr")
    en = load_story(content_dir(), "en")
    assert fr.errors == [] and en.errors == []
    return fr.story, en.story


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_pack_declares_english_and_checks_clean() -> None:
    result = check_pack(content_dir())
    assert result.story.languages == ["fr", "en"]
    assert [f"{p.path}:{p.line}: {p.message}" for p in result.problems] == []


def test_same_chapters_pages_and_structure(packs) -> None:
    fr, en = packs
    assert [c.id for c in en.chapters] == [c.id for c in fr.chapters]
    for fc, ec in zip(fr.chapters, en.chapters, strict=True):
        assert [p.id for p in ec.pages] == [p.id for p in fc.pages], fc.id
        assert [p.view for p in ec.pages] == [p.view for p in fc.pages], fc.id
        assert ec.colour == fc.colour and ec.cover.src == fc.cover.src, fc.id
        assert [s.key for s in ec.sources] == [s.key for s in fc.sources], fc.id
        assert ec.title != fc.title or fc.id == "resilience-et-transition", fc.id
        for fp, ep in zip(fc.pages, ec.pages, strict=True):
            assert sorted(link.target for link in ep.links) == sorted(
                link.target for link in fp.links), fp.ref
            assert [(p.sources, p.paragraph_line > 0) for p in ep.precisions] == [
                (p.sources, p.paragraph_line > 0) for p in fp.precisions], fp.ref


def test_same_figures_with_translated_texts(packs) -> None:
    fr, en = packs
    french = {f.id: f for f in fr.figures()}
    english = {f.id: f for f in en.figures()}
    assert list(english) == list(french)
    for figure_id, ef in english.items():
        ff = french[figure_id]
        assert ef.src == TRANSLATED_FILES.get(ff.src, ff.src), figure_id
        assert ef.file is not None and ef.file.is_file(), figure_id
        assert ef.alt and ef.caption and ef.credit, figure_id
        assert ef.alt != ff.alt and ef.credit != ff.credit, figure_id
    assert en.cover.src == fr.cover.src and en.cover.alt != fr.cover.alt


def test_diagram_copies_differ_only_by_their_words() -> None:
    images = content_dir()
    text = re.compile(r"<text[^>]*>[^<>]*</text>")  # a label, its size fitted to its words
    for french, english in TRANSLATED_FILES.items():
        fr_svg = (images / french).read_text(encoding="utf-8")
        en_svg = (images / english).read_text(encoding="utf-8")
        assert text.sub("", fr_svg) == text.sub("", en_svg), english
        assert len(text.findall(fr_svg)) == len(text.findall(en_svg)), english
        assert text.findall(fr_svg) != text.findall(en_svg), english


def test_same_house(packs) -> None:
    fr, en = packs
    fs, es = fr.schematic, en.schematic
    assert es is not None and es.star == fs.star

    def shape(schematic):
        return [(e.id, e.kind, e.colour, e.links, [i.link for i in e.items], len(e.items))
                for e in schematic.elements]

    assert shape(es) == shape(fs)
    for element in es.elements:  # every panel quotes the Town's text
        assert NOTICE in element.detail_html, element.id


def test_same_timeline(packs) -> None:
    fr, en = packs
    ft, et = fr.timeline, en.timeline

    def periods(timeline):
        return [(p.id, p.start, p.end, p.colour, p.links)
                for p in timeline.periods + timeline.undated]

    def events(timeline):
        return [(e.id, e.date, e.until, e.sources, e.links, e.period) for e in timeline.events]

    assert periods(et) == periods(ft)
    assert events(et) == events(ft)
    assert [e.title for e in et.events] != [e.title for e in ft.events]
    assert NOTICE.lower() in et.description.lower()  # the stage titles are the Town’s


def client_pages(story) -> set[str]:
    """Pages of the French pack holding a paragraph of the client's texts."""
    if not SEEDS.is_dir():
        pytest.skip(f"the client's seeds are not beside the repository ({SEEDS})")
    paragraphs = [norm(p) for seed in SEEDS.glob("*.txt")
                  for p in re.split(r"\n\s*\n", seed.read_text(encoding="utf-8"))
                  if len(norm(p)) > 100]
    pages: set[str] = set()
    for chapter in story.chapters:
        text = (story.root / chapter.file).read_text(encoding="utf-8")
        for block in re.split(r"^## ", text, flags=re.M)[1:]:
            page_id = re.search(r"\{#([a-z0-9-]+)", block.splitlines()[0]).group(1)
            body = norm(block)
            if any(p in body for p in paragraphs):
                pages.add(f"{chapter.id}/{page_id}")
    return pages


def test_every_client_page_says_it_is_translated(packs) -> None:
    fr, en = packs
    pages = client_pages(fr)
    assert len(pages) >= 14  # chapters 1 and 7: every page but the two interactive ones
    english = {p.ref: p for c in en.chapters for p in c.pages}
    missing = [ref for ref in sorted(pages) if NOTICE not in english[ref].html]
    assert missing == []
    for chapter_id in {ref.split("/")[0] for ref in pages}:
        assert NOTICE.lower() in en.chapter(chapter_id).author.lower(), chapter_id
    assert any(NOTICE.lower() in c.name.lower() for c in en.about.credits)


def english_texts(story) -> list[tuple[str, str]]:
    texts = [("subtitle", story.subtitle), ("start", story.start_label),
             ("cover", story.cover.alt + story.cover.caption)]
    for chapter in story.chapters:
        texts.append((chapter.id, chapter.title + " " + chapter.question))
        for page in chapter.pages:
            if page.kind == "sources":  # written by the engine; source titles are French
                continue
            texts.append((page.ref, page.title + " " + page.html))
            texts += [(page.ref, f.alt + " " + f.caption) for f in page.figures]
    texts += [(e.id, f"{e.label} {e.summary} {e.detail_html}") for e in story.schematic.elements]
    texts += [(e.id, f"{e.title} {e.text}") for e in story.timeline.events]
    texts += [(p.id, f"{p.title} {p.summary}") for p in story.timeline.periods]
    return texts


def test_english_typography(packs) -> None:
    _, en = packs
    wrong = []
    for where, text in english_texts(en):
        plain = re.sub(r"<[^>]+>", "", text)
        if "«" in plain or "»" in plain or "\u00a0" in plain or "\u202f" in plain:
            wrong.append((where, "French quotes or spaces"))
        if re.search(r"\w \s*[:;!?](\s|$)", plain):
            wrong.append((where, "space before punctuation"))
        if "'" in plain or '"' in plain:
            wrong.append((where, "straight quote"))
    assert wrong == []


def test_story_yaml_texts_per_language(packs) -> None:
    fr, en = packs
    assert (fr.start_label, en.start_label) == ("Commencer", "Begin")
    assert fr.subtitle.startswith("De la mine") and en.subtitle.startswith("From coal mine")
    assert fr.cover.credit != en.cover.credit and fr.cover.caption != en.cover.caption
    # about: each credit in its language, and a licence for the image credit of each language
    assert [c.role for c in fr.about.credits][0].startswith("Textes des chapitres")
    assert [c.role for c in en.about.credits][0].startswith("Texts of the chapters")
    for story in (fr, en):
        credits = {f.credit for f in story.figures()}
        assert credits and all(story.about.image_licences.get(c) for c in credits)
