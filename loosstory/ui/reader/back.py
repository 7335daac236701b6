"""Back after a link (issue 15): the visible « Retour » button, shown while there is a
place to go back to (``ReaderState.can_go_back``); Backspace, Alt+← and the mouse's back
button do the same (the window's keys and mouse)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from loosstory.ui.state.state import PAGE, ReaderState


class BackButton(QPushButton):
    """« ‹ Retour », at the top right beside « Aa », while a link can be undone."""

    def __init__(self, state: ReaderState, parent: QWidget) -> None:
        super().__init__(parent)
        self.state = state
        self.setObjectName("backButton")
        self.setText(QCoreApplication.translate("ReaderWindow", "‹ Retour"))
        self.setAccessibleName(QCoreApplication.translate(
            "ReaderWindow", "Retour à l’endroit d’où vient le lien"))
        self.setAutoDefault(False)
        self.clicked.connect(state.back)
        state.history_changed.connect(self.refresh)
        state.screen_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args: object) -> None:
        self.setVisible(self.state.can_go_back and self.state.screen == PAGE)
        if self.isVisible():
            self.raise_()

    def place(self, right: int, top: int, height: int) -> None:
        """Its right edge at ``right`` (left of « Aa »)."""
        self.adjustSize()
        width = max(self.sizeHint().width(), height)
        self.setGeometry(right - width, top, width, height)
