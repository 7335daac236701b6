"""Moving through time: eased page scrolls and the glide after a swipe (none with reduced
motion), on the strip's horizontal scroll bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation
from PySide6.QtWidgets import QScrollBar


class TimeScroller(QObject):
    """Owns the two animations that move a scroll bar; jumps instead while ``motion_off()``
    (the view's reduced motion) is true."""

    def __init__(self, bar: QScrollBar, parent: QObject, motion_off: Callable[[], bool]) -> None:
        super().__init__(parent)
        self.bar = bar
        self.motion_off = motion_off
        self._glide = QVariantAnimation(self)
        self._glide.valueChanged.connect(self._move)
        self._scroll = QVariantAnimation(self)
        self._scroll.setDuration(260)
        self._scroll.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._scroll.valueChanged.connect(self._move)

    def _move(self, value) -> None:
        self.bar.setValue(int(value))

    def scroll_to(self, value: int, animate: bool = True) -> None:
        bar = self.bar
        value = max(bar.minimum(), min(bar.maximum(), value))
        if animate and not self.motion_off():
            self._scroll.stop()
            self._scroll.setStartValue(bar.value())
            self._scroll.setEndValue(value)
            self._scroll.start()
        else:
            bar.setValue(value)

    def glide(self, velocity_px_per_s: float) -> None:
        """Momentum after a swipe (none with reduced motion)."""
        if self.motion_off() or abs(velocity_px_per_s) < 300:
            return
        bar = self.bar
        distance = max(-2500.0, min(2500.0, velocity_px_per_s * 0.35))
        self._glide.stop()
        self._glide.setDuration(700)
        self._glide.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._glide.setStartValue(bar.value())
        self._glide.setEndValue(int(max(bar.minimum(), min(bar.maximum(), bar.value() + distance))))
        self._glide.start()

    def stop(self) -> None:
        self._glide.stop()
        self._scroll.stop()
