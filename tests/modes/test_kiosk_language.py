"""The kiosk in two languages: « English » on the attract loop and on the page, the next
visitor finds French again, the figures count switches and pages per language (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from loosstory.modes.kiosk import controller as modes
from loosstory.stats.report import as_text, build_report
from loosstory.stats.store import read_events
from loosstory.story.loader import load_story
from loosstory.ui import i18n
from tests.modes.conftest import make_kiosk
from tests.packs.bilingual import write_bilingual


def test_english_visit_then_french_again_and_counted(qtbot, tmp_path):
    result = load_story(write_bilingual(tmp_path))
    kiosk = make_kiosk(qtbot, result, tmp_path / "data", idle_timeout=0.4)
    try:
        assert kiosk.mode == modes.ATTRACT
        button = kiosk.attract_language
        assert button.isVisible() and button.text() == "English" and button.height() >= 44
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # a tap on the attract loop
        assert kiosk.mode == modes.VISIT and kiosk.state.language == "en"
        assert i18n.interface_language() == "en"
        kiosk.state.next()
        ref = kiosk.state.page.ref
        qtbot.mouseClick(kiosk.reader.language_button, Qt.MouseButton.LeftButton)  # back
        assert kiosk.state.language == "fr" and kiosk.state.page.ref == ref
        qtbot.mouseClick(kiosk.reader.language_button, Qt.MouseButton.LeftButton)
        assert kiosk.state.language == "en"
        qtbot.waitUntil(lambda: kiosk.mode == modes.COUNTDOWN, timeout=5000)
        assert kiosk.overlay.title.text() == "Are you still there?"
        assert kiosk.overlay.button.text() == "Continue"
        qtbot.waitUntil(lambda: kiosk.mode == modes.ATTRACT, timeout=5000)  # idle reset
        assert kiosk.overlay.button.text() == "Continuer"
        assert kiosk.state.language == "fr" and i18n.interface_language() == "fr"
        assert not kiosk.state.story.chapters[0].title.startswith("EN ")
        assert kiosk.reader.language_button.text() == "English"
        events = read_events(kiosk.settings.stats_file)
        report = build_report(events)
        assert report.language_changes == {"en": 2, "fr": 1}
        # a page counts in the language it was read in when left: here all in English
        assert report.pages_by_language["en"] >= 2
        assert sum(report.pages_by_language.values()) == sum(report.page_views.values())
        assert "changements de langue : vers en 2, vers fr 1" in as_text(report)
    finally:
        kiosk.stop()
        kiosk.window.allow_close()
        kiosk.window.close()
        kiosk.store.close()
        QApplication.processEvents()
        i18n.install("fr")
