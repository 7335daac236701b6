"""Issue 15: a tap on a figure (or Enter on it) opens it large, caption and credit shown;
a tap, Esc, Backspace or Alt+← closes it, and the page is where it was."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

Key = Qt.Key


def _figure_page(reader):
    reader.state.start()
    reader.state.go_to_ref("culture/debut")  # two figures
    page = reader.window.page
    reader.qtbot.waitUntil(lambda: page.figures and page.figures[0].isVisible()
                           and page.figures[0].width() > 50)
    return page


def _tap(widget, at: QPoint | None = None) -> None:
    point = at or widget.rect().center()
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_a_tap_opens_the_figure_full_screen_and_esc_closes_it(reader):
    page = _figure_page(reader)
    figure = page.figures[0]
    _tap(figure.image)
    zoom = page.zoom
    assert zoom is not None and zoom.isVisible()
    assert zoom.geometry() == page.rect()  # the whole screen of the page
    assert zoom.image.width() > figure.image.width()
    assert zoom.caption.isVisible() and zoom.caption.text() == figure.figure.caption
    assert zoom.credit.isVisible() and zoom.credit.text() == figure.figure.credit
    assert zoom.close_button.hasFocus() and zoom.close_button.height() >= 44
    reader.qtbot.keyClick(reader.window, Key.Key_Escape)
    assert page.zoom is None and not zoom.isVisible()
    assert reader.state.screen == "page" and reader.where() == "culture/debut"  # not the sommaire
    assert figure.hasFocus()  # back where the visitor was


def test_enter_on_a_focused_figure_opens_it_and_a_tap_closes_it(reader):
    page = _figure_page(reader)
    figure = page.figures[1]
    figure.setFocus()
    reader.qtbot.keyClick(figure, Key.Key_Return)
    zoom = page.zoom
    assert zoom is not None and zoom.figure is figure.figure
    _tap(zoom.image)
    assert page.zoom is None and reader.where() == "culture/debut"


def test_backspace_alt_left_and_next_close_without_turning(reader):
    page = _figure_page(reader)
    for key, modifier in ((Key.Key_Backspace, Qt.KeyboardModifier.NoModifier),
                          (Key.Key_Left, Qt.KeyboardModifier.AltModifier),
                          (Key.Key_PageDown, Qt.KeyboardModifier.NoModifier)):
        _tap(page.figures[0].image)
        assert page.zoom is not None
        reader.qtbot.keyClick(reader.window, key, modifier)
        assert page.zoom is None, key
        assert reader.where() == "culture/debut"


def test_a_swipe_across_a_figure_turns_the_page_and_opens_nothing(reader):
    page = _figure_page(reader)
    reader.drag(page.figures[0].image, -300)
    assert page.zoom is None
    assert reader.where() != "culture/debut"
