"""Précisions: short, sourced side notes attached to the paragraph above them.

Written in a chapter as a Markdown quote whose first line is a marker with source keys::

    Le texte du client, gardé mot pour mot.

    > [!précision] CHARTE, COMEDIE
    > Le conseil municipal s’engage le 29 mars 1999 ; la charte est signée en mai 2000.

The client's words stay as they are; the note says what the sources say, and the page
shows it discreetly under its paragraph (``<p class="precision">``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from loosstory.story.model import Precision

# `> [!précision] KEY, KEY` (also written without the accent, any case)
MARKER = re.compile(r"^\s*>\s*\[!\s*pr[ée]cision\s*\]\s*(?P<keys>.*?)\s*$", re.IGNORECASE)
_QUOTE_LINE = re.compile(r"^\s*>\s?(?P<text>.*)$")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
LABEL = "Précision"
CSS_CLASS = "precision"


@dataclass
class Pending:
    """A précision found in a page's body, before its page is rendered."""

    token: str  # the placeholder paragraph left in the Markdown text
    text: str
    keys: tuple[str, ...]
    line: int
    paragraph_line: int


def split_precisions(
    body: list[tuple[int, str]], report: Callable[..., None], prefix: str
) -> tuple[list[tuple[int, str]], list[Pending]]:
    """Take the précisions out of a page's body lines; a placeholder paragraph stays in
    their place. Problems go to ``report(line, column, severity, message)``."""
    kept: list[tuple[int, str]] = []
    found: list[Pending] = []
    in_fence = False
    paragraph_line = 0  # first line of the last paragraph seen (0: none yet)
    previous_blank = True
    index = 0
    while index < len(body):
        number, text = body[index]
        index += 1
        if _FENCE.match(text):
            in_fence = not in_fence
        marker = None if in_fence else MARKER.match(text)
        if marker is None:
            blank = not text.strip()
            if not blank and previous_blank and not in_fence:
                paragraph_line = number
            previous_blank = blank
            kept.append((number, text))
            continue
        lines: list[str] = []
        while index < len(body):
            quoted = _QUOTE_LINE.match(body[index][1])
            if quoted is None or MARKER.match(body[index][1]):
                break
            lines.append(quoted.group("text"))
            index += 1
        note = " ".join(line.strip() for line in lines).strip()
        keys = _keys(marker.group("keys"), number, marker.start("keys") + 1, report)
        if not note:
            report(number, 1, "error",
                   "précision vide : écrivez son texte sur la ligne suivante, après « > »")
        if not keys:
            report(number, 1, "error",
                   "précision sans source : écrivez les clés après le repère, par exemple "
                   "« > [!précision] CHARTE, COMEDIE »")
        if not paragraph_line:
            report(number, 1, "error",
                   "précision sans paragraphe au-dessus : placez-la juste après le paragraphe "
                   "qu'elle précise")
        if note and keys and paragraph_line:
            token = f"LOOSSTORYPRECISION{prefix}X{len(found)}X"
            found.append(Pending(token, note, keys, number, paragraph_line))
            kept.extend([(number, ""), (number, token), (number, "")])
        previous_blank = True
    return kept, found


def _keys(text: str, line: int, column: int, report: Callable[..., None]) -> tuple[str, ...]:
    keys: list[str] = []
    for word in re.split(r"[\s,;]+", text.strip("[] ")):
        if not word:
            continue
        if _KEY.match(word):
            keys.append(word)
        else:
            report(line, column, "error",
                   f"clé de source « {word} » mal écrite dans la précision (exemple : VP-NRJ)")
    return tuple(dict.fromkeys(keys))


def inject(
    html: str,
    pending: list[Pending],
    render: Callable[[str], str],
    *,
    chapter_id: str,
    page_id: str,
) -> tuple[str, list[Precision]]:
    """Replace each placeholder paragraph of the rendered page by its précision's note."""
    made: list[Precision] = []
    for item in pending:
        inline = render(item.text).strip()
        if inline.startswith("<p>") and inline.endswith("</p>") and inline.count("<p>") == 1:
            inline = inline[3:-4]
        note = f'<p class="{CSS_CLASS}"><b>{LABEL}</b> — {inline}</p>'
        html = html.replace(f"<p>{item.token}</p>", note, 1)
        made.append(Precision(item.text, inline, item.keys, item.line, item.paragraph_line,
                              chapter_id, page_id))
    return html, made
