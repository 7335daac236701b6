"""Idle detection: a single-shot timer that every visitor input restarts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd,
    QEvent.Type.TabletPress, QEvent.Type.TabletMove,
})
# A visitor's deliberate touch (not a move, not a release): the screen "has been touched".
PRESS_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.KeyPress,
    QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    """Application event filter. ``idle()`` after ``interval_ms`` without input;
    ``activity()`` on each input."""

    idle = Signal()
    activity = Signal()
    pressed = Signal()  # a press, a key, a wheel turn: someone is there

    def __init__(self, interval_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(max(1, interval_ms))
        self.timer.timeout.connect(self.idle)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    @property
    def running(self) -> bool:
        return self.timer.isActive()

    def poke(self) -> None:
        """Input happened: restart the countdown to idleness (if it runs)."""
        if self.timer.isActive():
            self.timer.start()
        self.activity.emit()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in INPUT_EVENTS:
            if event.type() in PRESS_EVENTS:
                self.pressed.emit()
            self.poke()  # (an event seen again by each parent widget just restarts it again)
        return False
