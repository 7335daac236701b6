"""Registry of the interactive views a page can show (``view: schematic`` / ``timeline``).

Other modules register their factories::

    from loosstory.ui.views import VIEW_FACTORIES
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
    from loosstory.ui.state import ReaderState

log = logging.getLogger(__name__)

ViewFactory = Callable[[Story, "ReaderState", QWidget], QWidget]

VIEW_FACTORIES: dict[str, ViewFactory] = {}


def register_view(name: str, factory: ViewFactory) -> None:
    VIEW_FACTORIES[name] = factory


def register_builtin_views() -> None:
    """The interactive views the engine ships: the code-source house and the timeline."""
    from loosstory.ui import schematic, timeline

    VIEW_FACTORIES.setdefault("schematic", schematic.create)
    VIEW_FACTORIES.setdefault("timeline", timeline.create)


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
