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
    def __init__(self, wait_image: bool) -> None:
        super().__init__()
        self.first = False
        self.wait_image = wait_image
        self.hero = None

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() != QEvent.Type.Paint or not isinstance(obj, QWidget):
            return False
        window = obj.window()
        if window.objectName() != "readerWindow":
            return False
        if not self.first:
            self.first = True
            cover = getattr(window, "cover", None)
            self.hero = getattr(cover, "hero", None)
            QTimer.singleShot(0, self._first_done)
        elif obj is self.hero and self.hero.image is not None:
            self.hero = None
            QTimer.singleShot(0, self._image_done)
        return False

    def _first_done(self) -> None:
        _mark("first_paint")
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
