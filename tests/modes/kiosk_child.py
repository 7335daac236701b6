"""A kiosk in a child process, offscreen, with a visitor turning pages every few
milliseconds; prints the number of stored events after each page. The parent kills it
with SIGKILL mid-visit (tests/modes/test_kiosk_kill.py).

    python -m tests.modes.kiosk_child DATA_DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def main() -> int:
    data = Path(sys.argv[1])
    app = QApplication(sys.argv[:1])
    from loosstory.modes.kiosk.controller import KioskController
    from loosstory.modes.kiosk.settings import KioskSettings
    from loosstory.stats.store import EventStore
    from loosstory.story.loader import load_story
    from loosstory.ui.state.config import ReaderConfig
    from tests.packs import MINI

    settings = KioskSettings(data_dir=data, idle_timeout=3600, countdown=30)
    store = EventStore(settings.stats_file)
    kiosk = KioskController(settings, load_story(MINI), MINI, store,
                            ReaderConfig(transition_ms=0))
    kiosk.window.keep_fullscreen = False
    kiosk.start(show=False)
    kiosk.window.resize(1024, 768)
    kiosk.window.show()
    kiosk.start_visit()
    kiosk.state.start()

    def turn() -> None:
        if not kiosk.state.next() or kiosk.state.screen != "page":
            kiosk.state.start()
        print(store.count(), flush=True)

    timer = QTimer()
    timer.timeout.connect(turn)
    timer.start(5)
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
