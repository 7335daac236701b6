"""Figure 3 (page turns) and figure 4 (memory with large photographs), in one process.

    python bench/pageturn.py --content DIR --mode prefetched|cold [--limit N]

For every page of the guided path: press "→" on the real window (``QTest.keyClick``, the same
input path as a visitor's keyboard or clicker), then process events until the new page has
been painted — with its image, when it has one (a paint of each figure's image view while
its picture is set; for a page without figures, a paint of its text; for an interactive
view, a paint of the view). The time from the key to the end of that event-loop pass is the
page turn.

* ``prefetched``: the engine's own prefetch is on (as shipped) and before each turn we wait
  until the loader is idle, i.e. the next page's figures had every chance to be decoded.
* ``cold``: prefetch off and the image cache emptied before each turn; a 1-ms heartbeat timer
  on the UI thread measures the longest stall while the image decodes off-thread.

Prints ``JSON {…}`` with every turn, the longest UI-thread gap, and the process's memory
(VmHWM / VmRSS, sampled at each quarter of the path) for figure 4.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from common import hwm_mb, percentile, rss_mb
from harness import Heartbeat, PaintProbe, Reader, Until, drive
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def turn(reader: Reader, probe: PaintProbe, beat: Heartbeat, out: list, timeout_s: float = 30.0):
    """One page turn, measured; a generator driven by harness.drive (appends to ``out``)."""
    window, state = reader.window, reader.state
    target = QApplication.focusWidget() or window
    probe.events.clear()
    probe.recording = True
    beat.reset_window()
    t0 = time.perf_counter()
    QTest.keyClick(target, Qt.Key.Key_Right)
    t_input = time.perf_counter()
    page_screen = window.page
    figures = [f.image for f in page_screen.figures] if page_screen else []
    view = page_screen.view if page_screen else None
    text_viewport = page_screen.text.viewport() if page_screen else None
    passes = 0
    first_paint = None
    done = float("nan")
    while True:
        yield None  # back to the event loop: posted paints, deferred deletes, decoded images
        passes += 1
        now = time.perf_counter()
        painted = probe.events
        if painted and first_paint is None:
            first_paint = painted[0][2]
        if figures:
            ok = all(any(o is f and had for o, had, _ in painted) for f in figures)
        elif view is not None:
            ok = any(o is view or view.isAncestorOf(o) for o, _, _ in painted)
        else:
            ok = any(o is text_viewport for o, _, _ in painted)
        if ok:
            done = now
            break
        if now - t0 > timeout_s:
            break
    probe.recording = False
    # The stall window runs on until every decode this turn started has been delivered.
    yield Until(lambda: reader.loader.pending == 0, timeout_s)
    yield None
    hit = None  # was the image there at the first paint of the page? (a prefetch hit)
    if figures:
        first = [had for o, had, _ in probe.events if o is figures[0]]
        hit = bool(first and first[0])
    out.append({
        "ref": state.page.ref if state.page else state.screen,
        "ms": (done - t0) * 1000,
        "input_ms": (t_input - t0) * 1000,
        "first_paint_ms": ((first_paint - t0) * 1000) if first_paint else None,
        "figures": len(figures),
        "view": bool(view),
        "hit": hit,
        "stall_ms": beat.close_window() * 1000,
        "passes": passes,
    })


def run(reader: Reader, prefetch: bool, limit: int):
    state = reader.state
    state.start()
    yield from reader.settle()
    yield from reader.idle()
    probe = PaintProbe(reader.window)
    reader.app.installEventFilter(probe)
    beat = Heartbeat()
    beat.start()
    total = state.path.total
    count = min(limit or total - 1, total - 1)
    turns: list[dict] = []
    memory = []
    quarter = max(1, count // 4)
    for index in range(count):
        if prefetch:
            yield from reader.idle()
        else:
            yield Until(lambda: reader.loader.pending == 0)
            reader.loader.clear()
        yield None
        beat.reset_window()
        yield from turn(reader, probe, beat, turns)
        if (index + 1) % quarter == 0 or index + 1 == count:
            yield from reader.settle()
            memory.append({"pages": index + 2, "rss_mb": rss_mb(), "hwm_mb": hwm_mb(),
                           "cache_mb": reader.loader.cached_bytes / 2**20})
    yield from reader.settle()
    beat.stop()
    return turns, memory, beat.max_gap


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", type=Path, required=True)
    parser.add_argument("--mode", choices=("prefetched", "cold"), default="prefetched")
    parser.add_argument("--limit", type=int, default=0, help="at most this many turns (0: all)")
    parser.add_argument("--size", default="1920x1080")
    args = parser.parse_args(argv)
    size = tuple(int(v) for v in args.size.split("x"))
    prefetch = args.mode == "prefetched"
    reader = Reader(args.content, size, prefetch=prefetch)
    turns, memory, max_gap = drive(reader.app, run(reader, prefetch, args.limit))
    total = reader.state.path.total
    result = {
        "mode": args.mode,
        "pages": total,
        "turns": turns,
        "max_stall_ms": max_gap * 1000,
        "memory": memory,
        "hwm_mb": hwm_mb(),
        "rss_mb": rss_mb(),
        "cache_mb": reader.loader.cached_bytes / 2**20,
        "cache_limit_mb": reader.config.image_cache_bytes / 2**20,
        "immortalised": reader.immortalised,
        "views_registered_by_bench": reader.views_registered_by_bench,
        "decode_threads": len(reader.loader.decode_threads),
    }
    ms = [t["ms"] for t in turns]
    result["median_ms"] = sorted(ms)[len(ms) // 2] if ms else None
    result["p99_ms"] = percentile(ms, 99)
    print("JSON " + json.dumps(result), flush=True)
    os._exit(0)  # tear-down is not measured


if __name__ == "__main__":
    raise SystemExit(main())
