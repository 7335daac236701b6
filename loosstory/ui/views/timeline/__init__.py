"""The resilience timeline view (issue 3). ``create`` is registered in VIEW_FACTORIES."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from loosstory.ui.views.links import build_related, build_titles, connect_view, placeholder
from loosstory.ui.views.timeline.view import TimelineView

__all__ = ["TimelineView", "create"]


def create(story, state, parent: QWidget | None = None) -> QWidget:
    """The timeline of ``story.timeline``, wired to ``state`` (or a notice when missing)."""
    timeline = getattr(story, "timeline", None)
    if timeline is None:
        return placeholder("La frise n’a pas pu être lue : vérifiez le fichier timeline.yaml "
                           "(la commande « loosstory check » indique la ligne).", story, parent)
    config = getattr(state, "config", None)
    reduced = bool(getattr(state, "reduced_motion", False)) or (
        config is not None and getattr(config, "transition_ms", 1) == 0)
    view = TimelineView(timeline, getattr(story, "look", None), parent, reduced_motion=reduced,
                        titles=build_titles(story), related=build_related(story),
                        sources=getattr(story, "sources", None))
    connect_view(view, state, story, "timeline", view.open_entity,
                 lambda entity: timeline.event(entity) is not None
                 or timeline.period(entity) is not None)
    return view
