"""Figure 5: a long kiosk day — thousands of scripted visitor steps, RSS sampled along the way.

    python bench/kiosk_day.py [--content DIR] [--steps 10000] [--seed 11]

Runs inside ``app.exec()`` on the real window (1920x1080, offscreen, transitions off). Each
step is one visitor action, chosen at random with fixed weights (same seed, same day):

  next / previous      real   "→" / "←" keys through the window's input path (QTest.keyClick)
  chapter jump         real   Escape to the sommaire, then a mouse click on a chapter card
  text link            real*  state.navigate(target of a link written in the page) — the
                              slot a tap on that link calls (QTextBrowser.anchorClicked)
  schematic tap        real   go to the schematic page, click an element of the house
                              (mouse click on the canvas), sometimes a link in its panel
  timeline tap         real   go to the timeline page, click an event or period, sometimes
                              a link in its card
  idle reset           stand-in  state.reset() (what a kiosk idle timer will call), unless a
                              kiosk module provides it (see below)
  attract loop         stand-in  reset, then cover -> start -> three pages, unless a kiosk
                              module provides it

A kiosk module (``loosstory.ui.kiosk`` or ``loosstory.modes.kiosk``) is picked up when it
appears: an object in it whose name contains "Kiosk" is built from (state, window, loader,
config) by parameter name, and its methods named like *idle*/*reset* and *attract* replace
the stand-ins; the JSON says which steps were real.

After each step the script waits until the screen is drawn (images decoded, nothing
pending). It prints ``PROGRESS <step> <rss_mb>`` every 100 steps (so a crash still tells how
far the day went) and ``JSON {…}`` at the end: RSS at each sample, exceptions (sys.excepthook,
ERROR log records), Qt warnings, and ``rss_after_reset``: at step 1,000 and at the last step,
the day resets the kiosk (as its idle timer would), lets its attract loop run for 2 s and
measures RSS in that same state.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import inspect
import json
import logging
import os
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

from common import CONTENT, rss_mb
from harness import Reader, Until, drive
from PySide6.QtCore import QObject, QPoint, Qt, qInstallMessageHandler
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

WEIGHTS = {
    "next": 40, "previous": 10, "chapter_jump": 10, "text_link": 8,
    "schematic_tap": 10, "timeline_tap": 10, "idle_reset": 7, "attract_loop": 5,
}


class Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(self.format(record)[:2000])


class KioskHost:
    """The reader as the kiosk controller holds it (it builds a fresh one on every reset)."""

    def __init__(self, kiosk, config) -> None:
        self.kiosk, self.config = kiosk, config

    @property
    def state(self):
        return self.kiosk.state

    @property
    def window(self):
        return self.kiosk.reader

    @property
    def loader(self):
        return self.kiosk.loader

    def drawn(self) -> bool:
        window, loader = self.window, self.loader
        if window is None or loader is None:
            return True
        return window.images_ready() and loader.pending == 0


def build_kiosk(reader: Reader, data_dir: Path):
    """The real kiosk controller (loosstory.modes.kiosk, issue 4) around the story, as its
    tests build it, with idle and watch timers out of the way (the day resets it itself)."""
    from loosstory.modes.kiosk.controller import KioskController
    from loosstory.modes.kiosk.settings import KioskSettings

    try:
        from loosstory.stats.store import EventStore
    except ImportError:  # pragma: no cover - older tree
        EventStore = None  # noqa: N806
    settings = KioskSettings(data_dir=data_dir, idle_timeout=24 * 3600, countdown=30,
                             attract_slide_seconds=0.05, watch_seconds=24 * 3600)
    store = EventStore(settings.stats_file) if EventStore else None
    kiosk = KioskController(settings, reader.result, CONTENT, store, reader.config, frame_ms=50)
    kiosk.quit_app = lambda status: None
    kiosk.window.keep_fullscreen = False
    kiosk.start(show=False)
    kiosk.window.resize(1920, 1080)
    kiosk.window.show()
    reader.window.hide()  # the harness's own reader is not used in this mode
    return kiosk


def find_kiosk(reader: Reader, data_dir: Path) -> tuple[object | None, dict[str, object], str]:
    if os.environ.get("LOOSSTORY_BENCH_KIOSK", "1") != "0":
        try:
            if importlib.util.find_spec("loosstory.modes.kiosk.controller") is not None:
                kiosk = build_kiosk(reader, data_dir)
                return kiosk, {"idle_reset": "real", "attract_loop": "real"}, \
                    "loosstory.modes.kiosk.controller.KioskController (real idle reset, attract loop, lockdown)"
        except Exception as error:  # noqa: BLE001 - fall back to the stand-ins, and say so
            return None, {}, f"loosstory.modes.kiosk present but not built: {error!r}"
    for name in ("loosstory.ui.kiosk", "loosstory.modes.kiosk"):
        try:
            if importlib.util.find_spec(name) is None:
                continue
        except ModuleNotFoundError:
            continue
        module = importlib.import_module(name)
        available = {"state": reader.state, "window": reader.window, "loader": reader.loader,
                     "config": reader.config, "story": reader.state.story, "parent": reader.window}
        for attr, value in vars(module).items():
            if "kiosk" not in attr.lower() or not callable(value):
                continue
            try:
                params = inspect.signature(value).parameters
                kwargs = {p: available[p] for p in params if p in available}
                controller = value(**kwargs)
            except Exception as error:  # noqa: BLE001
                return None, {}, f"{name}.{attr} not built: {error!r}"
            hooks = {}
            for method in dir(controller):
                low = method.lower()
                fn = getattr(controller, method, None)
                if method.startswith("_") or not callable(fn):
                    continue
                try:
                    if inspect.signature(fn).parameters:
                        continue
                except (TypeError, ValueError):
                    continue
                if "attract" in low and "attract_loop" not in hooks:
                    hooks["attract_loop"] = fn
                elif ("idle" in low or "reset" in low) and "idle_reset" not in hooks:
                    hooks["idle_reset"] = fn
            return controller, hooks, f"{name}.{attr}"
    return None, {}, "no kiosk module (loosstory.ui.kiosk / loosstory.modes.kiosk): stand-ins"


def count_qobjects(obj: QObject) -> int:
    """QObjects under ``obj`` (itself included), walked through children().

    Not ``obj.findChildren(QObject)``: PySide6 makes ``obj`` the Python-side parent of every
    wrapper findChildren returns, so each sample pinned the wrappers of the reader's internal
    layouts and scroll bars for good, long after Qt deleted them (~25 per sample: the +2,300
    "Python objects" of the 22:20 run were the benchmark's own)."""
    return 1 + sum(count_qobjects(child) for child in obj.children())


def day(reader: Reader, steps: int, seed: int, out: dict, data_dir: Path):
    rng = random.Random(seed)
    kiosk, hooks, kiosk_note = find_kiosk(reader, data_dir)
    out["kiosk"] = kiosk_note
    real_kiosk = kiosk is not None and hasattr(kiosk, "start_visit")
    host = KioskHost(kiosk, reader.config) if real_kiosk else reader
    story = reader.state.story
    out["real_steps"] = sorted({"next", "previous", "chapter_jump", "text_link", "schematic_tap",
                                "timeline_tap", *hooks})
    out["resets"] = 0
    out["rss_after_reset"] = {}
    base = 1000 if steps >= 2000 else max(100, steps // 500 * 100)  # growth from this sample
    view_refs = {}
    for chapter in story.chapters:
        for page in chapter.pages:
            if page.view:
                view_refs.setdefault(page.view, page.ref)
    kinds = list(WEIGHTS)
    weights = [WEIGHTS[k] for k in kinds]
    counts = {k: 0 for k in kinds}
    samples = []
    types: dict[int, Counter] = {}
    key = QTest.keyClick

    def focus():
        return QApplication.focusWidget() or window

    def settle():
        yield Until(host.drawn, 10.0)
        yield None

    def visiting():
        """In kiosk mode, a visitor's first touch on the attract loop starts the visit."""
        if real_kiosk and kiosk.mode == "attract":
            QTest.mouseClick(kiosk.attract, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             kiosk.attract.rect().center())
            yield from settle()

    def on_page_view(name):
        state, window = host.state, host.window
        if name not in view_refs:
            return None
        if state.screen != "page" or state.page.ref != view_refs[name]:
            state.go_to_ref(view_refs[name])
        return window.page.view if window.page else None

    yield from visiting()
    host.state.start()
    yield from settle()
    started = time.perf_counter()
    for step in range(1, steps + 1):
        kind = rng.choices(kinds, weights)[0]
        counts[kind] += 1
        try:
            if kind not in ("idle_reset", "attract_loop"):
                yield from visiting()
            state, window = host.state, host.window
            if real_kiosk and kind == "idle_reset":
                kiosk.reset("idle")  # what the countdown's expiry calls
                yield from settle()
            elif real_kiosk and kind == "attract_loop":
                kiosk.go_attract()
                yield 60  # a slide or two of the attract loop
                yield from visiting()
                host.state.start()
                for _ in range(3):
                    yield from settle()
                    host.state.next()
            elif kind in hooks:
                hooks[kind]()
            elif kind == "next":
                if state.screen != "page":
                    state.start()
                key(focus(), Qt.Key.Key_Right)
            elif kind == "previous":
                if state.screen != "page":
                    state.start()
                key(focus(), Qt.Key.Key_Left)
            elif kind == "chapter_jump":
                if state.screen == "page":
                    key(focus(), Qt.Key.Key_Escape)
                else:
                    state.show_sommaire()
                yield from settle()
                cards = window.sommaire.cards if window.sommaire else []
                if cards:
                    card = rng.choice(cards)
                    window.sommaire.scroll.ensureWidgetVisible(card)
                    yield None
                    QTest.mouseClick(card, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                                     card.rect().center())
            elif kind == "text_link":
                page = state.page if state.screen == "page" else None
                links = page.links if page else []
                if links:
                    state.navigate("#" + rng.choice(links).target)
                else:
                    key(focus(), Qt.Key.Key_Right)
            elif kind in ("schematic_tap", "timeline_tap"):
                name = "schematic" if kind == "schematic_tap" else "timeline"
                view = on_page_view(name)
                yield from settle()
                window = host.window
                view = window.page.view if window.page else None
                if view is not None and hasattr(view, "canvas"):
                    if name == "schematic":
                        entry = rng.choice(list(view.items))
                        pos = view.element_centre(entry)
                    else:
                        entry = rng.choice(list(view.events) + list(view.periods))
                        item = view.events.get(entry) or view.periods[entry]
                        view.ensure_visible(item, animate=False)
                        yield None
                        pos = view.item_centre(entry)
                    QTest.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton,
                                     Qt.KeyboardModifier.NoModifier, QPoint(round(pos.x()), round(pos.y())))
                    yield from settle()
                    buttons = getattr(getattr(view, "panel", None), "link_buttons", [])
                    buttons = [b for b in buttons if b.isVisible()]
                    if buttons and rng.random() < 0.3:
                        QTest.mouseClick(rng.choice(buttons), Qt.MouseButton.LeftButton)
            elif kind == "idle_reset":
                state.reset()
            elif kind == "attract_loop":
                state.reset()
                yield from settle()
                state.start()
                for _ in range(3):
                    yield from settle()
                    state.next()
        except Exception:  # noqa: BLE001 - counted, the day goes on
            out["exceptions"].append(f"step {step} ({kind}):\n" + traceback.format_exc()[-2000:])
        yield from settle()
        if step % 100 == 0 or step == 1:
            gc.collect()
            rss = rss_mb()
            top = kiosk.window if real_kiosk else host.window
            samples.append({"step": step, "rss_mb": rss, "t_s": time.perf_counter() - started,
                            "qobjects": count_qobjects(top),
                            "py_objects": len(gc.get_objects()),
                            "cache_mb": host.loader.cached_bytes / 2**20 if host.loader else 0.0,
                            "refs_none": sys.getrefcount(None), "refs_true": sys.getrefcount(True)})
            print(f"PROGRESS {step} {rss:.1f}", flush=True)
            if step in (1000, steps) or (steps < 1000 and step == 100):
                types[step] = Counter(type(o).__name__ for o in gc.get_objects())
            if step in (base, steps):
                # The same state at both ends, as between two visitors: an idle reset (a new
                # reader, its image cache holding the cover only), then 2 s of the attract
                # loop, which shows every slide and so fills its own picture cache (64 MB at
                # most). RSS at a plain sample also holds whatever these two bounded caches
                # hold at that moment: the reader's 8-48 MB, and as many slides as the day's
                # short attract steps happened to show (their pace depends on the machine's).
                if real_kiosk:
                    kiosk.reset("idle")
                    yield 2000
                else:
                    host.state.reset()
                yield from settle()
                gc.collect()
                out["rss_after_reset"][str(step)] = rss_mb()
    if len(types) == 2:
        first, last = (types[k] for k in sorted(types))
        grown = {name: last[name] - first.get(name, 0) for name in last}
        out["grown_types"] = sorted(((n, d) for n, d in grown.items() if d > 0), key=lambda x: -x[1])[:15]
    out["counts"] = counts
    out["resets"] = getattr(kiosk, "resets", 0)
    out["samples"] = samples
    out["seconds"] = time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--content", type=Path, default=CONTENT)
    parser.add_argument("--steps", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=11)
    args = parser.parse_args(argv)
    out: dict = {"exceptions": [], "qt_warnings": {}}
    immortal = os.environ.get("LOOSSTORY_BENCH_IMMORTALISE", "1") != "0"
    reader = Reader(args.content, prefetch=True, immortal=immortal)
    out["immortalised"] = reader.immortalised
    out["views_registered_by_bench"] = reader.views_registered_by_bench

    def hook(kind, error, tb):  # an exception escaping a Qt slot lands here
        out["exceptions"].append("".join(traceback.format_exception(kind, error, tb))[-2000:])

    sys.excepthook = hook
    errors = Errors()
    logging.getLogger().addHandler(errors)

    def qt_messages(mode, context, message):
        text = message.split("\n")[0][:120]
        out["qt_warnings"][text] = out["qt_warnings"].get(text, 0) + 1

    qInstallMessageHandler(qt_messages)
    with tempfile.TemporaryDirectory(prefix="loosstory-kiosk-") as data_dir:
        drive(reader.app, day(reader, args.steps, args.seed, out, Path(data_dir)))
    out["log_errors"] = errors.records[:20]
    out["log_error_count"] = len(errors.records)
    out["exception_count"] = len(out["exceptions"])
    out["exceptions"] = out["exceptions"][:10]
    print("JSON " + json.dumps(out), flush=True)
    os._exit(0)


if __name__ == "__main__":
    raise SystemExit(main())
