from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from loosstory import __version__
from loosstory.cli import main
from tests.story.packs import FIRST, SECOND, STORY_YAML, write_pack

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): .+$")


def test_check_good_pack_exits_zero(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(write_pack(tmp_path / "pack"))]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].endswith("0 erreur(s), 0 avertissement(s) (2 chapitres, 6 pages) — OK")


def test_check_prints_every_problem_compiler_style(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chapter = FIRST.replace("(#second)", "(#fantome)").replace("![Un terril au soleil]", "![]")
    story = STORY_YAML.replace("  - second\n", "  - second\n  - inconnu\n")
    pack = write_pack(
        tmp_path / "pack",
        story=story,
        images=("couverture.png",),
        chapters={"01.md": chapter, "02.md": SECOND.replace("Texte de la fin.", "")},
    )
    assert main(["check", str(pack)]) == 1
    lines = capsys.readouterr().out.splitlines()
    problems, summary = lines[:-1], lines[-1]
    assert all(LINE.match(line) for line in problems), problems
    text = "\n".join(problems)
    for expected in (
        "fr/01.md:22:",
        "lien cassé « #fantome »",
        "sans texte alternatif",
        "fichier introuvable",
        "page « La fin » vide",
        "story.yaml:14:",
        "chapitre inconnu « inconnu »",
    ):
        assert expected in text, expected
    assert re.search(r": \d+ erreur\(s\), \d+ avertissement\(s\) .* — À CORRIGER$", summary)


def test_cli_never_shows_a_traceback_for_broken_content(tmp_path: Path) -> None:
    pack = write_pack(tmp_path / "pack", story="format: [\n", chapters={"01.md": "\x00\xff"})
    (pack / "fr" / "02.md").write_bytes(b"---\n\xff\xfe: [\n")
    done = subprocess.run(
        [sys.executable, "-m", "loosstory", "check", str(pack)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stdout + done.stderr
    assert LINE.match(done.stdout.splitlines()[0])


def test_check_a_folder_that_does_not_exist(tmp_path: Path, capsys) -> None:
    assert main(["check", str(tmp_path / "absent")]) == 1
    assert "introuvable" in capsys.readouterr().out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"loosstory {__version__}"


def test_snapshot_rejects_an_unreadable_size(tmp_path: Path, capsys) -> None:
    assert main(["snapshot", "--size", "grand", "-o", str(tmp_path / "x.png")]) == 2
    assert "1920x1080" in capsys.readouterr().err
