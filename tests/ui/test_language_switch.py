"""The language button on every screen: the same place, the panel and the settings kept,
every text in the other language at once (issue 16)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from loosstory.story.loader import load_story
from loosstory.ui import i18n
from loosstory.ui.reader.build import build_reader
from loosstory.ui.state import ReaderConfig
from loosstory.ui.state.state import ABOUT, COVER, ENDING, PAGE, SOMMAIRE
from tests.packs.bilingual import write_bilingual


@pytest.fixture
def reader(qtbot, tmp_path):
    result = load_story(write_bilingual(tmp_path))
    assert result.playable
    i18n.install("fr")
    state, _loader, window = build_reader(result, ReaderConfig(transition_ms=0, prefetch=False))
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    yield state, window
    i18n.install("fr")


def press(qtbot, window, how: str) -> None:
    button = window.language_button
    assert button.isVisible() and button.height() >= 44 and button.width() >= 44
    if how == "key":
        button.setFocus()
        qtbot.keyClick(button, Qt.Key.Key_Space)
    else:  # a click, or a tap (a touch screen's tap arrives as a mouse click on a button)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("how", ["click", "key", "tap"])
@pytest.mark.parametrize("screen", [COVER, SOMMAIRE, ENDING, ABOUT])
def test_every_screen_switches_and_back(qtbot, reader, screen, how):
    state, window = reader
    state.show_screen(screen) if screen in (ENDING, ABOUT) else (
        state.show_sommaire() if screen == SOMMAIRE else None)
    assert state.screen == screen
    assert window.language_button.text() == "English"
    assert window.language_button.accessibleName()
    press(qtbot, window, how)
    assert state.language == "en" and state.screen == screen
    assert state.story.chapters[0].title.startswith("EN ")
    assert window.language_button.text() == "Français"
    if screen == COVER:
        assert window.cover.start_button.accessibleName() == "Begin the visit"
        assert window.cover.sommaire_button.text() == "Contents"
    assert window.stack.currentWidget().accessibleName() in (
        "Cover", "Contents", "End of the visit", "About the exhibition")
    press(qtbot, window, how)
    assert state.language == "fr" and state.screen == screen
    assert not state.story.chapters[0].title.startswith("EN ")


def test_page_kept_with_settings_and_english_words(qtbot, reader):
    state, window = reader
    state.start()
    state.next()
    state.next()
    ref = state.page.ref
    state.change_settings(text_scale=1.3, high_contrast=True)
    settings = state.settings
    press(qtbot, window, "key")
    assert state.screen == PAGE and state.page.ref == ref
    assert state.settings == settings
    assert window.page.band.chapter_label.text().startswith("Chapter 1 · EN ")


def test_timeline_panel_stays_open_and_dates_in_english(qtbot, reader):
    state, window = reader
    state.start()
    assert state.navigate("#fermeture-11-19")
    view = window.page.view
    qtbot.waitUntil(lambda: view.panel is not None and view.panel.isVisible())
    assert view.panel.current_id == "fermeture-11-19"
    press(qtbot, window, "click")
    new_view = window.page.view
    qtbot.waitUntil(lambda: new_view.panel is not None and new_view.panel.isVisible())
    assert new_view.panel.current_id == "fermeture-11-19"
    event = next(e for e in state.story.timeline.events if e.id == "fermeture-11-19")
    assert event.language == "en" and event.date_label == event.date.told("en")
    assert "Close" in new_view.panel.close_button.text()


def test_missing_page_plays_in_french_with_a_notice(qtbot, tmp_path):
    root = write_bilingual(tmp_path)
    chapter = root / "en" / "02-energie.md"
    text = chapter.read_text(encoding="utf-8")
    heading = [line for line in text.splitlines() if line.startswith("## ")][1]
    chapter.write_text(text[: text.index(heading)], encoding="utf-8")  # drop the pages after
    result = load_story(root, "en")
    assert result.playable
    fallback = [p for c in result.story.chapters for p in c.pages if p.fallback]
    assert fallback and all(p.fallback == "fr" for p in fallback)
    i18n.install("en")
    try:
        state, _loader, window = build_reader(result, ReaderConfig(transition_ms=0,
                                                                   prefetch=False))
        qtbot.addWidget(window)
        state.go_to_ref(fallback[0].ref)
        assert window.page.band.chapter_label.text().endswith("Page in French (not yet translated)")
    finally:
        i18n.install("fr")


def test_snapshot_in_english(qtbot, tmp_path):
    from PySide6.QtGui import QImage

    from loosstory.cli import main

    root = write_bilingual(tmp_path)
    out = tmp_path / "sommaire-en.png"
    assert main(["snapshot", "--content", str(root), "--lang", "en", "--page", "sommaire",
                 "--size", "1024x768", "-o", str(out)]) == 0
    assert QImage(str(out)).size().width() == 1024
    assert i18n.interface_language() == "fr"  # put back for whoever runs next


def test_language_button_sits_beside_the_settings_button(reader):
    _state, window = reader
    for size in ((1024, 768), (1920, 1080)):
        window.resize(*size)
        language, settings = window.language_button, window.settings_button
        assert language.isVisible() and settings.isVisible()
        assert not language.geometry().intersects(settings.geometry()), size
        assert settings.geometry().right() < size[0]
