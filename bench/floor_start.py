"""The floor for start-up and memory: a bare QApplication and one window, painted.

Prints ``MARK first_paint <perf_counter>`` when the window's first paint pass is done and
leaves (``os._exit``). With ``--memory WxH`` it instead keeps the window at that size,
paints it a few times and prints ``JSON {"hwm_mb": …, "rss_mb": …}`` (the floor of figure 4).
"""

from __future__ import annotations

import json
import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


class Watcher(QObject):
    """The end of the window's first paint pass, seen as the app's watcher sees it: the
    handling of its native window's first Expose (or UpdateRequest), then a 0-ms timer."""

    def __init__(self, window: QWidget) -> None:
        super().__init__()
        self.window = window
        self.handle = None
        self.done = False

    def eventFilter(self, obj, event):  # noqa: N802
        kind = event.type()
        if obj is self.window and kind == QEvent.Type.Show and self.handle is None:
            self.handle = obj.windowHandle()
            self.handle.installEventFilter(self)
        elif obj is self.handle and not self.done and kind in (QEvent.Type.Expose,
                                                               QEvent.Type.UpdateRequest):
            self.done = True
            QTimer.singleShot(0, self.report)
        return False

    def report(self) -> None:
        sys.stdout.write(f"MARK first_paint {time.perf_counter():.6f}\n")
        sys.stdout.flush()
        os._exit(0)


def _status(key: str) -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("floor")
    if "--memory" in sys.argv:
        w, h = (int(v) for v in sys.argv[sys.argv.index("--memory") + 1].split("x"))
        window.resize(w, h)
        window.show()
        for _ in range(5):
            app.processEvents()
            window.repaint()
        print("JSON " + json.dumps({"hwm_mb": _status("VmHWM"), "rss_mb": _status("VmRSS")}))
        return 0
    watcher = Watcher(window)
    window.installEventFilter(watcher)  # its one window (as the app's watcher, once it has one)
    window.resize(1280, 800)
    window.show()
    QTimer.singleShot(30000, lambda: os._exit(3))
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
