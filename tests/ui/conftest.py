"""Qt fixtures for the reader tests: a reader window on the test story, transitions off."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from loosstory.story.model import LoadResult
from loosstory.ui.look.theme import load_fonts
from loosstory.ui.pictures.images import ImageLoader
from loosstory.ui.reader.build import build_reader
from loosstory.ui.reader.window import ReaderWindow
from loosstory.ui.state.config import ReaderConfig
from loosstory.ui.state.state import ReaderState


@pytest.fixture(autouse=True, scope="session")
def _fonts(qapp) -> None:
    load_fonts()


@dataclass
class Reader:
    state: ReaderState
    loader: ImageLoader
    window: ReaderWindow
    qtbot: object

    def where(self) -> str:
        page = self.state.page
        return page.ref if page is not None else ""

    def drag(self, widget, dx: int, dy: int = 0) -> None:
        """A mouse swipe on ``widget``: press, move, release."""
        start = widget.rect().center()
        end = start + QPoint(dx, dy)
        QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
        QTest.mouseMove(widget, start + QPoint(dx // 2, dy // 2))
        QTest.mouseMove(widget, end)
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)


def make_reader(qtbot, result: LoadResult, size=(1280, 800), **config) -> Reader:
    options = {"transition_ms": 0, "resize_debounce_ms": 0, **config}
    state, loader, window = build_reader(result, ReaderConfig(**options))
    # its decodes end before the window closes, so none outlives the test (tests/leaks.py)
    qtbot.addWidget(window, before_close_func=lambda _: loader.wait_for_done())
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return Reader(state, loader, window, qtbot)


@pytest.fixture
def reader(qtbot, load_result):
    made = make_reader(qtbot, load_result)
    yield made
    made.loader.wait_for_done()
