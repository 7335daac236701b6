"""Render the kiosk's own screens to docs/screenshots/kiosk-*.png (offscreen).

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.modes.kiosk_screenshots

Attract loop (the story's cover and a chapter), the idle countdown over a page, the PIN
pad (typing, waiting after a wrong code, choosing a new PIN in place of the factory one),
the admin panel and the closed-hours screen woken by a touch, at 1920×1080 and 1024×768.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QDeadlineTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


def settle(app: QApplication, controller, ms: int = 4000) -> None:
    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        app.processEvents()
        if controller.attract.loader.pending == 0:
            loader = controller.loader
            if loader is None or loader.pending == 0:
                break
    for _ in range(5):
        app.processEvents()


def size_name(width: int, height: int) -> str:
    return f"{width}x{height}"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from loosstory.modes.kiosk.controller import KioskController
    from loosstory.modes.kiosk.settings import KioskSettings
    from loosstory.story.loader import load_story
    from loosstory.ui.look.theme import load_fonts
    from loosstory.ui.reader.build import wait_until_drawn
    from loosstory.ui.state.config import ReaderConfig

    load_fonts()
    result = load_story(ROOT / "content")
    data = Path(tempfile.mkdtemp())
    for width, height in ((1920, 1080), (1024, 768)):
        settings = KioskSettings(data_dir=data / size_name(width, height), idle_timeout=3600,
                                 countdown=30, attract_slide_seconds=3600,
                                 config_file=data / size_name(width, height) / "kiosk.yaml")
        controller = KioskController(settings, result, ROOT / "content", None,
                                     ReaderConfig(transition_ms=0), frame_ms=1000)
        window = controller.window
        window.keep_fullscreen = False
        controller.start(show=False)
        window.resize(width, height)
        window.show()
        settle(app, controller)
        controller.attract._frame.stop()
        size = f"{width}x{height}"
        window.grab().save(str(OUT / f"kiosk-attract-{size}.png"))
        controller.attract.advance()
        controller.attract.advance()
        controller.attract.advance()
        controller.attract._frame.stop()
        settle(app, controller)
        window.grab().save(str(OUT / f"kiosk-attract-chapitre-{size}.png"))
        controller.start_visit()
        controller.state.start()
        controller.state.next()
        wait_until_drawn(controller.reader)
        controller.idle.idle.emit()
        app.processEvents()
        controller.overlay._tick.stop()
        controller.overlay.ring.seconds = 24
        controller.overlay.ring.fraction = 0.8
        window.grab().save(str(OUT / f"kiosk-countdown-{size}.png"))
        controller.overlay.cancel()
        controller.open_pin()
        for digit in "24":
            controller.pinpad.press(digit)
        app.processEvents()
        window.grab().save(str(OUT / f"kiosk-pin-{size}.png"))
        controller.pinpad.code = "1111"
        controller.pinpad.press("Valider")  # wrong: 2 s to wait, counted down on the pad
        app.processEvents()
        window.grab().save(str(OUT / f"kiosk-pin-attente-{size}.png"))
        controller.pinpad.guard.until = 0  # (the wait is over)
        controller.pinpad.guard.failures = 0
        controller.pinpad.code = "2468"
        controller.pinpad.press("Valider")  # the factory code: a new one first
        for digit in "86":
            controller.pinpad.press(digit)
        app.processEvents()
        window.grab().save(str(OUT / f"kiosk-pin-nouveau-{size}.png"))
        for code in ("8642", "8642"):
            controller.pinpad.code = code
            controller.pinpad.press("Valider")
        controller.show_figures()
        app.processEvents()
        window.grab().save(str(OUT / f"kiosk-admin-{size}.png"))
        controller.admin.closed.emit()
        from loosstory.modes.kiosk.hours import parse_hours

        controller.hours.hours, _ = parse_hours({"mardi": "10:00-18:00"}, "kiosk.yaml")
        controller.hours.clock = lambda: __import__("datetime").datetime(2026, 12, 8, 20, 15)
        controller.go_attract()  # after hours: black
        controller.closed.wake()  # a touch: the word for staff
        app.processEvents()
        window.grab().save(str(OUT / f"kiosk-ferme-{size}.png"))
        controller.stop()
        window.allow_close()
        window.close()
        print(f"kiosk screenshots at {size} written to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
