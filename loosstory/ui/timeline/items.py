"""The drawn parts of the timeline: the axis, period bands and event markers with labels."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from loosstory.story.timeline import Period, TimelineEvent
from loosstory.ui.schematic.colours import ViewColours, blend
from loosstory.ui.schematic.items import BODY_FAMILY, TITLE_FAMILY, font, typeset
from loosstory.ui.timeline.layout import TimelineLayout

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def _ring(painter: QPainter, path: QPainterPath, colours: ViewColours, width: float) -> None:
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(colours.background), width + 6))
    painter.drawPath(path)
    painter.setPen(QPen(QColor(colours.focus), width))
    painter.drawPath(path)


class AxisItem(QGraphicsItem):
    """The time axis with year ticks; labels only where they do not collide."""

    def __init__(self, colours: ViewColours) -> None:
        super().__init__()
        self.colours = colours
        self.layout: TimelineLayout | None = None
        self.first = 0
        self.last = 0
        self.setZValue(-10)

    def place(self, layout: TimelineLayout, first: int, last: int) -> None:
        self.prepareGeometryChange()
        self.layout, self.first, self.last = layout, first, last

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        if self.layout is None:
            return QRectF()
        return QRectF(0, self.layout.axis_y - 12, self.layout.width, self.layout.body_px * 2.4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lay = self.layout
        if lay is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = QColor(self.colours.ink)
        start_x, end_x = lay.scale.x(self.first), lay.scale.x(self.last + 1)
        painter.setPen(QPen(ink, 3))
        painter.drawLine(QPointF(start_x, lay.axis_y), QPointF(end_x, lay.axis_y))
        f = font(BODY_FAMILY, lay.body_px * 0.9, bold=True)
        painter.setFont(f)
        metrics = QFontMetricsF(f)
        label_room = metrics.horizontalAdvance("0000") + 14
        last_label = -math.inf
        minor = QPen(blend(self.colours.ink, self.colours.background, 0.5), 1.5)
        for year in range(self.first, self.last + 2):
            x = lay.scale.x(year)
            step = lay.scale.px_per_year(year)
            if year % 10 == 0:
                painter.setPen(QPen(ink, 2.5))
                painter.drawLine(QPointF(x, lay.axis_y), QPointF(x, lay.axis_y + 12))
            elif (year % 5 == 0 and step >= 4) or step >= 14:
                painter.setPen(minor)
                painter.drawLine(QPointF(x, lay.axis_y), QPointF(x, lay.axis_y + 6))
            wanted = year % 10 == 0 or (step >= label_room and year % 1 == 0) or (
                year % 5 == 0 and step * 5 >= label_room)
            if wanted and x - last_label >= label_room:
                painter.setPen(ink)
                painter.drawText(QRectF(x - label_room / 2, lay.axis_y + 12, label_room,
                                        lay.body_px * 1.4), int(Qt.AlignmentFlag.AlignCenter),
                                 str(year))
                last_label = x


class LeadersItem(QGraphicsItem):
    """Every leader line from a marker up to its label, under all the cards."""

    def __init__(self, colours: ViewColours) -> None:
        super().__init__()
        self.colours = colours
        self.lines: list[tuple[float, float, float]] = []  # x, top, bottom
        self.setZValue(-1)

    def place(self, lines: list[tuple[float, float, float]]) -> None:
        self.prepareGeometryChange()
        self.lines = lines

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        if not self.lines:
            return QRectF()
        left = min(x for x, _, _ in self.lines)
        right = max(x for x, _, _ in self.lines)
        top = min(t for _, t, _ in self.lines)
        bottom = max(b for _, _, b in self.lines)
        return QRectF(left - 2, top - 2, right - left + 4, bottom - top + 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(QPen(blend(self.colours.ink, self.colours.background, 0.35), 2))
        for x, top, bottom in self.lines:
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))


class PeriodItem(QGraphicsObject):
    """An era: a shaded band under the axis; its title stays readable while scrolling."""

    def __init__(self, period: Period, colours: ViewColours) -> None:
        super().__init__()
        self.period = period
        self.colours = colours
        self.fill = QColor(colours.resolve(period.colour, "#2b3a42"))
        self.ink = QColor(colours.text_on(self.fill))
        self.rect = QRectF()
        self.body_px = 16
        self.visible_left = 0.0
        self.visible_right = 1e9
        self.focused = False
        self.hovered = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setZValue(-5)

    @property
    def accessible_name(self) -> str:
        return f"Étape {self.period.years} : {self.period.title}"

    @property
    def accessible_description(self) -> str:
        return self.period.summary

    @property
    def sort_x(self) -> float:
        return self.rect.left()

    def place(self, rect: QRectF, body_px: int) -> None:
        self.prepareGeometryChange()
        self.rect, self.body_px = rect, body_px

    def centre(self) -> QPointF:
        left = max(self.rect.left(), self.visible_left)
        right = min(self.rect.right(), self.visible_right)
        return QPointF((left + right) / 2 if right > left else self.rect.center().x(),
                       self.rect.center().y())

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self.rect.adjusted(-10, -10, 10, 10)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.rect)
        return path

    def focus_rect(self) -> QRectF:
        return self.rect

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = blend(self.fill, "#ffffff", 0.12) if self.hovered else self.fill
        path = QPainterPath()
        path.addRoundedRect(self.rect, 8, 8)
        painter.fillPath(path, fill)
        left = max(self.rect.left(), self.visible_left + 8) + 12
        right = self.rect.right() - 12
        if right - left > 30:
            years = font(BODY_FAMILY, self.body_px * 0.9, bold=True)
            title = font(TITLE_FAMILY, self.body_px, bold=True)
            painter.setPen(self.ink)
            painter.setFont(years)
            text_rect = QRectF(left, self.rect.top(), right - left, self.rect.height())
            years_w = QFontMetricsF(years).horizontalAdvance(self.period.years + "  ")
            flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            painter.drawText(text_rect, flags, self.period.years)
            rest = text_rect.adjusted(years_w, 0, 0, 0)
            if rest.width() > 30:
                painter.setFont(title)
                painter.drawText(rest, flags, QFontMetricsF(title).elidedText(
                    typeset(self.period.title), Qt.TextElideMode.ElideRight, rest.width()))
        if self.focused:
            _ring(painter, path, self.colours, max(5.0, self.body_px * 0.3))


class EventItem(QGraphicsObject):
    """A dated event: a marker on the axis, a leader line and a label card above."""

    def __init__(self, event: TimelineEvent, period: Period | None, colours: ViewColours) -> None:
        super().__init__()
        self.timeline_event = event
        self.period = period
        self.colours = colours
        self.accent = QColor(colours.resolve(period.colour, colours.ink) if period else colours.ink)
        self.marker = QPointF()
        self.until_x: float | None = None
        self.label = QRectF()
        self.body_px = 16
        self.focused = False
        self.hovered = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    @property
    def accessible_name(self) -> str:
        return f"{self.timeline_event.date_label} : {self.timeline_event.title}"

    @property
    def accessible_description(self) -> str:
        era = f" Étape : {self.period.title}." if self.period else ""
        return f"{self.timeline_event.text}{era}"

    @property
    def sort_x(self) -> float:
        return self.marker.x()

    def place(self, marker: QPointF, label: QRectF, body_px: int, until_x: float | None) -> None:
        self.prepareGeometryChange()
        self.marker, self.label, self.body_px, self.until_x = marker, label, body_px, until_x

    def centre(self) -> QPointF:
        return self.label.center()

    def focus_rect(self) -> QRectF:
        return self.label

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        right = max(self.label.right(), self.until_x or 0)
        return QRectF(QPointF(self.label.left() - 12, self.label.top() - 12),
                      QPointF(right + 12, self.marker.y() + 24))

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.label)
        path.addEllipse(self.marker, 22, 22)  # a 44 px target on the axis
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        c = self.colours
        if self.until_x is not None:
            painter.setPen(QPen(self.accent, 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(self.marker, QPointF(self.until_x, self.marker.y()))
        painter.setPen(QPen(QColor(c.background), 3))
        painter.setBrush(self.accent)
        painter.drawEllipse(self.marker, 9, 9)
        # the card
        card = QPainterPath()
        card.addRoundedRect(self.label, 8, 8)
        surface = QColor(c.background) if self.hovered else QColor(c.surface)
        painter.fillPath(card, surface)
        painter.setPen(QPen(blend(c.ink, c.background, 0.55) if not self.hovered else QColor(c.ink),
                            2 if not self.hovered else 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(card)
        stripe = QRectF(self.label.left(), self.label.top(), 6, self.label.height())
        stripe_path = QPainterPath()
        stripe_path.addRoundedRect(stripe, 3, 3)
        painter.fillPath(stripe_path, self.accent)
        inner = self.label.adjusted(16, 8, -10, -8)
        date_font = font(BODY_FAMILY, self.body_px * 0.9, bold=True)
        painter.setFont(date_font)
        painter.setPen(QColor(c.muted))
        date_h = QFontMetricsF(date_font).height()
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), date_h),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         QFontMetricsF(date_font).elidedText(
                             self.timeline_event.date_label, Qt.TextElideMode.ElideRight, inner.width()))
        title_font = font(BODY_FAMILY, self.body_px, bold=False)
        painter.setFont(title_font)
        painter.setPen(QColor(c.ink))
        title_rect = QRectF(inner.left(), inner.top() + date_h + 2, inner.width(),
                            inner.height() - date_h - 2)
        painter.drawText(title_rect, _LEFT, self._fitted_title(title_font, title_rect))
        if self.focused:
            _ring(painter, card, c, max(5.0, self.body_px * 0.3))

    def _fitted_title(self, title_font, rect: QRectF) -> str:
        """The title, shortened with « … » if it needs more than the card's lines."""
        metrics = QFontMetricsF(title_font)
        text = typeset(self.timeline_event.title)
        if metrics.boundingRect(rect, _LEFT, text).height() <= rect.height() + 1:
            return text
        words = text.split(" ")
        while len(words) > 1:
            words.pop()
            candidate = " ".join(words) + "…"
            if metrics.boundingRect(rect, _LEFT, candidate).height() <= rect.height() + 1:
                return candidate
        return text
