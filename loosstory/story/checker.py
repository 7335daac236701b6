"""Checks that look across files: ids, links, interactive views, every language of a pack."""

from __future__ import annotations

import importlib
import os
from dataclasses import dataclass
from pathlib import Path

from loosstory.story.files import internal_problem, read_text
from loosstory.story.model import Chapter, LoadResult, Problem, Story

# view name -> (file in the language folder, module, parse function, Story attribute)
VIEW_FILES = {
    "schematic": ("schematic.yaml", "loosstory.story.schematic", "parse_schematic"),
    "timeline": ("timeline.yaml", "loosstory.story.timeline", "parse_timeline"),
}


@dataclass(frozen=True)
class Definition:
    path: str
    line: int
    kind: str  # "chapitre", "image", "élément du schéma", "événement de la frise", …


def load_views(story: Story, lang_dir: Path, language: str, problems: list[Problem]) -> None:
    """Read <lang>/schematic.yaml and <lang>/timeline.yaml when present."""
    for attribute, (name, module_name, function_name) in VIEW_FILES.items():
        file = lang_dir / name
        if not os.path.lexists(file):
            continue
        rel = f"{language}/{name}"
        text, problem = read_text(file, rel, lang_dir.parent)
        if problem:
            problems.append(problem)
            continue
        try:
            parse = getattr(importlib.import_module(module_name), function_name)
        except (ImportError, AttributeError):
            problems.append(
                Problem(
                    rel,
                    0,
                    0,
                    "warning",
                    f"{name} ignoré : cette version de loosstory ne lit pas cette vue",
                )
            )
            continue
        try:
            view, found = parse(text or "", rel)
        except Exception as error:  # noqa: BLE001 - filed under the view's file
            problems.append(internal_problem(rel, error))
            continue
        problems.extend(found)
        if view is not None:
            problems.extend(view.check_colours(story.look.palette))
            if hasattr(view, "check_sources"):
                problems.extend(view.check_sources(story.sources))
        setattr(story, attribute, view)


def _view_ids(view: object, path: str, kind: str) -> dict[str, Definition]:
    found: dict[str, Definition] = {}
    for entity_id, line in getattr(view, "ids", lambda: [])():
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
    for attribute, (name, _, _) in VIEW_FILES.items():
        view = getattr(story, attribute)
        if view is None:
            continue
        kind = "élément du schéma" if attribute == "schematic" else "événement de la frise"
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
    for attribute, (name, _, _) in VIEW_FILES.items():
        view = getattr(story, attribute)
        if view is None:
            continue
        for target, line, column in getattr(view, "links", lambda: [])():
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
    """Every source a view cites is listed on the Sources page of the chapter showing it."""
    for attribute, (name, _, _) in VIEW_FILES.items():
        view = getattr(story, attribute)
        keys = getattr(view, "source_keys", None)
        if view is None or keys is None:
            continue
        for chapter in chapters:
            if not any(page.view == attribute for page in chapter.pages):
                continue
            listed = {source.key for source in chapter.sources}
            warned: set[str] = set()
            for key, line, column in keys():
                if key in listed or key in warned or key not in story.sources:
                    continue
                warned.add(key)
                problems.append(Problem(
                    f"{story.language}/{name}", line, column, "warning",
                    f"source « {key} » citée par la vue mais absente de la page Sources du "
                    f"chapitre « {chapter.id} » : ajoutez-la à « sources: » dans {chapter.file}"))


def check_pack(root: Path | str) -> LoadResult:
    """Load every language of a pack; the problems of all of them, each reported once."""
    from loosstory.story.loader import load_story

    first = load_story(root)
    problems = list(first.problems)
    seen = set(problems)
    story = first.story
    if story is not None:
        reference = {(c.id, p.id) for c in story.chapters for p in c.pages}
        for language in story.languages[1:]:
            other = load_story(root, language)
            for problem in other.problems:
                if problem not in seen:
                    seen.add(problem)
                    problems.append(problem)
            if other.story is not None:
                translated = {(c.id, p.id) for c in other.story.chapters for p in c.pages}
                for chapter_id, page_id in sorted(reference - translated):
                    problems.append(
                        Problem(
                            f"{language}/",
                            0,
                            0,
                            "warning",
                            f"traduction manquante en « {language} » : page {chapter_id}/{page_id}",
                        )
                    )
    problems.sort(key=lambda p: (p.path, p.line, p.column))
    return LoadResult(story, problems)
