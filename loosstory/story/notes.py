"""Speaker notes: a per-page block only the presenter sees.

Written at the END of a page section (after all the page's content, just before the next
``##`` heading or the end of the file), as a Markdown quote opened by a ``[!notes]`` marker::

    ## L’église solaire {#eglise-solaire}

    Le texte de la page…

    > [!notes]
    > Rappeler que les panneaux couvrent le toit de l’église.
    > Laisser la salle réagir.

The block is taken out of the page's body before it is rendered: readers and the audience
screen never show it. Pure Python, no Qt.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from loosstory.story.model import Chapter, Problem

# `> [!notes]` (also `[!note]`, any case); nothing else on the marker line
MARKER = re.compile(r"^\s*>\s*\[!\s*notes?\s*\]\s*$", re.IGNORECASE)
_ANY_MARKER = re.compile(r"^\s*>\s*\[!\s*notes?\s*\]", re.IGNORECASE)
_QUOTE_LINE = re.compile(r"^\s*>\s?(?P<text>.*)$")


def split_notes(
    body: list[tuple[int, str]], report: Callable[..., None]
) -> tuple[list[tuple[int, str]], str]:
    """The page's body without its notes block, and the notes' Markdown text ("" if none).

    Problems go to ``report(line, column, severity, message)``: a marker with text after
    it, a second block, a block that is not at the end of the page, an empty block.
    """
    start = None
    for index, (number, text) in enumerate(body):
        if _ANY_MARKER.match(text):
            if not MARKER.match(text):
                report(number, 1, "error",
                       "notes : rien ne doit suivre « > [!notes] » sur sa ligne ; écrivez les "
                       "notes sur les lignes suivantes, chacune commençant par « > »")
                return body, ""
            if start is not None:
                report(number, 1, "error",
                       "notes : un seul bloc « > [!notes] » par page ; réunissez-les")
                return body, ""
            start = index
    if start is None:
        return body, ""
    marker_line = body[start][0]
    end = start + 1
    lines: list[str] = []
    while end < len(body):
        quoted = _QUOTE_LINE.match(body[end][1])
        if quoted is None:
            break
        lines.append(quoted.group("text"))
        end += 1
    if any(text.strip() for _, text in body[end:]):
        report(marker_line, 1, "error",
               "notes : le bloc « > [!notes] » doit être le dernier de la page (juste avant le "
               "« ## » suivant ou la fin du fichier) ; déplacez-le après tout le contenu de la "
               "page, et faites commencer chacune de ses lignes par « > »")
        return body, ""
    notes = "\n".join(lines).strip()
    if not notes:
        report(marker_line, 1, "warning",
               "notes : bloc « > [!notes] » vide ; écrivez les notes ou supprimez le bloc")
    return body[:start], notes


def word_count(notes: str) -> int:
    return len(re.findall(r"[\w’'-]+", notes))


def missing_notes(chapters: list[Chapter]) -> list[Problem]:
    """In a pack where some pages have notes, a warning for each page that has none (a
    presenter would meet an empty notes area in the middle of the talk)."""
    pages = [page for chapter in chapters for page in chapter.pages]
    pages = [page for page in pages if page.kind != "sources"]  # made by the engine
    if not any(page.notes for page in pages):
        return []
    files = {chapter.id: chapter.file for chapter in chapters}
    return [
        Problem(files.get(page.chapter_id, ""), page.line, 1, "warning",
                f"page « {page.title} » sans notes pour l’orateur alors que d’autres en ont : "
                "ajoutez un bloc « > [!notes] » à la fin de la page")
        for page in pages if not page.notes and page.kind != "sources"
    ]
