"""`loosstory --present [--duration MIN] [--audience-screen NAME]`."""

from __future__ import annotations

import sys
from pathlib import Path


def run_present(content: Path, *, duration_min: float = 0.0, audience_screen: str = "") -> int:
    from loosstory.story.loader import load_story

    result = load_story(Path(content))
    from PySide6.QtWidgets import QApplication

    from loosstory.app import install_translations, make_excepthook
    from loosstory.ui.look.fonts import load_fonts

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("loosstory")
    app.setDesktopFileName("fr.loosengohelle.loosstory")
    install_translations(app, result.story.language if result.story else None)
    load_fonts()
    if not result.playable:
        for problem in result.problems:
            print(problem.format(), file=sys.stderr)
    from loosstory.modes.presenter.controller import Presenter

    presenter = Presenter(result, duration_min=duration_min, audience_screen=audience_screen)
    previous_hook = sys.excepthook
    sys.excepthook = make_excepthook(presenter.state)
    try:
        presenter.show()
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        presenter.close()
