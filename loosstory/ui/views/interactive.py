"""What the interactive views (the house, the timeline) share: a drawing surface whose
items are walked with Tab and the arrow keys, and the keys a view keeps from the reader."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QGraphicsView, QWidget

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


def _panel_visible(view: QWidget) -> bool:
    panel = getattr(view, "panel", None)
    return isinstance(panel, QWidget) and panel.isVisible()


def reset_view(view: QWidget) -> None:
    """Put a kept view back as a new one looks: no panel open, no item focused or hovered,
    its picture scrolled to the start. The reader calls it when the view's page is left
    (the view's own ``reset_view()`` if it has one)."""
    own = getattr(view, "reset_view", None)
    if callable(own):
        own()
        return
    is_open = getattr(view, "panel_open", None)  # does not build a panel never opened
    if is_open() if callable(is_open) else _panel_visible(view):
        close = getattr(view, "close_panel", None) or getattr(view.panel, "close_panel", None)
        if callable(close):
            close()
    for name in ("stop_glide", "skip_build"):
        stop = getattr(view, name, None)
        if callable(stop):
            stop()
    for name in ("set_hover_item", "set_focus_item"):
        setter = getattr(view, name, None)
        if callable(setter):
            setter(None)
    canvas = getattr(view, "canvas", None)
    if isinstance(canvas, QAbstractScrollArea):
        for bar in (canvas.horizontalScrollBar(), canvas.verticalScrollBar()):
            bar.setValue(bar.minimum())


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
