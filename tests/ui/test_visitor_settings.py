"""Issue 15, section 4: the « Aa » button and its settings panel, driven by keys; Enter on
buttons; Ctrl+plus/minus/0; read-aloud through espeak-ng (or its absence); remembered
settings; high contrast through the one look module."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from loosstory.ui.look.theme import Palette, contrast_ratio
from loosstory.ui.settings.store import load_settings, save_settings
from loosstory.ui.speech.backend import EspeakBackend, NoVoice
from loosstory.ui.speech.reader import ReadAloud, sentences
from loosstory.ui.state import Settings
from tests.ui.conftest import make_reader

Key = Qt.Key


def _open_settings_by_keys(reader) -> None:
    window = reader.window
    window.settings_button.setFocus()
    reader.qtbot.keyClick(window.settings_button, Key.Key_Return)
    assert window.settings_panel is not None and window.settings_panel.isVisible()


@pytest.mark.parametrize("screen", ["cover", "sommaire", "page"])
def test_aa_button_on_every_screen_named_and_big_enough(reader, screen):
    if screen == "sommaire":
        reader.state.show_sommaire()
    elif screen == "page":
        reader.state.start()
    button = reader.window.settings_button
    assert button.isVisible() and button.text() == "Aa"
    assert button.accessibleName()
    assert min(button.width(), button.height()) >= 44
    # above the screen, inside the window
    assert reader.window.rect().contains(button.geometry())


def test_panel_takes_focus_keeps_tab_and_gives_it_back(reader):
    window = reader.window
    _open_settings_by_keys(reader)
    panel = window.settings_panel
    assert panel.isAncestorOf(QApplication.focusWidget())
    for _ in range(len(panel.buttons()) + 3):  # Tab cycles inside the open panel
        reader.qtbot.keyClick(QApplication.focusWidget(), Key.Key_Tab)
        assert panel.isAncestorOf(QApplication.focusWidget())
    reader.qtbot.keyClick(QApplication.focusWidget(), Key.Key_Escape)
    assert not panel.isVisible()
    assert QApplication.focusWidget() is window.settings_button
    assert reader.state.screen == "cover"  # Esc closed the panel, nothing else


def test_text_size_by_panel_and_by_ctrl_keys_reflows(reader):
    reader.state.start()
    window = reader.window
    body_before = window._scale.body
    _open_settings_by_keys(reader)
    panel = window.settings_panel
    panel.size_buttons[2].setFocus()
    reader.qtbot.keyClick(panel.size_buttons[2], Key.Key_Return)  # Enter activates
    assert reader.state.settings.text_scale == 2.0
    assert window._scale.body == pytest.approx(body_before * 2.0)
    reader.qtbot.keyClick(QApplication.focusWidget(), Key.Key_Escape)
    focus = QApplication.focusWidget()
    reader.qtbot.keyClick(focus, Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert reader.state.settings.text_scale == 1.5
    reader.qtbot.keyClick(focus, Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert reader.state.settings.text_scale == 1.0
    reader.qtbot.keyClick(focus, Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert reader.state.settings.text_scale == 1.5
    assert reader.where() == "resilience/intro"  # no page turned by these keys


def test_high_contrast_and_reduced_motion_by_space(reader):
    window = reader.window
    _open_settings_by_keys(reader)
    panel = window.settings_panel
    panel.contrast.setFocus()
    reader.qtbot.keyClick(panel.contrast, Key.Key_Space)
    assert reader.state.settings.high_contrast
    assert window.palette_ == Palette.high_contrast()
    panel.motion.setFocus()
    reader.qtbot.keyClick(panel.motion, Key.Key_Return)
    assert reader.state.settings.reduced_motion and window.transition.duration_ms == 0
    panel.contrast.setFocus()
    reader.qtbot.keyClick(panel.contrast, Key.Key_Return)
    assert not reader.state.settings.high_contrast
    assert window.palette_ != Palette.high_contrast()


def test_high_contrast_palette_meets_its_ratios():
    p = Palette.high_contrast()
    assert contrast_ratio(p.ink, p.background) >= 7.0
    assert contrast_ratio(p.muted, p.background) >= 7.0
    assert contrast_ratio(p.ink, p.surface) >= 7.0
    assert contrast_ratio(p.accent, p.background) >= 3.0  # the focus ring
    assert contrast_ratio(p.accent_text, p.background) >= 4.5
    assert contrast_ratio(p.on_accent, p.accent) >= 4.5


def test_enter_activates_focused_buttons(reader):
    reader.state.start()
    page = reader.window.page
    from PySide6.QtWidgets import QPushButton

    sommaire = [b for b in page.findChildren(QPushButton) if b.isVisible()
                and "ommaire" in b.text()]
    assert sommaire, "the footer's « Sommaire » button"
    sommaire[0].setFocus()
    reader.qtbot.keyClick(sommaire[0], Key.Key_Return)
    assert reader.state.screen == "sommaire"


def test_sentences_are_cut_where_a_sentence_ends():
    assert sentences("La fosse ouvre en 1850. Elle ferme ! Pourquoi ?\nFin") == [
        "La fosse ouvre en 1850.", "Elle ferme !", "Pourquoi ?", "Fin"]


def test_without_a_voice_the_panel_says_so_and_nothing_fails(reader):
    window = reader.window
    _open_settings_by_keys(reader)
    panel = window.settings_panel
    panel.speech.backend = NoVoice()
    assert not panel.speech.read("Bonjour.", "fr")
    # a fresh panel with no voice shows the message and a disabled button
    from loosstory.ui.settings.panel import SettingsPanel

    quiet = SettingsPanel(reader.state, ReadAloud(NoVoice()), window.text_to_read, window)
    assert not quiet.read.isEnabled() and quiet.no_voice.isVisibleTo(quiet)
    assert "aucune voix" in quiet.no_voice.text()


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng not installed")
def test_read_aloud_speaks_highlights_and_any_key_stops_it(reader, qtbot):
    reader.state.start()
    window = reader.window
    _open_settings_by_keys(reader)
    panel = window.settings_panel
    assert isinstance(panel.speech.backend, EspeakBackend)
    assert window.text_to_read().strip()
    panel.read.setFocus()
    with qtbot.waitSignal(panel.speech.started, timeout=5000):
        reader.qtbot.keyClick(panel.read, Key.Key_Return)
    assert panel.speech.speaking and window._reading_band.isVisible()
    assert window._reading_band.text()  # the sentence being read, shown large
    reader.qtbot.keyClick(QApplication.focusWidget(), Key.Key_Escape)  # close the panel
    with qtbot.waitSignal(panel.speech.finished, timeout=5000):
        reader.qtbot.keyClick(QApplication.focusWidget(), Key.Key_Right)  # any key stops it
    assert not panel.speech.speaking and not window._reading_band.isVisible()


def test_settings_are_remembered_in_a_private_qsettings(_private_qsettings):
    assert load_settings() == Settings()
    save_settings(Settings(text_scale=1.5, high_contrast=True, reduced_motion=True))
    assert load_settings() == Settings(text_scale=1.5, high_contrast=True, reduced_motion=True)
    assert any(_private_qsettings.rglob("*.ini"))


def test_a_second_reader_on_a_small_window_places_the_button(qtbot, load_result):
    small = make_reader(qtbot, load_result, size=(1024, 768))
    button = small.window.settings_button
    assert button.geometry().right() < 1024 and button.height() >= 44
    small.loader.wait_for_done()
