"""The reading-level switch (issue 18): on the page, by tap and keyboard, kept as a setting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from loosstory.story.loader import load_story
from tests.ui.conftest import make_reader

PACK = Path(__file__).resolve().parents[1] / "packs" / "workshop"


def test_the_switch_shows_each_level_and_the_choice_follows_to_other_pages(qtbot):
    reader = make_reader(qtbot, load_story(PACK))
    state = reader.state
    state.start()
    state.go_to_ref("energie/constat")
    page = reader.window.page
    switch = page.level_switch
    assert switch.isVisible()
    assert [lv for lv, b in switch.buttons.items() if b.isVisible()] == [
        "facile", "standard", "approfondi"]
    assert page.text.toPlainText().startswith("Un paragraphe d’essai")
    qtbot.mouseClick(switch.buttons["facile"], Qt.MouseButton.LeftButton)
    assert state.settings.reading_level == "facile"
    assert page.text.toPlainText().startswith("Voici un texte facile.")
    assert switch.buttons["facile"].property("primary") is True
    button = switch.buttons["approfondi"]  # by keyboard: Tab to it, Space
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert state.settings.reading_level == "approfondi"
    assert page.text.toPlainText().startswith("Une version plus longue")
    state.change_settings(reading_level="facile")
    state.go_to_ref("energie/eglise-solaire")  # a page with only a facile version
    assert page.text.toPlainText().startswith("Cette phrase beaucoup trop longue")
    assert not switch.buttons["approfondi"].isVisible()
    state.go_to_ref("code-source/fondations")  # no level here: the standard text, no switch
    assert not switch.isVisible()
    assert page.text.toPlainText().startswith("Un paragraphe d’essai")
