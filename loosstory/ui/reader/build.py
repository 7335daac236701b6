"""Building a reader (state, image loader, window) for a loaded story.

Shared by the application (:mod:`loosstory.app`) and the snapshot tool, so both show
exactly the same window.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from loosstory.story.model import LoadResult
from loosstory.ui.pictures.images import ImageLoader
from loosstory.ui.reader.window import ReaderWindow
from loosstory.ui.state.config import ReaderConfig
from loosstory.ui.state.state import ReaderState
from loosstory.ui.views.registry import register_builtin_views


def build_reader(
    result: LoadResult,
    config: ReaderConfig | None = None,
    *,
    loading: bool = False,
    eager: bool = True,
    state: ReaderState | None = None,
) -> tuple[ReaderState, ImageLoader, ReaderWindow]:
    """A reader for ``result``: a window (with its image loader) on a state.

    The state is the caller's: pass the one the composition root owns (``state``) to build
    a second window on it, or let one be made (it has no parent; the caller keeps it and
    deletes it after the window). With ``loading``, ``result`` is the story's head only
    (:func:`loosstory.story.head.load_head`) and the state waits for ``finish_loading``.
    With ``eager=False`` each screen is built the first time it is shown (snapshots).
    """
    if state is None:
        state = ReaderState(result, config, loading=loading)
    config = state.config
    register_builtin_views()
    loader = ImageLoader(config.image_cache_bytes, config.decode_threads)
    window = ReaderWindow(state, loader, eager=eager)
    loader.setParent(window)
    return state, loader, window


def wait_until_drawn(window: ReaderWindow, timeout_ms: int = 20000) -> bool:
    """Process events until every visible image is decoded at its size (or the timeout).

    Waits on the loader's deliveries (queued events wake the loop), never on a fixed sleep.
    """
    from PySide6.QtCore import QDeadlineTimer, QEventLoop  # tools only, not the app's start

    app = QApplication.instance()
    deadline = QDeadlineTimer(timeout_ms)
    flags = QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents
    for _ in range(3):  # let layouts settle and images ask for their sizes
        app.processEvents()
    while not deadline.hasExpired():
        if window.images_ready() and window.loader.pending == 0:
            app.processEvents()
            if window.images_ready() and window.loader.pending == 0:
                return True
        app.processEvents(flags, 50)
    return False
