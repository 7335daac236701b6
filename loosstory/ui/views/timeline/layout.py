"""Where the timeline's periods, events and labels go, in pixels (no Qt needed).

Time runs left to right. Each stretch between two period boundaries gets at least the room
its events need, and is linear inside: dense stretches (the 2000s) are wider than sparse
ones (the 19th century), which the year ticks show. Labels are staggered in rows above the
axis; the room given to events grows until no two labels overlap.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from operator import itemgetter

from loosstory.story.timeline import Timeline


@dataclass
class TimeScale:
    """A piecewise-linear map from years to x pixels."""

    years: list[float]
    xs: list[float]

    def x(self, year: float) -> float:
        years, xs = self.years, self.xs
        if year <= years[0]:
            return xs[0] + (year - years[0]) * self._slope(0)
        if year >= years[-1]:
            return xs[-1] + (year - years[-1]) * self._slope(len(years) - 2)
        i = bisect_right(years, year) - 1
        span = years[i + 1] - years[i]
        return xs[i] + (xs[i + 1] - xs[i]) * (year - years[i]) / span

    def year(self, x: float) -> float:
        xs, years = self.xs, self.years
        if x <= xs[0]:
            return years[0]
        if x >= xs[-1]:
            return years[-1]
        i = bisect_right(xs, x) - 1
        return years[i] + (years[i + 1] - years[i]) * (x - xs[i]) / (xs[i + 1] - xs[i])

    def px_per_year(self, year: float) -> float:
        i = max(0, min(len(self.years) - 2, bisect_right(self.years, year) - 1))
        return self._slope(i)

    def _slope(self, i: int) -> float:
        span = self.years[i + 1] - self.years[i]
        return (self.xs[i + 1] - self.xs[i]) / span if span else 0.0


@dataclass
class TimelineLayout:
    scale: TimeScale
    width: float  # scene width
    height: float
    axis_y: float
    label_w: float
    label_h: float
    row_pitch: float
    rows: int
    event_rows: dict[str, int]  # event id -> row (0 = nearest the axis)
    event_x: dict[str, float]  # event id -> marker x
    lanes: dict[str, int]  # period id -> lane (0 = top lane)
    lane_count: int
    bands_top: float
    band_h: float
    body_px: int
    extra: dict[str, float] = field(default_factory=dict)

    def label_rect(self, event_id: str) -> tuple[float, float, float, float]:
        """x, y, width, height of an event's label."""
        x = self.event_x[event_id] - 14
        y = self.axis_y - 30 - self.label_h - self.event_rows[event_id] * self.row_pitch
        return x, y, self.label_w, self.label_h

    def band_rect(self, period_id: str, start: int, end: int) -> tuple[float, float, float, float]:
        x0, x1 = self.scale.x(start), self.scale.x(end + 1)
        y = self.bands_top + self.lanes[period_id] * (self.band_h + 4)
        return x0, y, x1 - x0, self.band_h


def assign_lanes(timeline: Timeline) -> dict[str, int]:
    """Overlapping periods go on separate lanes (greedy, in start order)."""
    lanes: dict[str, int] = {}
    ends: list[int] = []
    for period in sorted(timeline.periods, key=lambda p: (p.start, p.end)):
        for lane, end in enumerate(ends):
            if period.start > end:
                ends[lane] = period.end
                lanes[period.id] = lane
                break
        else:
            ends.append(period.end)
            lanes[period.id] = len(ends) - 1
    return lanes


def stagger(positions: list[tuple[str, float]], label_w: float, rows: int,
            gap: float) -> tuple[dict[str, int] | None, str]:
    """Rows for labels starting at ``x - 14``: (rows, "") or (None, first event that found
    no room)."""
    last_right = [float("-inf")] * rows
    found: dict[str, int] = {}
    for event_id, x in positions:
        left = x - 14
        for row in range(rows):
            if last_right[row] + gap <= left:
                last_right[row] = left + label_w
                found[event_id] = row
                break
        else:
            return None, event_id
    return found, ""


def _breaks(timeline: Timeline) -> list[float]:
    first, last = timeline.first_year, timeline.last_year + 1
    breaks = {float(first), float(last)}
    for period in timeline.periods:
        breaks.update({float(period.start), float(period.end + 1)})
    # and every five years, so that a crowded year widens its lustrum, not a whole era
    breaks.update(float(y) for y in range(first - first % 5 + 5, last, 5))
    return sorted(b for b in breaks if first <= b <= last)


def _counts(years: list[float], positions: list[float]) -> list[int]:
    """How many events each stretch ``[years[i], years[i + 1])`` holds."""
    counts = [0] * max(0, len(years) - 1)
    for position in positions:
        index = bisect_right(years, position) - 1
        if 0 <= index < len(counts):
            counts[index] += 1
    return counts


def _scale(years: list[float], start_x: float, floors: list[float], slots: list[float],
           counts: list[int]) -> TimeScale:
    """Each stretch gets ``floor`` pixels, or ``slot`` pixels per event it holds if more."""
    xs = [start_x]
    last = start_x
    for floor, count, slot in zip(floors, counts, slots, strict=False):
        last += max(floor, count * slot)
        xs.append(last)
    return TimeScale(years, xs)


def _placer(years: list[float], events: list[tuple[str, float]]):
    """``scale -> [(event id, x)]``: the numbers of ``scale.x``, with the stretch of each
    event looked up once per layout instead of once per try."""
    table: list[tuple[str, int | None, float, float]] = []
    for event_id, year in events:
        if years[0] < year < years[-1]:
            index = bisect_right(years, year) - 1
            table.append((event_id, index, year - years[index], years[index + 1] - years[index]))
        else:  # before the first break or after the last: scale.x extrapolates
            table.append((event_id, None, year, 0.0))

    def place(scale: TimeScale) -> list[tuple[str, float]]:
        xs = scale.xs
        return [(event_id, xs[i] + (xs[i + 1] - xs[i]) * d / span) if i is not None
                else (event_id, scale.x(d)) for event_id, i, d, span in table]

    return place


_by_x = itemgetter(1)


def slots_grow(slots: list[float], counts: list[int], index: int, cap: float) -> None:
    """Widen the crowded stretch ``index`` and, a little, the label that blocks it, which
    may sit in the nearest stretch before that holds events (an empty one never widens).
    When the crowded stretch is as wide as it may be (its event may sit at its very start,
    where widening it moves nothing), the stretch before widens at full pace instead."""
    before = index - 1
    while before > 0 and not counts[before]:
        before -= 1
    own = slots[index] <= cap
    if own:
        slots[index] *= 1.12
    if before >= 0 and (own or slots[before] <= cap):
        slots[before] *= 1.04 if own else 1.12
    elif not own:
        slots[index] *= 1.12  # nothing left to widen: the caller stops


def layout_timeline(timeline: Timeline, viewport_w: float, viewport_h: float) -> TimelineLayout:
    unit = min(viewport_w / 1.6, viewport_h)
    body_px = int(max(16, min(22, unit * 0.026)))
    label_w = float(max(170, min(250, body_px * 11.5)))
    band_h = float(max(44, body_px * 2.3))
    lanes = assign_lanes(timeline)
    lane_count = max(lanes.values(), default=0) + 1
    margin = 12.0
    bands_top = viewport_h - margin - lane_count * band_h - (lane_count - 1) * 4
    axis_y = bands_top - body_px * 2.0 - 8
    room = axis_y - 30 - margin
    # events on the very same date need a row each, whatever the scale
    same: dict[float, int] = {}
    for event in timeline.events:
        key = round(event.date.position, 3)
        same[key] = same.get(key, 0) + 1
    needed = max(same.values(), default=1)
    for title_lines in (2, 1):  # short of room, labels keep one line of title
        label_h = 18 + body_px * 0.9 * 1.35 + title_lines * body_px * 1.3
        row_pitch = label_h + 10
        rows = int(max(1, min(6, (room + 10) // row_pitch)))
        if rows >= max(3, needed):
            break
    rows = max(rows, needed)
    floor_ppy = 6.0
    start_x = 40.0
    gap = 12.0
    years = _breaks(timeline)
    # what stays the same while crowded stretches widen is computed once, not once per try
    # (the per-stretch counts made each try quadratic)
    events = [(e.id, e.date.position) for e in timeline.events]
    where: dict[str, float] = {}
    for event_id, position in events:
        where.setdefault(event_id, position)
    counts = _counts(years, [position for _, position in events])
    floors = [(b - a) * floor_ppy for a, b in zip(years, years[1:], strict=False)]
    place = _placer(years, events)
    # only the crowded stretches widen: sparse centuries stay short to swipe through
    slots = [label_w / rows * 0.6] * max(1, len(years) - 1)
    found = None
    for _ in range(400):
        scale = _scale(years, start_x, floors, slots, counts)
        positions = sorted(place(scale), key=_by_x)
        found, crowded = stagger(positions, label_w, rows, gap)
        if found is not None:
            break
        index = max(0, min(len(slots) - 1, bisect_right(years, where[crowded]) - 1))
        slots_grow(slots, counts, index, (label_w + gap) * 2)
        if slots[index] > (label_w + gap) * 2 * 1.12 ** 2:
            break
    if found is None:  # pragma: no cover - only with absurd data: labels may then overlap
        found = {event_id: i % rows for i, (event_id, _) in enumerate(positions)}
    width = scale.xs[-1] + label_w + 40
    width = max(width, viewport_w)
    return TimelineLayout(
        scale=scale, width=width, height=viewport_h, axis_y=axis_y, label_w=label_w,
        label_h=label_h, row_pitch=row_pitch, rows=rows, event_rows=found,
        event_x=dict(positions), lanes=lanes, lane_count=lane_count, bands_top=bands_top,
        band_h=band_h, body_px=body_px,
    )
