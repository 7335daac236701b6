"""Composition root: builds the application, the state and the window, and wires them."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from loosstory.ui.look.fonts import COVER_FONTS, load_fonts, register_in_background

if TYPE_CHECKING:  # imported by run(), while the cover's fonts are being registered

    from loosstory.ui.state.config import ReaderConfig
    from loosstory.ui.state.state import ReaderState

log = logging.getLogger("loosstory")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def install_translations(app: QApplication, language: str | None = None) -> bool:
    """The interface in the story's language (French is the source), with Qt's own
    translations; not the machine's locale: a museum PC set up in English must still show
    a French story with French buttons. French needs no translator of ours: Qt's French is
    installed after the first frame (QTranslator is not imported before it)."""
    if not language or language == "fr":
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, app, _install_french)  # i18n imported after the first frame
        return True
    from loosstory.ui import i18n

    return i18n.install(language)


def _install_french() -> None:
    from loosstory.ui import i18n

    i18n.install("fr")


def make_excepthook(state: ReaderState) -> ExceptHook:
    """An exception escaping a slot is logged, and the reader goes back to the cover."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        log.error("erreur inattendue, retour à l'accueil :\n%s",
                  "".join(traceback.format_exception(kind, error, tb)))
        try:
            state.reset()
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            log.exception("impossible de revenir à l'accueil")

    return hook


def _remember_settings(state: ReaderState) -> None:
    """A desktop user's settings come back at the next run (QSettings); a kiosk never
    calls this (its visitors always find the defaults)."""
    from loosstory.ui.settings.store import load_settings, save_settings

    state.set_settings(load_settings())
    state.settings_changed.connect(save_settings)


def run(
    content: Path,
    *,
    fullscreen: bool = False,
    argv: list[str] | None = None,
    config: ReaderConfig | None = None,
    setup: Callable[[ReaderState, object], object] | None = None,
    language: str | None = None,
) -> int:
    """Play the story in ``content``; returns the exit code of the event loop.

    The cover is shown from story.yaml alone; the chapters, sources and views are loaded
    after its first frame (:mod:`loosstory.ui.reader.loading`). The cover's fonts are registered
    in a thread while the reader's modules are imported.
    """
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("loosstory")  # X11 WM_CLASS, matched by the .desktop entry
    app.setDesktopFileName("fr.loosengohelle.loosstory")  # Wayland app_id
    fonts = register_in_background(COVER_FONTS)  # the others after the first frame

    from loosstory.story.head import load_head
    from loosstory.ui.reader.build import build_reader
    from loosstory.ui.reader.loading import StoryLoading, print_problems
    from loosstory.ui.state.state import ReaderState

    head = load_head(Path(content), language, cache=True)
    install_translations(app, head.story.language if head.story else None)
    fonts.join()  # before any text is measured
    if head.story is None:  # no cover to show: the problems screen, from the whole check
        from loosstory.story.loader import load_story

        load_fonts()
        result = load_story(Path(content), language)
        print_problems(result)
        state = ReaderState(result, config)  # the app's one state: it outlives the window
        state, loader, window = build_reader(result, state=state)
        loading = None
    else:
        state = ReaderState(head, config, loading=True)
        state, loader, window = build_reader(head, state=state)
        loading = StoryLoading(Path(content), state, window, language)
    _remember_settings(state)  # first: a mode's own choice (the class's level) wins over it
    policy = setup(state, window) if setup is not None else None  # a mode's (workshop)
    previous_hook = sys.excepthook
    sys.excepthook = make_excepthook(state)
    try:
        if fullscreen:
            window.showFullScreen()
        else:
            window.resize(1280, 800)
            window.show()
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        del policy
        if loading is not None:
            loading.wait()
        loader.wait_for_done()
        # Destroy the window now, not at some later garbage collection: its key and swipe
        # filters and its focusChanged connection must not outlive run() in a running process.
        window.deleteLater()
        state.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
