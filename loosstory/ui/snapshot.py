"""Render any screen of the reader to a PNG, with no display."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SPECIAL_PAGES = ("cover", "sommaire", "problems")


def snapshot(content: Path, page: str, size: tuple[int, int], out: Path) -> int:
    """Render ``page`` of the pack in ``content`` at ``size`` into ``out`` (PNG).

    ``page`` is "cover", "sommaire", "problems", a chapter id (its first page) or
    "chapter-id/page-id". Returns 0, or 2 (with a French message on stderr) for an unknown
    page. When the pack has errors, the problems screen is rendered, as the app would show.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from loosstory.story.loader import load_story
    from loosstory.ui.config import ReaderConfig
    from loosstory.ui.reader import build_reader, wait_until_drawn
    from loosstory.ui.theme import load_fonts

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "loosstory"])
    load_fonts()
    result = load_story(Path(content))
    state, loader, window = build_reader(
        result, ReaderConfig(transition_ms=0, prefetch=False), eager=False
    )
    try:
        width, height = size
        if state.playable:
            if page == "cover":
                state.show_cover()
            elif page == "sommaire":
                state.show_sommaire()
            elif page == "problems":
                state.show_problems()
            elif not state.go_to_ref(page):
                print(f"loosstory : page inconnue « {page} ». Indiquez cover, sommaire, problems, "
                      "un identifiant de chapitre ou « chapitre/page ».", file=sys.stderr)
                return 2
        window.setFixedSize(width, height)
        window.show()
        window.resize(width, height)
        wait_until_drawn(window)
        image = window.grab().toImage()
        if image.width() != width or image.height() != height:
            image = image.scaled(width, height)
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(out), "PNG"):
            print(f"loosstory : impossible d'écrire l'image « {out} ».", file=sys.stderr)
            return 1
        return 0
    finally:
        window.close()
        loader.wait_for_done()
        window.deleteLater()
        # processEvents() never runs deferred deletes: without this the window (and its key
        # and swipe filters) would outlive the call and eat later input.
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
