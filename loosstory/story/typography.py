"""French typesetting: a non-breaking space before ? ! : ; » and after «, curly apostrophes.

Authors type ordinary spaces; without this, a window's line wrapping can leave a lone
"?" at the start of a line, which French readers see as a mistake.
"""

from __future__ import annotations

import re
from dataclasses import replace

from loosstory.story.model import Story

NBSP = "\u00a0"
_BEFORE = re.compile(r"[ \u00a0\u202f]+([?!:;»·])")
_AFTER = re.compile(r"(«)[ \u00a0\u202f]+")
_TAG = re.compile(r"(<[^>]*>)")
_URL_COLON = re.compile(r"\b(https?|mailto|file)\u00a0:")
# "32 000": a group of thousands never ends a line (a non-breaking space inside the number)
_THOUSANDS = re.compile(r"(?<=\d) (?=\d{3}(?!\d))")
# "d'expérimentations": a typed apostrophe between two letters is the typographic one
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")


def french_spacing(text: str) -> str:
    spaced = _AFTER.sub(r"\1" + NBSP, _BEFORE.sub(NBSP + r"\1", text))
    spaced = _THOUSANDS.sub(NBSP, spaced)
    spaced = _APOSTROPHE.sub("\u2019", spaced)
    return _URL_COLON.sub(r"\1:", spaced)


def no_widow(text: str) -> str:
    """A title or caption never ends on a line of one word: its last two words are joined
    by a non-breaking space (when it has three words or more)."""
    words = text.rstrip().rsplit(" ", 1)
    if len(words) < 2 or len(text.split()) < 3:
        return text
    return f"{words[0]}{NBSP}{words[1]}"


def breakable_address(address: str) -> str:
    """A web address that wraps after « / » (a zero-width space there), never at its
    hyphens (a word joiner after each)."""
    return address.replace("-", "-\u2060").replace("/", "/\u200b")


def french_spacing_html(html: str) -> str:
    """The same, applied to text between tags only (never inside a tag or <code>)."""
    parts = _TAG.split(html)
    in_code = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            name = part.strip("</> ").split(" ")[0].lower()
            if name in ("code", "pre"):
                in_code += -1 if part.startswith("</") else 1
        elif not in_code:
            parts[index] = french_spacing(part)
    return "".join(parts)


def apply_french_typography(story: Story) -> None:
    """Set the reader-facing texts of a French story with non-breaking spaces."""
    story.title = french_spacing(story.title)
    story.subtitle = french_spacing(story.subtitle)
    for chapter in story.chapters:
        chapter.title = no_widow(french_spacing(chapter.title))
        chapter.question = french_spacing(chapter.question)
        for page in chapter.pages:
            page.title = no_widow(french_spacing(page.title))
            page.html = french_spacing_html(page.html)
            page.notes_html = french_spacing_html(page.notes_html)
            page.levels = {k: french_spacing_html(v) for k, v in page.levels.items()}
            page.figures = [replace(f, caption=no_widow(french_spacing(f.caption)))
                            for f in page.figures]
    about = story.about
    if about is not None:
        story.about = replace(about, credits=tuple(
            replace(c, role=french_spacing(c.role), name=french_spacing(c.name))
            for c in about.credits))
    _views(story)


def _views(story: Story) -> None:
    """The house's and the timeline's texts, as the chapters' (their panels break lines too)."""
    schematic = story.schematic
    if schematic is not None:
        schematic.title = french_spacing(schematic.title)
        schematic.subtitle = french_spacing(schematic.subtitle)
        schematic.description = french_spacing(schematic.description)
        schematic.hint = french_spacing(schematic.hint)
        for element in schematic.elements:
            element.label = french_spacing(element.label)
            element.short = french_spacing(element.short)
            element.summary = french_spacing(element.summary)
            element.detail_html = french_spacing_html(element.detail_html)
            element.items = [replace(item, label=french_spacing(item.label))
                             for item in element.items]
    timeline = story.timeline
    if timeline is not None:
        timeline.title = french_spacing(timeline.title)
        timeline.description = french_spacing(timeline.description)
        for period in [*timeline.periods, *timeline.undated]:
            period.title = french_spacing(period.title)
            period.summary = french_spacing(period.summary)
        for event in timeline.events:
            event.title = french_spacing(event.title)
            event.text_html = french_spacing_html(event.text_html)
