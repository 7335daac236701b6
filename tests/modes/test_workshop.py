"""Workshop mode (issue 18): the bar over the reader, the class's level, printing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt

from loosstory.modes.workshop.bar import BAR_HEIGHT, install
from loosstory.story.loader import load_story
from tests.ui.conftest import make_reader

PACK = Path(__file__).resolve().parents[1] / "packs" / "workshop"
LEFT = Qt.MouseButton.LeftButton


def test_the_workshop_sets_the_class_level_and_shows_glossary_quiz_and_printing(qtbot, tmp_path):
    reader = make_reader(qtbot, load_story(PACK))
    state, window = reader.state, reader.window
    bar = install(state, window, "facile")
    assert state.mode == "workshop" and state.settings.reading_level == "facile"
    assert bar.isVisible() and bar.geometry().height() >= BAR_HEIGHT
    screen = window.current_screen()
    assert screen.mapTo(window, QPoint(0, 0)).y() >= bar.height()  # the reader below the bar
    assert all(b.geometry().bottom() < bar.height() for b in (bar.print_button, bar.quiz_button))
    state.start()
    state.go_to_ref("energie/constat")
    assert window.page.text.toPlainText().startswith("Voici un texte facile.")
    asked = []
    bar.choose_path = lambda default: asked.append(default) or str(tmp_path / "fiche.pdf")
    qtbot.mouseClick(bar.print_button, LEFT)
    assert asked and asked[0].endswith("fiche-energie-facile.pdf")
    assert (tmp_path / "fiche.pdf").stat().st_size > 1000
    assert (tmp_path / "fiche-corrige.pdf").stat().st_size > 1000
    assert "fiche.pdf" in bar.status.text()
    qtbot.mouseClick(bar.quiz_button, LEFT)
    assert state.screen == "quiz"
    qtbot.mouseClick(bar.glossary_button, LEFT)
    assert state.screen == "glossary"


def test_the_class_level_is_not_undone_by_the_remembered_settings(tmp_path) -> None:
    """`loosstory --workshop --level facile` on a desktop that remembers a visitor's
    settings: the class still reads the facile level (the remembered settings used to be
    applied after the workshop had set it, putting the level back to standard)."""
    import os
    import subprocess
    import sys

    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QSettings, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        f"QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})\n"
        "from loosstory.ui.settings.store import save_settings\n"
        "from loosstory.ui.state.settings import DEFAULT_SETTINGS\n"
        "save_settings(DEFAULT_SETTINGS._replace(text_scale=1.5))\n"
        "from loosstory.app import run\n"
        "from loosstory.modes.workshop.bar import install\n"
        "seen = []\n"
        "def setup(state, window):\n"
        "    install(state, window, 'facile')\n"
        "    def look():\n"
        "        seen.append((state.settings.reading_level, state.settings.text_scale))\n"
        "        app.quit()\n"
        "    QTimer.singleShot(0, look)\n"
        f"run(Path({str(PACK)!r}), setup=setup)\n"
        "print(seen)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LOOSSTORY_CACHE_DIR="off")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, env=env, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[('facile', 1.5)]"
