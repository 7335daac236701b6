"""« Toutes les pages » in the normal reader: from the sommaire, every page as a card;
arrows + Enter or a click jump to one; Esc goes back where it came from."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from loosstory.ui.state.state import PAGE, SOMMAIRE
from tests.ui.conftest import make_reader

Key = Qt.Key


def test_all_pages_from_the_sommaire(qtbot, load_result) -> None:
    reader = make_reader(qtbot, load_result)
    state, window = reader.state, reader.window
    state.show_sommaire()
    button = window.sommaire.pages_button
    assert button.accessibleName() and button.minimumSizeHint().height() >= 1
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert state.screen == "overview"
    screen = window.screens["overview"]
    grid = screen.grid
    assert len(grid.items) == state.path.total and window.focusWidget() is grid
    qtbot.keyClick(grid, Key.Key_Right)
    qtbot.keyClick(grid, Key.Key_Down)
    target = 1 + grid.columns
    assert grid.current == target and grid.items[target][1].title in grid.accessibleName()
    qtbot.keyClick(grid, Key.Key_Return)
    assert state.screen == PAGE and state.path.index == target
    state.show_sommaire()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(grid, Key.Key_Escape)
    assert state.screen == SOMMAIRE
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.card_rect(0).center().toPoint())
    assert state.screen == PAGE and state.path.index == 0


def test_the_overview_of_the_bundled_story_paints_fast(qtbot) -> None:
    from loosstory.resources import content_dir
    from loosstory.story.loader import load_story

    reader = make_reader(qtbot, load_story(content_dir()), size=(1920, 1080))
    reader.state.show_sommaire()
    start = time.perf_counter()
    reader.state.show_screen("overview")
    reader.window.repaint()
    elapsed = time.perf_counter() - start
    assert len(reader.window.screens["overview"].grid.items) == 63
    assert elapsed < 1.0  # the figure: all pages shown within 1 s
