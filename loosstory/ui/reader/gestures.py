"""Swipes that turn exactly one page per gesture.

A gesture is a whole touch sequence (first finger down to last finger up) or a mouse drag
(press to release). It is judged once, at its end: however many fingers, however fast,
one gesture moves at most one page. Mouse events that Qt synthesises from touch are
ignored, so a touch swipe is never counted twice.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QChildEvent, QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QInputDevice, QMouseEvent, QShowEvent, QTouchEvent, QWindow
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

OWNS_GESTURES = "ownsGestures"


def gesture_owner(widget: QObject | None) -> QWidget | None:
    """``widget`` or its nearest parent that set the ``ownsGestures`` property, if any.

    An interactive view (a timeline to drag, a schematic to pan) sets
    ``view.setProperty("ownsGestures", True)``: drags and navigation keys inside it are its
    own, and the reader does not turn the page for them.
    """
    while isinstance(widget, QWidget):
        if widget.property(OWNS_GESTURES):
            return widget
        widget = widget.parentWidget()
    return None


def owns_gestures(widget: QObject | None) -> bool:
    return gesture_owner(widget) is not None


class SwipeDetector(QObject):
    """Watches gestures that start on ``area``; :meth:`install` puts it to work.

    Emits ``swiped(+1)`` for a swipe to the left (next page), ``swiped(-1)`` to the right.

    It filters only ``area``, its child widgets (mouse drags: every widget that may receive
    the press; children added later are watched as they arrive) and the top-level window
    that shows it (touch, judged where it enters the window): never the whole application,
    whose every event would otherwise go through Python.
    """

    swiped = Signal(int)

    def __init__(self, area: QWidget, min_px: int = 50, min_fraction: float = 0.06) -> None:
        super().__init__(area)
        self._area = area
        self.min_px = min_px
        self.min_fraction = min_fraction
        self._start: QPointF | None = None
        self._last: QPointF | None = None
        self._touch = False
        self._window: QWindow | None = None  # the top-level window handle watched for touch
        self.gestures = 0  # gestures judged (for tests and statistics)

    # -- installing ---------------------------------------------------------------------------
    def install(self) -> None:
        self._watch(self._area)
        self._watch_window()

    def uninstall(self) -> None:
        if not shiboken6.isValid(self._area):
            return
        for widget in (self._area, *self._area.findChildren(QWidget)):
            widget.removeEventFilter(self)
        if self._window is not None and shiboken6.isValid(self._window):
            self._window.removeEventFilter(self)
        self._window = None

    def _watch(self, widget: QWidget) -> None:
        for each in (widget, *widget.findChildren(QWidget)):
            if not owns_gestures(each):  # a drag inside an interactive view is its own
                each.installEventFilter(self)  # installing twice keeps one filter

    def _watch_window(self) -> None:
        """The area's top-level window handle: created at the first show, another one
        when the reader is embedded (the kiosk)."""
        handle = self._area.window().windowHandle()
        if handle is self._window:
            return
        if self._window is not None and shiboken6.isValid(self._window):
            self._window.removeEventFilter(self)
        self._window = handle
        if handle is not None:
            handle.installEventFilter(self)

    # -- judging ----------------------------------------------------------------------------
    def _begin(self, point: QPointF, touch: bool) -> None:
        self._start, self._last, self._touch = QPointF(point), QPointF(point), touch

    def _end(self) -> None:
        start, last = self._start, self._last
        self._start = self._last = None
        if start is None or last is None:
            return
        self.gestures += 1
        dx, dy = last.x() - start.x(), last.y() - start.y()
        threshold = max(self.min_px, self._area.width() * self.min_fraction)
        if abs(dx) >= threshold and abs(dx) > 1.4 * abs(dy):
            self.swiped.emit(+1 if dx < 0 else -1)

    def _in_area(self, obj: QObject) -> bool:
        if not self._area.isVisible():
            return False
        if isinstance(obj, QWindow):
            return obj is self._area.window().windowHandle()
        return isinstance(obj, QWidget) and (obj is self._area or self._area.isAncestorOf(obj))

    # -- events ---------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        # isinstance first: cheaper than event.type(), and most events are neither
        if isinstance(event, QMouseEvent):
            if obj is not self._window:  # a widget's (the window's own copy comes first)
                self._on_mouse(obj, event)
        elif isinstance(event, QTouchEvent):
            # Judge touch once, where it enters the window (not again on each widget).
            if obj is self._window and self._in_area(obj):
                self._on_touch(event)
        elif isinstance(event, QChildEvent):
            # A child widget is polished before it is first shown (so before it can get a
            # press), and fully built by then: never touch one under construction.
            if event.polished() and obj is not self._window:
                child = event.child()
                if child.isWidgetType():
                    self._watch(child)
        elif obj is self._area and isinstance(event, QShowEvent):
            self._watch_window()
        return False

    def _on_touch(self, event: QTouchEvent) -> None:
        points = event.points()
        if not points:
            return
        x = sum(p.globalPosition().x() for p in points) / len(points)
        y = sum(p.globalPosition().y() for p in points) / len(points)
        centre = QPointF(x, y)
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            under = QApplication.widgetAt(centre.toPoint())
            if owns_gestures(under):
                self._start = self._last = None
                return
            if self._start is None or not self._touch:
                self._begin(centre, touch=True)
        elif kind == QEvent.Type.TouchUpdate and self._touch and self._last is not None:
            # Follow the primary finger's path through the centroid of the fingers down.
            self._last = centre
        elif kind == QEvent.Type.TouchEnd and self._touch:
            if self._last is not None:
                self._last = centre if len(points) == 1 else self._last
            self._end()
        elif kind == QEvent.Type.TouchCancel:
            self._start = self._last = None

    def _on_mouse(self, obj: QObject, event: QMouseEvent) -> None:
        device = event.device()
        if device is not None and device.type() == QInputDevice.DeviceType.TouchScreen:
            return  # synthesised from touch: the touch itself is judged
        if event.source() != Qt.MouseEventSource.MouseEventNotSynthesized:
            return
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress:
            if event.button() != Qt.MouseButton.LeftButton or not self._in_area(obj):
                return
            if self._start is not None and not self._touch:
                return  # the same press, propagated to a parent
            if isinstance(obj, QAbstractButton) or owns_gestures(obj):
                return  # a tap on a button, or a drag that belongs to an interactive view
            self._begin(event.globalPosition(), touch=False)
        elif kind == QEvent.Type.MouseMove and self._start is not None and not self._touch:
            self._last = event.globalPosition()
        elif kind == QEvent.Type.MouseButtonRelease and self._start is not None and not self._touch:
            if event.button() == Qt.MouseButton.LeftButton:
                self._last = event.globalPosition()
                self._end()
