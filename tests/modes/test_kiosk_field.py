"""Kiosks in the field (issue 19): one tap to the shown chapter, no countdown on an
untouched screen, the safe first PIN and the growing wait, opening hours on a fake clock.
Offscreen, timers of tens of milliseconds, no sleeps."""

from __future__ import annotations

import logging
from datetime import datetime

import pytest
from PySide6.QtCore import QElapsedTimer, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from loosstory.modes.kiosk import controller as modes
from loosstory.modes.kiosk.hours import parse_hours
from loosstory.modes.kiosk.pin import DEFAULT_PIN, DEFAULT_PIN_HASH, verify_pin
from loosstory.modes.kiosk.pinguard import PinGuard, delay
from loosstory.modes.kiosk.pinpad import NEW, NEW_TITLE
from loosstory.modes.kiosk.settings import load_settings
from loosstory.stats.store import read_events
from tests.modes.conftest import STAFF_PIN, FakeClock, make_kiosk

Key = Qt.Key


def close_kiosk(kiosk) -> None:
    kiosk.stop()
    kiosk.window.allow_close()
    kiosk.window.close()
    kiosk.store.close()
    QApplication.processEvents()


@pytest.fixture
def kiosks(qtbot, load_result, tmp_path):
    made = []

    def make(**options):
        kiosk = make_kiosk(qtbot, load_result, tmp_path / "data", **options)
        made.append(kiosk)
        return kiosk

    yield make
    for kiosk in made:
        close_kiosk(kiosk)


def tap(qtbot, widget, x=600, y=400) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(x, y))


# -- 1. one tap to the story ------------------------------------------------------------------
@pytest.mark.parametrize("slide", [0, 2, 3])
def test_one_tap_opens_the_chapter_the_loop_was_showing(kiosks, qtbot, load_result, slide):
    kiosk = kiosks()
    story = load_result.story
    qtbot.waitUntil(lambda: kiosk.attract.index == slide, timeout=3000)
    tap(qtbot, kiosk.attract)
    assert kiosk.mode == modes.VISIT and kiosk.state.screen == "page"
    expected = story.chapters[max(0, slide - 1)]  # slide 0 is the story's own cover
    assert kiosk.state.chapter.id == expected.id
    assert kiosk.state.page.id == expected.pages[0].id
    assert kiosk.reader.isVisible() and not kiosk.attract.isVisible()
    kiosk.reset("idle")
    events = read_events(kiosk.settings.stats_file)
    pages = [e.ref for e in events if e.kind == "page_view"]
    assert pages == [f"{expected.id}/{expected.pages[0].id}"]  # no stop on the cover


def test_no_countdown_on_a_screen_nobody_touched(kiosks, qtbot):
    kiosk = kiosks()
    seen: list[str] = []
    kiosk.mode_changed.connect(seen.append)
    clock = QElapsedTimer()
    clock.start()
    tap(qtbot, kiosk.attract)  # a passer-by brushes the screen and walks on
    qtbot.waitUntil(lambda: kiosk.mode == modes.ATTRACT, timeout=3000)
    elapsed = clock.elapsed()
    assert seen == [modes.VISIT, modes.ATTRACT]  # never the countdown
    assert not kiosk.overlay.isVisible() and kiosk.resets == 1
    # the same time as idle + countdown: a reader who does not touch is not cut short
    settings = kiosk.settings
    assert elapsed >= (settings.idle_ms + settings.countdown_ms) * 0.9
    ends = [e.ref for e in read_events(settings.stats_file) if e.kind == "visit_end"]
    assert ends == ["idle"]


def test_a_touch_after_the_opening_tap_brings_the_countdown_back(kiosks, qtbot):
    kiosk = kiosks()
    tap(qtbot, kiosk.attract)
    qtbot.waitUntil(lambda: kiosk.quiet_reset.isActive(), timeout=3000)  # idle, untouched
    tap(qtbot, kiosk.reader, 640, 300)  # someone is reading after all
    assert not kiosk.quiet_reset.isActive() and kiosk.mode == modes.VISIT
    qtbot.waitUntil(lambda: kiosk.mode == modes.COUNTDOWN, timeout=3000)
    assert kiosk.overlay.isVisible()


def test_the_attract_loop_never_counts_down(kiosks, qtbot):
    kiosk = kiosks()
    assert not kiosk.idle.running and not kiosk.quiet_reset.isActive()
    with qtbot.assertNotEmitted(kiosk.overlay.expired, wait=600):
        pass  # four idle timeouts on the attract loop: no question, no reset
    assert kiosk.mode == modes.ATTRACT and kiosk.resets == 0


# -- 2. a safe first PIN ------------------------------------------------------------------------
def open_pad(kiosk, qtbot) -> None:
    kiosk.lockdown.admin_requested.emit()
    assert kiosk.mode == modes.PIN and kiosk.pinpad.isVisible()


def type_code(qtbot, pad, code: str, keyboard: bool) -> None:
    if keyboard:
        QTest.keyClicks(pad, code)
        QTest.keyClick(pad, Key.Key_Return)
    else:
        for digit in code:
            qtbot.mouseClick(pad.buttons[digit], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(pad.buttons["Valider"], Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("keyboard", [False, True], ids=["touch", "keyboard"])
def test_the_factory_pin_asks_for_a_new_pin_before_anything_else(kiosks, qtbot, tmp_path,
                                                                 keyboard):
    kiosk = kiosks(pin_hash=DEFAULT_PIN_HASH)
    pad = kiosk.pinpad
    open_pad(kiosk, qtbot)
    type_code(qtbot, pad, DEFAULT_PIN, keyboard)
    assert kiosk.mode == modes.PIN and not kiosk.admin.isVisible()  # not yet
    assert pad.stage == NEW and pad.title.text() == NEW_TITLE
    assert "2468" in pad.message.text() and "4 à 12 chiffres" in pad.message.text()
    type_code(qtbot, pad, DEFAULT_PIN, keyboard)  # keeping the factory code: refused
    assert pad.stage == NEW and "code d’usine" in pad.message.text()
    type_code(qtbot, pad, "12", keyboard)
    assert pad.stage == NEW and "4 à 12 chiffres" in pad.message.text()
    type_code(qtbot, pad, "864200", keyboard)
    assert "seconde fois" in pad.message.text()
    type_code(qtbot, pad, "864201", keyboard)  # a slip: both codes again
    assert pad.stage == NEW and "diffèrent" in pad.message.text()
    type_code(qtbot, pad, "864200", keyboard)
    type_code(qtbot, pad, "864200", keyboard)
    assert kiosk.mode == modes.ADMIN and kiosk.admin.isVisible()
    saved = load_settings(kiosk.settings.config_file).pin_hash
    assert verify_pin("864200", saved) and not verify_pin(DEFAULT_PIN, saved)
    # from now on the new code opens the panel directly, and 2468 is just a wrong code
    qtbot.mouseClick(kiosk.admin.buttons["close"], Qt.MouseButton.LeftButton)
    open_pad(kiosk, qtbot)
    type_code(qtbot, pad, DEFAULT_PIN, keyboard)
    assert pad.message.text().startswith("Code incorrect")
    kiosk.pin_clock.advance(60)
    pad._tick()  # the pad's next tick (the idle timer would close the pad before it)
    assert pad.buttons["1"].isEnabled()
    type_code(qtbot, pad, "864200", keyboard)
    assert kiosk.mode == modes.ADMIN


def test_cancelling_the_new_pin_opens_nothing(kiosks, qtbot):
    kiosk = kiosks(pin_hash=DEFAULT_PIN_HASH)
    open_pad(kiosk, qtbot)
    type_code(qtbot, kiosk.pinpad, DEFAULT_PIN, keyboard=False)
    qtbot.mouseClick(kiosk.pinpad.cancel_button, Qt.MouseButton.LeftButton)
    assert kiosk.mode == modes.ATTRACT and not kiosk.admin.isVisible()
    assert load_settings(kiosk.settings.config_file).pin_hash == DEFAULT_PIN_HASH


def test_wrong_pins_wait_longer_each_time_shown_logged_and_kept_across_restarts(
        kiosks, qtbot, caplog, tmp_path):
    caplog.set_level(logging.WARNING, "loosstory.kiosk")
    kiosk = kiosks()
    pad = kiosk.pinpad
    open_pad(kiosk, qtbot)
    waits = []
    for _ in range(1, 6):
        type_code(qtbot, pad, "0000", keyboard=False)
        left = pad.waiting()
        waits.append(left)
        assert f"dans {round(left)}\u00a0s" in pad.message.text(), pad.message.text()
        # while it waits, even the right code is not looked at
        type_code(qtbot, pad, STAFF_PIN, keyboard=True)
        assert kiosk.mode == modes.PIN and "Patientez" in pad.message.text()
        kiosk.pin_clock.advance(left - 0.5)
        pad._tick()
        assert pad.waiting() == pytest.approx(0.5) and "dans 1\u00a0s" in pad.message.text()
        kiosk.pin_clock.advance(0.5)
        pad._tick()
        assert pad.message.text() == "Tapez le code"
    assert waits == [2, 4, 8, 16, 32]
    failures = [r for r in caplog.records if "code PIN incorrect" in r.getMessage()]
    assert len(failures) == 5 and "5 échec(s)" in failures[-1].getMessage()
    type_code(qtbot, pad, "0000", keyboard=False)  # the sixth: 64 s
    assert pad.waiting() == 64
    # the kiosk restarts (power cut): the count and the wait are still there
    again = PinGuard(kiosk.settings.data_dir, kiosk.pin_clock)
    assert again.failures == 6 and again.remaining() == 64
    restarted = kiosks()
    restarted.pinpad.guard.clock = kiosk.pin_clock
    open_pad(restarted, qtbot)
    assert "nouvel essai possible dans 1\u00a0min 04\u00a0s" in restarted.pinpad.message.text()
    assert not restarted.pinpad.buttons["1"].isEnabled()
    kiosk.pin_clock.advance(64)
    restarted.pinpad._tick()
    type_code(qtbot, restarted.pinpad, STAFF_PIN, keyboard=False)
    assert restarted.mode == modes.ADMIN
    assert PinGuard(kiosk.settings.data_dir).failures == 0  # a right code resets the count


def test_the_delay_grows_to_an_hour_and_a_clock_set_back_cannot_lengthen_it(tmp_path):
    assert [delay(n) for n in range(0, 4)] == [0, 2, 4, 8]
    assert delay(12) == 3600 and delay(500) == 3600
    clock = FakeClock()
    guard = PinGuard(tmp_path, clock)
    for _ in range(12):
        guard.failed()
    assert guard.remaining() == 3600
    clock.advance(-86400)  # someone sets the clock back a day
    assert guard.remaining() == 3600
    (tmp_path / "pin-guard.json").write_text("{abîmé", encoding="utf-8")
    assert PinGuard(tmp_path, clock).failures == 0  # a damaged file: a warning, not a crash


# -- 3. opening hours -------------------------------------------------------------------------
class FakeNow:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def hours(**days):
    found, warnings = parse_hours(days, "kiosk.yaml")
    assert not warnings
    return found


def test_outside_opening_hours_a_black_screen_no_loop_and_no_visits(kiosks, qtbot):
    now = FakeNow(datetime(2026, 12, 8, 9, 0))  # a Tuesday, 9:00
    kiosk = kiosks(clock=now, opening_hours=hours(mardi="10:00-18:00",
                                                  mercredi="10:00-18:00"))
    calls: list[bool] = []
    kiosk.closed.display = lambda on: calls.append(on) or True
    assert kiosk.mode == modes.CLOSED
    assert kiosk.closed.isVisible() and not kiosk.attract.isVisible()
    assert not kiosk.attract.running and not kiosk.closed.awake
    image = kiosk.window.grab().toImage()
    assert image.pixelColor(600, 400).name() == "#000000"
    tap(qtbot, kiosk.closed)  # staff touch the black screen
    assert kiosk.mode == modes.CLOSED and kiosk.closed.awake
    assert "Réouverture aujourd’hui à 10\u00a0h\u00a000" in kiosk.closed.note()
    assert "coin en haut à gauche" in kiosk.closed.note()
    qtbot.waitUntil(lambda: not kiosk.closed.awake, timeout=2000)  # back to black…
    assert calls and calls[-1] is False  # …and the display asked to sleep
    assert read_events(kiosk.settings.stats_file) == []  # no visit while closed
    # staff can still reach the panel while closed, and it closes back to black
    open_pad(kiosk, qtbot)
    type_code(qtbot, kiosk.pinpad, STAFF_PIN, keyboard=False)
    assert kiosk.mode == modes.ADMIN
    qtbot.mouseClick(kiosk.admin.buttons["close"], Qt.MouseButton.LeftButton)
    assert kiosk.mode == modes.CLOSED
    # opening time: the loop comes back by itself, the display is woken
    now.moment = datetime(2026, 12, 8, 10, 0)
    kiosk.hours.check()
    assert kiosk.mode == modes.ATTRACT and kiosk.attract.running and calls[-1] is True
    assert not kiosk.closed.isVisible()


def test_closing_time_waits_for_the_visit_under_way(kiosks, qtbot):
    now = FakeNow(datetime(2026, 12, 8, 17, 58))
    kiosk = kiosks(clock=now, opening_hours=hours(mardi="10:00-18:00"))
    kiosk.closed.display = lambda on: True
    tap(qtbot, kiosk.attract)
    now.moment = datetime(2026, 12, 8, 18, 0)
    kiosk.hours.check()
    assert kiosk.mode == modes.VISIT  # a visitor reading at 18:00 is not thrown out
    kiosk.reset("idle")
    assert kiosk.mode == modes.CLOSED
    assert "Réouverture mercredi" not in kiosk.closed.note()  # Wednesday is closed here
    assert "mardi prochain à 10\u00a0h\u00a000" in kiosk.closed.note()  # next Tuesday


def test_the_kiosk_closes_from_the_attract_loop_at_closing_time(kiosks, qtbot):
    now = FakeNow(datetime(2026, 12, 8, 17, 59))
    kiosk = kiosks(clock=now, opening_hours=hours(mardi="10:00-18:00"))
    kiosk.closed.display = lambda on: True
    kiosk.hours.timer.setInterval(10)
    assert kiosk.mode == modes.ATTRACT
    now.moment = datetime(2026, 12, 8, 18, 0, 30)
    qtbot.waitUntil(lambda: kiosk.mode == modes.CLOSED, timeout=2000)  # its own timer
    tap(qtbot, kiosk.closed)
    assert kiosk.mode == modes.CLOSED and not kiosk.recorder.in_visit


def test_the_end_of_a_wait_does_not_overwrite_the_new_pin_instructions(kiosks, qtbot):
    kiosk = kiosks(pin_hash=DEFAULT_PIN_HASH)
    pad = kiosk.pinpad
    open_pad(kiosk, qtbot)
    type_code(qtbot, pad, "0000", keyboard=True)
    assert pad.tick.isActive() and not pad.buttons["1"].isEnabled()  # keys greyed
    kiosk.pin_clock.advance(2)  # the wait is over before the pad's next tick
    type_code(qtbot, pad, DEFAULT_PIN, keyboard=True)
    assert pad.stage == NEW
    pad._tick()
    assert "4 à 12 chiffres" in pad.message.text() and not pad.tick.isActive()


def test_the_display_sleeps_through_xset_under_x11_and_nothing_happens_elsewhere(
        qtbot, tmp_path, monkeypatch):
    import os
    import types

    from loosstory.modes.kiosk import closed

    assert closed.display_power(False) is False  # offscreen: nothing to ask, no error
    calls = tmp_path / "xset-calls.txt"
    fake = tmp_path / "bin" / "xset"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\necho \"$@\" >> {calls}\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(closed, "QGuiApplication", types.SimpleNamespace(platformName=lambda: "xcb"))
    assert closed.display_power(False) is True
    qtbot.waitUntil(lambda: calls.exists() and calls.read_text().count("\n") == 1, timeout=5000)
    assert closed.display_power(True) is True
    qtbot.waitUntil(lambda: calls.read_text().count("\n") == 2, timeout=5000)
    assert calls.read_text().splitlines() == ["dpms force off", "dpms force on -dpms"]
