"""PDF helpers on Qt's own writer (QPdfWriter, in PySide6-Essentials): pages of any size,
a widget drawn as vectors (its text stays text, fonts embedded as subsets), Markdown-made
HTML laid out in a box. Shared by the talk's slides and, later, the workshop's worksheets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QPoint, QPointF, QRectF, QSizeF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QWidget

from loosstory.ui.look.theme import body_font

SLIDE_MM = QSizeF(254.0, 142.875)  # 16:9, the width of a 10-inch slide
NOTES_PAGE_MM = QSizeF(210.0, 297.0)  # A4 portrait: the slide on top, the notes under it
DPI = 300


class PdfPages:
    """A PDF being written page by page; coordinates are in points (1/72 inch)."""

    def __init__(self, out: Path, size_mm: QSizeF, title: str = "", creator: str = "loosstory"):
        self.writer = QPdfWriter(str(out))
        self.writer.setResolution(DPI)
        self.writer.setTitle(title)
        self.writer.setCreator(creator)
        self.writer.setPageLayout(QPageLayout(
            QPageSize(size_mm, QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch),
            QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
        self.painter = QPainter(self.writer)
        self.painter.scale(DPI / 72.0, DPI / 72.0)  # draw in points
        self.pages = 1
        self.size = QSizeF(size_mm.width() / 25.4 * 72, size_mm.height() / 25.4 * 72)

    def new_page(self) -> None:
        self.writer.newPage()
        self.pages += 1

    def draw_widget(self, widget: QWidget, target: QRectF) -> None:
        """``widget`` as it is shown, scaled into ``target`` (vectors: text stays text)."""
        painter = self.painter
        painter.save()
        painter.translate(target.topLeft())
        scale = min(target.width() / max(1, widget.width()),
                    target.height() / max(1, widget.height()))
        painter.scale(scale, scale)
        widget.render(painter, QPoint(0, 0))
        painter.restore()

    def text_layer(self, text: str, target: QRectF) -> None:
        """``text`` under what is drawn next (covered by it), for search and copy: Qt's
        writer loses the Unicode of some glyphs of the variable title font (its s, m, n), so
        a title drawn in it is not found by a search; this layer, in a static font, is."""
        painter = self.painter
        painter.save()
        font = body_font(8)
        font.setPointSizeF(4 * 72 / DPI)  # the painter draws in points already (scaled)
        painter.setFont(font)
        painter.drawText(target.center() - QPointF(target.width() / 4, 0), text)
        painter.restore()

    def draw_html(self, html: str, target: QRectF, font_pt: float = 11.0,
                  family: str = "") -> None:
        """Rich text (Markdown made into HTML by the story layer) laid out in ``target``;
        what does not fit is cut at the box's bottom."""
        document = QTextDocument()
        font = QFont(family) if family else body_font(12)
        font.setPointSizeF(font_pt)
        document.setDefaultFont(font)
        document.setHtml(html)
        document.setTextWidth(target.width())
        painter = self.painter
        painter.save()
        painter.translate(target.topLeft())
        painter.setClipRect(QRectF(0, 0, target.width(), target.height()))
        document.drawContents(painter, QRectF(0, 0, target.width(), target.height()))
        painter.restore()

    def close(self) -> None:
        self.painter.end()
