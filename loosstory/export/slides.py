"""`loosstory export slides`: every page of the guided path as a 16:9 slide drawn by the
reader itself (what the projector shows), with the speaker notes under it on request."""

from __future__ import annotations

import os
import sys
from pathlib import Path

SLIDE_PX = (1600, 900)


def export_slides(content: Path, out: Path, *, notes: bool = False,
                  language: str | None = None) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from loosstory.story.packcache import load_story_cached

    # the pack's cache (as `snapshot`): used only while every file is unchanged
    result = load_story_cached(Path(content), language)
    if not result.playable:
        for problem in result.errors:
            print(problem.format(), file=sys.stderr)
        print("loosstory : le contenu a des erreurs, pas de diapositives ; corrigez-les "
              "(loosstory check).", file=sys.stderr)
        return 1
    from PySide6.QtCore import QEvent, QRectF
    from PySide6.QtWidgets import QApplication

    from loosstory.export.pdf import NOTES_PAGE_MM, SLIDE_MM, PdfPages
    from loosstory.ui import i18n
    from loosstory.ui.look.fonts import load_fonts
    from loosstory.ui.reader.build import build_reader, wait_until_drawn
    from loosstory.ui.state.config import ReaderConfig

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "loosstory"])
    shown_language = i18n.interface_language()
    i18n.install(result.story.language)  # the interface's words in the story's language
    load_fonts()
    state, loader, window = build_reader(result, ReaderConfig(transition_ms=0, prefetch=True))
    story = result.story
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        pdf = PdfPages(out, NOTES_PAGE_MM if notes else SLIDE_MM, title=story.title)
    except OSError as error:
        print(f"loosstory : impossible d'écrire « {out} » ({error}).", file=sys.stderr)
        return 1
    try:
        window.setFixedSize(*SLIDE_PX)
        window.show()
        width = pdf.size.width()
        slide = QRectF(0, 0, width, width * 9 / 16)
        if notes:
            margin = 36.0
            slide = QRectF(margin, margin, width - 2 * margin, (width - 2 * margin) * 9 / 16)
        state.start()
        for index in range(state.path.total):
            if index:
                state.next()
                pdf.new_page()
            wait_until_drawn(window)
            pdf.text_layer(f"{state.chapter.title} — {state.page.title}", slide)
            pdf.draw_widget(window, slide)
            if notes:
                page = state.page
                top = slide.bottom() + 24
                box = QRectF(slide.left(), top, slide.width(), pdf.size.height() - top - 36)
                heading = f"<h3>{index + 1}. {page.title}</h3>"
                pdf.draw_html(heading + (page.notes_html or "<p>—</p>"), box)
        pdf.close()
    finally:
        window.close()
        loader.wait_for_done()
        window.deleteLater()
        state.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        i18n.install(shown_language)  # as it was (a test, a process that goes on)
    print(f"{out} : {pdf.pages} diapositive(s)")
    return 0
