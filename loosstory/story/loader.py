"""Loading a content pack: story.yaml, sources.yaml, the chapters of one language.

`load_story` never raises for anything a pack contains: every problem becomes a `Problem`.
"""

from __future__ import annotations

from pathlib import Path

from loosstory.story.chapters import load_chapter
from loosstory.story.checker import check_cross_references, load_views
from loosstory.story.files import internal_problem
from loosstory.story.glossary import load_glossary
from loosstory.story.head import FORMAT_VERSION, read_head
from loosstory.story.located import Located
from loosstory.story.model import Chapter, LoadResult, Problem
from loosstory.story.notes import missing_notes
from loosstory.story.quiz import load_quizzes
from loosstory.story.sources import read_sources
from loosstory.story.typography import apply_french_typography

__all__ = ["FORMAT_VERSION", "check_pack", "load_story"]


def load_story(root: Path | str, language: str | None = None) -> LoadResult:
    """Load the pack in ``root`` in ``language`` (default: the pack's first language)."""
    root = Path(root)
    try:
        return _load(root, language)
    except Exception as error:  # noqa: BLE001 - a bug of ours must still not reach a visitor
        return LoadResult(None, [internal_problem("story.yaml", error)])


def _load(root: Path, language: str | None) -> LoadResult:
    if not root.is_dir():
        return LoadResult(
            None,
            [
                Problem(
                    str(root),
                    0,
                    0,
                    "error",
                    "dossier de contenu introuvable : indiquez le dossier qui contient story.yaml",
                )
            ],
        )
    problems: list[Problem] = []
    try:
        head = read_head(root, language, problems)
    except Exception as error:  # noqa: BLE001 - filed under the file that caused it
        problems.append(internal_problem("story.yaml", error))
        head = None
    if head is None:
        return LoadResult(None, problems)
    meta, language, lang_dir, story = head.meta, head.language, head.lang_dir, head.story
    look = story.look
    try:
        sources = read_sources(root, problems)
    except Exception as error:  # noqa: BLE001
        problems.append(internal_problem("sources.yaml", error))
        sources = {}

    chapters: dict[str, Chapter] = {}
    unordered: list[Chapter] = []
    for file in sorted(lang_dir.glob("*.md")):
        rel = f"{language}/{file.name}"
        try:
            chapter, found = load_chapter(
                file,
                rel,
                root,
                palette=look.palette,
                sources=sources,
                default_colour=look.ink,
            )
        except Exception as error:  # noqa: BLE001 - filed under the chapter, not story.yaml
            chapter, found = None, [internal_problem(rel, error)]
        problems.extend(found)
        if chapter is None or not chapter.id:
            continue
        if chapter.id in chapters:
            problems.append(
                Problem(
                    rel,
                    2,
                    1,
                    "error",
                    f"identifiant de chapitre « {chapter.id} » déjà utilisé par "
                    f"{chapters[chapter.id].file} : chaque chapitre a le sien",
                )
            )
            continue
        chapters[chapter.id] = chapter
        unordered.append(chapter)

    ordered = _guided_path(meta, chapters, problems)
    story.chapters = ordered
    story.sources = sources
    load_views(story, lang_dir, language, problems)
    if language == "fr":
        apply_french_typography(story)
    load_glossary(story, lang_dir, language, problems)
    load_quizzes(story, lang_dir, language, problems)
    check_cross_references(story, unordered, problems)
    problems.extend(missing_notes(ordered))
    if not ordered:
        return LoadResult(None, problems)
    from loosstory.story.translation import fill_missing

    fill_missing(story, root, load_story)
    return LoadResult(story, problems)


def _guided_path(
    meta: Located, chapters: dict[str, Chapter], problems: list[Problem]
) -> list[Chapter]:
    value = meta.value.get("path")
    if value is None:
        return []
    if not isinstance(value, list):
        problems.append(
            meta.problem(("path",), "error", "path doit être la liste des chapitres, dans l'ordre")
        )
        return []
    ordered: list[Chapter] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        chapter_id = str(item)
        if chapter_id in seen:
            problems.append(
                meta.problem(
                    ("path", index),
                    "error",
                    f"le chapitre « {chapter_id} » figure deux fois dans path",
                )
            )
            continue
        seen.add(chapter_id)
        chapter = chapters.get(chapter_id)
        if chapter is None:
            known = ", ".join(sorted(chapters)) or "aucun"
            problems.append(
                meta.problem(
                    ("path", index),
                    "error",
                    f"path nomme un chapitre inconnu « {chapter_id} » (chapitres trouvés : {known})",
                )
            )
            continue
        ordered.append(chapter)
    for chapter_id, chapter in chapters.items():
        if chapter_id not in seen:
            problems.append(
                Problem(
                    chapter.file,
                    2,
                    1,
                    "warning",
                    f"le chapitre « {chapter_id} » n'est pas dans path (story.yaml) : il ne sera pas montré",
                )
            )
    return ordered


def check_pack(root: Path | str) -> LoadResult:
    """Load every language of a pack; the problems of all of them, each reported once."""
    first = load_story(root)
    problems = list(first.problems)
    seen = set(problems)
    summaries: list[str] = []
    story = first.story
    if story is not None:
        from loosstory.story.translation import coverage

        for language in story.languages[1:]:
            other = load_story(root, language)
            for problem in other.problems:
                if problem not in seen:
                    seen.add(problem)
                    problems.append(problem)
            if other.story is not None:
                summary, found = coverage(story, other.story)
                summaries.append(summary)
                problems.extend(found)
    problems.sort(key=lambda p: (p.path, p.line, p.column))
    result = LoadResult(story, problems)
    result.coverage = summaries  # « en : 57/57 pages, … », printed by `loosstory check`
    return result
