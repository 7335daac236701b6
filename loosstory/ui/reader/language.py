"""The language switch: a text button « English » / « Français » over every screen.

Switching installs the interface's translators (:mod:`loosstory.ui.i18n`), loads the pack in
the other language and hands it to the state: ``replace_story`` keeps the page by its id,
the window retranslates its screens (``language_changed``) and rebuilds those made from the
story; the panel open on the page's house or timeline is opened again, and the settings,
held by the state, do not move.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QPushButton, QWidget

from loosstory.story.model import LoadResult
from loosstory.ui.state.state import ReaderState

# Each language named in itself: the button says the language it switches *to*.
NAMES = {"fr": "Français", "en": "English"}
# The accessible name, in the language it switches to (its speaker is the one who needs it).
SPOKEN = {"fr": "Français : lire en français", "en": "English: read in English"}
MARGIN = 12


class LanguageSwitcher(QObject):
    """Plays ``state``'s pack in another language, in place."""

    def __init__(self, state: ReaderState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._results: dict[tuple[str, str], LoadResult] = {}
        self._open_entity = ""  # the element or event whose panel is open on this page
        state.entity_opened.connect(self._opened)
        state.position_changed.connect(self._moved)

    def _opened(self, _view: str, entity: str) -> None:
        self._open_entity = entity

    def _moved(self, *_args: int) -> None:
        self._open_entity = ""

    def languages(self) -> list[str]:
        story = self.state.story
        return list(story.languages) if story is not None else []

    def other(self) -> str:
        """The language the button offers: the next one after the current."""
        languages = self.languages()
        if len(languages) < 2:
            return ""
        current = self.state.language
        index = languages.index(current) if current in languages else -1
        return languages[(index + 1) % len(languages)]

    def switch(self, language: str | None = None) -> bool:
        """Play the story in ``language`` (default: :meth:`other`); False if it cannot."""
        from loosstory.story.loader import load_story
        from loosstory.ui import i18n

        language = language or self.other()
        story = self.state.story
        if not language or story is None or language not in story.languages:
            return False
        if language == self.state.language:
            return True
        key = (str(story.root), language)
        result = self._results.get(key)
        if result is None:
            result = load_story(story.root, language)
            if not result.playable:
                return False
            self._results[key] = result
        entity = self._open_entity
        i18n.install(language)
        self.state.replace_story(result)
        if entity and self.state.screen == "page":
            self.state.navigate(entity)
        return True


class LanguageButton(QPushButton):
    """« English » / « Français », kept in the top right corner of ``parent``."""

    def __init__(self, state: ReaderState, parent: QWidget,
                 switcher: LanguageSwitcher | None = None) -> None:
        super().__init__(parent)
        self.right_reserve = 0  # set by the window: its « Aa » button sits there
        self.setObjectName("languageButton")
        self.state = state
        self.switcher = switcher or LanguageSwitcher(state, self)
        self.clicked.connect(self._clicked)
        state.language_changed.connect(self.refresh)
        state.story_loaded.connect(self.refresh)
        parent.installEventFilter(self)
        self.refresh()

    def _clicked(self) -> None:
        self.switcher.switch()

    def refresh(self, *_args: object) -> None:
        other = self.switcher.other()
        self.setVisible(bool(other) and self.state.playable)
        if other:
            self.setText(NAMES.get(other, other.upper()))
            self.setAccessibleName(SPOKEN.get(other, other))
        self.place()

    def place(self) -> None:
        parent = self.parentWidget()
        hint = self.sizeHint()
        width, height = max(hint.width(), 120), max(hint.height(), 48)
        # right_reserve: room the window keeps at the top right for its « Aa » button
        right = parent.width() - self.right_reserve - MARGIN
        self.setGeometry(right - width, MARGIN, width, height)
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in (QEvent.Type.Resize, QEvent.Type.ChildAdded):
            self.place()
        return False
