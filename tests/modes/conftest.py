"""A kiosk on the test story, with timings in tens of milliseconds (no sleep: wait on
signals and conditions)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from loosstory.modes.kiosk.controller import KioskController
from loosstory.modes.kiosk.pin import hash_pin
from loosstory.modes.kiosk.settings import KioskSettings
from loosstory.stats.store import EventStore
from loosstory.ui.look.theme import load_fonts
from loosstory.ui.state.config import ReaderConfig


@pytest.fixture(autouse=True, scope="session")
def _fonts(qapp) -> None:
    load_fonts()


# The staff PIN of the test kiosks (not the factory one, which asks for a new PIN first).
STAFF_PIN = "1357"
STAFF_HASH = hash_pin(STAFF_PIN)


class FakeClock:
    """A clock the test moves by hand (seconds since 1970)."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_kiosk(qtbot, result, data: Path, source: Path | None = None, size=(1280, 800),
               clock=None, **overrides) -> KioskController:
    options = dict(data_dir=data, idle_timeout=0.15, countdown=0.25, test_timings=True,
                   attract_slide_seconds=0.05, admin_long_press=0.08, watch_seconds=0.02,
                   config_file=data / "kiosk.yaml", pin_hash=STAFF_HASH)
    options.update(overrides)
    settings = KioskSettings(**options)
    store = EventStore(settings.stats_file)
    extra = {"clock": clock} if clock is not None else {}
    kiosk = KioskController(settings, result, source or data / "source", store,
                            ReaderConfig(transition_ms=0, resize_debounce_ms=0), frame_ms=10,
                            **extra)
    kiosk.pin_clock = FakeClock()  # wrong PINs wait on this clock, moved by the tests
    kiosk.pinpad.guard.clock = kiosk.pin_clock
    kiosk.quit_app = lambda status: None  # the test's event loop is not the kiosk's to end
    kiosk.window.keep_fullscreen = False  # offscreen: a fixed size, so pixels are known
    qtbot.addWidget(kiosk.window)
    kiosk.start(show=False)
    kiosk.window.resize(*size)
    kiosk.window.show()
    qtbot.waitExposed(kiosk.window)
    return kiosk


@pytest.fixture
def kiosk(qtbot, load_result, tmp_path):
    made = make_kiosk(qtbot, load_result, tmp_path / "data")
    yield made
    made.stop()
    made.window.allow_close()
    made.window.close()
    made.store.close()
    QApplication.processEvents()

