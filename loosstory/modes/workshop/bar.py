"""The workshop's bar, above the reader: « Glossaire », « Quiz », « Imprimer une fiche ».

A mode never edits the reader's code: the bar sits in the window's top margin (its
contents margins), so the reader's own screens keep their layout below it.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from loosstory.ui.state.quizrequest import open_quiz
from loosstory.ui.state.state import ReaderState

WORKSHOP = "workshop"
BAR_HEIGHT = 64


class WorkshopBar(QWidget):
    def __init__(self, state: ReaderState, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("workshopBar")
        self._state = state
        self._window = window
        # where the worksheet goes: a save dialog (tests give their own)
        self.choose_path: Callable[[str], str] = self._ask_path
        self.label = QLabel(self)
        self.label.setText(self.tr("Atelier"))
        self.label.setObjectName("workshopTitle")
        font = self.label.font()
        font.setBold(True)
        font.setPixelSize(20)
        self.label.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.glossary_button = self._button(self.tr("Glossaire"), "workshopGlossary",
                                            lambda: state.show_screen("glossary"))
        self.quiz_button = self._button(self.tr("Quiz"), "workshopQuiz", self.open_quiz)
        self.print_button = self._button(self.tr("Imprimer une fiche"), "workshopPrint",
                                         self.print_sheet)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 16, 6)
        layout.addWidget(self.label)
        layout.addWidget(self.status, 1)
        for button in (self.glossary_button, self.quiz_button, self.print_button):
            layout.addWidget(button)
        window.installEventFilter(self)
        self._place()
        self.show()

    def _place(self) -> None:
        """As tall as its buttons at the window's type scale (their style sheet sets it)."""
        self.ensurePolished()
        height = max(BAR_HEIGHT, self.sizeHint().height())
        if self._window.contentsMargins().top() != height:
            self._window.setContentsMargins(0, height, 0, 0)
        self.setGeometry(0, 0, self._window.width(), height)

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setMinimumHeight(48)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(slot)
        return button

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt API)
        if obj is self._window and event.type() in (event.Type.Resize,
                                                       event.Type.StyleChange):
            self._place()
        return False

    def open_quiz(self) -> None:
        chapter = self._state.chapter
        on_page = self._state.screen == "page"
        open_quiz(self._state, chapter.id if on_page and chapter is not None else "")

    def _ask_path(self, default: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self._window, self.tr("Enregistrer la fiche"),
                                              default, self.tr("PDF (*.pdf)"))
        return path

    def print_sheet(self) -> None:
        """The worksheet of the chapter shown (all chapters from the sommaire) at the class's
        reading level, and its answer key beside it, as PDFs to print."""
        story = self._state.story
        if story is None:
            return
        chapter = self._state.chapter if self._state.screen in ("page", "quiz") else None
        chapters = [chapter] if chapter is not None else list(story.chapters)
        level = self._state.settings.reading_level
        name = chapter.id if chapter is not None else "tous-les-chapitres"
        default = str(Path(os.path.expanduser("~")) / f"fiche-{name}-{level}.pdf")
        chosen = self.choose_path(default)
        if not chosen:
            return
        path = Path(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")
        key = path.with_name(re.sub(r"\.pdf$", "", path.name, flags=re.I) + "-corrige.pdf")
        from loosstory.export.worksheet import write_worksheets

        try:
            write_worksheets(story, chapters, path, level=level)
            write_worksheets(story, chapters, key, level=level, answers=True)
        except OSError as error:
            self.status.setText(self.tr("Impossible d’écrire la fiche : %1").replace(
                "%1", str(error)))
            return
        self.status.setText(self.tr("Fiche et corrigé enregistrés : %1").replace(
            "%1", f"{path.name}, {key.name}"))


def install(state: ReaderState, window: QWidget, level: str = "standard") -> WorkshopBar:
    """The workshop's policy over a reader: its mode, the class's reading level, the bar.
    No idle reset: a reader has none; only the kiosk adds one."""
    state.set_mode(WORKSHOP)
    if level != state.settings.reading_level:
        state.change_settings(reading_level=level)
    return WorkshopBar(state, window)
