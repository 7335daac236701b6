"""Checks that look across files: ids, links, interactive views, every language of a pack."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from loosstory.story.files import internal_problem, read_text
from loosstory.story.model import Chapter, Problem, Story
from loosstory.story.schematic import Schematic, parse_schematic
from loosstory.story.timeline import parse_timeline
from loosstory.story.timeline_model import Timeline

# view name (the Story attribute) -> (file in the language folder, parse function)
VIEW_FILES = {
    "schematic": ("schematic.yaml", parse_schematic),
    "timeline": ("timeline.yaml", parse_timeline),
}


@dataclass(frozen=True)
class Definition:
    path: str
    line: int
    kind: str  # "chapitre", "image", "élément du schéma", "événement de la frise", …


def load_views(story: Story, lang_dir: Path, language: str, problems: list[Problem]) -> None:
    """Read <lang>/schematic.yaml and <lang>/timeline.yaml when present."""
    for name, parse in VIEW_FILES.values():
        file = lang_dir / name
        if not os.path.lexists(file):
            continue
        rel = f"{language}/{name}"
        text, problem = read_text(file, rel, lang_dir.parent)
        if problem:
            problems.append(problem)
            continue
        try:
            view, found = parse(text or "", rel)
        except Exception as error:  # noqa: BLE001 - filed under the view's file
            problems.append(internal_problem(rel, error))
            continue
        problems.extend(found)
        if isinstance(view, Schematic):
            problems.extend(view.check_colours(story.look.palette))
            story.schematic = view
        elif isinstance(view, Timeline):
            problems.extend(view.check_colours(story.look.palette))
            problems.extend(view.check_sources(story.sources))
            for event in view.events:
                event.language = language  # its dates told in the pack's language
            story.timeline = view


def _views(story: Story) -> list[tuple[str, Schematic | Timeline]]:
    """(file name, view) of the story's interactive views that were read."""
    views: list[tuple[str, Schematic | Timeline]] = []
    if story.schematic is not None:
        views.append((VIEW_FILES["schematic"][0], story.schematic))
    if story.timeline is not None:
        views.append((VIEW_FILES["timeline"][0], story.timeline))
    return views


def _view_ids(view: Schematic | Timeline, path: str, kind: str) -> dict[str, Definition]:
    found: dict[str, Definition] = {}
    for entity_id, line in view.ids():
        found.setdefault(entity_id, Definition(path, line, kind))
    return found


def check_cross_references(story: Story, chapters: list[Chapter], problems: list[Problem]) -> None:
    """Unique ids in the shared namespace, resolvable links, views that exist."""
    defined: dict[str, Definition] = {}

    def define(entity_id: str, where: Definition) -> None:
        if not entity_id:
            return
        first = defined.get(entity_id)
        if first is not None:
            problems.append(
                Problem(
                    where.path,
                    where.line,
                    1,
                    "error",
                    f"identifiant « {entity_id} » ({where.kind}) déjà utilisé par un(e) {first.kind} "
                    f"({first.path}, ligne {first.line}) : les identifiants doivent être uniques",
                )
            )
        else:
            defined[entity_id] = where

    for chapter in chapters:
        define(chapter.id, Definition(chapter.file, 2, "chapitre"))
    for chapter in chapters:
        for page in chapter.pages:
            for figure in page.figures:
                define(figure.id, Definition(chapter.file, figure.line, "image"))

    entities: dict[str, Definition] = {}
    for name, view in _views(story):
        kind = "élément du schéma" if isinstance(view, Schematic) else "événement de la frise"
        for entity_id, where in _view_ids(view, f"{story.language}/{name}", kind).items():
            define(entity_id, where)
            entities[entity_id] = where

    pages = {page.ref for chapter in chapters for page in chapter.pages}
    chapter_ids = {chapter.id for chapter in chapters}

    def resolves(target: str) -> bool:
        return target in chapter_ids or target in pages or target in entities

    for chapter in chapters:
        for page in chapter.pages:
            for link in page.links:
                if not resolves(link.target):
                    problems.append(
                        Problem(
                            chapter.file,
                            link.line,
                            link.column,
                            "error",
                            f"lien cassé « #{link.target} » : aucun chapitre, page (chapitre/page), "
                            "élément du schéma ou événement de la frise ne porte cet identifiant",
                        )
                    )
            name = VIEW_FILES[page.view][0] if page.view else ""
            # A view file that exists but is broken has its own errors; the page then shows
            # a notice and the rest of the story still plays (LoadResult.playable).
            if page.view and not (story.root / story.language / name).is_file():
                problems.append(
                    Problem(
                        chapter.file,
                        page.line,
                        1,
                        "error",
                        f"la page demande la vue « {page.view} » mais {story.language}/{name} "
                        "est absent ou illisible",
                    )
                )
    _check_view_sources(story, chapters, problems)
    for name, view in _views(story):
        for target, line, column in view.links():
            if not resolves(target):
                problems.append(
                    Problem(
                        f"{story.language}/{name}",
                        line,
                        column,
                        "error",
                        f"lien « {target} » cassé : aucun chapitre, page ou élément ne porte cet identifiant",
                    )
                )


def _check_view_sources(story: Story, chapters: list[Chapter], problems: list[Problem]) -> None:
    """Every source the timeline cites is listed on the Sources page of the chapter showing it."""
    timeline = story.timeline
    if timeline is None:
        return
    name = VIEW_FILES["timeline"][0]
    for chapter in chapters:
        if not any(page.view == "timeline" for page in chapter.pages):
            continue
        listed = {source.key for source in chapter.sources}
        warned: set[str] = set()
        for key, line, column in timeline.source_keys():
            if key in listed or key in warned or key not in story.sources:
                continue
            warned.add(key)
            problems.append(Problem(
                f"{story.language}/{name}", line, column, "warning",
                f"source « {key} » citée par la vue mais absente de la page Sources du "
                f"chapitre « {chapter.id} » : ajoutez-la à « sources: » dans {chapter.file}"))
