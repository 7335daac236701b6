"""The reader's one state object: screen, position, language, mode and settings.

It wraps the pure-Python :class:`GuidedPath` and turns its moves into Qt signals. The
composition root owns it (it has no parent: it outlives any window built on it); windows
and views receive it and subscribe. Two windows built on one state show the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from loosstory.story.model import Chapter, LoadResult, Page, Problem, Story
from loosstory.story.path import GuidedPath
from loosstory.ui.state.config import ReaderConfig
from loosstory.ui.state.settings import Settings

COVER = "cover"
SOMMAIRE = "sommaire"
PAGE = "page"
PROBLEMS = "problems"
ENDING = "ending"  # after the last page: what the visitor has seen, start again, sommaire
ABOUT = "about"  # who made the exhibition, sources, images and fonts, version
SCREENS = (COVER, SOMMAIRE, PAGE, PROBLEMS, ENDING, ABOUT)

READER = "reader"  # the mode of a plain reader window; a mode's controller sets its own

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ReaderState(QObject):
    """Screen and position of the reader.

    Signals:
      ``about_to_change()`` — before any move (transitions grab the old picture);
      ``screen_changed(str)`` — "cover", "sommaire", "page", "problems", "ending" or
      "about";
      ``position_changed(int, int)`` — chapter index, page index (also on a screen change
      to "page");
      ``entity_requested(str)`` — a link to an id that is neither a chapter nor a page
      (a schematic element, a timeline event…): the view that owns it opens it;
      ``entity_opened(str, str)`` — view name ("schematic", "timeline") and the id of the
      element or event a view just opened (tap, key or link);
      ``story_loaded()`` — the whole story arrived after a start from its head only
      (``loading=True``: the app shows the cover from story.yaml, then loads the rest),
      or the story was replaced (:meth:`replace_story`);
      ``language_changed(str)``, ``mode_changed(str)``, ``settings_changed(Settings)``.
    """

    about_to_change = Signal()
    screen_changed = Signal(str)
    position_changed = Signal(int, int)
    entity_requested = Signal(str)
    entity_opened = Signal(str, str)
    term_requested = Signal(str)  # a glossary link ("glossaire:ID", issue 18): its term id
    history_changed = Signal()  # a link followed, or Back: ``can_go_back`` may differ
    story_loaded = Signal()
    language_changed = Signal(str)
    mode_changed = Signal(str)
    settings_changed = Signal(Settings)

    def __init__(
        self,
        result: LoadResult,
        config: ReaderConfig | None = None,
        parent: QObject | None = None,
        *,
        loading: bool = False,
    ) -> None:
        super().__init__(parent)
        self._result = result
        self.config = config or ReaderConfig()
        story = result.story
        self._path: GuidedPath | None = (
            GuidedPath(story) if story is not None and story.chapters else None
        )
        # While loading, the cover is shown and its buttons are remembered, not lost.
        self._loading = loading and story is not None
        self._pending: Callable[[], object] | None = None
        self._screen = COVER if self._loading or self.playable else PROBLEMS
        self._about_from = SOMMAIRE  # the screen "À propos" goes back to
        self.visited: set[str] = set()  # chapter ids shown during this visit (closing screen)
        self.direction = 0  # +1 forward, -1 backward, 0 jump (for transitions)
        self._language = story.language if story is not None else "fr"
        self._mode = READER
        self._settings = Settings()
        self._opening = ""  # the entity navigate() is opening (views built meanwhile open it)
        # Back after a link (issue 15): where the visitor was (screen, page ref, open entity)
        self._history: list[tuple[str, str, str]] = []
        self._open_entity = ""  # the last entity a view reported opened on this page

    @property
    def loading(self) -> bool:
        """True between a start from story.yaml alone and :meth:`finish_loading`."""
        return self._loading

    def finish_loading(self, result: LoadResult) -> None:
        """The whole story is here: play it, or show its problems if it cannot be played."""
        self.replace_story(result)

    def replace_story(self, result: LoadResult) -> None:
        """Play ``result`` from now on (the full load after the cover, a new pack in a kiosk).

        The position is kept by page id ("chapter/page"), or by chapter id when the page is
        gone; otherwise the guided path starts again at its first page.
        """
        ref = self.page.ref if self.page is not None else ""
        chapter_id = self.chapter.id if self.chapter is not None else ""
        self._result = result
        story = result.story
        self._path = GuidedPath(story) if story is not None and story.chapters else None
        if self._path is not None and ref and not self._path.go_to_ref(ref):
            self._path.go_to_ref(chapter_id)
        self._loading = False
        if story is not None and story.language != self._language:
            self._language = story.language
            self.language_changed.emit(story.language)
        pending, self._pending = self._pending, None
        self.story_loaded.emit()
        if not self.playable:
            self._set_screen(PROBLEMS)
        elif pending is not None:
            pending()  # "Commencer" or "Sommaire", pressed while the chapters were loading
        elif self._screen == PAGE and self._path is not None:
            self._set_screen(PAGE)  # the page shown is rebuilt from the new story

    # -- language, mode, settings -------------------------------------------------------
    @property
    def language(self) -> str:
        """The language the story is played in (a story's ``language``, "fr" by default)."""
        return self._language

    def set_language(self, language: str) -> None:
        """Announce a new language (the composition root loads the story in it and calls
        :meth:`replace_story`)."""
        if language != self._language:
            self._language = language
            self.language_changed.emit(language)

    @property
    def mode(self) -> str:
        """"reader", or the mode a controller runs ("kiosk", later "presenter"…)."""
        return self._mode

    def set_mode(self, mode: str) -> None:
        if mode != self._mode:
            self._mode = mode
            self.mode_changed.emit(mode)

    @property
    def settings(self) -> Settings:
        return self._settings

    def set_settings(self, settings: Settings) -> None:
        if settings != self._settings:
            self._settings = settings
            self.settings_changed.emit(settings)

    def change_settings(self, **changes: float | bool | str) -> None:
        """``change_settings(text_scale=1.3)``: one or more fields of :class:`Settings`."""
        self.set_settings(self._settings._replace(**changes))

    @property
    def reduced_motion(self) -> bool:
        """No animation: the visitor's setting, or a reader configured without transitions."""
        return self._settings.reduced_motion or self.config.transition_ms == 0

    # -- what we show -------------------------------------------------------------------
    @property
    def playable(self) -> bool:
        return self._result.playable and self._path is not None and self._path.total > 0

    @property
    def story(self) -> Story | None:
        return self._result.story

    @property
    def problems(self) -> list[Problem]:
        return list(self._result.problems)

    @property
    def errors(self) -> list[Problem]:
        return self._result.errors

    @property
    def path(self) -> GuidedPath | None:
        return self._path

    @property
    def screen(self) -> str:
        return self._screen

    @property
    def chapter(self) -> Chapter | None:
        return self._path.chapter if self._path else None

    @property
    def page(self) -> Page | None:
        return self._path.page if self._path else None

    # -- screens ------------------------------------------------------------------------
    def _set_screen(self, screen: str, direction: int = 0) -> None:
        self.about_to_change.emit()
        self.direction = direction
        changed = screen != self._screen
        self._screen = screen
        if changed:
            self.screen_changed.emit(screen)
        if screen == PAGE and self._path is not None:
            self.visited.add(self._path.chapter.id)
            position = self._path.position
            self.position_changed.emit(position.chapter, position.page)

    def show_cover(self) -> None:
        if self.playable:
            self._set_screen(COVER)

    def show_sommaire(self) -> None:
        if self._loading:
            self._pending = self.show_sommaire
        elif self.playable:
            self._set_screen(SOMMAIRE)

    def show_ending(self) -> None:
        """The closing screen, after the story's last page."""
        if self.playable and not self._loading:
            self._set_screen(ENDING, +1)

    def show_about(self) -> None:
        """"À propos", from the sommaire or the closing screen (it goes back there)."""
        if self._loading:
            self._pending = self.show_about
        elif self.playable:
            if self._screen != ABOUT:
                self._about_from = self._screen if self._screen in (SOMMAIRE, ENDING) else SOMMAIRE
            self._set_screen(ABOUT)

    def close_about(self) -> None:
        if self._screen == ABOUT:
            self._set_screen(self._about_from)

    def show_problems(self) -> None:
        self._set_screen(PROBLEMS)

    def show_screen(self, name: str) -> None:
        """Show a screen that is not a page (one registered in ``ui/reader/screens.py``:
        an "à propos", a settings screen…). Pages are reached by moving, not by this."""
        if name == PAGE:
            raise ValueError("a page is shown by moving to it (go_to_ref, next…)")
        if self.playable or name == PROBLEMS:
            self._set_screen(name)

    def reset(self) -> None:
        """Back to the start as a new visitor would find it."""
        self.visited.clear()
        if self._path is not None:
            self._path.go(0, 0)
        if self.playable:
            self._set_screen(COVER)
        else:
            self._set_screen(PROBLEMS)

    def start(self) -> None:
        """The cover's "Commencer": the first page of the guided path."""
        if self._loading:
            self._pending = self.start
            return
        if not self.playable or self._path is None:
            return
        self._path.go(0, 0)
        self._set_screen(PAGE, +1)

    # -- moving -------------------------------------------------------------------------
    def _move(self, moved: bool, direction: int) -> bool:
        if moved:
            self._open_entity = ""
            self._set_screen(PAGE, direction)
        return moved

    def next(self) -> bool:
        """One page forward. From the cover it starts; at the story's end, the closing screen."""
        if self._loading and self._screen == COVER:
            self.start()
            return True
        if self._path is None or not self.playable:
            return False
        if self._screen == COVER:
            self.start()
            return True
        if self._screen != PAGE:
            return False
        if self._path.at_end:
            self.show_ending()
            return True
        return self._move(self._path.next(), +1)

    def previous(self) -> bool:
        if self._path is None or self._screen != PAGE:
            return False
        return self._move(self._path.previous(), -1)

    def first_in_chapter(self) -> bool:
        if self._path is None or self._screen != PAGE:
            return False
        before = self._path.index
        self._path.first_in_chapter()
        return self._move(self._path.index != before, -1)

    def last_in_chapter(self) -> bool:
        if self._path is None or self._screen != PAGE:
            return False
        before = self._path.index
        self._path.last_in_chapter()
        return self._move(self._path.index != before, +1)

    def next_chapter(self) -> bool:
        """The "Chapitre suivant" button; at the last chapter, the closing screen."""
        if self._path is None or not self.playable:
            return False
        if self._path.go_to_next_chapter():
            self._set_screen(PAGE, +1)
            return True
        self.show_ending()
        return True

    def open_chapter(self, index: int) -> bool:
        if self._path is None or not self.playable:
            return False
        return self._move(self._path.go(index, 0), 0)

    def go_to_ref(self, ref: str) -> bool:
        """Jump to ``chapter-id`` or ``chapter-id/page-id``; False if unknown."""
        if self._path is None or not self.playable:
            return False
        return self._move(self._path.go_to_ref(ref.lstrip("#")), 0)

    def navigate(self, target: str) -> bool:
        """Follow an internal link: a chapter or page, or else an entity of the story.

        Anything that is not an internal id (a URL, a file) does nothing.
        """
        target = target.strip()
        if target.startswith("glossaire:"):  # a glossary term (story/glossary.py)
            term_id = target.split(":", 1)[1]
            glossary = self.story.glossary if self.story is not None else None
            if glossary is None or glossary.term(term_id) is None:
                return False
            self.term_requested.emit(term_id)
            return True
        if target.startswith("#"):
            target = target[1:]
        elif ":" in target or "." in target or target.startswith("/"):
            return False  # a URL or a file: never opened
        page = self.page
        where = (self._screen, page.ref if page is not None else "", self._open_entity)
        if self._follow(target):
            self._history = [*self._history[-49:], where]
            self.history_changed.emit()
            return True
        return False

    @property
    def can_go_back(self) -> bool:
        return bool(self._history)

    def back(self) -> bool:
        """Back to where the visitor was before the last link (its panel open again)."""
        if not self._history:
            return False
        screen, ref, entity = self._history.pop()
        self.history_changed.emit()
        if screen == PAGE and ref:
            self.go_to_ref(ref)
            if entity:
                self._follow(entity)
            elif self._open_entity:
                self._open_entity = ""
        elif screen in (COVER, SOMMAIRE):
            self._set_screen(screen, -1)
        return True

    def _follow(self, target: str) -> bool:
        if self.go_to_ref(target):
            return True
        if _ID.match(target):
            page_ref = self._view_page_of(target)
            page = self.page
            if page_ref and (self._screen != PAGE or page is None or page.ref != page_ref):
                # Go to the page that shows it: a view built for that page meanwhile opens
                # it itself (:attr:`opening`), a view kept from an earlier visit on the
                # signal below.
                self._opening = target
                try:
                    self.go_to_ref(page_ref)
                finally:
                    self._opening = ""
            self.entity_requested.emit(target)
            return True
        return False

    @property
    def opening(self) -> str:
        """The element or event :meth:`navigate` is opening while it moves to its page
        ("" otherwise): a view built during that move opens it once it is laid out."""
        return self._opening

    def report_opened(self, view: str, entity: str) -> None:
        """A view opened ``entity`` (a tap, a key, a link): :attr:`entity_opened`."""
        self._open_entity = entity
        self.entity_opened.emit(view, entity)

    def _view_page_of(self, entity: str) -> str:
        """The "chapter/page" whose interactive view shows ``entity`` (an element of the
        house, an event or a period of the timeline), or ""."""
        story = self.story
        if story is None:
            return ""
        schematic, timeline = story.schematic, story.timeline
        if schematic is not None and schematic.element(entity) is not None:
            view = "schematic"
        elif timeline is not None and (timeline.event(entity) or timeline.period(entity)):
            view = "timeline"
        else:
            return ""
        return story.view_page_ref(view)
