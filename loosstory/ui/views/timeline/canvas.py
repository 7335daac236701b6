"""The scrolling strip of the timeline: taps, drags, swipes, the wheel and the keys."""

from __future__ import annotations

from time import monotonic
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

from loosstory.ui.views.interactive import ItemCanvas
from loosstory.ui.views.timeline.items import EventItem, PeriodItem

if TYPE_CHECKING:
    from loosstory.ui.views.timeline.view import TimelineView

DRAG_THRESHOLD = 10


class TimelineCanvas(ItemCanvas):
    """The scrolling strip. Scene coordinates are pixels; it scrolls horizontally only."""

    def __init__(self, owner: TimelineView) -> None:
        super().__init__(owner, owner)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self._press: QPointF | None = None
        self._press_scroll = 0
        self._pressed_item = None
        self.dragging = False
        self._trail: list[tuple[float, float]] = []

    def item_at(self, pos: QPointF) -> EventItem | PeriodItem | None:
        for item in self.items(pos.toPoint()):
            if isinstance(item, (EventItem, PeriodItem)):
                return item
        return None

    # -- pointer: a tap opens, a drag (mouse or finger) moves through time ---------------
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        self.owner.stop_glide()
        self._press = event.position()
        self._press_scroll = self.horizontalScrollBar().value()
        self._pressed_item = self.item_at(event.position())
        self.dragging = False
        self._trail = [(monotonic(), event.position().x())]
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self._press is None:
            self.owner.set_hover_item(self.item_at(event.position()))
            return
        dx = event.position().x() - self._press.x()
        if not self.dragging and abs(dx) >= DRAG_THRESHOLD:
            self.dragging = True
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        if self.dragging:
            self.horizontalScrollBar().setValue(int(self._press_scroll - dx))
            self._trail = (self._trail + [(monotonic(), event.position().x())])[-6:]
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        if self._press is None:
            return
        if self.dragging:
            self.viewport().unsetCursor()
            if len(self._trail) >= 2:
                (t0, x0), (t1, x1) = self._trail[0], self._trail[-1]
                if t1 - t0 > 0:
                    self.owner.glide(-(x1 - x0) / (t1 - t0))
        else:
            item = self.item_at(event.position())
            if item is not None and item is self._pressed_item:
                self.owner.activate(item)
        self._press = None
        self.dragging = False
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt API)
        delta = event.pixelDelta()
        if not delta.isNull():
            amount = delta.x() if abs(delta.x()) > abs(delta.y()) else delta.y()
        else:
            angle = event.angleDelta()
            amount = (angle.x() if abs(angle.x()) > abs(angle.y()) else angle.y()) * 1.5
        self.owner.stop_glide()
        bar = self.horizontalScrollBar()
        bar.setValue(int(bar.value() - amount))
        event.accept()

    def scrollContentsBy(self, dx: int, dy: int) -> None:  # noqa: N802 (Qt API)
        super().scrollContentsBy(dx, dy)
        self.owner.scrolled()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.owner.canvas_resized()
