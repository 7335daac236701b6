"""Stand-ins shared by the view tests."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from loosstory.ui.state import ReaderConfig, Settings


class FakeState(QObject):
    """What the views use of ReaderState: navigate(), its signals, the entity being opened."""

    entity_requested = Signal(str)
    entity_opened = Signal(str, str)
    settings_changed = Signal(Settings)

    def __init__(self) -> None:
        super().__init__()
        self.navigated: list[str] = []
        self.page = None
        self.opening = ""
        self.settings = Settings(reduced_motion=True)
        self.config = ReaderConfig()
        self.reduced_motion = True

    def navigate(self, target: str) -> bool:
        self.navigated.append(target)
        return True

    def report_opened(self, view: str, entity: str) -> None:
        self.entity_opened.emit(view, entity)
