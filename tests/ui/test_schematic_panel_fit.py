"""The house's detail panel: its text never runs under the "Voir aussi" buttons.

Whatever the order of opening, closing, switching and resizing, the text browser is as
tall as its document laid out at the width the browser really shows, and the buttons sit
below it. The house lives in the reader, whose style sheet gives text browsers a focus
ring (a border as thick as ``TypeScale.focus_width``): the host below carries it too.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from itertools import permutations  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget  # noqa: E402

from loosstory.story.loader import load_story  # noqa: E402
from loosstory.ui.look.styles import stylesheet  # noqa: E402
from loosstory.ui.look.theme import Palette, TypeScale, load_fonts  # noqa: E402
from loosstory.ui.views import schematic as schematic_ui  # noqa: E402
from tests.packs import MINI  # noqa: E402
from tests.ui.fakes import FakeState  # noqa: E402

PACK = MINI  # made for the tests (tests/packs/README.md); not the bundled story
# the museum's screens, and a larger one whose thicker focus ring once clipped the text
SIZES = [(1920, 1080), (1280, 800), (1024, 768), (1024, 600), (2560, 1440)]




@pytest.fixture(scope="module")
def story(qapp):
    load_fonts()
    return load_story(PACK).story


class Host(QWidget):
    """The house in a window styled as the reader styles itself for its size."""

    def __init__(self, story) -> None:
        super().__init__()
        self.palette_ = Palette.from_look(story.look)
        self.view = schematic_ui.create(story, FakeState(), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        size = event.size()
        self.setStyleSheet(stylesheet(self.palette_,
                                      TypeScale.for_size(size.width(), size.height())))
        super().resizeEvent(event)


@pytest.fixture
def host(qtbot, story) -> Host:
    widget = Host(story)
    qtbot.addWidget(widget)
    widget.resize(*SIZES[0])
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def geometry_of(panel) -> tuple:
    body = panel.body
    return (panel.geometry(), panel.scroll.viewport().size(), panel.scroll.widget().size(),
            body.geometry(), body.document().textWidth(), body.document().size(),
            tuple(button.geometry() for button in panel.link_buttons))


def settle(panel) -> None:
    """Process events until the panel's geometry stops changing (no clock involved)."""
    app = QApplication.instance()
    last, same = None, 0
    for _ in range(200):
        app.processEvents()
        now = geometry_of(panel)
        same = same + 1 if now == last else 0
        if same >= 3:
            return
        last = now
    raise AssertionError("the panel never settled")


def assert_fits(view, what: str) -> None:
    panel = view.panel
    settle(panel)
    body, content = panel.body, panel.scroll.widget()
    document = body.document()
    where = f"{what} ({view.window().width()}×{view.window().height()})"
    assert panel.isVisible() and body.isVisible(), where
    # the text is wrapped at the width it has, and its browser is as tall as the text
    assert document.textWidth() == body.viewport().width(), where
    assert document.size().height() <= body.viewport().height(), where
    # everything below the text starts below it (all in the scrolled content's coordinates)
    bottom = body.geometry().y() + body.height()
    below = [w for w in (panel.meta, panel.see_also) if w.isVisible()] + panel.link_buttons
    assert below, where
    assert panel.link_buttons and panel.link_buttons[0].parentWidget() is content, where
    for widget in below:
        assert widget.geometry().y() >= bottom, f"{where}: {widget.objectName() or widget.text()}"
    # the panel scrolls to its last button when it is taller than the card
    last = panel.link_buttons[-1].geometry()
    assert content.height() >= last.y() + last.height(), where
    reach = panel.scroll.verticalScrollBar().maximum() + panel.scroll.viewport().height()
    assert reach >= last.y() + last.height(), where


def every_ordered_pair(ids: list[str]) -> list[str]:
    """A walk through ``ids`` stepping from each one to each other one exactly once (an
    Euler circuit of the complete directed graph): every step starts from a settled card."""
    left = {a: [b for b in ids if b != a] for a in ids}
    stack, walk = [ids[0]], []
    while stack:
        if left[stack[-1]]:
            stack.append(left[stack[-1]].pop())
        else:
            walk.append(stack.pop())
    return walk[::-1]


def test_the_walk_takes_every_ordered_pair_once() -> None:
    ids = ["a", "b", "c", "d"]
    walk = every_ordered_pair(ids)
    steps = list(zip(walk, walk[1:], strict=False))
    assert sorted(steps) == sorted(permutations(ids, 2))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("closing", [True, False], ids=["close-then-open", "switch"])
def test_opening_each_element_after_each_other_keeps_the_text_above_the_buttons(
        host, size, closing) -> None:
    view = host.view
    host.resize(*size)
    walk = every_ordered_pair([item.element.id for item in view.items_in_order])
    view.open_element(walk[0])  # the panel is built here, on first use
    assert_fits(view, walk[0])
    for first, second in zip(walk, walk[1:], strict=False):
        if closing:
            view.close_panel()
            settle(view.panel)
            assert not view.panel.isVisible()
        view.open_element(second)
        assert_fits(view, f"{first}, {'closed, ' if closing else ''}then {second}")


@pytest.mark.parametrize("start", SIZES)
def test_resizing_with_the_panel_open_or_closed_keeps_the_text_above_the_buttons(
        host, start) -> None:
    view = host.view
    for element_id in ("pilier-innovation", "pilier-systemique", "fondations-memoire"):
        for end in SIZES:
            if end == start:
                continue
            host.resize(*start)
            view.open_element(element_id)
            settle(view.panel)
            host.resize(*end)  # open while the card changes size
            assert_fits(view, f"{element_id} open, {start} to {end}")
            view.close_panel()
            host.resize(*start)  # closed while the card changes size
            settle(view.panel)
            view.open_element(element_id)
            assert_fits(view, f"{element_id} opened after {end} to {start}")
            view.close_panel()


def test_the_visitor_taps_close_and_taps_a_longer_pillar(qtbot, host) -> None:
    """The report: the star's card, « Fermer », then the innovation pillar's card."""
    view = host.view
    for size in SIZES:
        host.resize(*size)
        settle(view.panel)
        for element_id in ("pilier-etoile", "pilier-innovation"):
            qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton,
                             pos=view.element_centre(element_id).toPoint())
            assert_fits(view, element_id)
            if element_id == "pilier-etoile":
                qtbot.mouseClick(view.panel.close_button, Qt.MouseButton.LeftButton)
                assert not view.panel.isVisible()
        view.close_panel()


def test_an_element_opened_while_the_house_is_hidden_fits_once_shown(qtbot, host) -> None:
    """A "#pilier-…" link from another page opens the card before the house shows."""
    view = host.view
    view.open_element("fondations-memoire")
    settle(view.panel)
    view.close_panel()
    for size in SIZES:
        host.hide()
        host.resize(*size)
        view.open_element("pilier-systemique")
        host.show()
        qtbot.waitExposed(host)
        assert_fits(view, f"opened hidden, shown at {size}")
        view.close_panel()
