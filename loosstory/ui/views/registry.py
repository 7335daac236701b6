"""Registry of the interactive views a page can show (``view: schematic`` / ``timeline``).

Other modules register their factories::

    from loosstory.ui.views.registry import VIEW_FACTORIES
    VIEW_FACTORIES["timeline"] = lambda story, state, parent: TimelineView(story, state, parent)

A page whose view is not registered simply shows its text and figures.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from loosstory.story.model import Story

if TYPE_CHECKING:
    from loosstory.ui.state.state import ReaderState

log = logging.getLogger(__name__)

ViewFactory = Callable[[Story, "ReaderState", QWidget], QWidget]

VIEW_FACTORIES: dict[str, ViewFactory] = {}


def register_view(name: str, factory: ViewFactory) -> None:
    VIEW_FACTORIES[name] = factory


def _schematic(story: Story, state: ReaderState, parent: QWidget) -> QWidget:
    from loosstory.ui.views import schematic

    return schematic.create(story, state, parent)


def _timeline(story: Story, state: ReaderState, parent: QWidget) -> QWidget:
    from loosstory.ui.views import timeline

    return timeline.create(story, state, parent)


def register_builtin_views() -> None:
    """The interactive views the engine ships: the code-source house and the timeline.

    Their modules are imported when a view is first built (or by :func:`preload_views`),
    not at start-up: the cover does not need them.
    """
    VIEW_FACTORIES.setdefault("schematic", _schematic)
    VIEW_FACTORIES.setdefault("timeline", _timeline)


def preload_views() -> None:
    """Import the built-in views' modules now (idle time after start-up), not on a page turn."""
    from loosstory.ui.views import schematic, timeline  # noqa: F401


def create_view(name: str, story: Story, state: ReaderState, parent: QWidget) -> QWidget | None:
    """The view registered under ``name`` built for ``story``, or None (unknown or failing)."""
    factory = VIEW_FACTORIES.get(name)
    if factory is None:
        return None
    try:
        return factory(story, state, parent)
    except Exception:  # a broken view must not take the page down with it
        log.exception("la vue interactive « %s » n'a pas pu être construite", name)
        return None
