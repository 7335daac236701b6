"""Run under QT_QPA_PLATFORM=offscreen:configfile=… (named screens): place a presenter on
the test story and print where each window went, as JSON (tests/modes/test_presenter_screens.py)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from loosstory.modes.presenter.controller import Presenter
from loosstory.story.loader import load_story
from loosstory.ui.state.config import ReaderConfig


def where(presenter: Presenter) -> dict:
    def screen_of(widget) -> str:
        return widget.screen().name() if widget.isVisible() else ""

    return {"audience": screen_of(presenter.audience), "presenter": screen_of(presenter.window),
            "audience_rect": list(presenter.audience.geometry().getRect()),
            "frameless": bool(presenter.audience.windowFlags() & presenter.audience.windowFlags().FramelessWindowHint)}


def main() -> int:
    pack, settings_file, wanted = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = QApplication([])
    print(json.dumps({"screens": [s.name() for s in app.screens()],
                      "primary": app.primaryScreen().name()}))
    settings = QSettings(settings_file, QSettings.Format.IniFormat)
    presenter = Presenter(load_story(pack), audience_screen=wanted, settings=settings,
                          config=ReaderConfig(transition_ms=0, prefetch=False))
    presenter.show()
    app.processEvents()
    print(json.dumps(where(presenter)))
    presenter.swap()
    app.processEvents()
    print(json.dumps(where(presenter)))
    presenter.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
