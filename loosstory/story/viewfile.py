"""Helpers shared by the interactive views' files (schematic.yaml, timeline.yaml).

Link references, key and value checks, colours and the top-level "format" check. Markdown
goes through the same safe renderer as chapter pages (raw HTML shown as text, only
internal links kept).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from loosstory.story.located import Located
from loosstory.story.model import Problem
from loosstory.story.refs import HEX_COLOUR, html_warning
from loosstory.story.refs import is_valid_id as _is_valid_id

FORMAT = 1
_REF = re.compile(r"^[a-z0-9][a-z0-9-]*(/[a-z0-9][a-z0-9-]*)?$")
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")
_MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]]*)\]\(\s*(?P<target>[^\s)]*)(?:\s+\"[^\"]*\")?\s*\)")

__all__ = ["FORMAT", "LinkRef", "render_markdown"]  # plus the functions below


def render_markdown(text: str) -> str:
    """A view's Markdown text as HTML, through the chapters' safe renderer.

    Imported when a view file is parsed, not with this module: the view models
    (:mod:`loosstory.story.timeline_model`, a story read back from
    :mod:`loosstory.story.packcache`) need neither Markdown nor PyYAML.
    """
    from loosstory.story.pages import render_markdown as render

    return render(text)


@dataclass(frozen=True)
class LinkRef:
    """A "voir aussi" target written in a view file, with where it was written."""

    target: str  # "chapter", "chapter/page" or an entity id
    line: int
    column: int


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and _is_valid_id(value)


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
        warning = html_warning(value, str(keys[-1]) if keys else what)
        if warning:
            problems.append(doc.problem(keys, "warning", warning))
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
    if isinstance(value, str) and (HEX_COLOUR.match(value.strip()) or _NAME.match(value.strip())):
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
    if HEX_COLOUR.match(value):
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
        if not HEX_COLOUR.match(value) and value not in palette
    ]


def start(
    text: str, path: str, top_keys: set[str], what: str
) -> tuple[Located | None, list[Problem]]:
    """Parse the YAML and check the top level: a mapping with a known ``format``."""
    from loosstory.story.yamlsource import load_located

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
