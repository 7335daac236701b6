"""The drawn parts of the house: one item per element, plus the title and the star."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject, QStyleOptionGraphicsItem, QWidget

from loosstory.story.schematic import SchematicElement
from loosstory.ui.look.theme import mix
from loosstory.ui.views.colours import ViewColours
from loosstory.ui.views.schematic.layout import Placement
from loosstory.ui.views.typeset import (
    BODY_FAMILY,
    TITLE_FAMILY,
    WRAP_CENTRED,
    fit_text,
    font,
    typeset,
)


class ElementItem(QGraphicsObject):
    """A foundation, pillar or roof band: its outline is its hit area."""

    def __init__(self, element: SchematicElement, colours: ViewColours) -> None:
        super().__init__()
        self.element = element
        self.colours = colours
        self.fill = QColor(colours.resolve(element.colour, "#2b3a42"))
        self.ink = QColor(colours.text_on(self.fill))
        self.placement: Placement | None = None
        self.body_px = 18
        self.hovered = False
        self.focused = False
        self.selected_panel = False
        self.progress = 1.0  # build-up animation: 0 hidden, 1 in place
        self._path = QPainterPath()
        self._laid: list[tuple[str, QFont, float]] = []
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, False)

    # -- accessibility ------------------------------------------------------------------
    @property
    def accessible_name(self) -> str:
        return self.element.label

    @property
    def accessible_description(self) -> str:
        return self.element.accessible_description

    # -- geometry -----------------------------------------------------------------------
    def place(self, placement: Placement, body_px: int) -> None:
        self.prepareGeometryChange()
        self.placement = placement
        self.body_px = body_px
        self._path = placement.path
        self._layout_text()
        self.update()

    def _layout_text(self, size: float | None = None, keep: int | None = None) -> None:
        """Fit the label (and summary) in the shape; ``size``/``keep`` force a common look
        on sibling elements (every pillar in the same type size)."""
        if self.placement is None:
            return
        element = self.element
        blocks = [(typeset(element.drawn_label), TITLE_FAMILY, True)]
        if element.items:
            # each result wraps as a whole: « développement économique » stays on one line
            blocks.append((" · ".join(typeset(item.label).replace(" ", "\u00a0")
                                      for item in element.items), BODY_FAMILY, False))
        elif element.summary:
            blocks.append((typeset(element.summary), BODY_FAMILY, False))
        start = size or self.body_px * (1.25 if element.kind != "roof" else 1.15)
        self._laid, self._text_height, self.text_size, self.text_blocks = fit_text(
            blocks, self.placement.text_rect, start, keep_at_most=keep)

    def match(self, size: float, keep: int) -> None:
        """Use the same type size and blocks as the element's siblings."""
        self._layout_text(size, keep)
        self.update()

    def _text_lines(self) -> list[tuple[QRectF, str, QFont]]:
        """Where paint() draws each block: its box, its text and its font."""
        if self.placement is None:
            return []
        rect = self.placement.text_rect
        y = rect.top() + (rect.height() - self._text_height) / 2
        boxes = []
        for index, (text, f, height) in enumerate(self._laid):
            boxes.append((QRectF(rect.left(), y, rect.width(), height), text, f))
            y += height + (f.pixelSize() * 0.4 if index == 0 else 0)
        return boxes

    def text_bounds(self) -> QRectF:
        """The rectangle the drawn label (and summary) covers, in item coordinates."""
        bounds = QRectF()
        for box, text, f in self._text_lines():
            if text:
                bounds = bounds.united(QFontMetricsF(f).boundingRect(box, WRAP_CENTRED, text))
        return bounds

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._path.boundingRect().adjusted(-12, -12, 12, 12)

    def shape(self) -> QPainterPath:
        return self._path

    def centre(self) -> QPointF:
        """A point inside the element (where a finger would tap)."""
        if self.placement is not None:
            return self.mapToScene(self.placement.text_rect.center())
        return self.mapToScene(self._path.boundingRect().center())

    # -- state --------------------------------------------------------------------------
    def set_hovered(self, value: bool) -> None:
        if self.hovered != value:
            self.hovered = value
            self.update()

    def set_focused(self, value: bool) -> None:
        if self.focused != value:
            self.focused = value
            self.update()

    def set_progress(self, value: float) -> None:
        self.progress = max(0.0, min(1.0, value))
        self.setOpacity(self.progress)
        self.setY((1.0 - self.progress) * -28.0 if self.progress < 1 else 0.0)
        self.setVisible(self.progress > 0.0)

    def hoverEnterEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.set_hovered(True)

    def hoverLeaveEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.set_hovered(False)

    # -- painting -----------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if self.placement is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self.fill)
        if self.hovered or self.selected_panel:
            fill = mix(self.fill, "#ffffff", 0.12)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(fill))
        painter.drawPath(self._path)
        if self.element.kind == "foundation":
            self._paint_stones(painter)
        if self.hovered and not self.focused:
            painter.setPen(QPen(QColor(self.colours.ink), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._path)
        painter.setPen(self.ink)
        for box, text, f in self._text_lines():
            painter.setFont(f)
            painter.drawText(box, WRAP_CENTRED, text)
        if self.focused:
            self._paint_focus(painter)

    def _paint_stones(self, painter: QPainter) -> None:
        """Faint courses of stone, so the band reads as a foundation."""
        rect = self._path.boundingRect()
        painter.save()
        clip = QPainterPath()
        clip.addRect(rect)
        hole = QPainterPath()
        hole.addRect(self.placement.text_rect.adjusted(-12, -6, 12, 6))
        painter.setClipPath(clip.subtracted(hole))
        pen = QPen(mix(self.fill, self.ink, 0.18), 1.5)
        painter.setPen(pen)
        rows = 3
        for row in range(1, rows):
            y = rect.top() + rect.height() * row / rows
            painter.drawLine(QPointF(rect.left() + 8, y), QPointF(rect.right() - 8, y))
        width = rect.height() * 1.3
        for row in range(rows):
            y0 = rect.top() + rect.height() * row / rows
            y1 = y0 + rect.height() / rows
            x = rect.left() + (width / 2 if row % 2 else width)
            while x < rect.right() - 8:
                painter.drawLine(QPointF(x, y0 + 3), QPointF(x, y1 - 3))
                x += width
        painter.restore()

    def _paint_focus(self, painter: QPainter) -> None:
        """A thick ring that shows on the dark parts of the house and on the background."""
        width = max(5.0, self.body_px * 0.3)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(self.colours.background), width + 6, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPath(self._path)
        painter.setPen(QPen(QColor(self.colours.focus), width, Qt.PenStyle.SolidLine,
                            Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        painter.drawPath(self._path)
        inner = QPen(QColor(self.colours.background), 2)
        painter.setPen(inner)
        painter.drawPath(self._inset_path(width))

    def _inset_path(self, width: float) -> QPainterPath:
        rect = self._path.boundingRect()
        if rect.width() < 2 * width or rect.height() < 2 * width:
            return QPainterPath()
        scale_x = (rect.width() - 2 * width) / rect.width()
        scale_y = (rect.height() - 2 * width) / rect.height()
        centre = rect.center()
        from PySide6.QtGui import QTransform

        transform = (QTransform().translate(centre.x(), centre.y()).scale(scale_x, scale_y)
                     .translate(-centre.x(), -centre.y()))
        return transform.map(self._path)


class TitleItem(QGraphicsItem):
    """The picture's title and hint, top left."""

    def __init__(self, title: str, hint: str, colours: ViewColours) -> None:
        super().__init__()
        self.title = title
        self.hint = hint
        self.colours = colours
        self.title_rect = QRectF()
        self.hint_rect = QRectF()
        self.title_px = 28
        self.body_px = 18

    def place(self, title_rect: QRectF, hint_rect: QRectF, title_px: int, body_px: int) -> None:
        self.prepareGeometryChange()
        self.title_rect, self.hint_rect = title_rect, hint_rect
        self.title_px, self.body_px = title_px, body_px

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self.title_rect.united(self.hint_rect)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor(self.colours.ink))
        painter.setFont(font(TITLE_FAMILY, self.title_px, bold=True))
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = QFontMetricsF(painter.font())
        painter.drawText(self.title_rect, flags, metrics.elidedText(
            self.title, Qt.TextElideMode.ElideRight, self.title_rect.width()))
        painter.setPen(QColor(self.colours.muted))
        painter.setFont(font(BODY_FAMILY, self.body_px))
        metrics = QFontMetricsF(painter.font())
        painter.drawText(self.hint_rect, flags, metrics.elidedText(
            self.hint, Qt.TextElideMode.ElideRight, self.hint_rect.width()))


class StarItem(QGraphicsObject):
    """The star above the roof; tapping it opens the element it belongs to."""

    def __init__(self, target: ElementItem, colours: ViewColours) -> None:
        super().__init__()
        self.target = target
        self.colours = colours
        self._path = QPainterPath()
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def place(self, path: QPainterPath) -> None:
        self.prepareGeometryChange()
        self._path = path

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._path.boundingRect().adjusted(-16, -16, 16, 16)

    def shape(self) -> QPainterPath:
        hit = QPainterPath()
        hit.addEllipse(self._path.boundingRect().adjusted(-12, -12, 12, 12))  # ≥ 44 px target
        return hit

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(self.target.fill)
        if self.target.hovered or self.target.focused:
            fill = mix(fill, "#ffffff", 0.15)
        painter.setPen(QPen(QColor(self.colours.ink), 2))
        painter.setBrush(fill)
        painter.drawPath(self._path)
