"""The code-source house view (issue 3). ``create`` is registered in VIEW_FACTORIES."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from loosstory.ui.views.links import build_related, build_titles, connect_view, placeholder
from loosstory.ui.views.schematic.view import SchematicView

__all__ = ["SchematicView", "create"]


def create(story, state, parent: QWidget | None = None) -> QWidget:
    """The house of ``story.schematic``, wired to ``state`` (or a notice when it is missing)."""
    schematic = getattr(story, "schematic", None)
    if schematic is None:
        return placeholder("La maison du code source n’a pas pu être lue : vérifiez le fichier "
                           "schematic.yaml (la commande « loosstory check » indique la ligne).",
                           story, parent)
    config = getattr(state, "config", None)
    reduced = bool(getattr(state, "reduced_motion", False)) or (
        config is not None and getattr(config, "transition_ms", 1) == 0)
    view = SchematicView(schematic, getattr(story, "look", None), parent,
                         reduced_motion=reduced, titles=build_titles(story),
                         related=build_related(story))
    connect_view(view, state, story, "schematic", view.open_element,
                 lambda entity: schematic.element(entity) is not None)
    return view
