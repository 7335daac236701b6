"""Cold start of the application, to its first painted frame (and to the cover's image).

Run by bench/run.py as a fresh process. It builds the QApplication itself, installs a paint
watcher on it, then calls :func:`loosstory.app.run` exactly as ``python -m loosstory`` does
(``run`` reuses an existing QApplication). Prints ``MARK <name> <perf_counter>`` lines:

* ``first_paint``  — the main window's first paint pass is done (backing store flushed);
* ``cover_image``  — the cover's hero image has been painted (decoded off-thread);

then leaves at once with ``os._exit`` (tear-down is not part of start-up).
No change to the engine is needed for this.
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


def _mark(name: str) -> None:
    sys.stdout.write(f"MARK {name} {time.perf_counter():.6f}\n")
    sys.stdout.flush()


class PaintWatcher(QObject):
    """Sees the end of the reader window's first paint pass (and the cover's image painted).

    Installed on the application until the reader's window exists, then on that window and
    its native window: an application-wide Python filter runs for every event of every
    object, and PySide6 wraps each object it is given. Left on the whole application it was
    handed Qt's style-sheet style object, and wrapping it built QStyle's 13 Python enums
    (~5 ms) inside the measured start, which the app alone never does (bench/README.md).

    The first paint pass is the handling of the native window's first Expose (or
    UpdateRequest): widgets painted into the backing store, then flushed. A 0-ms timer
    started when that event arrives fires once it has been handled. A check: by then the
    cover's text layer must have been painted (``first_painted`` cleared), else exit 4.
    """

    def __init__(self, wait_image: bool) -> None:
        super().__init__()
        self.first = False
        self.wait_image = wait_image
        self.window = None
        self.handle = None
        self.hero = None

    def eventFilter(self, obj, event):  # noqa: N802
        kind = event.type()
        if self.window is None:  # still watching the whole application
            if isinstance(obj, QWidget) and obj.objectName() == "readerWindow":
                self.window = obj
                QApplication.instance().removeEventFilter(self)
                obj.installEventFilter(self)
            return False
        if obj is self.window:
            if kind == QEvent.Type.Show and self.handle is None:
                self.handle = obj.windowHandle()  # made by show(), before this event
                self.handle.installEventFilter(self)
            return False
        if obj is self.handle:
            if not self.first and kind in (QEvent.Type.Expose, QEvent.Type.UpdateRequest):
                self.first = True
                cover = getattr(self.window, "cover", None)
                self.hero = getattr(cover, "hero", None)
                if self.hero is not None:
                    self.hero.installEventFilter(self)
                QTimer.singleShot(0, self._first_done)
            return False
        if obj is self.hero and kind == QEvent.Type.Paint and self.hero.image is not None:
            self.hero = None
            QTimer.singleShot(0, self._image_done)
        return False

    def _first_done(self) -> None:
        _mark("first_paint")
        cover = getattr(self.window, "cover", None)
        if cover is not None and cover.front.first_painted is not None:
            sys.stderr.write("the cover was not painted by the end of the first pass\n")
            os._exit(4)
        if not self.wait_image or self.hero is None:
            os._exit(0)
        if self.hero.image is not None:  # decoded before the first paint
            _mark("cover_image")
            os._exit(0)

    def _image_done(self) -> None:
        _mark("cover_image")
        os._exit(0)


def main() -> int:
    content = sys.argv[1] if len(sys.argv) > 1 else None
    app = QApplication(sys.argv[:1])
    watcher = PaintWatcher(wait_image=os.environ.get("BENCH_WAIT_IMAGE", "1") == "1")
    app.installEventFilter(watcher)
    QTimer.singleShot(30000, lambda: os._exit(3))  # never hang the benchmark
    from pathlib import Path

    from loosstory.app import run
    from loosstory.resources import content_dir

    return run(Path(content) if content else content_dir(), argv=sys.argv[:1])


if __name__ == "__main__":
    raise SystemExit(main())
