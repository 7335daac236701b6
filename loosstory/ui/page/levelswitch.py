"""The reading-level switch on a page (issue 18): « Facile », « Standard », « Approfondi ».

Shown when the page has another level than the standard text. The choice is a setting
(``Settings.reading_level``): the teacher sets it once and every page follows.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from loosstory.story.model import Page
from loosstory.ui.state.state import ReaderState

LEVELS = ("facile", "standard", "approfondi")


class LevelSwitch(QWidget):
    def __init__(self, state: ReaderState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("levelSwitch")
        self._state = state
        names = {"facile": self.tr("Facile"), "standard": self.tr("Standard"),
                 "approfondi": self.tr("Approfondi")}
        self.buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for level in LEVELS:
            button = QPushButton(self)
            button.setText(names[level])
            button.setObjectName(f"level-{level}")
            button.setAccessibleName(self.tr("Niveau de lecture : %1").replace("%1", names[level]))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.clicked.connect(lambda _=False, lv=level: state.change_settings(
                reading_level=lv))
            layout.addWidget(button)
            self.buttons[level] = button
        self.setAccessibleName(self.tr("Niveau de lecture"))
        state.settings_changed.connect(lambda _s: self._mark())
        self._mark()
        self.hide()  # until a page with levels shows (it would widen the window's minimum)

    def show_page(self, page: Page) -> None:
        """Visible when the page has a level besides the standard; each button when its
        level exists on this page."""
        self.setVisible(bool(page.levels))
        for level, button in self.buttons.items():
            button.setVisible(level == "standard" or level in page.levels)
        self._mark()

    def _mark(self) -> None:
        current = self._state.settings.reading_level
        for level, button in self.buttons.items():
            chosen = level == current
            button.setProperty("primary", chosen)
            button.setAccessibleDescription(self.tr("choisi") if chosen else "")
            button.style().unpolish(button)
            button.style().polish(button)
