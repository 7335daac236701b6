"""Page and screen transitions that never block input.

Before a move, :meth:`Transition.capture` grabs a picture of the screen; after it, the new
screen is live underneath and an overlay shows the old picture sliding away and fading.
The overlay lets every mouse and touch event through, and a new move finishes the running
transition at once (:meth:`finish`), so a fast reader is never held back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPointF
from PySide6.QtWidgets import QWidget

from loosstory.ui.qtlazy import Qt

# The classes only a transition uses are imported where it is made (after the cover's first
# frame): importing a PySide6 class builds its Python type (~0.5 ms each with its enums).
if TYPE_CHECKING:
    from PySide6.QtCore import QVariantAnimation
    from PySide6.QtGui import QPixmap


class _Overlay(QWidget):
    def __init__(self, parent: QWidget) -> None:
        from PySide6.QtGui import QPixmap

        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pixmap = QPixmap()
        self.progress = 0.0
        self.direction = 0
        self.hide()

    def paintEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtGui import QPainter

        if self.pixmap.isNull():
            return
        painter = QPainter(self)
        t = self.progress
        painter.setOpacity(max(0.0, 1.0 - t))
        shift = -self.direction * self.width() * 0.18 * t
        painter.drawPixmap(QPointF(shift, 0), self.pixmap)


class Transition(QObject):
    """Cross-fade with a short slide in the reading direction, over ``host``.

    The overlay and its animation are made for the first transition played, not with the
    window: the cover's first frame has none to play (see qtlazy).
    """

    def __init__(self, host: QWidget, duration_ms: int) -> None:
        super().__init__(host)
        self._host = host
        self.duration_ms = duration_ms
        self._overlay: _Overlay | None = None
        self._animation: QVariantAnimation | None = None
        self._pending: QPixmap | None = None

    @property
    def running(self) -> bool:
        return self._overlay is not None and self._overlay.isVisible()

    def _make(self) -> tuple[_Overlay, QVariantAnimation]:
        if self._overlay is None or self._animation is None:
            from PySide6.QtCore import QEasingCurve, QVariantAnimation

            self._overlay = _Overlay(self._host)
            animation = self._animation = QVariantAnimation(self)
            animation.setStartValue(0.0)
            animation.setEndValue(1.0)
            animation.setEasingCurve(QEasingCurve.Type.OutCubic)
            animation.valueChanged.connect(self._on_value)
            animation.finished.connect(self.finish)
        return self._overlay, self._animation

    def capture(self) -> None:
        """Grab the current picture (call before the screen changes)."""
        self.finish()
        if self.duration_ms <= 0 or not self._host.isVisible():
            self._pending = None
            return
        self._pending = self._host.grab()

    def play(self, direction: int) -> None:
        """Animate from the captured picture to what is now on screen."""
        if self._pending is None:
            return
        overlay, animation = self._make()
        overlay.pixmap, self._pending = self._pending, None
        overlay.direction = direction
        overlay.progress = 0.0
        overlay.setGeometry(self._host.rect())
        overlay.raise_()
        overlay.show()
        animation.setDuration(self.duration_ms)
        animation.start()

    def finish(self) -> None:
        """Jump to the end: hide the overlay now."""
        if self._animation is None or self._overlay is None:
            return
        from PySide6.QtCore import QAbstractAnimation
        from PySide6.QtGui import QPixmap

        if self._animation.state() == QAbstractAnimation.State.Running:
            self._animation.stop()
        self._overlay.hide()
        self._overlay.pixmap = QPixmap()

    def _on_value(self, value: float) -> None:
        if self._overlay is not None:
            self._overlay.progress = float(value)
            self._overlay.update()
