"""Remove the slash from Atkinson Hyperlegible's zero (issue 15: « 1980 », not « 198Ø »).

Atkinson Hyperlegible draws a slashed zero and has no OpenType feature for a plain one
(its GSUB has aalt, case, ccmp, frac, locl, ordn, pnum, sups, tnum; Atkinson Hyperlegible
Next is the same). The zero is three contours: the outer ring and the two halves of
the counter the slash leaves between them. This script replaces the two halves by one
whole counter in each of the four styles; ``zero.tf`` is a composite of ``zero`` and
follows. The licence (SIL OFL 1.1,
no Reserved Font Name) allows modified versions; MODIFIED.md beside the fonts says what
changed. Run once, with fontTools (not a dependency of loosstory):

    pip install fonttools && python tools/plain_zero.py assets/fonts/atkinson-hyperlegible
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import ttProgram
from fontTools.ttLib.tables._g_l_y_f import Glyph, GlyphCoordinates


def _box(points) -> tuple[float, float, float, float]:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def plain_zero(path: Path) -> None:
    """Replace the zero's two half counters (split by the slash) by one whole counter: the
    outer ring scaled into the counters' box (unslanted first for the italics), reversed so
    that it winds the other way."""
    font = TTFont(str(path))
    glyf = font["glyf"]
    zero: Glyph = glyf["zero"]
    if zero.numberOfContours != 3:
        print(f"{path.name}: zero has {zero.numberOfContours} contours, left alone")
        return
    coords, ends, flags = zero.getCoordinates(glyf)
    starts = [0] + [end + 1 for end in ends[:-1]]
    contours = [list(range(start, end + 1)) for start, end in zip(starts, ends, strict=True)]
    outer = max(contours, key=lambda points: _box([coords[i] for i in points])[3])
    inner = [i for points in contours if points is not outer for i in points]
    slant = math.tan(math.radians(-font["post"].italicAngle))
    ring = [coords[i] for i in outer]
    x0, y0, x1, y1 = _box(ring)
    centre_y = (y0 + y1) / 2

    def upright(point):
        x, y = point
        return x - slant * (y - centre_y), y

    ox0, oy0, ox1, oy1 = _box([upright(p) for p in ring])
    ix0, iy0, ix1, iy1 = _box([upright(coords[i]) for i in inner])
    sx, sy = (ix1 - ix0) / (ox1 - ox0), (iy1 - iy0) / (oy1 - oy0)
    counter = []
    for point in ring:
        x, y = upright(point)
        x, y = ix0 + (x - ox0) * sx, iy0 + (y - oy0) * sy
        counter.append((round(x + slant * (y - centre_y)), round(y)))
    counter.reverse()
    counter_flags = [flags[i] for i in outer][::-1]
    zero.coordinates = GlyphCoordinates(ring + counter)
    zero.flags = bytearray([flags[i] for i in outer] + counter_flags)
    zero.endPtsOfContours = [len(ring) - 1, len(ring) + len(counter) - 1]
    zero.numberOfContours = 2
    zero.program = ttProgram.Program()  # the old hints address the removed points
    zero.program.fromBytecode(b"")
    zero.recalcBounds(glyf)
    font.save(str(path))
    print(f"{path.name}: the zero's slash removed")


if __name__ == "__main__":
    for name in sorted(Path(sys.argv[1]).glob("*.ttf")):
        plain_zero(name)
