"""The real reader window in one process, for the in-process figures (3, 4, 5).

Built exactly as ``loosstory snapshot`` builds it (``build_reader``), shown offscreen at a
kiosk's 1920x1080, with transitions off (``transition_ms=0``) so that a page turn is the page
build plus its paint.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
sys.path.append(str(BENCH.parent))  # after PYTHONPATH: a patched copy wins

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402
from pyside_refcount import immortalise  # noqa: E402

FLAGS_WAIT = QEventLoop.ProcessEventsFlag.AllEvents | QEventLoop.ProcessEventsFlag.WaitForMoreEvents


def register_views() -> list[str]:
    """Register the schematic and timeline views if the engine has not (yet) done it.

    The engine registers its own (lazy: their modules are imported in idle time once the
    story screens exist, as in the app); this only fills in for an engine that does not."""
    from loosstory.ui.views import registry as views

    if hasattr(views, "register_builtin_views"):
        views.register_builtin_views()
    VIEW_FACTORIES = views.VIEW_FACTORIES

    added = []
    for name, module in (("schematic", "loosstory.ui.views.schematic"), ("timeline", "loosstory.ui.views.timeline")):
        if name not in VIEW_FACTORIES:
            try:
                VIEW_FACTORIES[name] = __import__(module, fromlist=["create"]).create
                added.append(name)
            except Exception:  # noqa: BLE001 - the view may not exist yet
                pass
    return added


class Reader:
    def __init__(self, content: Path, size=(1920, 1080), prefetch: bool = True,
                 immortal: bool = True) -> None:
        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        self.immortalised = immortalise() if immortal else False
        from loosstory.story.loader import load_story
        from loosstory.ui.look.theme import load_fonts
        from loosstory.ui.reader.build import build_reader
        from loosstory.ui.state.config import ReaderConfig

        load_fonts()
        self.views_registered_by_bench = register_views()
        self.result = load_story(content)
        if not self.result.ok:
            raise SystemExit("pack with errors: " + "; ".join(p.format() for p in self.result.errors))
        extra = {}
        if os.environ.get("LOOSSTORY_BENCH_CACHE_MB"):  # what-if experiments only
            extra["image_cache_bytes"] = int(float(os.environ["LOOSSTORY_BENCH_CACHE_MB"]) * 2**20)
        if os.environ.get("LOOSSTORY_BENCH_DECODE_THREADS"):
            extra["decode_threads"] = int(os.environ["LOOSSTORY_BENCH_DECODE_THREADS"])
        self.config = ReaderConfig(transition_ms=0, prefetch=prefetch, **extra)
        self.state, self.loader, self.window = build_reader(self.result, self.config)
        self.window.resize(*size)
        self.window.show()

    # -- waiting, from inside a driven generator (see drive()) ------------------------------
    def drawn(self) -> bool:
        return self.window.images_ready() and self.loader.pending == 0

    def settle(self, timeout_s: float = 20.0):
        """``yield from reader.settle()``: until the screen's images are drawn, nothing pending."""
        yield Until(self.drawn, timeout_s)
        yield None  # one more pass: the paint of what just arrived

    def idle(self, timeout_s: float = 20.0):
        """``yield from reader.idle()``: until the image loader has nothing pending."""
        yield Until(lambda: self.loader.pending == 0, timeout_s)
        yield None


class Until:
    """Yielded by a driven generator: resume when ``predicate()`` is true (polled every ms)."""

    def __init__(self, predicate, timeout_s: float = 20.0, poll_ms: int = 1) -> None:
        self.predicate, self.timeout_s, self.poll_ms = predicate, timeout_s, poll_ms
        self.deadline = 0.0


def drive(app: QApplication, generator) -> object:
    """Run ``generator`` inside ``app.exec()``: everything it does happens in slots called by
    the real event loop (so deferred deletes, posted paints and timers behave as in the
    application, which runs ``app.exec()`` too). It yields:

    * ``None``: resume after one pass of the event loop (a 0-ms timer: posted events,
      paints and deferred deletes are processed first);
    * a number: resume after that many milliseconds;
    * ``Until(predicate, timeout)``: resume when the predicate holds (or the timeout passed).

    Returns the generator's return value; an exception inside it is re-raised here.
    """
    outcome: dict[str, object] = {}
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    waiting: list[Until] = []

    def step() -> None:
        if waiting:
            until = waiting[0]
            try:
                ready = until.predicate()
            except Exception:  # noqa: BLE001 - e.g. a widget deleted meanwhile: resume, and say so
                sys.excepthook(*sys.exc_info())
                ready = True
            if not ready and time.perf_counter() < until.deadline:
                timer.start(until.poll_ms)
                return
            waiting.clear()
        try:
            wanted = next(generator)
        except StopIteration as stop:
            outcome["value"] = stop.value
            app.exit(0)  # not quit(): a window that refuses to close would veto it
            return
        except BaseException as error:  # noqa: BLE001 - handed back to the caller
            outcome["error"] = error
            app.exit(0)  # not quit(): a window that refuses to close would veto it
            return
        if isinstance(wanted, Until):
            wanted.deadline = time.perf_counter() + wanted.timeout_s
            waiting.append(wanted)
            timer.start(0)
        elif wanted is None:
            timer.start(0)
        else:
            timer.start(int(wanted))

    timer.timeout.connect(step)
    timer.start(0)
    app.exec()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


class Heartbeat(QObject):
    """A 1-ms timer on the UI thread; a gap between two ticks is a UI-thread stall."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.window_max = 0.0  # largest gap since reset_window()
        self.max_gap = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        gap = now - self.last
        self.last = now
        self.window_max = max(self.window_max, gap)
        self.max_gap = max(self.max_gap, gap)

    def reset_window(self) -> None:
        self.window_max = 0.0

    def close_window(self) -> float:
        """Largest gap in the window, counting the stretch since the last tick."""
        return max(self.window_max, time.perf_counter() - self.last)


class PaintProbe(QObject):
    """Records paint events of the reader window: (widget, had_image, time)."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.events: list[tuple[QObject, bool, float]] = []
        self.recording = False

    def eventFilter(self, obj, event):  # noqa: N802
        if self.recording and event.type() == QEvent.Type.Paint:
            image = getattr(obj, "image", None)
            had = image is not None and not callable(image)
            self.events.append((obj, had, time.perf_counter()))
        return False
