"""What the interactive views (the house, the timeline) share: a drawing surface whose
items are walked with Tab and the arrow keys, and the keys a view keeps from the reader."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from loosstory.ui.views.colours import ViewColours
from loosstory.ui.views.panel import DetailPanel, pretty_target

# Keys a view uses while it has the focus: the reader leaves them to it instead of
# turning the page (Escape only while a panel is open; PageUp/PageDown always turn pages).
VIEW_KEYS = frozenset({
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
    Qt.Key.Key_End, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab,
})


class InteractiveView(QWidget):
    """What the interactive views (the house, the timeline) share: their colours, a
    drawing surface whose items take the focus in turn, a detail panel built on first use,
    "voir aussi" links in both directions, and how the reader resets them and asks which
    keys they keep.

    Signals: ``link_activated(target)`` for links that leave the view (to
    ``ReaderState.navigate``); ``opened(id)`` when an element or event is opened (a tap, a
    key, a link), reported to the state as ``entity_opened``.

    A subclass sets ``canvas`` (an :class:`ItemCanvas`), ``items_in_order``, and gives
    :meth:`owns`, :meth:`open_entity`, :meth:`own_links`, :meth:`set_hover_item`,
    :meth:`set_focus_item`, :meth:`step_focus`, :meth:`handle_key` and ``panel``.
    """

    link_activated = Signal(str)
    opened = Signal(str)

    def __init__(self, colours: ViewColours | Mapping[str, str] | object, parent: QWidget | None,
                 *, object_name: str, reduced_motion: bool,
                 titles: Callable[[str], str] | None,
                 related: Mapping[str, Sequence[str]] | None) -> None:
        super().__init__(parent)
        self.colours = colours if isinstance(colours, ViewColours) else ViewColours.from_look(colours)
        self.reduced_motion = reduced_motion
        self._titles = titles or pretty_target
        self._related = related or {}
        self.setObjectName(object_name)
        self.setAutoFillBackground(True)
        # drags and swipes that start here move the view, not the page (gesture_owner)
        self.setProperty("ownsGestures", True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor(self.colours.background))
        self.setPalette(pal)
        self.setMinimumSize(480, 360)
        self.canvas: ItemCanvas | None = None
        self.items_in_order: list = []
        self.focus_item: object = None
        self.hover_item: object = None
        self._panel: DetailPanel | None = None  # built when an entry is first opened

    # -- what each view says for itself ---------------------------------------------------
    def owns(self, entity_id: str) -> bool:
        """True if ``entity_id`` is one of this view's elements, events or periods."""
        raise NotImplementedError

    def open_entity(self, entity_id: str) -> bool:
        """Open ``entity_id``'s panel; False if it is not this view's."""
        raise NotImplementedError

    def own_links(self, entity_id: str) -> list[str]:
        """The links written on ``entity_id`` itself (the backlinks are added to them)."""
        raise NotImplementedError

    def stop_motion(self) -> None:
        """Put any running animation at its end (the house's build, the timeline's glide)."""

    def set_hover_item(self, item: object) -> None:
        raise NotImplementedError

    def set_focus_item(self, item: object) -> None:
        raise NotImplementedError

    def step_focus(self, step: int, wrap: bool = True) -> bool:
        raise NotImplementedError

    def handle_key(self, event: QKeyEvent) -> bool:
        raise NotImplementedError

    @property
    def panel(self) -> DetailPanel:
        raise NotImplementedError

    # -- shared -------------------------------------------------------------------------
    def wants_key(self, key: int) -> bool:
        """True for the keys this view uses while it has the focus (see VIEW_KEYS)."""
        return self.panel_open() if key == Qt.Key.Key_Escape else key in VIEW_KEYS

    def panel_open(self) -> bool:
        return self._panel is not None and self._panel.isVisible()

    def close_panel(self) -> None:
        if self._panel is not None:
            self._panel.close_panel()

    def reset_view(self) -> None:
        """Back to how a new view looks, for the reader when it leaves the page: no panel
        open (none is built for it), no item focused or hovered, scrolled to the start."""
        self.close_panel()
        self.stop_motion()
        self.set_hover_item(None)
        self.set_focus_item(None)
        if self.canvas is not None:
            for bar in (self.canvas.horizontalScrollBar(), self.canvas.verticalScrollBar()):
                bar.setValue(bar.minimum())

    def links_of(self, entity_id: str) -> list[str]:
        """Its own links, then whatever links to it ("voir aussi" in both directions)."""
        extra = [t for t in self._related.get(entity_id, []) if t != entity_id]
        return list(dict.fromkeys(self.own_links(entity_id) + extra))

    def _follow(self, target: str) -> None:
        """A "voir aussi" link: opened here if it is ours, otherwise ``link_activated``."""
        if self.owns(target):
            self.open_entity(target)
            return
        self.link_activated.emit(target)


class ItemCanvas(QGraphicsView):
    """A frameless, antialiased QGraphicsView whose items take the keyboard focus in turn:
    Tab walks them and then leaves the picture; keys go to the owner first."""

    def __init__(self, owner: InteractiveView, parent: QWidget) -> None:
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
