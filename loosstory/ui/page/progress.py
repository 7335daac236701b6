"""Progress indicators: dots for the chapter, a bar for the whole guided path."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget


class ProgressDots(QWidget):
    """One dot per page of the chapter; the current one filled and longer."""

    def __init__(self, colour: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colour = QColor(colour)
        self.current = 0
        self.count = 0
        self.dot = 12.0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_progress(self, current: int, count: int) -> None:
        """``current`` is 1-based."""
        self.current, self.count = current, count
        self.setAccessibleName(
            self.tr("Page %1 sur %2").replace("%1", str(current)).replace("%2", str(count))
        )
        self.updateGeometry()
        self.update()

    def set_dot_size(self, size: float) -> None:
        self.dot = size
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        gap = self.dot * 0.8
        return QSize(round(self.count * self.dot + max(0, self.count - 1) * gap + self.dot * 1.6),
                     round(self.dot * 1.6))

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        d, gap = self.dot, self.dot * 0.8
        y = self.height() / 2
        x = 0.0
        for index in range(1, self.count + 1):
            if index == self.current:
                rect = QRectF(x, y - d / 2, d * 2.6, d)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self.colour)
                painter.drawRoundedRect(rect, d / 2, d / 2)
                x += d * 2.6 + gap
            else:
                filled = index < self.current
                painter.setPen(QPen(self.colour, max(1.5, d * 0.16)))
                painter.setBrush(self.colour if filled else Qt.BrushStyle.NoBrush)
                painter.drawEllipse(QPointF(x + d / 2, y), d / 2 - 1, d / 2 - 1)
                x += d + gap


class PathProgress(QWidget):
    """A thin bar: how far along the whole guided path the reader is."""

    def __init__(self, track: QColor, fill: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.track, self.fill = QColor(track), QColor(fill)
        self.step, self.total = 0, 0
        self.thickness = 8.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_progress(self, step: int, total: int) -> None:
        self.step, self.total = step, total
        self.setAccessibleName(
            self.tr("Parcours : étape %1 sur %2").replace("%1", str(step)).replace("%2", str(total))
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(200, round(self.thickness * 2))

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = self.thickness
        rect = QRectF(0, (self.height() - t) / 2, self.width(), t)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.track)
        painter.drawRoundedRect(rect, t / 2, t / 2)
        if self.total:
            done = QRectF(rect)
            done.setWidth(max(t, rect.width() * self.step / self.total))
            painter.setBrush(self.fill)
            painter.drawRoundedRect(done, t / 2, t / 2)
