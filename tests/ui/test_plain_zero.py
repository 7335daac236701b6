"""Issue 15: body and caption figures read « 1980 », not « 198Ø »: the bundled Atkinson
Hyperlegible draws its zero without the slash (tools/plain_zero.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter

from loosstory.ui.look.theme import body_font


def _ink_in_the_middle(glyph: str, bold: bool, italic: bool) -> int:
    font = body_font(120, bold=bold)
    font.setItalic(italic)
    image = QImage(200, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(QRect(0, 0, 200, 200), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    box = QRect(0, 0, 200, 200)
    inked = [(x, y) for x in range(box.width()) for y in range(box.height())
             if image.pixelColor(x, y).lightness() < 128]
    xs, ys = [x for x, _ in inked], [y for _, y in inked]
    cx, cy = (min(xs) + max(xs)) // 2, (min(ys) + max(ys)) // 2
    return sum(image.pixelColor(x, y).lightness() < 128
               for x in range(cx - 6, cx + 7) for y in range(cy - 6, cy + 7))


@pytest.mark.parametrize(("bold", "italic"), [(False, False), (True, False), (False, True),
                                              (True, True)])
def test_the_zero_has_an_empty_counter(bold, italic):
    assert _ink_in_the_middle("0", bold, italic) == 0  # no slash across the middle
    assert _ink_in_the_middle("8", bold, italic) > 0  # the measure sees a glyph's middle
