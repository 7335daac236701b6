"""What a visitor cannot do on the kiosk, and the staff's secret way in.

An application event filter, installed only in kiosk mode:
- keys: only reading keys pass (arrows, PageUp/PageDown, Home/End, Space, Enter, Tab,
  digits and Backspace for the PIN pad), and none with Ctrl, Alt or Meta held — so Esc,
  F11, Alt+F4, Ctrl+Q, Ctrl+W… do nothing;
- no context menu (right click, long press), no double-click word selection, no drag and
  drop; text is made unselectable as widgets appear;
- links to anything outside the pack: ``QDesktopServices`` handlers for every URL scheme
  do nothing (the reader already refuses them; this is the second lock);
- the secret: the key chord (default Ctrl+Alt+Shift+A), ``corner_taps`` taps in the
  top-left corner within ``corner_window`` seconds, or a press held ``long_press`` seconds
  there, emits ``admin_requested``.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QWidget,
)

_READING_KEYS = frozenset({
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
    Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End,
    Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab,
    Qt.Key.Key_Backtab, Qt.Key.Key_Backspace,
    *(getattr(Qt.Key, f"Key_{d}") for d in range(10)),
})
_SHIFT_ONLY = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
_BLOCKED = frozenset({
    QEvent.Type.ContextMenu, QEvent.Type.DragEnter, QEvent.Type.DragMove,
    QEvent.Type.Drop, QEvent.Type.Shortcut, QEvent.Type.WhatsThis,
    QEvent.Type.QueryWhatsThis, QEvent.Type.ToolTip,
})
_LINK_ONLY = (Qt.TextInteractionFlag.LinksAccessibleByMouse
              | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
SCHEMES = ("http", "https", "file", "mailto", "ftp", "tel", "sms", "data", "javascript")


class _NoUrls(QObject):
    """The handler ``QDesktopServices`` calls instead of a browser: does nothing."""

    opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def chord_matches(event: QKeyEvent, chord: QKeySequence) -> bool:
    if chord.isEmpty():
        return False
    combination = chord[0]
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return combination.key() == Qt.Key(event.key()) and combination.keyboardModifiers() == mods


class Lockdown(QObject):
    admin_requested = Signal()
    blocked = Signal(str)  # what was refused (for logs and tests)

    def __init__(self, window: QWidget, chord: str = "Ctrl+Alt+Shift+A",
                 corner_taps: int = 5, corner_window: float = 3.0,
                 long_press: float = 3.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window = window
        self.chord = QKeySequence(chord)
        self.corner_taps = corner_taps
        self.corner_window = corner_window
        self._taps: list[float] = []
        self.last_press_in_corner = False  # the press being handled was in the corner
        self._last_press: tuple[int, float, float] | None = None
        self.hold = QTimer(self)
        self.hold.setSingleShot(True)
        self.hold.setInterval(max(1, round(long_press * 1000)))
        self.hold.timeout.connect(self.admin_requested)
        self.forward_key = None  # callable(QKeyEvent) -> bool: the reader's keys
        self._urls = _NoUrls(self)

    # -- install ------------------------------------------------------------------------------
    def install(self, app) -> None:
        app.installEventFilter(self)
        for scheme in SCHEMES:
            QDesktopServices.setUrlHandler(scheme, self._urls, "open")

    def uninstall(self, app) -> None:
        app.removeEventFilter(self)
        for scheme in SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)

    @staticmethod
    def harden(widget: QWidget) -> None:
        """No selection, no menus, no drops on ``widget`` and its children."""
        for child in [widget, *widget.findChildren(QWidget)]:
            child.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            child.setAcceptDrops(False)
            if isinstance(child, (QLabel, QTextBrowser)):
                child.setTextInteractionFlags(child.textInteractionFlags() & _LINK_ONLY)
            elif isinstance(child, (QTextEdit, QLineEdit)):
                child.setReadOnly(True)

    # -- the secret ---------------------------------------------------------------------------
    def corner_size(self) -> int:
        return max(80, round(min(self.window.width(), self.window.height()) * 0.09))

    def _in_corner(self, global_pos: QPointF) -> bool:
        local = self.window.mapFromGlobal(global_pos.toPoint())
        size = self.corner_size()
        return 0 <= local.x() < size and 0 <= local.y() < size

    def _press(self, global_pos: QPointF, stamp: int) -> None:
        key = (stamp, global_pos.x(), global_pos.y())
        if self._last_press == key:
            return  # the same press, seen again by a parent widget
        self._last_press = key
        self.last_press_in_corner = self._in_corner(global_pos)
        if not self.last_press_in_corner:
            self._taps.clear()
            self.hold.stop()
            return
        now = time.monotonic()
        self._taps = [t for t in self._taps if now - t <= self.corner_window] + [now]
        self.hold.start()
        if len(self._taps) >= self.corner_taps:
            self._taps.clear()
            self.hold.stop()
            self.admin_requested.emit()

    # -- the filter ---------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind in _BLOCKED:
            self.blocked.emit(kind.name)
            return True
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            return self._key(obj, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.Close and obj is self.window:
            return False  # the window's closeEvent refuses it (and counts it)
        if not isinstance(obj, QWidget):
            return False
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
                    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove):
            return self._mouse(obj, event)
        if kind == QEvent.Type.TouchBegin:
            points = event.points()
            if points:
                self._press(points[0].globalPosition(), event.timestamp())
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self.hold.stop()
        elif kind == QEvent.Type.Show and isinstance(obj, (QLabel, QTextBrowser, QTextEdit,
                                                           QLineEdit)):
            self.harden(obj)
        return False

    def _mouse(self, obj: QWidget, event) -> bool:
        kind = event.type()
        if event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton):
            self.blocked.emit("mouse button")
            return True  # right and middle buttons do nothing
        if kind == QEvent.Type.MouseButtonDblClick and not isinstance(obj, QAbstractButton):
            self.blocked.emit("double click")
            return True  # double-click would select a word
        synthesized = event.source() != Qt.MouseEventSource.MouseEventNotSynthesized
        if kind == QEvent.Type.MouseButtonPress and not synthesized:
            self._press(event.globalPosition(), event.timestamp())
        elif kind == QEvent.Type.MouseButtonRelease:
            self.hold.stop()
        return False

    def _key(self, obj: QObject, event: QKeyEvent) -> bool:
        kind = event.type()
        if chord_matches(event, self.chord):
            if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():
                self.admin_requested.emit()
            return True
        if kind == QEvent.Type.ShortcutOverride:
            return False
        key = Qt.Key(event.key())
        mods = event.modifiers() & ~_SHIFT_ONLY
        if key not in _READING_KEYS or mods != Qt.KeyboardModifier.NoModifier:
            if kind == QEvent.Type.KeyPress:
                self.blocked.emit(QKeySequence(event.keyCombination()).toString())
            return True
        if kind == QEvent.Type.KeyPress and self.forward_key is not None:
            return bool(self.forward_key(obj, event))
        return False
