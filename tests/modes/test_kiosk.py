"""Kiosk mode (issue 4, point 7): idle countdown and reset, lockdown, the PIN path, touch,
crash recovery — offscreen, with timers of tens of milliseconds."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QElapsedTimer, QEvent, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from loosstory.modes.kiosk import controller as modes
from loosstory.modes.kiosk.attract import INVITATION
from loosstory.stats.store import read_events
from loosstory.story.loader import load_story
from loosstory.ui.state import ReaderState, Settings
from tests.modes.conftest import STAFF_PIN, make_kiosk

Key = Qt.Key
Mod = Qt.KeyboardModifier


def visit(kiosk, qtbot) -> None:
    """A visitor taps the attract loop: one tap opens the chapter it was showing (its
    first page; the story's own cover slide opens the first page of the story)."""
    assert kiosk.mode == modes.ATTRACT
    shown = kiosk.attract.shown_ref
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    assert kiosk.mode == modes.VISIT
    assert kiosk.state.screen == "page"
    first = kiosk.state.story.chapters[0].id
    assert kiosk.state.chapter.id == (shown or first) and kiosk.state.path.position.page == 0


def touch_reader(kiosk, qtbot) -> None:
    """The visitor touches the story itself (not a link: the middle of the page's top)."""
    qtbot.mouseClick(kiosk.reader, Qt.MouseButton.LeftButton, pos=QPoint(640, 300))


def state_snapshot(state: ReaderState) -> dict:
    """What a visitor can change on the state: screen, position, language, settings."""
    return {"screen": state.screen, "index": state.path.index if state.path else None,
            "language": state.language, "mode": state.mode, "settings": state.settings}


# -- idle ---------------------------------------------------------------------------------
def test_countdown_appears_continue_cancels_and_zero_resets(kiosk, qtbot):
    assert kiosk.attract.isVisible() and not kiosk.idle.running  # no countdown in attract
    visit(kiosk, qtbot)
    kiosk.state.start()
    kiosk.state.next()
    touch_reader(kiosk, qtbot)  # a visitor is there: the countdown asks them
    with qtbot.waitSignal(kiosk.mode_changed, timeout=2000) as blocker:
        pass
    assert blocker.args == [modes.COUNTDOWN]
    assert kiosk.overlay.isVisible() and kiosk.overlay.ring.seconds >= 1
    assert kiosk.overlay.title.text().startswith("Vous êtes toujours là")
    qtbot.mouseClick(kiosk.overlay.button, Qt.MouseButton.LeftButton)
    assert kiosk.mode == modes.VISIT and not kiosk.overlay.isVisible()
    assert kiosk.state.page.ref == "resilience/mine"  # the visitor goes on where they were
    qtbot.waitUntil(lambda: kiosk.mode == modes.COUNTDOWN, timeout=2000)
    old_state = kiosk.state
    qtbot.waitUntil(lambda: kiosk.mode == modes.ATTRACT, timeout=2000)
    assert kiosk.attract.isVisible() and not kiosk.overlay.isVisible()
    assert kiosk.state is not old_state and kiosk.state.screen == "cover"
    assert kiosk.resets == 1


def test_input_postpones_the_countdown(kiosk, qtbot):
    visit(kiosk, qtbot)
    timer = kiosk.idle.timer
    clock = QElapsedTimer()
    clock.start()
    for _ in range(4):  # keep tapping, each time a third of the idle timeout after the last
        qtbot.waitUntil(lambda: 0 <= timer.remainingTime() < timer.interval() * 2 // 3,
                        timeout=2000)
        qtbot.mouseClick(kiosk.reader, Qt.MouseButton.LeftButton, pos=QPoint(640, 300))
        assert kiosk.mode == modes.VISIT
    assert clock.elapsed() > timer.interval()  # without the taps, the countdown would be on
    qtbot.waitUntil(lambda: kiosk.mode == modes.COUNTDOWN, timeout=2000)


def test_reset_restores_every_setting_and_position(kiosk, qtbot, load_result):
    expected = {"screen": "cover", "index": 0, "language": load_result.story.language,
                "mode": modes.KIOSK, "settings": Settings()}
    assert state_snapshot(kiosk.state) == expected
    visit(kiosk, qtbot)
    state = kiosk.state
    assert state.go_to_ref("culture/base")
    # every field of the real Settings record, and the language
    changed = Settings(text_scale=1.6, high_contrast=True, reduced_motion=True, read_aloud=True,
                       reading_level="facile")
    assert all(a != b for a, b in zip(changed, Settings(), strict=True))
    with qtbot.waitSignal(state.settings_changed) as blocker:
        state.set_settings(changed)
    assert blocker.args == [changed]
    with qtbot.waitSignal(state.language_changed):
        state.set_language("en")
    assert state_snapshot(state) == {"screen": "page", "index": state.path.index,
                                     "language": "en", "mode": modes.KIOSK, "settings": changed}
    kiosk.reset("idle")
    assert kiosk.state is not state
    assert state_snapshot(kiosk.state) == expected
    assert kiosk.reader.isVisible() or kiosk.attract.isVisible()


def test_reset_closes_open_panels_of_the_interactive_views(qtbot, tmp_path):
    from loosstory.ui.views.timeline import TimelineView
    from tests.packs import MINI

    result = load_story(MINI)
    kiosk = make_kiosk(qtbot, result, tmp_path / "data")
    try:
        visit(kiosk, qtbot)
        chapter = next(c for c in result.story.chapters if any(p.view == "timeline"
                                                                for p in c.pages))
        page = next(p for p in chapter.pages if p.view == "timeline")
        assert kiosk.state.go_to_ref(page.ref)
        view = kiosk.reader.findChild(TimelineView)
        event = result.story.timeline.events[0].id
        assert view.open_entity(event) and view.panel.isVisible()
        kiosk.reset("idle")
        assert kiosk.reader.findChild(TimelineView) is None  # the new reader is at the cover
        kiosk.start_visit()
        kiosk.state.go_to_ref(page.ref)
        again = kiosk.reader.findChild(TimelineView)
        assert again is not view and not again.panel.isVisible()
        events = [e for e in read_events(kiosk.settings.stats_file) if e.kind == "timeline_tap"]
        assert [e.ref for e in events] == [event]
    finally:
        kiosk.stop()
        kiosk.window.allow_close()
        kiosk.window.close()


def test_a_reset_lets_go_of_the_old_reader_at_once(kiosk, qtbot):
    import shiboken6
    from PySide6.QtCore import SIGNAL

    visit(kiosk, qtbot)
    kiosk.state.go_to_ref("resilience/mine")
    loader, state, reader = kiosk.loader, kiosk.state, kiosk.reader
    qtbot.waitUntil(lambda: loader.pending == 0 and loader.cached_count > 0, timeout=5000)
    kiosk.reset("idle")
    assert loader.cached_count == 0  # its decoded images are freed now, not at deletion
    assert loader.receivers(SIGNAL("image_ready(QString,QImage)")) == 0
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(o) for o in (loader, state, reader)),
                    timeout=2000)


def test_no_idle_handling_outside_kiosk_mode(qtbot, load_result):
    from tests.ui.conftest import make_reader

    reader = make_reader(qtbot, load_result)
    reader.state.start()
    reader.state.next()
    with qtbot.assertNotEmitted(reader.state.screen_changed, wait=400):  # > any kiosk timeout
        pass
    assert reader.where() == "resilience/mine"
    names = {w.objectName() for w in QApplication.allWidgets() if w.isVisible()}
    assert not names & {"idleOverlay", "attractLoop", "pinPad", "kioskWindow"}
    assert QApplication.overrideCursor() is None
    assert reader.window.isWindow() and not reader.window.isFullScreen()


# -- lockdown -----------------------------------------------------------------------------
EXITS = [(Key.Key_Escape, Mod.NoModifier), (Key.Key_F4, Mod.AltModifier),
         (Key.Key_Q, Mod.ControlModifier), (Key.Key_W, Mod.ControlModifier),
         (Key.Key_F11, Mod.NoModifier), (Key.Key_Tab, Mod.AltModifier)]


@pytest.mark.parametrize("where", ["attract", "page"])
def test_every_exit_attempt_leaves_the_window_open(kiosk, qtbot, where):
    if where == "page":
        visit(kiosk, qtbot)
        kiosk.state.start()
    ref = kiosk.state.page.ref if where == "page" else ""
    target = QApplication.focusWidget() or kiosk.window
    for key, mods in EXITS:
        QTest.keyClick(target, key, mods)
    assert kiosk.window.close() is False
    QApplication.sendEvent(kiosk.window, QEvent(QEvent.Type.Close))
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(50, 50),
                             kiosk.reader.mapToGlobal(QPoint(50, 50)))
    assert QApplication.sendEvent(kiosk.reader, menu)  # swallowed: no menu
    qtbot.mouseClick(kiosk.window, Qt.MouseButton.RightButton, pos=QPoint(400, 400))
    QDesktopServices.openUrl(QUrl("https://example.org"))
    assert kiosk.state.navigate("https://example.org") is False
    QApplication.processEvents()
    assert kiosk.window.isVisible() and kiosk.window.close_attempts >= 2
    assert kiosk.mode == (modes.ATTRACT if where == "attract" else modes.VISIT)
    if where == "page":
        assert kiosk.state.screen == "page" and kiosk.state.page.ref == ref  # Esc did nothing
    assert not kiosk.pinpad.isVisible() and not kiosk.admin.isVisible()


def test_text_cannot_be_selected_or_dragged(kiosk, qtbot):
    visit(kiosk, qtbot)
    kiosk.state.start()
    QApplication.processEvents()
    for label in kiosk.reader.findChildren(QLabel):
        assert not label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    viewport = kiosk.reader.page.text.viewport()
    blocked = []
    kiosk.lockdown.blocked.connect(blocked.append)
    dbl = QMouseEvent(QEvent.Type.MouseButtonDblClick, QPointF(40, 40), QPointF(40, 40),
                      Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Mod.NoModifier)
    QApplication.sendEvent(viewport, dbl)
    assert "double click" in blocked
    assert not kiosk.reader.page.text.textCursor().hasSelection()
    assert not kiosk.window.acceptDrops()


def test_the_mouse_cursor_is_hidden(kiosk):
    assert QApplication.overrideCursor().shape() == Qt.CursorShape.BlankCursor


# -- the staff's way out --------------------------------------------------------------------
def test_key_chord_and_pin_open_the_admin_panel_and_quit_closes(kiosk, qtbot):
    visit(kiosk, qtbot)
    QTest.keyClick(kiosk.window, Key.Key_A, Mod.ControlModifier | Mod.AltModifier
                   | Mod.ShiftModifier)
    assert kiosk.mode == modes.PIN and kiosk.pinpad.isVisible()
    for digit in "1111":
        qtbot.mouseClick(kiosk.pinpad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.pinpad.buttons["Valider"], Qt.MouseButton.LeftButton)
    assert kiosk.pinpad.isVisible() and kiosk.pinpad.message.text().startswith("Code incorrect")
    kiosk.pin_clock.advance(2)  # the first wrong code costs 2 s…
    kiosk.pinpad._tick()  # …and the pad's next tick gives the keys back
    for digit in STAFF_PIN:
        qtbot.mouseClick(kiosk.pinpad.buttons[digit], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.pinpad.buttons["Valider"], Qt.MouseButton.LeftButton)
    assert kiosk.mode == modes.ADMIN and kiosk.admin.isVisible()
    from loosstory import __version__

    assert f"loosstory {__version__}" in kiosk.admin.status.text()  # issue 6: the version
    qtbot.mouseClick(kiosk.admin.buttons["figures"], Qt.MouseButton.LeftButton)
    assert "visites : " in kiosk.admin.details.text()
    qtbot.mouseClick(kiosk.admin.buttons["problems"], Qt.MouseButton.LeftButton)
    assert kiosk.admin.details.text().startswith("Derniers problèmes")
    statuses = []
    kiosk.quit_app = statuses.append
    qtbot.mouseClick(kiosk.admin.buttons["quit"], Qt.MouseButton.LeftButton)
    assert not kiosk.window.isVisible() and statuses == [modes.STAFF_QUIT_STATUS]
    kinds = [e.kind for e in read_events(kiosk.settings.stats_file)]
    assert kinds[0] == "visit_start" and kinds[-1] == "visit_end"


def test_corner_taps_and_long_press_open_the_pin_pad(kiosk, qtbot):
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert kiosk.mode == modes.ATTRACT  # the staff's corner does not start a visit…
    qtbot.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, pos=QPoint(600, 400))
    assert kiosk.mode == modes.VISIT  # …any other tap does
    qtbot.mouseClick(kiosk.reader, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    for _ in range(3):
        qtbot.mouseClick(kiosk.reader, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert kiosk.mode == modes.VISIT
    qtbot.mouseClick(kiosk.reader, Qt.MouseButton.LeftButton, pos=QPoint(600, 600))
    qtbot.mouseClick(kiosk.reader, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert kiosk.mode == modes.VISIT  # a tap elsewhere starts the count again
    for _ in range(4):
        qtbot.mouseClick(kiosk.reader, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert kiosk.mode == modes.PIN
    qtbot.mouseClick(kiosk.pinpad.cancel_button, Qt.MouseButton.LeftButton)
    assert kiosk.mode in (modes.ATTRACT, modes.VISIT) and not kiosk.pinpad.isVisible()
    kiosk.reset("idle")
    visit(kiosk, qtbot)
    QTest.mousePress(kiosk.reader, Qt.MouseButton.LeftButton, Mod.NoModifier, QPoint(5, 5))
    qtbot.waitUntil(lambda: kiosk.mode == modes.PIN, timeout=2000)
    QTest.mouseRelease(kiosk.reader, Qt.MouseButton.LeftButton, Mod.NoModifier, QPoint(5, 5))


def test_a_pin_pad_left_open_goes_back_to_the_attract_loop(kiosk, qtbot):
    visit(kiosk, qtbot)
    kiosk.open_pin()
    qtbot.waitUntil(lambda: kiosk.mode == modes.ATTRACT, timeout=2000)
    assert not kiosk.pinpad.isVisible()


# -- touch -------------------------------------------------------------------------------
def test_tap_targets_are_at_least_44_px_at_1080p(qtbot, load_result, tmp_path):
    kiosk = make_kiosk(qtbot, load_result, tmp_path / "data", size=(1920, 1080))
    try:
        def check(where: str) -> None:
            QApplication.processEvents()
            small = [(b.text(), b.width(), b.height())
                     for b in kiosk.window.findChildren(QAbstractButton)
                     if b.isVisible() and (b.width() < 44 or b.height() < 44)]
            assert not small, (where, small)

        visit(kiosk, qtbot)
        check("cover")
        kiosk.state.start()
        check("page")
        kiosk.state.show_sommaire()
        check("sommaire")
        kiosk.state.start()
        kiosk.idle.idle.emit()
        check("countdown")
        kiosk.overlay.cancel()
        kiosk.open_pin()
        check("pin")
        kiosk.pinpad.code = STAFF_PIN
        kiosk.pinpad.press("Valider")
        check("admin")
    finally:
        kiosk.stop()
        kiosk.window.allow_close()
        kiosk.window.close()


def test_one_swipe_turns_exactly_one_page(kiosk, qtbot):
    from tests.ui.test_navigation import _touch_swipe

    visit(kiosk, qtbot)
    kiosk.state.start()
    viewport = kiosk.reader.page.text.viewport()
    start = viewport.rect().center()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Mod.NoModifier, start)
    for step in range(1, 30):  # a long, jittery fling
        QTest.mouseMove(viewport, start + QPoint(-20 * step, (-1) ** step * 3))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Mod.NoModifier,
                       start + QPoint(-600, 0))
    assert kiosk.state.page.ref == "resilience/mine"
    _touch_swipe(kiosk.reader.page.text.viewport(), 3, -400)  # three fingers: one page
    qtbot.waitUntil(lambda: kiosk.state.page.ref != "resilience/mine", timeout=2000)
    assert kiosk.state.page.ref == "resilience/frise"
    QTest.keyClick(QApplication.focusWidget() or kiosk.window, Key.Key_Left)
    assert kiosk.state.page.ref == "resilience/mine"  # reading keys still reach the reader


# -- attract loop --------------------------------------------------------------------------
def test_attract_loop_cycles_the_pack_and_a_key_opens_the_shown_chapter(kiosk, qtbot,
                                                                         load_result):
    story = load_result.story
    assert [s.title for s in kiosk.attract.slides] == [story.title,
                                                       *(c.title for c in story.chapters)]
    assert kiosk.attract.slides[1].text == story.chapters[0].question
    with qtbot.waitSignal(kiosk.attract.slide_changed, timeout=2000):
        pass
    assert kiosk.attract._frame.isActive()  # slow motion runs
    assert kiosk.attract.accessibleName() == INVITATION
    qtbot.waitUntil(lambda: kiosk.attract.index == 2, timeout=3000)
    QTest.keyClick(kiosk.attract, Key.Key_Space)
    assert kiosk.mode == modes.VISIT and kiosk.state.screen == "page"
    assert kiosk.state.chapter.id == story.chapters[1].id  # slide 2 = the second chapter


def test_reduced_motion_shows_still_pictures(qtbot, load_result, tmp_path):
    kiosk = make_kiosk(qtbot, load_result, tmp_path / "data", attract_motion=False)
    try:
        assert kiosk.attract.running and not kiosk.attract._frame.isActive()
    finally:
        kiosk.stop()
        kiosk.window.allow_close()
        kiosk.window.close()


# -- it keeps running -------------------------------------------------------------------------
@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_logged_and_returns_to_the_attract_loop(kiosk, qtbot,
                                                                           caplog):
    visit(kiosk, qtbot)
    kiosk.state.start()

    def broken() -> None:
        raise RuntimeError("panne simulée")

    with caplog.at_level(logging.ERROR, logger="loosstory"):
        QTimer.singleShot(0, broken)
        qtbot.waitUntil(lambda: kiosk.mode == modes.ATTRACT, timeout=3000)
    assert kiosk.hooks.count == 1
    assert "panne simulée" in caplog.text
    assert kiosk.attract.isVisible() and kiosk.state.screen == "cover"
    ends = [e for e in read_events(kiosk.settings.stats_file) if e.kind == "visit_end"]
    assert [e.ref for e in ends] == ["crash"]


def test_visits_are_recorded(kiosk, qtbot):
    visit(kiosk, qtbot)
    opened = kiosk.state.page.ref  # the first page of the chapter the loop showed
    kiosk.state.start()
    kiosk.state.next()
    qtbot.waitUntil(lambda: kiosk.mode == modes.ATTRACT, timeout=3000)
    events = read_events(kiosk.settings.stats_file)
    kinds = [e.kind for e in events]
    assert kinds[0] == "visit_start" and kinds[-2:] == ["idle_reset", "visit_end"]
    pages = [e.ref for e in events if e.kind == "page_view"]
    assert pages == [opened] * (opened != "resilience/intro") + ["resilience/intro",
                                                                 "resilience/mine"]
    assert {e.visit for e in events} == {events[0].visit} and len(events[0].visit) == 16


def test_kiosk_visitor_settings_by_aa_counted_then_reset(kiosk, qtbot):
    """Issue 15: « Aa » is there in kiosk mode too; what a visitor changes is counted
    (anonymous: which setting, its new value) and the next visitor finds the defaults."""
    visit(kiosk, qtbot)
    window = kiosk.reader
    assert window.settings_button.isVisible()
    window.settings_button.setFocus()
    qtbot.keyClick(window.settings_button, Key.Key_Return)
    panel = window.settings_panel
    assert panel is not None and panel.isVisible()
    panel.size_buttons[2].click()
    panel.contrast.click()
    assert kiosk.state.settings != Settings()
    kiosk.reset("idle")
    assert kiosk.state.settings == Settings()
    changes = [(e.ref, e.value) for e in read_events(kiosk.settings.stats_file)
               if e.kind == "setting_change"]
    assert changes == [("text_scale", 2.0), ("high_contrast", 1.0)]
