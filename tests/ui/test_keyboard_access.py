"""Issue 15, section 2 and "Tests and figures": every screen at 100 % and 200 % and in high
contrast — every control named, ≥ 44 px, reachable by Tab with no invisible stop, Enter
activates it; every text colour against its background meets its ratio."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from loosstory.ui.look.theme import contrast_ratio

Key = Qt.Key
SCREENS = ("cover", "sommaire", "page")
SETTINGS = {"100": {}, "200": {"text_scale": 2.0}, "contraste": {"high_contrast": True}}


def _show(reader, screen: str) -> None:
    {"cover": reader.state.show_cover, "sommaire": reader.state.show_sommaire,
     "page": reader.state.start}[screen]()


def _tab_cycle(reader) -> list:
    """The widgets Tab visits from the screen's own focus (a text stays focused while Tab
    goes through its links, so: a fixed number of presses, more than the controls)."""
    seen: list = []
    for _ in range(60):
        reader.qtbot.keyClick(QApplication.focusWidget() or reader.window, Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus not in seen:
            seen.append(focus)
    return seen


@pytest.mark.parametrize("setting", list(SETTINGS))
@pytest.mark.parametrize("screen", SCREENS)
def test_every_control_named_big_reachable_and_no_invisible_stop(reader, screen, setting):
    if SETTINGS[setting]:
        reader.state.change_settings(**SETTINGS[setting])
    _show(reader, screen)
    window = reader.window
    visited = _tab_cycle(reader)
    for widget in visited:  # no invisible stop: every stop is a visible, named control
        assert widget.isVisible(), widget
        assert widget.accessibleName() or (isinstance(widget, QAbstractButton) and widget.text())
        assert widget is not window.current_screen(), "the screen itself is a Tab stop"
    controls = [b for b in window.findChildren(QAbstractButton)
                if b.isVisible() and b.isEnabled() and b.window() is window
                and b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert controls
    for button in controls:
        assert button in visited, f"Tab never reaches {button.objectName() or button.text()}"
        assert button.accessibleName() or button.text(), button
        assert min(button.width(), button.height()) >= 44, (button.text(), button.size())
    assert window.settings_button in visited


@pytest.mark.parametrize("screen", SCREENS)
def test_enter_activates_every_focused_button(reader, screen):
    _show(reader, screen)
    window = reader.window
    controls = [b for b in window.findChildren(QAbstractButton)
                if b.isVisible() and b.isEnabled() and b.window() is window]
    for button in controls:
        _show(reader, screen)  # each press may change the screen: start from it again
        if not button.isVisible():
            continue
        button.setFocus()
        with reader.qtbot.waitSignal(button.clicked, timeout=1000):
            reader.qtbot.keyClick(button, Key.Key_Return)
        panel = window.settings_panel
        if panel is not None and panel.isVisible():
            panel.close_panel()


@pytest.mark.parametrize("high_contrast", [False, True])
def test_text_colours_meet_their_ratios(reader, high_contrast):
    reader.state.change_settings(high_contrast=high_contrast)
    p = reader.window.palette_
    body = 7.0 if high_contrast else 4.5
    assert contrast_ratio(p.ink, p.background) >= body
    assert contrast_ratio(p.ink, p.surface) >= body  # buttons, panels
    assert contrast_ratio(p.muted, p.background) >= 4.5
    assert contrast_ratio(p.accent_text, p.background) >= 4.5  # focus rings are accent_text
    assert contrast_ratio(p.accent_text, p.surface) >= 3.0
    assert contrast_ratio(p.on_accent, p.accent) >= 4.5
    assert contrast_ratio(p.background, p.ink) >= body  # checked buttons: inverted



def test_back_after_a_link_by_button_backspace_and_alt_left(reader):
    from PySide6.QtCore import QUrl

    reader.state.start()
    reader.qtbot.keyClick(reader.window, Key.Key_Right)
    assert reader.where() == "resilience/mine"
    text = reader.window.page.text
    text.anchorClicked.emit(QUrl("#culture/base"))
    assert reader.where() == "culture/base"
    back = reader.window._back
    assert back is not None and back.isVisible() and back.accessibleName()
    assert min(back.width(), back.height()) >= 44
    back.setFocus()
    reader.qtbot.keyClick(back, Key.Key_Return)  # the visible « Retour »
    assert reader.where() == "resilience/mine" and not back.isVisible()
    text = reader.window.page.text
    text.anchorClicked.emit(QUrl("#energie"))
    assert reader.where() == "energie/constat"
    reader.qtbot.keyClick(QApplication.focusWidget() or reader.window, Key.Key_Backspace)
    assert reader.where() == "resilience/mine"
    reader.window.page.text.anchorClicked.emit(QUrl("#energie"))
    reader.qtbot.keyClick(QApplication.focusWidget() or reader.window, Key.Key_Left,
                          Qt.KeyboardModifier.AltModifier)
    assert reader.where() == "resilience/mine"
    assert not reader.state.can_go_back


def test_back_reopens_the_panel_the_visitor_had_open(reader):
    reader.state.start()
    reader.state.report_opened("timeline", "evt-a")  # a view reports its open panel
    opened: list[str] = []
    reader.state.entity_requested.connect(opened.append)
    reader.state.navigate("culture/base")  # a « Voir aussi » link to a page
    assert reader.where() == "culture/base"
    assert reader.state.back()
    assert reader.where() == "resilience/intro" and opened == ["evt-a"]


def test_a_page_change_is_announced_with_its_title_and_position(reader):
    reader.state.start()
    reader.qtbot.keyClick(reader.window, Key.Key_Right)
    description = reader.window.accessibleDescription()
    assert reader.state.page.title in description and "étape 2 sur" in description
