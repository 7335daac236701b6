"""Start-up in two steps: the cover from story.yaml first, the rest of the pack after.

The app shows its cover from the story's head (title, cover image, look) and, once that
first frame is painted, loads the chapters, the sources and the interactive views in a
worker thread (the story package is pure Python, no Qt). The state gets the whole story
back on the UI thread; a "Commencer" pressed meanwhile is kept and done then.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from loosstory.story.model import LoadResult
from loosstory.ui.look.fonts import load_fonts
from loosstory.ui.state.state import ReaderState

FALLBACK_MS = 400  # load anyway if no paint comes (a window never shown, a test)


class StoryLoading(QObject):
    """Loads the pack in ``content`` after ``window``'s first paint and hands it to ``state``."""

    loaded = Signal(object)  # LoadResult, emitted from the worker thread (queued to us)

    def __init__(self, content: Path, state: ReaderState, window: QWidget,
                 language: str | None = None) -> None:
        super().__init__(window)
        self._language = language
        self._content = Path(content)
        self._state = state
        self._window = window
        self._thread: threading.Thread | None = None
        self.result: LoadResult | None = None
        self.loaded.connect(self._deliver)
        window.installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self.start)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self.start)  # after this paint pass is flushed
        return False

    def start(self) -> None:
        if self._thread is not None:
            return
        self._window.removeEventFilter(self)
        load_fonts()  # the fonts the cover did not need (italics), before any page is built
        self._thread = threading.Thread(target=self._run, name="loosstory-load", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        from loosstory.story.packcache import load_story_cached

        self.loaded.emit(load_story_cached(self._content, self._language))

    def _deliver(self, result: LoadResult) -> None:
        self.result = result
        print_problems(result)
        self._state.finish_loading(result)

    def wait(self, timeout: float = 10.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)


def print_problems(result: LoadResult) -> None:
    """The terminal gets the pack's problems as `loosstory check` prints them."""
    for problem in result.problems:
        print(problem.format(), file=sys.stderr)

