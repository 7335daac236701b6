"""The code-source house: ``<lang>/schematic.yaml`` read into plain data.

The house is drawn by the UI from this model only: foundations, then pillars (left to
right in file order), then a roof of result bands (bottom to top). Every word and colour
comes from the pack, so another town can draw its own house.

The helpers shared with the timeline live in :mod:`loosstory.story.viewfile`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from loosstory.story.located import Located
from loosstory.story.model import Problem
from loosstory.story.tour import read_tour
from loosstory.story.viewfile import (
    LinkRef,
    check_keys,
    colour_value,
    is_valid_id,
    link_list,
    link_target,
    markdown_links,
    render_markdown,
    start,
    text_value,
    unknown_colours,
)

KINDS = ("foundation", "pillar", "roof")
KIND_NAMES = {"foundation": "fondations", "pillar": "pilier", "roof": "toit"}


TOP_KEYS = {"format", "title", "subtitle", "description", "hint", "star", "elements", "tour"}
ELEMENT_KEYS = {"id", "kind", "label", "short", "summary", "colour", "detail", "items", "links"}
ITEM_KEYS = {"label", "link"}


# --------------------------------------------------------------------------------------
# The house
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class RoofItem:
    """One result written inside a roof band, e.g. « transition énergétique »."""

    label: str
    link: str | None = None


@dataclass
class SchematicElement:
    id: str
    kind: str  # "foundation", "pillar" or "roof"
    label: str
    summary: str
    detail_markdown: str
    detail_html: str
    links: list[str]
    colour: str  # palette name or "#rrggbb", as written
    line: int
    short: str = ""
    items: list[RoofItem] = field(default_factory=list)
    link_refs: list[LinkRef] = field(default_factory=list)
    colour_at: tuple[int, int] = (0, 0)

    @property
    def drawn_label(self) -> str:
        """What the picture shows: the short label when there is one."""
        return self.short or self.label

    @property
    def accessible_description(self) -> str:
        parts = [self.summary]
        if self.items:
            parts.append(", ".join(item.label for item in self.items) + ".")
        return " ".join(p for p in parts if p)


@dataclass
class Schematic:
    title: str
    subtitle: str
    description: str
    hint: str
    elements: list[SchematicElement]
    path: str = ""
    star: str = ""  # id of the element a star above the roof stands for ("" = no star)
    tour: tuple[str, ...] = ()  # presenter mode opens these in turn (story/tour.py)

    def element(self, element_id: str) -> SchematicElement | None:
        for element in self.elements:
            if element.id == element_id:
                return element
        return None

    def of_kind(self, kind: str) -> list[SchematicElement]:
        return [e for e in self.elements if e.kind == kind]

    @property
    def foundations(self) -> list[SchematicElement]:
        return self.of_kind("foundation")

    @property
    def pillars(self) -> list[SchematicElement]:
        return self.of_kind("pillar")

    @property
    def roofs(self) -> list[SchematicElement]:
        """Roof bands, bottom first."""
        return self.of_kind("roof")

    @property
    def reading_order(self) -> list[SchematicElement]:
        """Foundation, pillars left to right, roof bottom to top: the focus order."""
        return self.foundations + self.pillars + self.roofs

    def ids(self) -> list[tuple[str, int]]:
        return [(e.id, e.line) for e in self.elements]

    def links(self) -> Iterator[tuple[str, int, int]]:
        for element in self.elements:
            for ref in element.link_refs:
                yield ref.target, ref.line, ref.column

    def check_colours(self, palette: dict[str, str]) -> list[Problem]:
        """Colour names the palette does not know (the loader passes story.look.palette)."""
        return unknown_colours(
            ((e.colour, *e.colour_at) for e in self.elements), palette, self.path
        )


def _items(
    doc: Located, keys: tuple[Any, ...], value: object, problems: list[Problem]
) -> tuple[list[RoofItem], list[LinkRef]]:
    if value is None:
        return [], []
    if not isinstance(value, list):
        problems.append(doc.problem(keys, "error", "items : une liste de résultats est attendue"))
        return [], []
    items: list[RoofItem] = []
    refs: list[LinkRef] = []
    for index, raw in enumerate(value):
        where = keys + (index,)
        if isinstance(raw, dict):
            check_keys(doc, where, raw, ITEM_KEYS, problems)
            label = text_value(
                doc, where + ("label",), raw.get("label"), "texte du résultat", problems
            )
            link = None
            if raw.get("link") is not None:
                ref = link_target(doc, where + ("link",), raw.get("link"), problems)
                if ref is not None:
                    refs.append(ref)
                    link = ref.target
            if label:
                items.append(RoofItem(label, link))
        else:
            label = text_value(doc, where, raw, "texte du résultat", problems)
            if label:
                items.append(RoofItem(label))
    return items, refs


def _element(
    doc: Located, index: int, raw: object, problems: list[Problem]
) -> SchematicElement | None:
    keys: tuple[Any, ...] = ("elements", index)
    if not isinstance(raw, dict):
        problems.append(
            doc.problem(
                keys,
                "error",
                "élément illisible : chaque élément commence par "
                "« - id: … » suivi de kind, label, summary, detail",
            )
        )
        return None
    check_keys(doc, keys, raw, ELEMENT_KEYS, problems)
    line = doc.where(*keys)[0]
    element_id = raw.get("id")
    if element_id is None:
        problems.append(
            doc.problem(
                keys,
                "error",
                "élément sans id : ajoutez « id: … » (minuscules, "
                "chiffres et tirets), par exemple id: pilier-etoile",
            )
        )
        return None
    if not is_valid_id(element_id):
        problems.append(
            doc.problem(
                keys + ("id",),
                "error",
                f"id « {element_id} » mal écrit : "
                "minuscules sans accents, chiffres et tirets seulement",
            )
        )
        return None
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.append(
            doc.problem(
                keys + ("kind",),
                "error",
                f"kind « {kind} » inconnu pour "
                f"« {element_id} » : écrivez foundation, pillar ou roof",
            )
        )
        return None
    label = text_value(
        doc, keys + ("label",), raw.get("label"), f"titre (label) de « {element_id} »", problems
    )
    if not label:
        return None
    short = text_value(
        doc, keys + ("short",), raw.get("short"), "titre court", problems, required=False
    )
    summary = text_value(
        doc,
        keys + ("summary",),
        raw.get("summary"),
        f"résumé (summary) de « {element_id} »",
        problems,
        severity="warning",
    )
    detail = text_value(
        doc,
        keys + ("detail",),
        raw.get("detail"),
        f"texte (detail) de « {element_id} »",
        problems,
        severity="warning",
    )
    refs = link_list(doc, keys + ("links",), raw.get("links"), element_id, problems)
    md_refs, md_problems = markdown_links(doc, keys + ("detail",), detail)
    problems.extend(md_problems)
    items, item_refs = _items(doc, keys + ("items",), raw.get("items"), problems)
    if items and kind != "roof":
        problems.append(
            doc.problem(
                keys + ("items",),
                "warning",
                "items n'est dessiné que pour les bandes du toit (kind: roof)",
            )
        )
    colour = colour_value(doc, keys + ("colour",), raw.get("colour"), "#2b3a42", problems)
    colour_at = doc.where(*(keys + ("colour",))) if "colour" in raw else (0, 0)
    all_refs = refs + md_refs + item_refs
    links = list(dict.fromkeys([r.target for r in refs + md_refs + item_refs]))
    return SchematicElement(
        id=element_id,
        kind=kind,
        label=label,
        summary=summary,
        detail_markdown=detail,
        detail_html=render_markdown(detail) if detail else "",
        links=links,
        colour=colour,
        line=line,
        short=short,
        items=items,
        link_refs=all_refs,
        colour_at=colour_at if "colour" in raw else (0, 0),
    )


def parse_schematic(text: str, path: str) -> tuple[Schematic | None, list[Problem]]:
    """Read a schematic.yaml. Returns (None, problems) when no house can be drawn."""
    doc, problems = start(text, path, TOP_KEYS, "maison du code source")
    if doc is None:
        return None, problems
    data: dict[Any, Any] = doc.value
    title = text_value(doc, ("title",), data.get("title"), "titre (title) de la maison", problems)
    raw_elements = data.get("elements")
    if not isinstance(raw_elements, list) or not raw_elements:
        problems.append(
            doc.problem(
                ("elements",),
                "error",
                "la maison n'a pas d'éléments : "
                "ajoutez « elements: » avec des fondations, des piliers et un toit",
            )
        )
        return None, problems
    elements: list[SchematicElement] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_elements):
        element = _element(doc, index, raw, problems)
        if element is None:
            continue
        if element.id in seen:
            problems.append(
                doc.problem(
                    ("elements", index, "id"),
                    "error",
                    f"id « {element.id} » déjà utilisé ligne {seen[element.id]} : "
                    "chaque élément a un id unique",
                )
            )
            continue
        seen[element.id] = element.line
        elements.append(element)
    schematic = Schematic(
        title=title,
        subtitle=text_value(
            doc, ("subtitle",), data.get("subtitle"), "sous-titre", problems, required=False
        ),
        description=text_value(
            doc, ("description",), data.get("description"), "description", problems, required=False
        ),
        hint=text_value(doc, ("hint",), data.get("hint"), "consigne", problems, required=False),
        elements=elements,
        path=path,
    )
    star = data.get("star")
    if star is not None:
        if isinstance(star, str) and schematic.element(star) is not None:
            schematic.star = star
        else:
            problems.append(
                doc.problem(
                    ("star",),
                    "error",
                    f"star « {star} » : écrivez l'id d'un "
                    "élément de la maison (l'étoile dessinée au-dessus du toit "
                    "ouvre cet élément)",
                )
            )
    schematic.tour = read_tour(doc, lambda i: schematic.element(i) is not None, problems)
    for kind in ("foundation", "pillar"):
        if not schematic.of_kind(kind):
            problems.append(
                doc.problem(
                    ("elements",),
                    "error",
                    f"la maison n'a pas de "
                    f"{KIND_NAMES[kind]} : ajoutez un élément « kind: {kind} »",
                )
            )
    if any(p.is_error for p in problems) and not schematic.pillars:
        return None, problems
    return schematic, problems
