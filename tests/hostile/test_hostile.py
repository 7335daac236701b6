"""The hostile-pack corpus (make_packs.py) through `check`, the loader, the pack cache,
`snapshot` and the kiosk's content update: the precise report, nothing opened outside the
pack, bounded memory and time."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from loosstory.story.loader import check_pack, load_story
from loosstory.story.packcache import fingerprint
from tests.hostile.make_packs import BY_NAME, CASES, FIGURE_LINE, RED, Case, make, png

ROOT = Path(__file__).resolve().parents[2]
CHECK_MEMORY_MB = 1024  # the whole check child, Python and libraries included
SNAPSHOT_MEMORY_MB = 3072  # Qt reserves address space for its threads and fonts
MAX_SECONDS = 10.0  # per case (the alias bomb used to take 3.5 minutes)


def _has(problems, expected) -> bool:
    path, line, severity, text = expected
    return any(p.path == path and (line is None or p.line == line) and p.severity == severity
               and text in p.message for p in problems)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_check_and_loader_report_each_case_precisely(case: Case, tmp_path: Path) -> None:
    pack, _ = make(case, tmp_path)
    checked = check_pack(pack)
    for expected in case.expected:
        assert _has(checked.problems, expected), (expected, [p.format() for p in checked.problems])
    assert bool(checked.errors) == (case.exit_code == 1)
    assert not [p for p in checked.problems if "erreur interne" in p.message]
    loaded = load_story(pack)  # what the app plays: the same report, and no refused file in it
    for expected in case.expected:
        assert _has(loaded.problems, expected)
    story = loaded.story
    if story is not None:
        real_pack = os.path.realpath(pack)
        figures = [f for c in story.chapters for p in c.pages for f in p.figures]
        figures += [c.cover for c in story.chapters if c.cover] + [story.cover] * bool(story.cover)
        for figure in figures:
            if figure.file is not None:
                assert str(figure.file).startswith(real_pack + os.sep), figure
        assert "secret" not in [c.id for c in story.chapters]


def _run(mode: str, memory_mb: int, jobs: list[dict], tmp_path: Path) -> dict:
    env = {**os.environ, "LOOSSTORY_CACHE_DIR": str(tmp_path / "cache"),
           "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "tests.hostile.runner", mode, str(memory_mb),
                           json.dumps(jobs)], capture_output=True, text=True, timeout=300,
                          env=env, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_check_loader_and_cache_stay_inside_bounded(tmp_path: Path) -> None:
    """`loosstory check`, load_story and load_story_cached on every case, in a child with
    its address space capped and an audit hook on every open and directory listing."""
    jobs = []
    for case in CASES:
        pack, _ = make(case, tmp_path / case.name)
        jobs.append({"name": case.name, "pack": str(pack)})
    jobs.append({"name": "canary", "pack": jobs[0]["pack"],
                 "canary": str(tmp_path / CASES[0].name / "outside" / "secret.txt")})
    results = _run("check", CHECK_MEMORY_MB, jobs, tmp_path)
    # the watch works: an open outside the pack is seen
    assert any("secret.txt" in seen for seen in results["canary"]["outside"])
    for case in CASES:
        result = results[case.name]
        assert result["code"] == case.exit_code, (case.name, result)
        assert result["outside"] == [], (case.name, result["outside"])
        assert result["seconds"] < MAX_SECONDS, (case.name, result["seconds"])
        for _, _, _, text in case.expected:
            assert text in result["output"], (case.name, text, result["output"])
        assert "Traceback" not in result["output"] and "MemoryError" not in result["output"]
    assert results["maxrss_mb"] < 400


def test_snapshot_shows_placeholders_never_outside_files(tmp_path: Path) -> None:
    """`snapshot` renders every case (the page its image is on, else the cover, or the
    problems screen): a placeholder where a refused image was, author text as text, and
    never the bait picture (pure red)."""
    shown = CASES
    jobs = []
    for case in shown:
        pack, _ = make(case, tmp_path / case.name)
        on_figure = any(line == FIGURE_LINE for _, line, _, _ in case.expected)
        page = "premier/debut" if on_figure else case.snapshot_page
        jobs.append({"name": case.name, "pack": str(pack), "page": page,
                     "output": str(tmp_path / f"{case.name}.png")})
    # the measure works: the same red picture inside the pack is seen
    control = tmp_path / "control"
    pack, _ = make(BY_NAME["html-in-labels"], control)
    (pack / "images" / "terril.png").write_bytes(png(64, 48, RED))
    jobs.append({"name": "control", "pack": str(pack), "page": "premier/debut",
                 "output": str(tmp_path / "control.png")})
    results = _run("snapshot", SNAPSHOT_MEMORY_MB, jobs, tmp_path)
    assert results["control"]["red"] > 50, results["control"]
    for case in shown:
        result = results[case.name]
        assert result["code"] == 0, (case.name, result)
        assert result["red"] == 0, case.name
        assert result["seconds"] < MAX_SECONDS, (case.name, result["seconds"])
        # Python-level reads (Qt's own are C++): only the pack, the program, fonts, the PNG
        assert [seen for seen in result["outside"]
                if not seen.endswith(f"{case.name}.png") and "/assets/" not in seen] == []
    assert results["maxrss_mb"] < 600


def test_pack_cache_does_not_walk_a_link_to_the_root(tmp_path: Path) -> None:
    pack, _ = make(BY_NAME["images-link-to-root"], tmp_path)
    prints = fingerprint(pack)
    assert prints is not None and len(prints) < 20
    assert ("img@", 0, 0) == prints[[p[0] for p in prints].index("img@")][:3]


def test_the_renderer_refuses_on_its_own_what_check_refuses(qapp, tmp_path: Path) -> None:
    """ui/images.decode, handed a file directly (as when the cover is drawn from story.yaml
    alone, before the full load): an SVG naming an outside picture, a PNG declaring 30000²
    pixels and a FIFO give no image; the same SVG without the reference draws."""
    from PySide6.QtCore import QSize

    from loosstory.ui.pictures.images import decode
    from tests.hostile.make_packs import _svg, png_header_only

    secret = tmp_path / "secret.png"
    secret.write_bytes(png(64, 48, RED))
    evil = tmp_path / "evil.svg"
    evil.write_text(_svg(f'<image href="{secret}" width="400" height="300"/>'), "utf-8")
    plain = tmp_path / "plain.svg"
    plain.write_text(_svg(""), encoding="utf-8")
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header_only(30000, 30000))
    fifo = tmp_path / "fifo.png"
    os.mkfifo(fifo)
    box = QSize(400, 300)
    assert not decode(plain, box).isNull()
    assert decode(secret, box).pixelColor(10, 10).name() == "#ff0000"  # the bait would show
    for refused in (evil, bomb, fifo):
        assert decode(refused, box).isNull(), refused


def test_an_internal_error_is_filed_under_the_file_that_caused_it(tmp_path, monkeypatch):
    import loosstory.story.chapters as chapters
    import loosstory.story.checker as checker
    from tests.story.packs import write_pack

    pack = write_pack(tmp_path / "pack")
    (pack / "fr" / "timeline.yaml").write_text("format: 1\ntitle: Frise\n", encoding="utf-8")
    parse_pages = chapters.parse_pages

    def failing(body, first_line, **kwargs):
        if kwargs["chapter_id"] == "second":
            raise MemoryError
        return parse_pages(body, first_line, **kwargs)

    def broken(text, path):
        raise KeyError("oups")

    monkeypatch.setattr(chapters, "parse_pages", failing)
    monkeypatch.setitem(checker.VIEW_FILES, "timeline", ("timeline.yaml", broken))
    problems = {p.path: p.message for p in load_story(pack).problems if p.line == 0}
    assert "mémoire insuffisante en lisant ce fichier" in problems["fr/02-second.md"]
    assert "erreur interne en lisant ce fichier (KeyError: 'oups')" in problems["fr/timeline.yaml"]
    assert "story.yaml" not in problems


@pytest.mark.parametrize("size", ["99999x99999", "10x10", "8000x1000", "1000x100"])
def test_snapshot_refuses_a_size_out_of_range(size, tmp_path, capsys):
    from loosstory.cli import main

    assert main(["snapshot", "--size", size, "-o", str(tmp_path / "x.png")]) == 2
    assert "hors limites (de 240 à 7680 pixels de côté)" in capsys.readouterr().err
    assert not (tmp_path / "x.png").exists()


def test_sealing_a_pack_with_a_fifo_is_refused_not_hung(tmp_path):
    from loosstory.fleet.manifest import ManifestError, seal, verify
    from tests.story.packs import write_pack

    pack = write_pack(tmp_path / "pack")
    os.mkfifo(pack / "fr" / "99.md")
    with pytest.raises(ManifestError, match="pas un fichier ordinaire"):
        seal(pack)
    (pack / "fr" / "99.md").unlink()
    seal(pack)
    os.mkfifo(pack / "fr" / "99.md")
    assert verify(pack).extra == ["fr/99.md"]  # listed, never opened
