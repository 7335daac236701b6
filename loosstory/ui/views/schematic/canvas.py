"""The drawing surface of the house: taps, hover and keys; any input skips the build-up."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent

from loosstory.ui.views.interactive import ItemCanvas
from loosstory.ui.views.schematic.items import ElementItem, StarItem

if TYPE_CHECKING:
    from loosstory.ui.views.schematic.view import SchematicView

_SKIP_EVENTS = {QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel,
                QEvent.Type.TouchBegin}


class HouseCanvas(ItemCanvas):
    """The drawing. Scene coordinates are viewport pixels: the house is laid out again on
    every resize, so what you see is what you hit."""

    def __init__(self, owner: SchematicView) -> None:
        super().__init__(owner, owner)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self._pressed: ElementItem | None = None

    def element_at(self, pos: QPointF) -> ElementItem | None:
        for item in self.items(pos.toPoint()):
            if isinstance(item, ElementItem):
                return item
            if isinstance(item, StarItem):
                return item.target
        return None

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() in _SKIP_EVENTS and self.owner.building:
            self.owner.skip_build()
            return True
        return super().viewportEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self._pressed = self.element_at(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        item = self.element_at(event.position())
        if item is not None and item is self._pressed:
            self.owner.set_focus_item(item)
            self.owner.open_element(item.element.id)
        self._pressed = None
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt API)
        self.owner.set_hover_item(self.element_at(event.position()))
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if self.owner.building:  # any key skips the build-up animation
            self.owner.skip_build()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().resizeEvent(event)
        self.owner.relayout()
