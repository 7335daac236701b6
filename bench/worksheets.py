"""Issue 18's figure: exporting all seven worksheets (one PDF) against headless Chromium
printing the same content to PDF. Goal: ours ≤ 0.5× Chromium's time.

Both are fresh processes, timed from launch to exit, median of N runs:
- ours: ``loosstory export worksheet --all -o …pdf`` (loads the pack, QPdfWriter);
- the peer: ``chromium --headless --print-to-pdf`` on an HTML file holding the same
  worksheets (the same HTML our exporter lays out, the same fonts, the same figures as
  files, A4 with 2 cm margins, a page break per chapter), written before timing.

    .venv/bin/python bench/worksheets.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from common import CONTENT, REPO  # noqa: E402
from html_export import _font_faces  # noqa: E402

sys.path.insert(0, str(REPO))


def peer_html(out: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QTextDocument

    from loosstory.export.worksheet import CSS, chapter_html
    from loosstory.story.loader import load_story

    app = QGuiApplication.instance() or QGuiApplication([])
    story = load_story(CONTENT).story
    blocks = []
    for index, chapter in enumerate(story.chapters):
        body = chapter_html(story, chapter, "standard", QTextDocument(), 900)
        cover = chapter.cover or next((f for p in chapter.pages for f in p.figures), None)
        if cover is not None and cover.file is not None:
            body = body.replace(f"figure://{chapter.id}", cover.file.as_uri())
        brk = ' style="break-before: page"' if index else ""
        blocks.append(f"<div{brk}>{body}</div>")
    out.write_text(
        "<!doctype html><html lang=fr><meta charset=utf-8><style>"
        f"{_font_faces()}@page {{ size: A4; margin: 2cm; }}{CSS}</style><body>"
        + "".join(blocks) + "</body></html>", encoding="utf-8")
    del app


def timed(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True,
                       env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        ours = timed([str(REPO / ".venv" / "bin" / "loosstory"), "export", "worksheet", "--all",
                      "--content", str(CONTENT), "-o", str(tmp / "ours.pdf")], args.runs)
        print(f"ours (loosstory export worksheet --all): {ours * 1000:.0f} ms")
        if chromium is None:
            print("chromium absent: peer skipped")
            return 0
        page = tmp / "worksheets.html"
        peer_html(page)
        peer = timed([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                      f"--user-data-dir={tmp / 'profile'}", "--no-pdf-header-footer",
                      f"--print-to-pdf={tmp / 'peer.pdf'}", page.as_uri()], args.runs)
        print(f"peer (headless Chromium --print-to-pdf): {peer * 1000:.0f} ms")
        print(f"RESULT worksheets_vs_chromium {ours / peer:.2f} x goal 0.5")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
