"""The registry of the reader's screens: one entry per screen, replacing any if/elif on
screen names in the window.

Adding a screen = one new module under ``ui/screens/`` (a :class:`Screen` subclass) and one
line here. Each builder imports its module when the screen is first built: only the cover
is on the first frame's path (bench/README.md, start-up).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP

from loosstory.ui.state.state import ABOUT, COVER, ENDING, PAGE, PROBLEMS, SOMMAIRE, ReaderState

if TYPE_CHECKING:
    from loosstory.ui.look.theme import Palette
    from loosstory.ui.pictures.images import ImageLoader
    from loosstory.ui.screens.screen import Screen

Builder = Callable[[ReaderState, "ImageLoader", "Palette"], "Screen"]


class ScreenSpec(NamedTuple):
    build: Builder
    title: str  # its accessible name (French source text, translated in "ReaderWindow")
    available: Callable[[ReaderState], bool]  # False: the problems screen is shown instead
    eager: bool = True  # built as soon as it is available (otherwise on first show)
    per_story: bool = True  # rebuilt when the story is replaced (the cover is not)


def _cover(state: ReaderState, loader: ImageLoader, palette: Palette) -> Screen:
    from loosstory.ui.screens.cover import CoverScreen

    return CoverScreen(state, loader, palette)


def _sommaire(state: ReaderState, loader: ImageLoader, palette: Palette) -> Screen:
    from loosstory.ui.screens.sommaire import SommaireScreen

    return SommaireScreen(state, loader, palette)


def _page(state: ReaderState, loader: ImageLoader, palette: Palette) -> Screen:
    from loosstory.ui.page.screen import PageScreen

    return PageScreen(state, loader, palette)


def _problems(state: ReaderState, loader: ImageLoader, palette: Palette) -> Screen:
    from loosstory.ui.screens.problems import ProblemsScreen

    return ProblemsScreen(state, palette)


def _ending(state: ReaderState, loader: ImageLoader, palette: Palette) -> Screen:
    from loosstory.ui.info.ending import EndingScreen

    return EndingScreen(state, palette)


def _about(state: ReaderState, loader: ImageLoader, palette: Palette) -> Screen:
    from loosstory.ui.info.about import AboutScreen

    return AboutScreen(state, palette)


def _overview(state: ReaderState, loader: ImageLoader, palette: Palette) -> Screen:
    from loosstory.ui.screens.overview import OverviewScreen

    return OverviewScreen(state, palette)


def _glossary(state: ReaderState, loader: ImageLoader, palette: Palette) -> Screen:
    from loosstory.ui.glossary.screen import GlossaryScreen

    return GlossaryScreen(state, palette)


def _quiz(state: ReaderState, loader: ImageLoader, palette: Palette) -> Screen:
    from loosstory.ui.quiz.screen import QuizScreen

    return QuizScreen(state, palette)


def _playable(state: ReaderState) -> bool:
    return state.playable


SCREENS: dict[str, ScreenSpec] = {
    COVER: ScreenSpec(_cover, QT_TRANSLATE_NOOP("ReaderWindow", "Couverture"), lambda s: s.playable or s.loading, per_story=False),
    SOMMAIRE: ScreenSpec(_sommaire, QT_TRANSLATE_NOOP("ReaderWindow", "Sommaire"), _playable),
    PAGE: ScreenSpec(_page, QT_TRANSLATE_NOOP("ReaderWindow", "Page du chapitre"), _playable),
    PROBLEMS: ScreenSpec(_problems, QT_TRANSLATE_NOOP("ReaderWindow", "Erreurs du contenu"), lambda s: True, eager=False),
    ENDING: ScreenSpec(_ending, QT_TRANSLATE_NOOP("ReaderWindow", "Fin de la visite"), _playable, eager=False),
    ABOUT: ScreenSpec(_about, QT_TRANSLATE_NOOP("ReaderWindow", "À propos de l’exposition"), _playable, eager=False),
    "overview": ScreenSpec(_overview, QT_TRANSLATE_NOOP("ReaderWindow", "Toutes les pages"), _playable),  # eager: it sees where it is opened from
    "glossary": ScreenSpec(_glossary, QT_TRANSLATE_NOOP("ReaderWindow", "Glossaire"), _playable, eager=False),  # issue 18
    "quiz": ScreenSpec(_quiz, QT_TRANSLATE_NOOP("ReaderWindow", "Quiz"), _playable, eager=False),  # issue 18
}
