"""Printable worksheets (issue 18): the PDFs as a printer and a reader see them
(poppler's pdfinfo, pdftotext and pdffonts)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from loosstory.cli import main
from loosstory.story.loader import load_story

PACK = Path(__file__).resolve().parent / "packs" / "workshop"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils")


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ").replace("\u202f", " "))


def test_a_chapter_worksheet_holds_its_text_terms_questions_and_sources(tmp_path, qapp):
    out = tmp_path / "fiche.pdf"
    assert main(["export", "worksheet", "--chapter", "code-source", "--content", str(PACK),
                 "-o", str(out)]) == 0
    info = run("pdfinfo", str(out))
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert 2 <= pages <= 4
    text = flat(run("pdftotext", "-layout", str(out), "-"))
    story = load_story(PACK).story
    chapter = story.chapter("code-source")
    assert "3. Code source" in text or chapter.title in text
    for question in story.quizzes["code-source"].questions:
        assert flat(question.question) in text, question.question
    for term in ("paragraphe", "étape", "place"):  # the glossary terms its pages use
        assert flat(story.glossary.term({"étape": "etape"}.get(term, term)).definition) in text
    assert "Source d’essai A" in text
    assert "☐ Deux" in text  # boxes to tick
    first = run("pdftotext", "-f", "1", "-l", "1", "-layout", str(out), "-")
    assert first.rstrip().splitlines()[-1].strip() == "1"  # the page number at its foot
    fonts = run("pdffonts", str(out)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # embedded


def test_the_facile_level_and_the_answer_key(tmp_path, qapp):
    easy, key = tmp_path / "facile.pdf", tmp_path / "corrige.pdf"
    assert main(["export", "worksheet", "--all", "--level", "facile", "--content", str(PACK),
                 "-o", str(easy)]) == 0
    text = flat(run("pdftotext", str(easy), "-"))
    assert "Voici un texte facile." in text  # energie/constat at the facile level
    assert main(["export", "worksheet", "--all", "--answers", "--content", str(PACK),
                 "-o", str(key)]) == 0
    answers = flat(run("pdftotext", str(key), "-"))
    assert "Réponse : Quatre" in answers
    assert "Réponse : Implication ↔ Pilier 1 ; Systémique ↔ Pilier 2" in answers
    assert "Touchez l’étoile sur la maison. Réponse : L’étoile et les cailloux blancs" in answers


def test_bad_requests_say_what_to_do(tmp_path, capsys):
    assert main(["export", "worksheet", "--chapter", "nulle-part", "--content", str(PACK),
                 "-o", str(tmp_path / "x.pdf")]) == 2
    assert "chapitre « nulle-part » inconnu" in capsys.readouterr().err
    assert main(["export", "worksheet", "--all", "--content", str(PACK),
                 "-o", str(tmp_path / "x.png")]) == 2
    assert "doit finir par .pdf" in capsys.readouterr().err
