"""`loosstory check` on translations: coverage per language, every missing or extra item
located (the French original's file and line), the English pack clean (issue 16)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from loosstory.story.loader import check_pack
from tests.packs.bilingual import write_bilingual

ROOT = Path(__file__).resolve().parents[2]


def test_complete_translation_checks_clean(tmp_path):
    result = check_pack(write_bilingual(tmp_path))
    assert not [p for p in result.problems if "traduction" in p.message
                or "sans original" in p.message]
    assert result.coverage[0].startswith("en : 18/18 pages")


def test_missing_and_extra_items_are_located(tmp_path):
    root = write_bilingual(tmp_path)
    chapter = root / "en" / "02-energie.md"
    text = chapter.read_text(encoding="utf-8")
    heading = [line for line in text.splitlines() if line.startswith("## ")][1]
    page_id = heading.split("{#")[1].split()[0].rstrip("}")
    body = text.replace(heading, "## Extra {#page-en-trop}", 1)
    chapter.write_text(body, encoding="utf-8")
    french_line = next(i for i, line in enumerate(
        (root / "fr" / "02-energie.md").read_text(encoding="utf-8").splitlines(), 1)
        if line == heading)
    result = check_pack(root)
    messages = [p.format() for p in result.problems]
    assert any(m.startswith(f"fr/02-energie.md:{french_line}:1: warning: traduction « en » "
                            f"manquante : pages « energie/{page_id} »") for m in messages)
    assert any(m.startswith("en/02-energie.md:") and "page-en-trop" in m
               and "sans original" in m for m in messages)
    assert "17/18 pages" in result.coverage[0]


def test_bundled_english_pack_checks_clean():
    result = check_pack(ROOT / "content")
    assert not result.problems
    assert result.coverage and result.coverage[0].startswith("en : ")


def test_interface_translation_is_complete():
    """Every visible string (lupdate over the code, into a temporary file) is in
    loosstory_en.ts and translated: `make i18n` then translate what it lists."""
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def test_words_the_engine_writes_follow_the_language(tmp_path):
    """Timeline dates, the précision label and the Sources page the engine writes."""
    from loosstory.story.dates import EventDate
    from loosstory.story.loader import load_story

    assert EventDate(1915, 9, 25).told("en") == "25 September 1915"
    assert EventDate(1915, 9, 25).told("fr") == "25 septembre 1915"
    assert EventDate(1986, 1).told("en") == "January 1986"
    root = write_bilingual(tmp_path)
    english, french = load_story(root, "en").story, load_story(root, "fr").story
    for story, month, sources_line in ((english, "January", "The information in this chapter"),
                                       (french, "janvier", "Les informations de ce chapitre")):
        days = [e for e in story.timeline.events if e.date.day and e.date.month == 1]
        assert days and all(month in e.date_label for e in days)
        page = next(p for c in story.chapters for p in c.pages if p.kind == "sources")
        assert sources_line in page.html


def test_check_command_prints_the_coverage(tmp_path, capsys):
    from loosstory.cli import main

    root = write_bilingual(tmp_path)
    (root / "en" / "03-code-source.md").unlink()  # a whole chapter missing in English
    assert main(["check", str(root)]) == 1  # its chapter is in path: an error in English
    out = capsys.readouterr().out
    assert "traduction en : " in out and "pages" in out
