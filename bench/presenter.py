"""Presenter mode figures (issue 17), in two parts:

    python bench/presenter.py turns [--content DIR]    # in-process, two virtual screens
    python bench/presenter.py export [--content DIR]   # export slides vs headless Chromium

``turns``: the presenter on two named offscreen screens (1366x768 laptop, 1920x1080
projector). For every step: wait until both readers' image loaders are idle (prefetched),
press → on the presenter window (QTest, the clicker's path), then repaint both windows
synchronously; the time from the key to the end of both paints is the page turn. Then the
overview of all pages: from O to the grid painted on both windows (the longest UI stall is
that same synchronous span). Prints ``JSON {…}``.

``export``: wall time of ``loosstory export slides`` (a process of its own, every page of
the story) against headless Chromium printing the same pages (bench/html_export.py's
layout, one 1920x1080 page each, in one document) to PDF. Goal: ≤ 0.5× Chromium.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from common import CONTENT, REPO, percentile  # noqa: E402

SCREENS = {"screens": [
    {"name": "eDP-1", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpiX": 96,
     "logicalDpiY": 96, "dpr": 1},
    {"name": "HDMI-1", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpiX": 96,
     "logicalDpiY": 96, "dpr": 1}]}


def turns(content: Path) -> dict:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    sys.path.insert(0, str(REPO))
    from loosstory.modes.presenter.controller import Presenter
    from loosstory.story.loader import load_story
    from loosstory.ui.look.fonts import load_fonts

    load_fonts()
    work = Path(tempfile.mkdtemp())
    presenter = Presenter(load_story(content), audience_screen="HDMI-1", duration_min=45,
                          settings=QSettings(str(work / "p.ini"), QSettings.Format.IniFormat))
    presenter.show()
    windows = (presenter.audience, presenter.window)

    def idle() -> None:
        deadline = time.perf_counter() + 20
        while time.perf_counter() < deadline:
            app.processEvents()
            if all(loader.pending == 0 for loader in (presenter.audience_loader,
                                                      presenter.live_loader)):
                app.processEvents()
                return

    presenter.start_talk()
    idle()
    samples = []
    for _ in range(presenter.state.path.total - 1):
        idle()
        t0 = time.perf_counter()
        QTest.keyClick(presenter.window, Qt.Key.Key_Right)
        for window in windows:
            window.repaint()
        samples.append((time.perf_counter() - t0) * 1000)
    idle()
    t0 = time.perf_counter()
    QTest.keyClick(presenter.window, Qt.Key.Key_O)
    for window in windows:
        window.repaint()
    overview_ms = (time.perf_counter() - t0) * 1000
    cards = len(presenter.audience.screens["overview"].grid.items)
    presenter.close()
    return {"turns": len(samples), "p50_ms": percentile(samples, 50),
            "p99_ms": percentile(samples, 99), "max_ms": max(samples),
            "overview_ms": overview_ms, "overview_cards": cards}


def chromium_html(content: Path) -> str:
    from html_export import export

    from loosstory.story.loader import load_story

    story = load_story(content).story
    refs = [f"{c.id}/{p.id}" for c in story.chapters for p in c.pages]
    pages = [export(content, ref) for ref in refs]
    style = re.search(r"<style>(.*?)</style>", pages[0], re.S).group(1)
    style = style.replace("html, body {", "section {").replace("body {", "section {")
    bodies = [re.search(r"<body>(.*?)</body>", page, re.S).group(1) for page in pages]
    sections = "\n".join(f"<section>{body}</section>" for body in bodies)
    return (f"<!doctype html><html><head><meta charset='utf-8'><style>{style}"
            "@page { size: 1920px 1080px; margin: 0 } html, body { margin: 0 }"
            " section { break-after: page; }</style></head>"
            f"<body>{sections}</body></html>")


def export_vs_chromium(content: Path, runs: int = 3) -> dict:
    sys.path.insert(0, str(REPO))
    work = Path(tempfile.mkdtemp())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    ours, theirs = [], []
    chromium = shutil.which("chromium") or "/usr/lib/chromium/chromium"
    html = work / "talk.html"
    html.write_text(chromium_html(content), encoding="utf-8")
    for index in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "loosstory", "export", "slides", "--content",
                        str(content), "-o", str(work / "ours.pdf")], env=env, check=True,
                       capture_output=True, cwd=REPO)
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-first-run", "--disable-background-networking",
                        f"--user-data-dir={work / f'profile-{index}'}",
                        "--no-pdf-header-footer", f"--print-to-pdf={work / 'chromium.pdf'}",
                        html.as_uri()], check=True, capture_output=True)
        theirs.append(time.perf_counter() - t0)
    pages = subprocess.run(["pdfinfo", str(work / "chromium.pdf")], capture_output=True,
                           text=True).stdout
    return {"export_s": sorted(ours)[len(ours) // 2], "chromium_s": sorted(theirs)[len(theirs) // 2],
            "ratio": sorted(ours)[len(ours) // 2] / sorted(theirs)[len(theirs) // 2],
            "chromium_pages": re.search(r"Pages:\s+(\d+)", pages).group(1)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("part", choices=("turns", "export"))
    parser.add_argument("--content", type=Path, default=CONTENT)
    args = parser.parse_args()
    if args.part == "turns" and "configfile" not in os.environ.get("QT_QPA_PLATFORM", ""):
        screens = Path(tempfile.mkdtemp()) / "screens.json"
        screens.write_text(json.dumps(SCREENS), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screens}"
    result = turns(args.content) if args.part == "turns" else export_vs_chromium(args.content)
    print("JSON " + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
