"""What the interactive views (the house, the timeline) share: a drawing surface whose
items are walked with Tab and the arrow keys, and the keys a view keeps from the reader."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

# Keys a view uses while it has the focus: the reader leaves them to it instead of
# turning the page (Escape only while a panel is open; PageUp/PageDown always turn pages).
VIEW_KEYS = frozenset({
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
    Qt.Key.Key_End, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
})


class FocusOwner(Protocol):
    """The view behind a canvas: it knows its items and which one has the focus."""

    focus_item: object
    items_in_order: list
    panel: QWidget

    def set_hover_item(self, item: object) -> None: ...
    def set_focus_item(self, item: object) -> None: ...
    def step_focus(self, step: int, wrap: bool = ...) -> bool: ...
    def handle_key(self, event: QKeyEvent) -> bool: ...


def view_wants_key(view: FocusOwner, key: int) -> bool:
    if key == Qt.Key.Key_Escape:
        return view.panel.isVisible()
    return key in VIEW_KEYS


class ItemCanvas(QGraphicsView):
    """A frameless, antialiased QGraphicsView whose items take the keyboard focus in turn:
    Tab walks them and then leaves the picture; keys go to the owner first."""

    def __init__(self, owner: FocusOwner, parent: QWidget) -> None:
        super().__init__(parent)
        self.owner = owner
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt API)
        self.owner.set_hover_item(None)
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if not self.owner.handle_key(event):
            super().keyPressEvent(event)

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 (Qt API)
        if self.owner.step_focus(1 if forward else -1, wrap=False):
            return True
        return super().focusNextPrevChild(forward)

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().focusInEvent(event)
        reasons = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
        if self.owner.focus_item is None and event.reason() in reasons:
            order = self.owner.items_in_order
            if order:
                backwards = event.reason() == Qt.FocusReason.BacktabFocusReason
                self.owner.set_focus_item(order[-1] if backwards else order[0])
