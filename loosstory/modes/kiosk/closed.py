"""Outside opening hours: a black screen, the display asleep, a word for staff on a touch.

- :class:`HoursKeeper` looks at the clock (injectable: tests pass a fake one) every
  ``poll_ms`` and emits ``changed(open)`` when the kiosk opens or closes;
- :class:`ClosedScreen` is the black layer; a touch wakes it for ``wake_ms`` with
  « L’exposition est fermée — réouverture … » and how staff get in, then it goes black
  (and asks the display to sleep) again;
- :func:`display_power` asks X11 to switch the display off (``xset dpms force off``) or
  on (``xset dpms force on -dpms``); elsewhere (Wayland, offscreen, no ``xset``) it does
  nothing and returns False.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QProcess, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter
from PySide6.QtWidgets import QWidget

from loosstory.modes.kiosk.hours import OpeningHours
from loosstory.modes.kiosk.theme import scale_for
from loosstory.ui.look.theme import body_font, title_font

log = logging.getLogger("loosstory.kiosk")
CLOSED_TITLE = "L’exposition est fermée"
STAFF_HINT = ("Personnel : 5 touchers rapides dans le coin en haut à gauche, "
              "ou Ctrl + Alt + Maj + A.")


def display_power(on: bool) -> bool:
    """Wake or sleep the display through DPMS under X11; False where that is not possible."""
    if QGuiApplication.platformName() != "xcb" or shutil.which("xset") is None:
        return False
    # forcing a level switches DPMS on; at opening it is switched off again, so that the
    # display never sleeps by itself during opening hours (the guide asks for that)
    command = ["dpms", "force", "on", "-dpms"] if on else ["dpms", "force", "off"]
    # detached: Qt reaps the process, the UI thread never waits for the X server
    started = QProcess.startDetached("xset", command)
    if not (started[0] if isinstance(started, tuple) else started):
        log.warning("mise en veille de l’écran impossible (xset n’a pas démarré)")
        return False
    return True


class HoursKeeper(QObject):
    changed = Signal(bool)  # True: opening time; False: closing time

    def __init__(self, hours: OpeningHours | None, clock: Callable[[], datetime] = datetime.now,
                 poll_ms: int = 20000, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hours = hours
        self.clock = clock
        self.timer = QTimer(self)
        self.timer.setInterval(max(10, poll_ms))
        self.timer.timeout.connect(self.check)
        self._was_open = self.is_open()

    def is_open(self) -> bool:
        return self.hours is None or self.hours.is_open(self.clock())

    def start(self) -> None:
        if self.hours is not None:
            self.timer.start()

    def check(self) -> None:
        now_open = self.is_open()
        if now_open != self._was_open:
            self._was_open = now_open
            log.info("horaires : %s", "ouverture" if now_open else "fermeture")
            self.changed.emit(now_open)

    def next_opening(self) -> str:
        if self.hours is None:
            return ""
        return self.hours.describe_next_opening(self.clock())


class ClosedScreen(QWidget):
    """Black; a touch shows the staff note for ``wake_ms``. ``display`` is called with
    False when the screen goes black (tests replace it to see the calls)."""

    woken = Signal()

    def __init__(self, next_opening: Callable[[], str], wake_ms: int = 30000,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("closedScreen")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(CLOSED_TITLE)
        self.next_opening = next_opening
        self.display: Callable[[bool], bool] = display_power
        self.awake = False
        self.sleep_timer = QTimer(self)
        self.sleep_timer.setSingleShot(True)
        self.sleep_timer.setInterval(max(1, wake_ms))
        self.sleep_timer.timeout.connect(self.blank)
        self.hide()

    def begin(self) -> None:
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        self.blank()

    def stop(self) -> None:
        self.sleep_timer.stop()
        self.awake = False
        self.hide()

    def blank(self) -> None:
        self.awake = False
        self.update()
        self.display(False)

    def wake(self) -> None:
        self.awake = True
        self.sleep_timer.start()
        self.setAccessibleDescription(self.note())
        self.update()
        self.woken.emit()

    def reopening(self) -> str:
        when = self.next_opening()
        return f"Réouverture {when}." if when else ""

    def note(self) -> str:
        return f"{self.reopening()}\n{STAFF_HINT}".strip()

    # -- input: any touch wakes it (and is never a visit) ----------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        event.accept()
        self.wake()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self.wake()

    def event(self, event) -> bool:
        if event.type().name == "TouchBegin":
            event.accept()
            self.wake()
            return True
        return super().event(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#000000"))
        if not self.awake:
            return
        s = scale_for(self.width(), self.height())
        width = min(self.width() - round(120 * s), round(1200 * s))
        left = (self.width() - width) / 2
        centre = int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                     | Qt.TextFlag.TextWordWrap)
        y = self.height() * 0.32
        # white and light grey on black: far above 4.5:1
        for text, font, colour, gap in (
                (CLOSED_TITLE, title_font(max(34, 84 * s), 640), "#ffffff", 36),
                (self.reopening(), body_font(max(22, 44 * s)), "#f2f2f2", 56),
                (STAFF_HINT, body_font(max(18, 30 * s)), "#c8c8c8", 0)):
            if not text:
                continue
            p.setFont(font)
            p.setPen(QColor(colour))
            box = p.boundingRect(QRectF(left, y, width, self.height()), centre, text)
            p.drawText(QRectF(left, y, width, box.height()), centre, text)
            y += box.height() + gap * s
