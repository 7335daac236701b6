"""The bundled Loos-en-Gohelle pack keeps the client's texts word for word."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from loosstory.resources import content_dir
from loosstory.story.loader import load_story

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
CHAPTERS = [
    ("resilience-et-transition", "Résilience & Transition"),
    ("culture-et-patrimoine", "Culture & Patrimoine"),
    ("implication-habitante", "Implication habitante"),
    ("agriculture-et-alimentation", "Agriculture & Alimentation"),
    ("energie", "Énergie"),
    ("biodiversite-et-cadre-de-vie", "Biodiversité, Aménagement & Cadre de vie"),
    ("code-source", "Code source"),
]
# Captions the seeds give to photographs that we must not draw (a real person; an unknown
# subject): they are listed in CURATION.md for the curator to supply.
TO_SUPPLY = ["Jean François Caron, ancien maire de Loos-en-Gohelle", "Mobiloos"]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def story():
    result = load_story(content_dir())
    assert result.errors == []
    return result.story


def seed_paragraphs(name: str) -> list[str]:
    if not SEEDS.is_dir():
        pytest.skip(f"the client's seeds are not beside the repository ({SEEDS})")
    text = (SEEDS / name).read_text(encoding="utf-8")
    return [norm(p) for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_seven_chapters_in_the_sites_order(story) -> None:
    assert [(c.id, c.title) for c in story.chapters] == CHAPTERS


@pytest.mark.parametrize("seed", ["resilience-et-transition.txt", "code-source.txt"])
def test_every_seed_paragraph_appears_in_its_original_wording(seed: str) -> None:
    pack = norm("\n".join(p.read_text(encoding="utf-8")
                          for p in sorted((content_dir() / "fr").glob("*.md"))))
    missing = [p[:90] for p in seed_paragraphs(seed) if len(p) > 100 and p not in pack]
    assert missing == []


def test_seed_menu_lines_become_titles_and_questions(story) -> None:
    paragraphs = seed_paragraphs("code-source.txt")
    questions = {c.question for c in story.chapters}
    for chapter_id, _ in CHAPTERS[1:6]:
        question = story.chapter(chapter_id).question
        assert question in questions and norm(question) in paragraphs
    pages_text = " ".join(norm(p.html) for c in story.chapters for p in c.pages)
    assert "Comment est née la force de la politique culturelle loossoise ?" not in pages_text


def test_pillars_are_presented_one_to_four(story) -> None:
    titles = [p.title for p in story.chapter("code-source").pages]
    numbered = [t for t in titles if re.match(r"^[1-4]\.", t)]
    assert [t[0] for t in numbered] == ["1", "2", "3", "4"]


def test_seed_captions_are_figures_or_listed_for_the_curator(story) -> None:
    captions = {norm(f.caption) for f in story.figures()}
    curation = (content_dir() / "CURATION.md").read_text(encoding="utf-8")
    for caption in ["Schéma de la transition", "La base 11/19", "Patchwork sur les terrils",
                    "Toit recouvert de panneaux solaire", "Action citoyenne, nettoyage de la ville",
                    "Cœur avec les mains sur les terrils de Loos-en-Gohelle",
                    "schéma systémique de la Mairie de Loos-en-Gohelle",
                    "Habitants qui montent le terrils avec des drapeaux"]:
        assert caption in captions, caption
    for caption in TO_SUPPLY:
        assert caption not in captions
        assert "Mobiloos" in curation and "Caron" in curation


def test_theme_chapters_have_3_to_6_pages_and_a_sources_page(story) -> None:
    for chapter_id, _ in CHAPTERS[1:6]:
        chapter = story.chapter(chapter_id)
        text_pages = [p for p in chapter.pages if p.kind == "text"]
        assert 3 <= len(text_pages) <= 7, chapter_id
        assert text_pages[-1].id == "conclusion", chapter_id  # answers the guiding question
        assert chapter.pages[-1].kind == "sources" and chapter.sources


def test_every_figure_has_alt_caption_and_credit(story) -> None:
    for chapter in story.chapters:
        for page in chapter.pages:
            for figure in page.figures:
                assert figure.alt and figure.caption and figure.credit and figure.file
