"""The drawn parts of the timeline: the axis, period bands and event markers with labels."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

from loosstory.story.timeline import Period, TimelineEvent
from loosstory.ui.look.theme import mix
from loosstory.ui.views.colours import ViewColours
from loosstory.ui.views.timeline.layout import TimelineLayout
from loosstory.ui.views.typeset import (
    BODY_FAMILY,
    TITLE_FAMILY,
    font_and_metrics,
    typeset,
)

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
_LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


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
        self._marks: list | None = None  # ticks and labels, worked out at the first paint
        self._minor = mix(colours.ink, colours.background, 0.5)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect
        self.setZValue(-10)

    def place(self, layout: TimelineLayout, first: int, last: int) -> None:
        self.prepareGeometryChange()
        self.layout, self.first, self.last = layout, first, last
        self._marks = None

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        if self.layout is None:
            return QRectF()
        return QRectF(0, self.layout.axis_y - 12, self.layout.width, self.layout.body_px * 2.4)

    def _work_out_marks(self, lay: TimelineLayout, label_room: float) -> list:
        """The ticks and year labels, in drawing order: (0 major | 1 minor, x) or (2, x, text)."""
        marks: list = []
        last_label = -math.inf
        for year in range(self.first, self.last + 2):
            x = lay.scale.x(year)
            step = lay.scale.px_per_year(year)
            if year % 10 == 0:
                marks.append((0, x))
            elif (year % 5 == 0 and step >= 4) or step >= 14:
                marks.append((1, x))
            wanted = year % 10 == 0 or (step >= label_room and year % 1 == 0) or (
                year % 5 == 0 and step * 5 >= label_room)
            if wanted and x - last_label >= label_room:
                marks.append((2, x, str(year)))
                last_label = x
        return marks

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lay = self.layout
        if lay is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ink = self.colours.qt.ink
        start_x, end_x = lay.scale.x(self.first), lay.scale.x(self.last + 1)
        painter.setPen(QPen(ink, 3))
        painter.drawLine(QPointF(start_x, lay.axis_y), QPointF(end_x, lay.axis_y))
        f, metrics = font_and_metrics(BODY_FAMILY, max(1, round(lay.body_px * 0.9)), True)
        painter.setFont(f)
        label_room = metrics.horizontalAdvance("0000") + 14
        if self._marks is None:
            self._marks = self._work_out_marks(lay, label_room)
        major, minor = QPen(ink, 2.5), QPen(self._minor, 1.5)
        axis_y, label_h = lay.axis_y, lay.body_px * 1.4
        centre = int(Qt.AlignmentFlag.AlignCenter)
        # the axis is the strip's whole width: draw what the frame shows (and a margin)
        left = option.exposedRect.left() - label_room
        right = option.exposedRect.right() + label_room
        for mark in self._marks:
            x = mark[1]
            if x < left or x > right:
                continue
            if mark[0] == 0:
                painter.setPen(major)
                painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 12))
            elif mark[0] == 1:
                painter.setPen(minor)
                painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 6))
            else:
                painter.setPen(ink)
                painter.drawText(QRectF(x - label_room / 2, axis_y + 12, label_room, label_h),
                                 centre, mark[2])


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
        painter.setPen(QPen(mix(self.colours.ink, self.colours.background, 0.35), 2))
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
        return f"Période {self.period.years} : {self.period.title}"

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
        fill = mix(self.fill, "#ffffff", 0.12) if self.hovered else self.fill
        path = QPainterPath()
        path.addRoundedRect(self.rect, 8, 8)
        painter.fillPath(path, fill)
        left = max(self.rect.left(), self.visible_left + 8) + 12
        right = self.rect.right() - 12
        if right - left > 30:
            years, years_metrics = font_and_metrics(
                BODY_FAMILY, max(1, round(self.body_px * 0.9)), True)
            title, title_metrics = font_and_metrics(TITLE_FAMILY, max(1, round(self.body_px)), True)
            painter.setPen(self.ink)
            painter.setFont(years)
            text_rect = QRectF(left, self.rect.top(), right - left, self.rect.height())
            years_w = years_metrics.horizontalAdvance(self.period.years + "  ")
            painter.drawText(text_rect, _LEFT_MIDDLE, self.period.years)
            rest = text_rect.adjusted(years_w, 0, 0, 0)
            if rest.width() > 30:
                painter.setFont(title)
                painter.drawText(rest, _LEFT_MIDDLE, title_metrics.elidedText(
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
        self._card: _Card | None = None  # what paint() draws, worked out at the first paint
        self._bounds = QRectF(-12, -12, 24, 36)
        self._edge = mix(colours.ink, colours.background, 0.55)
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
        self._card = None
        right = max(label.right(), until_x or 0)
        self._bounds = QRectF(QPointF(label.left() - 12, label.top() - 12),
                              QPointF(right + 12, marker.y() + 24))

    def centre(self) -> QPointF:
        return self.label.center()

    def focus_rect(self) -> QRectF:
        return self.label

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt API)
        return self._bounds  # asked for many times per frame: worked out in place()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.label)
        path.addEllipse(self.marker, 22, 22)  # a 44 px target on the axis
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._card is None:
            self._card = _Card(self)
        card, ink = self._card, self.colours.qt
        if self.until_x is not None:
            painter.setPen(QPen(self.accent, 8, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(self.marker, QPointF(self.until_x, self.marker.y()))
        painter.setPen(QPen(ink.background, 3))
        painter.setBrush(self.accent)
        painter.drawEllipse(self.marker, 9, 9)
        painter.fillPath(card.path, ink.background if self.hovered else ink.surface)
        painter.setPen(QPen(self._edge if not self.hovered else ink.ink, 2 if not self.hovered else 3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(card.path)
        painter.fillPath(card.stripe, self.accent)
        painter.setFont(card.date_font)
        painter.setPen(ink.muted)
        painter.drawText(card.date_rect, _LEFT_MIDDLE, card.date)
        painter.setFont(card.title_font)
        painter.setPen(ink.ink)
        painter.drawText(card.title_rect, _LEFT, card.title)
        if self.focused:
            _ring(painter, card.path, self.colours, max(5.0, self.body_px * 0.3))

    def _fitted_title(self, metrics: QFontMetricsF, rect: QRectF) -> str:
        """The title, shortened with « … » if it needs more than the card's lines."""
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


class _Card:
    """An event card's shapes, fonts and (elided) texts for its place and type size."""

    def __init__(self, item: EventItem) -> None:
        label = item.label
        self.path = QPainterPath()
        self.path.addRoundedRect(label, 8, 8)
        self.stripe = QPainterPath()
        self.stripe.addRoundedRect(QRectF(label.left(), label.top(), 6, label.height()), 3, 3)
        inner = label.adjusted(16, 8, -10, -8)
        self.date_font, date_metrics = font_and_metrics(
            BODY_FAMILY, max(1, round(item.body_px * 0.9)), True)
        date_h = date_metrics.height()
        self.date_rect = QRectF(inner.left(), inner.top(), inner.width(), date_h)
        self.date = date_metrics.elidedText(item.timeline_event.date_label,
                                            Qt.TextElideMode.ElideRight, inner.width())
        self.title_font, title_metrics = font_and_metrics(
            BODY_FAMILY, max(1, round(item.body_px)), False)
        self.title_rect = QRectF(inner.left(), inner.top() + date_h + 2, inner.width(),
                                 inner.height() - date_h - 2)
        self.title = item._fitted_title(title_metrics, self.title_rect)
