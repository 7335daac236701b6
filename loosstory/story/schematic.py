"""The code-source house: ``<lang>/schematic.yaml`` read into plain data.

The house is drawn by the UI from this model only: foundations, then pillars (left to
right in file order), then a roof of result bands (bottom to top). Every word and colour
comes from the pack, so another town can draw its own house.

This module also holds the small helpers shared with :mod:`loosstory.story.timeline`
(link references, Markdown rendering, key checks).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import markdown

from loosstory.story.model import Problem
from loosstory.story.yamlsource import Located, load_located

FORMAT = 1
KINDS = ("foundation", "pillar", "roof")
KIND_NAMES = {"foundation": "fondations", "pillar": "pilier", "roof": "toit"}

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_REF = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)?$")
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\(\s*(?P<target>[^\s)]*)(?:\s+\"[^\"]*\")?\s*\)")

TOP_KEYS = {"format", "title", "subtitle", "description", "hint", "star", "elements"}
ELEMENT_KEYS = {"id", "kind", "label", "short", "summary", "colour", "detail", "items", "links"}
ITEM_KEYS = {"label", "link"}


# --------------------------------------------------------------------------------------
# Shared helpers (also used by timeline.py)
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class LinkRef:
    """A "voir aussi" target written in a view file, with where it was written."""

    target: str  # "chapter", "chapter/page" or an entity id
    line: int
    column: int


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(_ID.match(value))


def render_markdown(text: str) -> str:
    """Markdown -> HTML. Raw HTML is shown as text; only internal links ``#id`` stay links."""

    def keep_internal(match: re.Match[str]) -> str:
        target = match.group("target")
        if target.startswith("#"):
            return match.group(0)
        return match.group("text")

    safe = _MD_LINK.sub(keep_internal, text.replace("<", "&lt;"))
    return markdown.markdown(safe, extensions=["sane_lists"], output_format="html")


def markdown_links(
    doc: Located, keys: tuple[Any, ...], text: str
) -> tuple[list[LinkRef], list[Problem]]:
    """Internal links ``[texte](#cible)`` written inside a Markdown value."""
    refs: list[LinkRef] = []
    problems: list[Problem] = []
    line, column = doc.where(*keys)
    for match in _MD_LINK.finditer(text):
        target = match.group("target")
        offset = text.count("\n", 0, match.start()) + 1  # block scalars start on the next line
        if target.startswith("#") and _REF.match(target[1:]):
            refs.append(LinkRef(target[1:], line + offset, column))
        else:
            problems.append(
                Problem(
                    doc.path,
                    line + offset,
                    column,
                    "error",
                    f"lien « {target} » refusé : un lien s'écrit [texte](#identifiant), vers un "
                    "chapitre, une page (chapitre/page), un élément de la maison ou un événement "
                    "de la frise ; les adresses extérieures ne sont jamais ouvertes",
                )
            )
    return refs, problems


def text_value(
    doc: Located,
    keys: tuple[Any, ...],
    value: object,
    what: str,
    problems: list[Problem],
    required: bool = True,
    severity: str = "error",
) -> str:
    """A non-empty string, or "" with a problem saying what to write."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    if value is None and not required:
        return ""
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.append(
            doc.problem(keys, severity, f"{what} manquant(e) : écrivez-le ({keys[-1]}: …)")
        )
    else:
        problems.append(doc.problem(keys, "error", f"{what} : un texte est attendu"))
    return ""


def check_keys(
    doc: Located,
    keys: tuple[Any, ...],
    mapping: dict[Any, Any],
    known: Iterable[str],
    problems: list[Problem],
) -> None:
    """Unknown keys are warnings: a typo must not pass silently."""
    known = set(known)
    for key in mapping:
        if key not in known:
            names = ", ".join(sorted(known))
            problems.append(
                doc.problem(
                    keys + (key,),
                    "warning",
                    f"clé « {key} » inconnue, ignorée (clés possibles : {names})",
                )
            )


def link_list(
    doc: Located, keys: tuple[Any, ...], value: object, owner: str, problems: list[Problem]
) -> list[LinkRef]:
    """``links: [energie, code-source/pilier-etoile, …]`` -> located references."""
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        problems.append(
            doc.problem(
                keys,
                "error",
                "links : une liste d'identifiants est attendue, "
                "par exemple [energie, code-source/maison]",
            )
        )
        return []
    refs: list[LinkRef] = []
    for index, item in enumerate(value):
        ref = link_target(doc, keys + (index,), item, problems)
        if ref is None:
            continue
        if ref.target == owner:
            problems.append(
                doc.problem(
                    keys + (index,),
                    "warning",
                    f"« {owner} » renvoie vers lui-même : retirez ce lien",
                )
            )
            continue
        refs.append(ref)
    return refs


def link_target(
    doc: Located, keys: tuple[Any, ...], item: object, problems: list[Problem]
) -> LinkRef | None:
    line, column = doc.where(*keys)
    if isinstance(item, str) and item.strip().lstrip("#"):
        target = item.strip().lstrip("#")
        if _REF.match(target):
            return LinkRef(target, line, column)
    problems.append(
        Problem(
            doc.path,
            line,
            column,
            "error",
            f"lien « {item} » mal écrit : un identifiant de chapitre (energie), de page "
            "(code-source/maison), d'élément ou d'événement, en minuscules sans accents",
        )
    )
    return None


def colour_value(
    doc: Located, keys: tuple[Any, ...], value: object, fallback: str, problems: list[Problem]
) -> str:
    """A palette name or "#rrggbb" as written (names are resolved by the UI)."""
    if value is None:
        return fallback
    if isinstance(value, str) and (_HEX.match(value.strip()) or _NAME.match(value.strip())):
        return value.strip()
    problems.append(
        doc.problem(
            keys,
            "error",
            f"couleur « {value} » illisible : écrivez un nom "
            "de la palette (brique, terril…) ou un code entre guillemets comme "
            '"#2d4f7c"',
        )
    )
    return fallback


def resolve_colour(value: str, palette: dict[str, str], fallback: str = "#1f2326") -> str:
    """Palette name or hex -> "#rrggbb" (unknown names give ``fallback``)."""
    if _HEX.match(value):
        return value.lower()
    return palette.get(value, fallback)


def unknown_colours(
    entries: Iterable[tuple[str, int, int]], palette: dict[str, str], path: str
) -> list[Problem]:
    names = ", ".join(sorted(palette)) or "aucun nom défini"
    return [
        Problem(
            path,
            line,
            column,
            "error",
            f"couleur « {value} » inconnue : écrivez un nom de la palette ({names}) ou un "
            'code entre guillemets comme "#2d4f7c"',
        )
        for value, line, column in entries
        if not _HEX.match(value) and value not in palette
    ]


def start(
    text: str, path: str, top_keys: set[str], what: str
) -> tuple[Located | None, list[Problem]]:
    """Parse the YAML and check the top level: a mapping with a known ``format``."""
    doc, problem = load_located(text, path)
    if doc is None:
        return None, [problem] if problem else []
    problems: list[Problem] = []
    if not isinstance(doc.value, dict):
        problems.append(
            doc.problem(
                (),
                "error",
                f"{what} : le fichier doit commencer par des clés "
                "comme « title: … » (il est vide ou mal formé)",
            )
        )
        return None, problems
    check_keys(doc, (), doc.value, top_keys, problems)
    version = doc.value.get("format", FORMAT)
    if not isinstance(version, int) or isinstance(version, bool) or version > FORMAT:
        problems.append(
            doc.problem(
                ("format",),
                "error",
                f"format « {version} » non pris en charge "
                f"par cette version de l'application (format attendu : {FORMAT})",
            )
        )
        return None, problems
    return doc, problems


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
