"""A pack in several languages: what each translation covers, and pages it lacks.

Ids match across languages: chapters, pages (``chapter/page``), images (by place in their page),
the house's elements and the timeline's events. :func:`coverage` counts them per language
and lists every missing or extra item with the file and line of the French original
(or of the extra item); :func:`fill_missing` plays a page missing in a translation from
the default language, marked ``page.fallback`` (the page says « Page en français »).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from loosstory.story.model import LoadResult, Problem, Story

# The engine's own words in a page, by language: the label above a précision, the lines
# of the Sources page it writes (chapters.sources_page, in French).
ENGINE_WORDS = {
    "en": (("<b>Précision</b> —", "<b>Note</b> —"),
           ("<p>Texte : ", "<p>Text: "),
           ("<p>Les informations de ce chapitre viennent de ces sources :</p>",
            "<p>The information in this chapter comes from these sources:</p>")),
}


class Items(NamedTuple):
    """What a translation is made of: kind -> {id: (file, line)}."""

    kinds: dict[str, dict[str, tuple[str, int]]]


KIND_NAMES = {"pages": "pages", "images": "images", "schematic": "éléments de la maison",
              "timeline": "événements de la frise"}


def items(story: Story) -> Items:
    kinds: dict[str, dict[str, tuple[str, int]]] = {k: {} for k in KIND_NAMES}
    for chapter in story.chapters:
        for page in chapter.pages:
            if page.fallback:
                continue
            kinds["pages"][page.ref] = (chapter.file, page.line)
            for index, figure in enumerate(page.figures):
                kinds["images"][f"{page.ref} image {index + 1}"] = (chapter.file, figure.line)
    if story.schematic is not None:
        for element in story.schematic.elements:
            kinds["schematic"][element.id] = (story.schematic.path, element.line)
    if story.timeline is not None:
        for event in story.timeline.events:
            kinds["timeline"][event.id] = (story.timeline.path, event.line)
    return Items(kinds)


def coverage(reference: Story, other: Story) -> tuple[str, list[Problem]]:
    """« en : 57/57 pages, 24/24 images, … » and a warning per missing or extra item."""
    ref, got = items(reference).kinds, items(other).kinds
    language = other.language
    parts, problems = [], []
    for kind, name in KIND_NAMES.items():
        wanted, have = ref[kind], got[kind]
        if not wanted and not have:
            continue
        parts.append(f"{len(set(wanted) & set(have))}/{len(wanted)} {name}")
        for key in sorted(set(wanted) - set(have)):
            file, line = wanted[key]
            problems.append(Problem(file, line, 1, "warning",
                                    f"traduction « {language} » manquante : {name} « {key} » "
                                    f"(ajoutez-la dans {language}/ avec le même identifiant)"))
        for key in sorted(set(have) - set(wanted)):
            file, line = have[key]
            problems.append(Problem(file, line, 1, "warning",
                                    f"{name} « {key} » en « {language} » sans original en "
                                    f"« {reference.language} » : les identifiants doivent être "
                                    "les mêmes dans chaque langue"))
    return f"{language} : " + ", ".join(parts), problems


def fill_missing(story: Story, root: Path, load: Callable[[Path, str], LoadResult]) -> None:
    """Pages of the default language missing from ``story`` (another language) are played
    in the default language, in their place, marked ``fallback``; ``load`` is the loader's
    ``load_story`` (this module is imported by the loader, not the other way round)."""
    default = story.languages[0] if story.languages else story.language
    if story.language == default or not _maybe_missing(story, root / default):
        relabel(story)
        return
    original = load(root, default).story
    if original is not None:
        mine = {chapter.id: chapter for chapter in story.chapters}
        for theirs in original.chapters:
            chapter = mine.get(theirs.id)
            if chapter is None:
                continue
            have = {page.id: page for page in chapter.pages}
            if all(page.id in have for page in theirs.pages):
                continue
            pages = []
            for page in theirs.pages:
                if page.id in have:
                    pages.append(have.pop(page.id))
                else:
                    page.fallback = default
                    pages.append(page)
            chapter.pages = pages + list(have.values())
    relabel(story)


_HEADING_ID = re.compile(r"^##\s.*\{#([A-Za-z0-9_-]+)")
_CHAPTER_ID = re.compile(r"^id:\s*[\"']?([A-Za-z0-9_-]+)")


def _maybe_missing(story: Story, default_dir: Path) -> bool:
    """A quick look at the default language's files (no parsing): could a page of theirs
    be missing here? Only then is the default language loaded to fill the gaps."""
    have = {page.ref for chapter in story.chapters for page in chapter.pages}
    for file in sorted(default_dir.glob("*.md")):
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return True
        chapter = next((m.group(1) for m in map(_CHAPTER_ID.match, lines[:30]) if m), "")
        for line in lines:
            found = _HEADING_ID.match(line)
            if found and f"{chapter}/{found.group(1)}" not in have:
                return True
    return False


def relabel(story: Story) -> None:
    """The engine's own words in the pages (précision label, Sources page) in the story's
    language."""
    words = ENGINE_WORDS.get(story.language, ())
    for chapter in story.chapters:
        for page in chapter.pages:
            if page.fallback:
                continue
            for french, translated in words:
                page.html = page.html.replace(french, translated)
