"""The glossary on screen (issue 18): pop-ups by tap and keyboard, the A–Z screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from loosstory.story.loader import load_story
from tests.ui.conftest import make_reader

Key = Qt.Key
PACK = Path(__file__).resolve().parents[1] / "packs" / "workshop"


def open_page(qtbot, ref: str):
    reader = make_reader(qtbot, load_story(PACK))
    reader.window.activateWindow()
    qtbot.waitUntil(reader.window.isActiveWindow)
    reader.state.start()
    reader.state.go_to_ref(ref)
    page = reader.window.page
    qtbot.waitUntil(lambda: page.text.toPlainText().strip() != "")
    return reader, page


def anchor_point(text, href: str) -> QPoint:
    """Where the link to ``href`` is drawn in the text's viewport."""
    document = text.document()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = text.textCursor()
                cursor.setPosition(fragment.position() + 1)
                return text.cursorRect(cursor).center()
            it += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def test_a_tap_on_a_term_opens_its_definition_and_escape_closes_it(qtbot):
    reader, page = open_page(qtbot, "resilience-et-transition/frise")
    point = anchor_point(page.text, "glossaire:frise")
    qtbot.mouseClick(page.text.viewport(), Qt.MouseButton.LeftButton, pos=point)
    popup = page.term_popup
    qtbot.waitUntil(lambda: popup is not None and popup.isVisible())
    assert popup.heading.text() == "frise"
    assert popup.definition.text().startswith("Une bande où les dates")
    assert QApplication.focusWidget() is popup.close_button
    assert page.geometry().contains(popup.geometry())
    assert popup.close_button.height() >= 44
    qtbot.keyClick(popup.close_button, Key.Key_Escape)
    assert not popup.isVisible()
    assert reader.state.screen == "page"  # Escape closed the pop-up, not the page


def test_keyboard_tab_to_a_term_and_enter_opens_it(qtbot):
    reader, page = open_page(qtbot, "energie/constat")
    page.text.setFocus()
    qtbot.waitUntil(lambda: page.text.hasFocus())
    qtbot.keyClick(page.text, Key.Key_Tab)  # the first link: « paragraphe »
    qtbot.waitUntil(lambda: page.text.textCursor().charFormat().isAnchor()
                    or page.text.textCursor().hasSelection())
    qtbot.keyClick(page.text, Key.Key_Return)
    qtbot.waitUntil(lambda: page.term_popup is not None and page.term_popup.isVisible())
    assert page.term_popup.term_id == "paragraphe"
    qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return)  # « Fermer »
    assert not page.term_popup.isVisible()
    assert QApplication.focusWidget() is page.text


def test_the_glossary_screen_lists_terms_a_to_z_from_the_sommaire(qtbot):
    reader = make_reader(qtbot, load_story(PACK))
    reader.state.show_sommaire()
    sommaire = reader.window.current_screen()
    assert sommaire.glossary_button.isVisible()
    qtbot.mouseClick(sommaire.glossary_button, Qt.MouseButton.LeftButton)
    assert reader.state.screen == "glossary"
    screen = reader.window.current_screen()
    text = screen.text.toPlainText()
    order = [text.index(word) for word in ("étape", "extraction", "frise", "molette",
                                            "paragraphe", "place")]
    assert order == sorted(order)
    assert "E\n" in text  # letter headings
    qtbot.keyClick(screen.back_button, Key.Key_Escape)
    assert reader.state.screen == "sommaire"
