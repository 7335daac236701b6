"""How wide the text column of a page with figures must be for the text to fit (issue 15).

A page shows its text beside its figures at a comfortable line length
(``TEXT_COLUMN_EM`` body sizes). When that column would need scrolling, the column widens,
a step at a time up to ``WIDEST_COLUMN_EM`` and never past ``MAX_TEXT_SHARE`` of the body,
and the figures take what is left: the empty third beside a figure holds the rest of the
text. Where even the widest column overflows, the widest is kept (fewer screenfuls) and
"next" shows the rest (:meth:`PageScreen.advance`).
"""

from __future__ import annotations

import math

from PySide6.QtGui import QTextDocument

from loosstory.ui.look.theme import TypeScale
from loosstory.ui.page.parts import TEXT_COLUMN_EM

WIDEST_COLUMN_EM = 48  # about 95 characters a line: still read at a glance on a wall screen
MAX_TEXT_SHARE = 0.66  # of the body's width: the figure keeps at least a third
_STEP_EM = 3


def text_height(measure: QTextDocument, source: QTextDocument, html: str, width: int,
                border: int, bar: int = 0) -> int:
    """The height a text widget of ``width`` needs for ``html`` laid out as ``source``
    (``bar``: measured as if its scroll bar took that much width, to be on the safe side
    of a text that only just fits)."""
    measure.setDefaultFont(source.defaultFont())
    measure.setDefaultStyleSheet(source.defaultStyleSheet())
    measure.setDocumentMargin(source.documentMargin())
    measure.setHtml(html)
    measure.setTextWidth(max(1, width - 2 * border - bar))
    return math.ceil(measure.size().height()) + 2 * border + 1


def fitting_column(measure: QTextDocument, source: QTextDocument, html: str,
                   scale: TypeScale, room: int, height: int, beside: bool = True,
                   bar: int = 0) -> int:
    """The text column's width (``beside`` figures, or alone on the page): the comfortable
    one when the text fits in ``height``, else the narrowest wider one that fits (or the
    widest allowed)."""
    if beside:
        comfortable = min(round(scale.body * TEXT_COLUMN_EM), round(room * 5 / 11))
        widest = min(round(scale.body * WIDEST_COLUMN_EM), round(room * MAX_TEXT_SHARE))
    else:
        comfortable = min(round(scale.body * TEXT_COLUMN_EM), room)
        widest = min(round(scale.body * WIDEST_COLUMN_EM), room)
    if height <= 0 or widest <= comfortable:
        return comfortable
    border = scale.focus_width
    width = comfortable
    while True:
        if text_height(measure, source, html, width, border, bar) <= height - 4:  # rounding
            return width
        if width >= widest:
            return widest
        width = min(widest, width + round(scale.body * _STEP_EM))
