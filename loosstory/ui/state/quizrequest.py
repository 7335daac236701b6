"""Which quiz the « quiz » screen shows next (issue 18), asked by the page and the sommaire.

Kept beside the state (not in it: a quiz is one screen's business) so that the page and the
sommaire can open a quiz without importing the quiz screen.
"""

from __future__ import annotations

import weakref

from loosstory.ui.state.state import ReaderState

QUIZ = "quiz"
_REQUESTS: weakref.WeakKeyDictionary[ReaderState, str] = weakref.WeakKeyDictionary()


def open_quiz(state: ReaderState, chapter_id: str = "") -> None:
    """Show the quiz of ``chapter_id`` ("" = the pupil chooses the chapter)."""
    _REQUESTS[state] = chapter_id
    state.show_screen(QUIZ)


def take_request(state: ReaderState) -> str | None:
    """The chapter asked for since the last call (None: nothing asked)."""
    return _REQUESTS.pop(state, None)
