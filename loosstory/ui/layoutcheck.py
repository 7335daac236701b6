"""`loosstory check --layout`: every page rendered off screen, warned where it needs scrolling.

The check builds a reader on the pack (no display needed), shows every page of every
chapter at each size, and asks the page screen whether its text overflows the room it gets
(:meth:`PageScreen.overflow`). A page that overflows at a checked size is reported with its
chapter file and the line of its ``##`` heading, as the other checks report problems, so an
author sees it before a visitor does.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import NamedTuple

#: the sizes every page must fit at the standard text size (issue 15: 1920×1080, 1366×768),
#: and the smaller one checked for information (there "next" shows the rest first)
LAYOUT_SIZES = ((1920, 1080), (1366, 768), (1024, 768))
MUST_FIT = ((1920, 1080), (1366, 768))


class Overflow(NamedTuple):
    file: str  # the chapter's file, relative to the pack
    line: int  # the page's heading line
    ref: str  # chapter-id/page-id
    size: tuple[int, int]
    hidden_px: int  # how much of the text is below the visible part

    def format(self, required: bool) -> str:
        width, height = self.size
        kind = "warning" if required else "info"
        advice = ("raccourcissez la page ou coupez-la en une page « -suite » (content/README.md)"
                  if required else "« Suivant » y montre d’abord la suite du texte")
        return (f"{self.file}:{self.line}:1: {kind}: la page « {self.ref} » dépasse de "
                f"{self.hidden_px} px à {width}×{height} : {advice}")


def find_overflows(content: Path, sizes=LAYOUT_SIZES, text_scale: float = 1.0,
                   language: str | None = None) -> list[Overflow]:
    """Every (page, size) whose text does not fit without scrolling, in reading order (in
    ``language``: the pack's first language by default)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from loosstory.story.loader import load_story

    result = load_story(Path(content), language)
    story = result.story
    if story is None or result.errors:
        return []

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from loosstory.ui.look.fonts import load_fonts

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "loosstory"])
    load_fonts()

    from loosstory.ui.reader.build import build_reader
    from loosstory.ui.state.config import ReaderConfig

    state, loader, window = build_reader(
        result, ReaderConfig(transition_ms=0, prefetch=False), eager=False)
    if text_scale != 1.0:
        state.change_settings(text_scale=text_scale)
    found: list[Overflow] = []
    try:
        state.start()
        window.show()
        for width, height in sizes:
            window.setFixedSize(width, height)
            app.processEvents()
            for chapter in story.chapters:
                for page in chapter.pages:
                    state.go_to_ref(page.ref)
                    for _ in range(2):  # the layout settles, then the text's scroll range
                        app.processEvents()
                    screen = window.page
                    hidden = screen.overflow() if screen is not None else 0
                    if hidden > 0:
                        found.append(Overflow(chapter.file, page.line, page.ref,
                                              (width, height), hidden))
    finally:
        window.close()
        loader.wait_for_done()
        window.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
    return found


def check_layout(content: Path, sizes=LAYOUT_SIZES) -> int:
    """Print the overflows; the number of warnings (pages that must fit and do not)."""
    from loosstory.story.loader import load_story

    story = load_story(Path(content)).story
    overflows = []
    for language in (story.languages if story is not None else [None]):
        overflows += find_overflows(content, sizes, language=language)
    warnings = 0
    for overflow in overflows:
        required = overflow.size in MUST_FIT
        warnings += required
        print(overflow.format(required))
    checked = " et ".join(f"{w}×{h}" for w, h in sizes)
    print(f"{content}: mise en page vérifiée à {checked} : {warnings} page(s) à faire tenir")
    return warnings
