"""The guided path: where the reader is in the story, and where next/previous lead."""

from __future__ import annotations

from typing import NamedTuple

from loosstory.story.model import Chapter, Page, Story


class Position(NamedTuple):
    chapter: int  # index in Story.chapters
    page: int  # index in Chapter.pages


class GuidedPath:
    """Every page of every chapter, in reading order, with a current position.

    Pure logic: no Qt. The UI's state object wraps it and emits signals.
    """

    def __init__(self, story: Story) -> None:
        self._story = story
        self._steps: list[Position] = [
            Position(c, p)
            for c, chapter in enumerate(story.chapters)
            for p in range(len(chapter.pages))
        ]
        self._index = 0

    # -- where we are -------------------------------------------------------------------
    @property
    def story(self) -> Story:
        return self._story

    @property
    def steps(self) -> list[Position]:
        return list(self._steps)

    @property
    def total(self) -> int:
        return len(self._steps)

    @property
    def index(self) -> int:
        """Index of the current step in the whole path (0-based)."""
        return self._index

    @property
    def position(self) -> Position:
        return self._steps[self._index] if self._steps else Position(0, 0)

    @property
    def chapter(self) -> Chapter:
        return self._story.chapters[self.position.chapter]

    @property
    def page(self) -> Page:
        return self.chapter.pages[self.position.page]

    @property
    def at_start(self) -> bool:
        return self._index == 0

    @property
    def at_end(self) -> bool:
        return self._index >= len(self._steps) - 1

    @property
    def at_chapter_end(self) -> bool:
        return self.position.page == len(self.chapter.pages) - 1

    def chapter_progress(self) -> tuple[int, int]:
        """(page number in chapter, 1-based; pages in chapter)."""
        return self.position.page + 1, len(self.chapter.pages)

    def story_progress(self) -> tuple[int, int]:
        """(step number in the whole path, 1-based; number of steps)."""
        return self._index + 1, len(self._steps)

    def next_chapter(self) -> Chapter | None:
        following = self.position.chapter + 1
        if following < len(self._story.chapters):
            return self._story.chapters[following]
        return None

    def peek_next(self) -> Page | None:
        """The page a "next" would show, for prefetching."""
        if self.at_end:
            return None
        step = self._steps[self._index + 1]
        return self._story.chapters[step.chapter].pages[step.page]

    # -- moving -------------------------------------------------------------------------
    def next(self) -> bool:
        """Go one page forward; False (and no move) at the end of the story."""
        if self.at_end:
            return False
        self._index += 1
        return True

    def previous(self) -> bool:
        if self.at_start:
            return False
        self._index -= 1
        return True

    def first_in_chapter(self) -> bool:
        return self.go(self.position.chapter, 0)

    def last_in_chapter(self) -> bool:
        return self.go(self.position.chapter, len(self.chapter.pages) - 1)

    def go(self, chapter: int, page: int = 0) -> bool:
        """Jump to a chapter index and page index; False if out of range."""
        target = Position(chapter, page)
        try:
            self._index = self._steps.index(target)
        except ValueError:
            return False
        return True

    def go_to_ref(self, ref: str) -> bool:
        """Jump to ``chapter-id`` or ``chapter-id/page-id``; False if unknown."""
        chapter_id, _, page_id = ref.partition("/")
        chapter_index = self._story.chapter_index(chapter_id)
        if chapter_index is None:
            return False
        page_index = 0
        if page_id:
            found = self._story.chapters[chapter_index].page_index(page_id)
            if found is None:
                return False
            page_index = found
        return self.go(chapter_index, page_index)

    def go_to_next_chapter(self) -> bool:
        following = self.position.chapter + 1
        if following >= len(self._story.chapters):
            return False
        return self.go(following, 0)
