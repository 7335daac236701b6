"""`loosstory export slides`: one 16:9 page per step, each page's title in its text, fonts
embedded; with --notes, the speaker notes under each slide."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from loosstory.cli import main
from loosstory.story.loader import load_story
from tests.story.packs import FIRST, SECOND, write_pack

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftotext, pdfinfo) is not installed")


def pdf_pages(pdf) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    return text.split("\f")[:-1]


def info(pdf) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in out.splitlines())}


def test_one_slide_per_step_with_its_title(tmp_path, capsys) -> None:
    first = FIRST.replace("## Le milieu", "> [!notes]\n> Le mot secret de l’orateur.\n\n## Le milieu")
    pack = write_pack(tmp_path / "pack", chapters={"01-premier.md": first, "02-second.md": SECOND})
    story = load_story(pack).story
    steps = [(c, p) for c in story.chapters for p in c.pages]
    out = tmp_path / "talk.pdf"
    assert main(["export", "slides", "--content", str(pack), "-o", str(out)]) == 0
    pages = pdf_pages(out)
    assert len(pages) == len(steps) == int(info(out)["Pages"])
    for text, (_chapter, page) in zip(pages, steps, strict=True):
        assert page.title in " ".join(text.split()), page.title
    assert all("secret" not in text for text in pages)
    width, _, height = info(out)["Page size"].split()[:3]
    assert float(width) / float(height) == pytest.approx(16 / 9, rel=0.01)
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True).stdout
    assert "Atkinson" in fonts and all(line.split()[-5] == "yes" for line in
                                       fonts.splitlines()[2:])  # every font embedded
    with_notes = tmp_path / "notes.pdf"
    assert main(["export", "slides", "--content", str(pack), "-o", str(with_notes),
                 "--notes"]) == 0
    pages = pdf_pages(with_notes)
    assert len(pages) == len(steps)
    assert "Le mot secret de l’orateur." in pages[1]


def test_a_pack_with_errors_gives_no_slides(tmp_path, capsys) -> None:
    pack = write_pack(tmp_path / "pack", chapters={"01-premier.md": "pas de front matter"})
    assert main(["export", "slides", "--content", str(pack), "-o", str(tmp_path / "x.pdf")]) == 1
    assert "corrigez" in capsys.readouterr().err and not (tmp_path / "x.pdf").exists()
