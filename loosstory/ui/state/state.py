"""The reader's one state object: which screen is shown and where we are in the story.

It wraps the pure-Python :class:`GuidedPath` and turns its moves into Qt signals. The
composition root owns it; widgets receive it and subscribe.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from loosstory.story.model import Chapter, LoadResult, Page, Problem, Story
from loosstory.story.path import GuidedPath
from loosstory.ui.state.config import ReaderConfig

COVER = "cover"
SOMMAIRE = "sommaire"
PAGE = "page"
PROBLEMS = "problems"
SCREENS = (COVER, SOMMAIRE, PAGE, PROBLEMS)

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# Qt property of the state: an element or event to open once its view has been built.
PENDING_ENTITY = "loosstoryPendingEntity"


class ReaderState(QObject):
    """Screen and position of the reader.

    Signals:
      ``about_to_change()`` — before any move (transitions grab the old picture);
      ``screen_changed(str)`` — "cover", "sommaire", "page" or "problems";
      ``position_changed(int, int)`` — chapter index, page index (also on a screen change
      to "page");
      ``entity_requested(str)`` — a link to an id that is neither a chapter nor a page
      (a schematic element, a timeline event…);
      ``story_loaded()`` — the whole story arrived after a start from its head only
      (``loading=True``: the app shows the cover from story.yaml, then loads the rest).
    """

    about_to_change = Signal()
    screen_changed = Signal(str)
    position_changed = Signal(int, int)
    entity_requested = Signal(str)
    story_loaded = Signal()

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
        self.direction = 0  # +1 forward, -1 backward, 0 jump (for transitions)

    @property
    def loading(self) -> bool:
        """True between a start from story.yaml alone and :meth:`finish_loading`."""
        return self._loading

    def finish_loading(self, result: LoadResult) -> None:
        """The whole story is here: play it, or show its problems if it cannot be played."""
        self._result = result
        story = result.story
        self._path = GuidedPath(story) if story is not None and story.chapters else None
        self._loading = False
        pending, self._pending = self._pending, None
        self.story_loaded.emit()
        if not self.playable:
            self._set_screen(PROBLEMS)
        elif pending is not None:
            pending()  # "Commencer" or "Sommaire", pressed while the chapters were loading

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

    def show_problems(self) -> None:
        self._set_screen(PROBLEMS)

    def reset(self) -> None:
        """Back to the start as a new visitor would find it."""
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
            self._set_screen(PAGE, direction)
        return moved

    def next(self) -> bool:
        """One page forward. From the cover it starts; at the story's end, the sommaire."""
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
            self.show_sommaire()
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
        """The "Chapitre suivant" button; at the last chapter, back to the sommaire."""
        if self._path is None or not self.playable:
            return False
        if self._path.go_to_next_chapter():
            self._set_screen(PAGE, +1)
            return True
        self.show_sommaire()
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
        if target.startswith("#"):
            target = target[1:]
        elif ":" in target or "." in target or target.startswith("/"):
            return False  # a URL or a file: never opened
        if self.go_to_ref(target):
            return True
        if _ID.match(target):
            page_ref = self._view_page_of(target)
            page = self.page
            if page_ref and (self._screen != PAGE or page is None or page.ref != page_ref):
                # Go to the page that shows it; a view built for that page opens the pending
                # entity itself, a view kept from an earlier visit gets the signal below.
                self.setProperty(PENDING_ENTITY, target)
                self.go_to_ref(page_ref)
                opened = not self.property(PENDING_ENTITY)
                self.setProperty(PENDING_ENTITY, "")
                if opened:
                    return True
            self.entity_requested.emit(target)
            return True
        return False

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
