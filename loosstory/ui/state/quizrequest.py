"""Which quiz the « quiz » screen shows next (issue 18), asked by the page and the sommaire.

Kept beside the state (not in it: a quiz is one screen's business) so that the page and the
sommaire can open a quiz without importing the quiz screen.
"""

from __future__ import annotations

import weakref

from loosstory.ui.state.state import ReaderState

QUIZ = "quiz"
_REQUESTS: weakref.WeakKeyDictionary[ReaderState, str] = weakref.WeakKeyDictionary()
# quiz screens already built on a state (one per window), told when a quiz is asked for
# while they show: the screen does not change then, so no screen_changed comes
_SCREENS: weakref.WeakKeyDictionary[ReaderState, weakref.WeakSet] = weakref.WeakKeyDictionary()


def open_quiz(state: ReaderState, chapter_id: str = "") -> None:
    """Show the quiz of ``chapter_id`` ("" = the pupil chooses the chapter)."""
    _REQUESTS[state] = chapter_id
    if state.screen == QUIZ:
        screens = list(_SCREENS.get(state, ()))
        take_request(state)
        for screen in screens:
            screen.open_request(chapter_id)
        return
    state.show_screen(QUIZ)


def register_screen(state: ReaderState, screen: object) -> None:
    """A quiz screen built on ``state`` (it has ``open_request(chapter_id)``)."""
    _SCREENS.setdefault(state, weakref.WeakSet()).add(screen)


def take_request(state: ReaderState) -> str | None:
    """The chapter asked for since the last call (None: nothing asked)."""
    return _REQUESTS.pop(state, None)
