"""« Toutes les pages »: every step of the guided path as a card in a grid, to jump to one
(click, tap, or arrows + Enter; Esc goes back). Reached from the sommaire in the reader, and
with O or Tab in presenter mode.

The cards are painted by one widget, only the visible ones on each paint: 57 pages or 500
draw without building 500 widgets, so the grid shows at once, with no stall.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from loosstory.ui.look.theme import Palette, TypeScale, body_font, title_font, to_colour
from loosstory.ui.qtlazy import Qt
from loosstory.ui.screens.screen import Screen
from loosstory.ui.state.state import PAGE, SOMMAIRE, ReaderState

if TYPE_CHECKING:
    from loosstory.story.model import Chapter, Page

OVERVIEW = "overview"
GAP = 16


class PageGrid(QWidget):
    """The cards; ``chosen(step)`` (0-based) on click, tap or Enter."""

    chosen = Signal(int)

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("overviewGrid")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.palette_ = palette
        self.items: list[tuple[Chapter, Page]] = []
        self.current = 0  # the focused card
        self.here = -1  # the step the story is on
        self.card_width = 280
        self.font_px = 18.0

    def set_items(self, items: list[tuple[Chapter, Page]], here: int) -> None:
        self.items = items
        self.here = here
        self.current = max(0, here)
        self._relayout()
        self._announce()

    @property
    def columns(self) -> int:
        return max(1, (self.width() - GAP) // (self.card_width + GAP))

    @property
    def cell_width(self) -> float:
        """The cards share the width (at least ``card_width`` each)."""
        return max(self.card_width, (self.width() - GAP) / self.columns - GAP)

    def card_rect(self, index: int) -> QRectF:
        width = self.cell_width
        height = width * 9 / 16
        row, column = divmod(index, self.columns)
        return QRectF(GAP + column * (width + GAP), GAP + row * (height + GAP), width, height)

    def _relayout(self) -> None:
        rows = (len(self.items) + self.columns - 1) // self.columns
        self.setMinimumHeight(int(GAP + rows * (self.cell_width * 9 / 16 + GAP)))
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._relayout()
        super().resizeEvent(event)
        self._announce()  # laid out at its size: the current card in view

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible = QRectF(event.rect())
        p = self.palette_
        font = body_font(self.font_px)
        for index, (chapter, page) in enumerate(self.items):
            rect = self.card_rect(index)
            if not rect.intersects(visible):
                continue
            band, band_ink = p.chapter_band(chapter.colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(p.surface)
            painter.drawRoundedRect(rect, 8, 8)
            top = QRectF(rect.left(), rect.top(), rect.width(), rect.height() * 0.3)
            painter.setBrush(band)
            painter.drawRoundedRect(top, 8, 8)
            font.setPixelSize(int(self.font_px * 0.8))
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(band_ink)
            painter.drawText(top.adjusted(12, 4, -12, -4),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             f"{index + 1}  ·  {chapter.title}")
            font.setPixelSize(int(self.font_px))
            font.setBold(False)
            painter.setFont(font)
            painter.setPen(p.ink)
            body = QRectF(rect.left() + 12, top.bottom() + 6, rect.width() - 24,
                          rect.bottom() - top.bottom() - 12)
            painter.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
                             | Qt.TextFlag.TextWordWrap, page.title)
            if index in (self.current, self.here):
                painter.setBrush(Qt.BrushStyle.NoBrush)
                colour = p.accent if index == self.current and self.hasFocus() else p.muted
                pen = painter.pen()
                pen.setColor(colour if index == self.current else p.accent_text)
                pen.setWidth(5 if index == self.current else 2)
                painter.setPen(pen)
                painter.drawRoundedRect(rect.adjusted(-3, -3, 3, 3), 10, 10)
        painter.end()

    def index_at(self, x: float, y: float) -> int:
        for index in range(len(self.items)):
            if self.card_rect(index).contains(x, y):
                return index
        return -1

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (a tap arrives as one too)
        index = self.index_at(event.position().x(), event.position().y())
        if index >= 0:
            self.current = index
            self.chosen.emit(index)

    def move(self, delta: int) -> None:
        if self.items:
            self.current = min(len(self.items) - 1, max(0, self.current + delta))
            self._announce()
            self.update()

    def _announce(self) -> None:
        if self.items:
            chapter, page = self.items[self.current]
            self.setAccessibleName(self.tr("Page %1 sur %2 : %3").replace(
                "%1", str(self.current + 1)).replace("%2", str(len(self.items))).replace(
                "%3", page.title))
            parent = self.parentWidget()
            scroll = parent.parentWidget() if parent is not None else None
            if isinstance(scroll, QScrollArea):
                rect = self.card_rect(self.current)
                scroll.ensureVisible(int(rect.center().x()), int(rect.center().y()),
                                     int(rect.width() / 2 + GAP), int(rect.height() / 2 + GAP))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        moves = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -self.columns,
                 Qt.Key.Key_Down: self.columns, Qt.Key.Key_Home: -len(self.items),
                 Qt.Key.Key_End: len(self.items)}
        if key in moves:
            self.move(moves[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(self.current)
        else:
            super().keyPressEvent(event)


class OverviewScreen(Screen):
    """Every page of the story as a card; choosing one shows it."""

    def __init__(self, state: ReaderState, palette: Palette) -> None:
        super().__init__()
        self.setObjectName("overviewScreen")
        self.state = state
        self._back_to = SOMMAIRE
        self.heading = QLabel(self)
        self.heading.setObjectName("overviewHeading")
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.grid = PageGrid(palette)
        self.scroll.setWidget(self.grid)
        self.scroll.setFocusProxy(self.grid)
        self.setFocusProxy(self.grid)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.scroll, 1)
        self.grid.chosen.connect(self.choose)
        state.about_to_change.connect(self._remember_origin)
        state.screen_changed.connect(self._on_screen)
        self.retranslate()
        self.fill()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Toutes les pages"))
        self.heading.setAccessibleName(self.heading.text())

    def _remember_origin(self) -> None:
        if self.state.screen != OVERVIEW:
            self._back_to = self.state.screen

    def _on_screen(self, name: str) -> None:
        if name == OVERVIEW:
            self.fill()

    def fill(self) -> None:
        path = self.state.path
        story = self.state.story
        if path is None or story is None:
            return
        items = [(story.chapters[c], story.chapters[c].pages[p]) for c, p in path.steps]
        here = path.index if self._back_to == PAGE else -1
        self.grid.set_items(items, here)

    def choose(self, step: int) -> None:
        path = self.state.path
        if path is None or not 0 <= step < path.total:
            return
        chapter, page = path.steps[step]
        story = self.state.story
        self.state.go_to_ref(story.chapters[chapter].pages[page].ref)

    def go_back(self) -> None:
        if self._back_to == PAGE and self.state.page is not None:
            self.state.go_to_ref(self.state.page.ref)
        elif self._back_to in (SOMMAIRE, "cover"):
            if self._back_to == SOMMAIRE:
                self.state.show_sommaire()
            else:
                self.state.show_cover()
        else:
            self.state.show_screen(self._back_to)

    def apply_scale(self, scale: TypeScale) -> None:
        self.grid.font_px = scale.label
        self.grid.card_width = int(max(220, min(420, scale.width / 4.6)))
        self.heading.setFont(title_font(scale.body * 1.6))
        self.grid.update()

    def handle_key(self, event: QKeyEvent) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.go_back()
            return True
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                           Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Home, Qt.Key.Key_End):
            self.grid.keyPressEvent(event)
            return True
        return False


__all__ = ["OVERVIEW", "OverviewScreen", "to_colour"]
