"""Where each part of the house goes for a given area, in pixels.

The house is laid out again on every resize (no scaling transform), so text is always
drawn at a readable pixel size and hit areas are the drawn shapes themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QPainterPath, QPolygonF

from loosstory.story.schematic import Schematic
from loosstory.ui.look.theme import area_body_px


@dataclass
class Placement:
    """The outline of one element and the rectangle its text must fit in."""

    path: QPainterPath
    text_rect: QRectF
    layer: int  # 0 foundation, 1 pillars, 2+ roof bands (build-up order)


@dataclass
class HouseLayout:
    placements: dict[str, Placement]
    title_rect: QRectF
    hint_rect: QRectF
    star_centre: QPointF
    star_radius: float
    body_px: int  # body text size for this area
    title_px: int


def _polygon(points: list[tuple[float, float]]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def body_px_for(width: float, height: float) -> int:
    """The body text size of the house (and of its detail panel) for an area."""
    return area_body_px(width, height, 0.028, 15, 26)


def layout_house(schematic: Schematic, area: QRectF) -> HouseLayout:
    """Foundation at the bottom, pillars on it, roof bands above, a star over the roof."""
    w, h = area.width(), area.height()
    unit = min(w / 1.6, h)  # the house keeps its proportions in wide and tall areas
    body_px = body_px_for(w, h)
    title_px = int(max(20, min(40, unit * 0.045)))
    margin = max(12.0, min(w, h) * 0.03)

    title_rect = QRectF(area.left() + margin, area.top() + margin * 0.6, w - 2 * margin,
                        title_px * 1.35)
    hint_rect = QRectF(title_rect.left(), title_rect.bottom(), title_rect.width(), body_px * 1.5)
    top = hint_rect.bottom() + margin * 0.4
    bottom = area.bottom() - margin
    avail_h = max(200.0, bottom - top)
    house_w = min((w - 2 * margin) / 1.08, avail_h * 1.75)  # the roof overhangs by 4 %
    cx = area.left() + w / 2
    x0, x1 = cx - house_w / 2, cx + house_w / 2

    star_h = avail_h * 0.08
    roof_h = avail_h * 0.34
    found_h = avail_h * 0.15
    gap = max(6.0, avail_h * 0.018)
    pillar_h = avail_h - star_h - roof_h - found_h - 2 * gap

    placements: dict[str, Placement] = {}
    overhang = house_w * 0.04

    # -- foundation(s): one band across the house, split if there are several ------------
    foundations = schematic.foundations
    fy0 = bottom - found_h
    fx0, fx1 = x0 - overhang * 0.5, x1 + overhang * 0.5
    step = (fx1 - fx0) / max(1, len(foundations))
    for index, element in enumerate(foundations):
        left = fx0 + index * step
        rect = QRectF(left + (3 if index else 0), fy0, step - (3 if index else 0), found_h)
        path = QPainterPath()
        path.addRoundedRect(rect, 6, 6)
        placements[element.id] = Placement(path, rect.adjusted(16, 8, -16, -8), 0)

    # -- pillars: columns with a capital and a base ------------------------------------
    pillars = schematic.pillars
    n = max(1, len(pillars))
    inner_gap = house_w * (0.05 if n <= 4 else 0.03)
    pw = (house_w - (n + 1) * inner_gap) / n
    py1 = fy0 - gap
    py0 = py1 - pillar_h
    cap_h = max(10.0, pillar_h * 0.07)
    cap_over = min(inner_gap * 0.35, pw * 0.08)
    for index, element in enumerate(pillars):
        left = x0 + inner_gap + index * (pw + inner_gap)
        right = left + pw
        path = _polygon([
            (left - cap_over, py0), (right + cap_over, py0), (right + cap_over, py0 + cap_h),
            (right, py0 + cap_h), (right, py1 - cap_h), (right + cap_over, py1 - cap_h),
            (right + cap_over, py1), (left - cap_over, py1), (left - cap_over, py1 - cap_h),
            (left, py1 - cap_h), (left, py0 + cap_h), (left - cap_over, py0 + cap_h),
        ])
        text = QRectF(left + 10, py0 + cap_h + 10, pw - 20, pillar_h - 2 * cap_h - 20)
        placements[element.id] = Placement(path, text, 1)

    # -- roof: a hip roof seen from the front, cut into bands (bottom band first) -------
    roofs = schematic.roofs
    ry1 = py0 - gap
    ry0 = ry1 - roof_h
    base_l, base_r = x0 - overhang, x1 + overhang
    top_half = house_w * 0.24

    def half_width(y: float) -> float:
        t = (ry1 - y) / roof_h  # 0 at the eaves, 1 at the ridge
        return (base_r - base_l) / 2 * (1 - t) + top_half * t

    bands = max(1, len(roofs))
    band_gap = max(4.0, gap * 0.6)
    band_h = (roof_h - (bands - 1) * band_gap) / bands
    for index, element in enumerate(roofs):
        yb = ry1 - index * (band_h + band_gap)
        yt = yb - band_h
        hb, ht = half_width(yb), half_width(yt)
        path = _polygon([(cx - hb, yb), (cx + hb, yb), (cx + ht, yt), (cx - ht, yt)])
        slope_in = (hb - ht) * 0.9
        text = QRectF(cx - hb + slope_in + 10, yt + 6, 2 * hb - 2 * slope_in - 20, band_h - 12)
        placements[element.id] = Placement(path, text, 2 + index)

    star_radius = max(10.0, star_h * 0.42)
    star_centre = QPointF(cx, ry0 - star_h * 0.5)
    return HouseLayout(placements, title_rect, hint_rect, star_centre, star_radius, body_px,
                       title_px)


def star_path(centre: QPointF, radius: float, points: int = 5) -> QPainterPath:
    """A five-pointed star (the "étoile" of the fourth pillar, drawn above the roof)."""
    import math

    corners = []
    for i in range(points * 2):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / points
        corners.append((centre.x() + r * math.cos(angle), centre.y() + r * math.sin(angle)))
    return _polygon(corners)
