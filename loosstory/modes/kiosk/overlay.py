"""« Vous êtes toujours là ? »: the idle countdown over the reader, with a big "Continuer".

Shown by the controller after the idle timeout. It counts down ``duration_ms`` (at least
20 s on a real kiosk) with the seconds left written large inside a shrinking ring; a tap on
"Continuer" — or anywhere on it — emits ``continued``; at zero it emits ``expired``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from loosstory.modes.kiosk.theme import KioskLook, scale_for, shade, touch
from loosstory.ui.look.theme import body_font, title_font


class CountdownRing(QWidget):
    def __init__(self, look: KioskLook, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.fraction = 1.0
        self.seconds = 0
        self.setAccessibleName(QCoreApplication.translate("IdleOverlay", "Temps restant"))

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        side = min(self.width(), self.height())
        pen_w = max(6.0, side * 0.07)
        box = QRectF((self.width() - side) / 2 + pen_w / 2, (self.height() - side) / 2 + pen_w / 2,
                     side - pen_w, side - pen_w)
        track = QPen(shade(self.look.palette.ink, 0.12), pen_w)
        p.setPen(track)
        p.drawEllipse(box)
        arc = QPen(self.look.accent, pen_w, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        p.setPen(arc)
        p.drawArc(box, 90 * 16, round(360 * 16 * self.fraction))
        p.setPen(self.look.palette.ink)
        p.setFont(title_font(side * 0.38, 640))
        p.drawText(box, Qt.AlignmentFlag.AlignCenter, str(self.seconds))


class IdleOverlay(QWidget):
    continued = Signal()
    expired = Signal()

    def __init__(self, look: KioskLook, duration_ms: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("idleOverlay")
        self.look = look
        self.duration_ms = max(1, duration_ms)
        self._clock = QElapsedTimer()
        self._end = QTimer(self)
        self._end.setSingleShot(True)
        self._end.timeout.connect(self._expire)
        self._tick = QTimer(self)
        self._tick.timeout.connect(self._update)

        self.card = QWidget(self)
        self.card.setObjectName("idleCard")
        self.title = QLabel(self.card)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.text = QLabel(self.card)
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.ring = CountdownRing(look, self.card)
        self.button = QPushButton(self.card)
        self.button.setObjectName("continueButton")
        self.retranslate()
        self.button.clicked.connect(self.cancel)
        layout = QVBoxLayout(self.card)
        layout.addWidget(self.title)
        layout.addWidget(self.text)
        layout.addWidget(self.ring, 1)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.hide()

    def retranslate(self) -> None:
        """Its words in the interface's language (the visitor may have switched)."""
        self.title.setText(QCoreApplication.translate("IdleOverlay", "Vous êtes toujours là\u00a0?"))
        self.text.setText(QCoreApplication.translate("IdleOverlay", "Sinon, l’histoire reprendra depuis le début."))
        self.button.setText(QCoreApplication.translate("IdleOverlay", "Continuer"))
        self.button.setAccessibleName(QCoreApplication.translate("IdleOverlay", "Continuer la visite"))
        self.ring.setAccessibleName(QCoreApplication.translate("IdleOverlay", "Temps restant"))

    # -- running -------------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._end.isActive()

    def remaining_ms(self) -> int:
        if not self.running:
            return 0
        return max(0, self.duration_ms - self._clock.elapsed())

    def begin(self) -> None:
        self._clock.start()
        self._end.start(self.duration_ms)
        self._tick.start(max(10, min(200, self.duration_ms // 40)))
        self._update()
        self.show()
        self.raise_()
        self.button.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop(self) -> None:
        self._end.stop()
        self._tick.stop()
        self.hide()

    def cancel(self) -> None:
        if self.isVisible():
            self.stop()
            self.continued.emit()

    def _expire(self) -> None:
        self.stop()
        self.expired.emit()

    def _update(self) -> None:
        left = self.remaining_ms()
        self.ring.fraction = left / self.duration_ms
        self.ring.seconds = math.ceil(left / 1000) if self.running else 0
        self.ring.update()

    # -- input and look ------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        self.cancel()  # a tap anywhere means "still here"

    def resizeEvent(self, event) -> None:  # noqa: N802
        s = scale_for(self.width(), self.height())
        w = min(self.width() - 40, round(900 * s))
        h = min(self.height() - 40, round(760 * s))
        self.card.setGeometry((self.width() - w) // 2, (self.height() - h) // 2, w, h)
        m = round(56 * s)
        self.card.layout().setContentsMargins(m, m, m, m)
        self.card.layout().setSpacing(round(24 * s))
        self.title.setFont(title_font(max(32, 72 * s), 640))
        self.text.setFont(body_font(max(22, 36 * s)))
        self.ring.setMinimumSize(touch(s, 220), touch(s, 220))
        self.button.setFont(body_font(max(24, 44 * s), bold=True))
        self.button.setMinimumSize(touch(s, 460), touch(s, 120))
        p, look = self.look.palette, self.look
        radius = round(32 * s)
        self.card.setStyleSheet(
            f"QWidget#idleCard {{ background: {look.card.name()}; border-radius: {radius}px; }}"
            f"QLabel {{ color: {p.ink.name()}; background: transparent; }}"
            f"QPushButton {{ background: {look.accent.name()}; color: {look.on_accent.name()};"
            f" border: none; border-radius: {touch(s, 120) // 2}px; padding: 0 {m}px; }}"
            f"QPushButton:focus {{ border: {max(3, round(6 * s))}px solid {p.ink.name()}; }}")
        super().resizeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), shade(QColor(self.look.night), 0.78))
