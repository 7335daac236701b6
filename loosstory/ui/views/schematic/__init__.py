"""The code-source house view (issue 3). ``create`` is registered in VIEW_FACTORIES."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from loosstory.story.model import Story
from loosstory.ui.state import ReaderState
from loosstory.ui.views.links import build_related, build_titles, connect_view, placeholder
from loosstory.ui.views.schematic.view import SchematicView

__all__ = ["SchematicView", "create"]


def create(story: Story, state: ReaderState, parent: QWidget | None = None) -> QWidget:
    """The house of ``story.schematic``, wired to ``state`` (or a notice when it is missing)."""
    schematic = story.schematic
    if schematic is None:
        return placeholder("La maison du code source n’a pas pu être lue : vérifiez le fichier "
                           "schematic.yaml (la commande « loosstory check » indique la ligne).",
                           story, parent)
    view = SchematicView(schematic, story.look, parent, reduced_motion=state.reduced_motion,
                         titles=build_titles(story), related=build_related(story))
    connect_view(view, state, story, "schematic")
    return view
