"""Stand-ins shared by the view tests."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class FakeState(QObject):
    """What the views use of ReaderState: navigate() and entity_requested."""

    entity_requested = Signal(str)
    reduced_motion = True

    def __init__(self) -> None:
        super().__init__()
        self.navigated: list[str] = []
        self.page = None

    def navigate(self, target: str) -> bool:
        self.navigated.append(target)
        return True
