"""The resilience timeline view (issue 3). ``create`` is registered in VIEW_FACTORIES."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from loosstory.story.model import Story
from loosstory.ui.state import ReaderState
from loosstory.ui.views.links import build_related, build_titles, connect_view, placeholder
from loosstory.ui.views.timeline.view import TimelineView

__all__ = ["TimelineView", "create"]


def create(story: Story, state: ReaderState, parent: QWidget | None = None) -> QWidget:
    """The timeline of ``story.timeline``, wired to ``state`` (or a notice when missing)."""
    timeline = story.timeline
    if timeline is None:
        return placeholder("La frise n’a pas pu être lue : vérifiez le fichier timeline.yaml "
                           "(la commande « loosstory check » indique la ligne).", story, parent)
    view = TimelineView(timeline, story.look, parent, reduced_motion=state.reduced_motion,
                        titles=build_titles(story), related=build_related(story),
                        sources=story.sources)
    connect_view(view, state, story, "timeline")
    return view
