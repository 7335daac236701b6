"""A view's tour: the order in which presenter mode opens the panels of an interactive page
(the house's foundations, pillars and roof; the timeline's main periods) before leaving it.

Optional, in schematic.yaml or timeline.yaml::

    tour: [fondations-memoire, pilier-implication, pilier-systemique, resultats-thematiques]

Pure Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Callable

from loosstory.story.located import Located
from loosstory.story.model import Problem


def read_tour(doc: Located, owns: Callable[[str], bool], problems: list[Problem]) -> tuple[str, ...]:
    """The ids of ``tour:`` that the view owns; an error for anything else."""
    raw = doc.value.get("tour")
    if raw is None:
        return ()
    if not isinstance(raw, list):
        problems.append(doc.problem(("tour",), "error",
                                    "tour : une liste d’identifiants est attendue, par exemple "
                                    "[fondations-memoire, pilier-implication]"))
        return ()
    tour: list[str] = []
    for index, item in enumerate(raw):
        if not isinstance(item, str) or not owns(item):
            problems.append(doc.problem(("tour", index), "error",
                                        f"tour : « {item} » n’est pas un identifiant de cette "
                                        "vue ; écrivez l’id d’un de ses éléments"))
        elif item in tour:
            problems.append(doc.problem(("tour", index), "warning",
                                        f"tour : « {item} » figure deux fois ; la visite "
                                        "l’ouvre une seule fois"))
        else:
            tour.append(item)
    return tuple(tour)
