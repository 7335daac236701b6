"""The language button of the attract loop: « English » starts the visit in English.

The reader's own button (:class:`loosstory.ui.reader.language.LanguageButton`) is under the
attract loop while it plays; this one, on the loop, starts the visit as a tap would, then
switches the new reader to the other language. The next reset builds a fresh reader in the
pack's first language (:meth:`KioskController._build_reader` puts the interface back).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton, QWidget

from loosstory.story.model import Story
from loosstory.ui.look.theme import BODY_FAMILY
from loosstory.ui.reader.language import MARGIN, NAMES, SPOKEN


class AttractLanguageButton(QPushButton):
    """« English » in the top left corner of the attract loop (its slide dots are top right)."""

    def __init__(self, attract: QWidget, switch: Callable[[], object]) -> None:
        super().__init__(attract)
        self.setObjectName("attractLanguageButton")
        self._px = 0
        self.clicked.connect(switch)
        attract.installEventFilter(self)

    def set_story(self, story: Story | None) -> None:
        languages = list(story.languages) if story is not None else []
        other = languages[1] if len(languages) > 1 else ""
        self.setVisible(bool(other))
        if other:
            self.setText(NAMES.get(other, other.upper()))
            self.setAccessibleName(SPOKEN.get(other, other))
        self.place()

    def place(self) -> None:
        parent = self.parentWidget()
        px = max(18, round(parent.height() / 40))  # the size of the loop's own words
        if px != self._px:
            self._px = px
            self.setStyleSheet(
                "QPushButton#attractLanguageButton { background: #f6f1e7; color: #1f2326; "
                f"border: 2px solid #1f2326; border-radius: {round(px * 0.9)}px; padding: 8px {px}px; "
                f"font-family: '{BODY_FAMILY}'; font-size: {px}px; font-weight: 700; }}"
                "QPushButton#attractLanguageButton:focus { border: 4px solid #8c3b2e; }")
        hint = self.sizeHint()
        width, height = max(hint.width(), 120), max(hint.height(), 48)
        self.setGeometry(MARGIN * 2, MARGIN * 2, width, height)  # the slide dots are on the right
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self.place()
        return False
