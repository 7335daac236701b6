"""Type for the house's drawing: fonts, French spacing and fitting labels into shapes.

Shared with the timeline's items. A label is fitted at the largest size that keeps it inside
its shape; below that it wraps by hand and, as a last resort, shortens with "…": the text
never leaves its shape, whatever the window size (1024x600 with a panel open included).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF

from loosstory.ui.look.theme import BODY_FAMILY, TITLE_FAMILY  # noqa: F401 - re-exported

WRAP_CENTRED = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignCenter)


def font(family: str, px: float, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont(family)
    f.setPixelSize(max(1, round(px)))
    f.setBold(bold)
    f.setItalic(italic)
    return f


@lru_cache(maxsize=256)
def font_and_metrics(family: str, px: int, bold: bool) -> tuple[QFont, QFontMetricsF]:
    """One shared font and its metrics per (family, pixel size, weight): fitting and painting
    text ask for the same few again and again. Do not change the font returned."""
    f = font(family, px, bold)
    return f, QFontMetricsF(f)


LEGIBLE_PX = 11  # the smallest type a label is ever drawn in
_ELLIPSIS = "\u2026"


def _measure(text: str, metrics: QFontMetricsF, rect: QRectF) -> QRectF:
    return metrics.boundingRect(rect, WRAP_CENTRED, text)


def _fits(bounds: QRectF, rect: QRectF) -> bool:
    return bounds.width() <= rect.width() + 0.5 and bounds.height() <= rect.height() + 0.5


def wrap_lines(text: str, metrics: QFontMetricsF, width: float, max_lines: int | None = None,
               elide: bool = False) -> str | None:
    """Break ``text`` into lines no wider than ``width`` by hand: at spaces first, then, for
    a group that cannot fit on one line, at its no-break spaces (« guillemets »). Words are
    never cut; a word still too wide is elided with "…" when ``elide`` is set, otherwise
    there is no way to fit (None). With ``max_lines``, the text that does not fit ends in
    "…" on the last line."""
    def wide(piece: str) -> bool:
        return metrics.horizontalAdvance(piece) > width

    pieces: list[str] = []
    for group in text.split():
        if wide(group) and "\u00a0" in group:
            for part in (part for part in group.split("\u00a0") if part):
                # a closing mark stays with its word when they fit together: « mot »
                joined = pieces[-1] + "\u00a0" + part if pieces else part
                if pieces and not part[0].isalnum() and not wide(joined):
                    pieces[-1] = joined
                else:
                    pieces.append(part)
        else:
            pieces.append(group)
    lines: list[str] = []
    for piece in pieces:
        if wide(piece):
            if not elide:
                return None
            piece = metrics.elidedText(piece, Qt.TextElideMode.ElideRight, width)
        if lines and not wide(lines[-1] + " " + piece):
            lines[-1] += " " + piece
        else:
            lines.append(piece)
    if max_lines is not None and len(lines) > max_lines:
        if max_lines < 1:
            return None
        lines = lines[:max_lines]
        last = lines[-1]
        while last and wide(last + _ELLIPSIS):
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = (last + _ELLIPSIS) if last else _ELLIPSIS
    return "\n".join(lines)


def fit_text(blocks: list[tuple[str, str, bool]], rect: QRectF, px: float, min_px: float = 13,
             keep_at_most: int | None = None,
             ) -> tuple[list[tuple[str, QFont, float]], float, float, int]:
    """Shrink the type until the blocks (text, family, bold) fit ``rect``; optional blocks
    after the first are dropped when they would need too small a size.

    When the first block alone does not fit at ``min_px``, it is tried down to
    ``LEGIBLE_PX``, broken by hand at its no-break spaces if need be; as a last resort, at
    ``LEGIBLE_PX``, words too wide and lines too many are elided with "…". The text never
    goes out of ``rect``.

    Returns the blocks with their font and height, the total height, the size used and
    how many blocks were kept.
    """
    most = min(len(blocks), keep_at_most or len(blocks))
    for keep in range(most, 0, -1):
        size = px
        floor = min_px if keep == 1 else max(min_px, px * 0.8)
        while size >= floor:
            laid: list[tuple[str, QFont, float]] = []
            total = 0.0
            widest = 0.0
            for index, (text, family, bold) in enumerate(blocks[:keep]):
                f, metrics = font_and_metrics(
                    family, max(1, round(size * (1.0 if index == 0 else 0.86))), bold)
                bounds = _measure(text, metrics, rect)
                height = bounds.height()
                laid.append((text, f, height))
                total += height + (size * 0.35 if index else 0)
                widest = max(widest, bounds.width())
            # paint() leaves a little more under the first block than ``total`` counts
            drawn = total + 2 * (laid[0][1].pixelSize() * 0.4 - size * 0.35 if keep > 1 else 0)
            if max(total, drawn) <= rect.height() and widest <= rect.width() + 0.5:
                return laid, total, size, keep
            size -= 1
    text, family, bold = blocks[0]
    size = min(px, min_px)
    while size >= LEGIBLE_PX:
        f, metrics = font_and_metrics(family, max(1, round(size)), bold)
        for candidate in (text, wrap_lines(text, metrics, rect.width())):
            if candidate is None:
                continue
            bounds = _measure(candidate, metrics, rect)
            if _fits(bounds, rect):
                return [(candidate, f, bounds.height())], bounds.height(), size, 1
        size -= 1
    size = LEGIBLE_PX
    f, metrics = font_and_metrics(family, size, bold)
    lines = max(0, int((rect.height() + 0.5) // metrics.lineSpacing()))
    while True:
        candidate = wrap_lines(text, metrics, rect.width(), max_lines=lines, elide=True)
        if candidate is None:  # not even one line: draw nothing rather than spill over
            return [("", f, 0.0)], 0.0, size, 1
        bounds = _measure(candidate, metrics, rect)
        if _fits(bounds, rect) or lines <= 1:
            return [(candidate, f, bounds.height())], bounds.height(), size, 1
        lines -= 1


def typeset(text: str) -> str:
    """French spacing: « guillemets » never separated from their words by a line break."""
    return (text.replace("« ", "«\u00a0").replace(" »", "\u00a0»").replace(" :", "\u00a0:")
            .replace("n° ", "n°\u00a0"))
