"""Start-up in two steps: the cover from story.yaml, then the rest of the pack.

The app paints its cover before the chapters, the sources and the interactive views are
loaded (bench figure 1); these tests pin what a visitor must still get: the buttons of the
cover work during the load, a broken pack still ends on its problems screen, and the
first frame does not import what it does not need.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from loosstory.story.head import load_head
from loosstory.story.loader import load_story
from loosstory.ui.reader.build import build_reader
from loosstory.ui.reader.loading import StoryLoading
from loosstory.ui.state import state as screens
from loosstory.ui.state.config import ReaderConfig
from tests.packs import MINI
from tests.story.packs import STORY_YAML, write_pack

ROOT = Path(__file__).resolve().parents[2]


def _reader_from_head(qtbot, content: Path):
    head = load_head(content)
    assert head.story is not None
    state, loader, window = build_reader(head, ReaderConfig(transition_ms=0), loading=True)
    qtbot.addWidget(window, before_close_func=lambda _: loader.wait_for_done())
    window.resize(1280, 800)
    return state, loader, window


def test_the_cover_shows_first_and_commencer_waits_for_the_chapters(qtbot) -> None:
    state, loader, window = _reader_from_head(qtbot, MINI)
    assert state.loading and state.screen == screens.COVER
    assert window.cover is not None and window.page is None and window.sommaire is None
    window.show()
    qtbot.waitExposed(window)
    assert window.cover.title.text() == load_story(MINI).story.title

    # A visitor taps « Commencer » before the chapters are there: it is kept, not lost.
    QTest.mouseClick(window.cover.start_button, Qt.MouseButton.LeftButton)
    assert state.screen == screens.COVER and state.loading

    loading = StoryLoading(MINI, state, window)  # starts after the first paint
    qtbot.waitUntil(lambda: state.screen == screens.PAGE, timeout=20000)
    loading.wait()
    assert not state.loading and state.playable
    assert window.page is not None and window.sommaire is not None
    assert state.path.index == 0
    assert state.page is state.story.chapters[0].pages[0]
    first_page = state.story.chapters[0].pages[0]
    shown = window.page.text.toPlainText()
    assert shown and shown[:40] in re.sub(r"<[^>]+>", "", first_page.html)  # its text
    loader.wait_for_done()


def test_sommaire_pressed_during_the_load_opens_the_sommaire(qtbot) -> None:
    state, loader, window = _reader_from_head(qtbot, MINI)
    window.show()
    QTest.mouseClick(window.cover.sommaire_button, Qt.MouseButton.LeftButton)
    StoryLoading(MINI, state, window).start()
    qtbot.waitUntil(lambda: state.screen == screens.SOMMAIRE, timeout=20000)
    assert window.sommaire.cards  # one card per chapter
    loader.wait_for_done()


def test_a_pack_that_cannot_play_ends_on_its_problems_screen(qtbot, tmp_path) -> None:
    # story.yaml is fine (the cover shows) but its path names chapters that do not exist.
    story_yaml = STORY_YAML.replace("  - premier\n  - second\n", "  - inconnu\n")
    pack = write_pack(tmp_path / "pack", story=story_yaml)
    expected = load_story(pack)
    assert not expected.playable, "the test pack must be unplayable"
    state, loader, window = _reader_from_head(qtbot, pack)
    window.show()
    assert state.screen == screens.COVER  # story.yaml itself is fine
    StoryLoading(pack, state, window).start()
    qtbot.waitUntil(lambda: state.screen == screens.PROBLEMS, timeout=20000)
    assert window.stack.currentWidget() is window.problems
    errors = len(expected.errors)
    assert window.problems.heading.text().startswith(f"Le contenu contient {errors} erreur")
    loader.wait_for_done()


def test_the_first_frame_path_imports_neither_markdown_nor_the_chapters_nor_the_views() -> None:
    """What the cover needs, only: Markdown, the chapter parser, the page screen and the
    interactive views come after the first frame (each costs start-up time)."""
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from loosstory.app import run\n"
        "from loosstory.story.head import load_head\n"
        "from loosstory.ui.reader.build import build_reader\n"
        f"state, loader, window = build_reader(load_head(Path({str(MINI)!r})), loading=True)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "late = ['markdown', 'loosstory.story.pages', 'loosstory.story.chapters',\n"
        "        'loosstory.story.timeline', 'loosstory.story.schematic',\n"
        "        'loosstory.ui.page.screen', 'loosstory.ui.screens.sommaire', 'loosstory.ui.views.schematic',\n"
        "        'loosstory.ui.views.timeline', 'importlib.metadata']\n"
        "print(' '.join(m for m in late if m in sys.modules) or 'none')\n"
        "loader.wait_for_done()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "none"


def _two_starts(code: str, cache: Path) -> list[subprocess.CompletedProcess]:
    """Run ``code`` in two fresh Pythons sharing the app's cache folder ``cache``; both
    must succeed."""
    env = dict(os.environ, LOOSSTORY_CACHE_DIR=str(cache))
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           timeout=120, cwd=ROOT, env=env) for _ in range(2)]
    for done in runs:
        assert done.returncode == 0, done.stderr
    return runs


def test_the_first_frame_does_not_build_pysides_qt_namespace(tmp_path) -> None:
    """PySide6 builds its whole `Qt` namespace (~100 Python enums, 15-25 ms) the first
    time anything touches it, even through an overload it only tries (QColor(QColor),
    QPainter.fillRect…). The app's first frame must not (loosstory/ui/qtlazy.py); right
    after it, the cover gets what it deferred (the buttons' hand cursor)."""
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import PySide6.QtCore as core\n"
        "from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "class Watch(QObject):\n"
        "    seen = False\n"
        "    def eventFilter(self, obj, event):\n"
        "        if not self.seen and event.type() == QEvent.Type.Paint:\n"
        "            self.seen = True\n"
        "            print('at the first frame:', 'Qt' in core.__dict__, flush=True)\n"
        "            clock.start()\n"
        "            poll.start(5)\n"
        "        return False\n"
        "def done():\n"  # as soon as the cursors are there (or after 10 s, to say what is)
        "    window = QApplication.topLevelWidgets()[0]\n"
        "    cover = window.cover\n"
        "    shapes = {b.cursor().shape().name for b in (cover.start_button, cover.sommaire_button)}\n"
        "    if shapes == {'PointingHandCursor'} or clock.elapsed() > 10000:\n"
        "        print('cursors:', ' '.join(sorted(shapes)), flush=True)\n"
        "        poll.stop()\n"
        "        app.quit()\n"
        "clock, poll = QElapsedTimer(), QTimer()\n"
        "poll.timeout.connect(done)\n"
        "watch = Watch()\n"
        "app.installEventFilter(watch)\n"
        "from loosstory.app import run\n"
        f"run(Path({str(MINI)!r}))\n"
    )
    for done in _two_starts(code, tmp_path / "cache"):  # cache cold, then warm
        assert "at the first frame: False" in done.stdout, done.stdout + done.stderr
        assert "cursors: PointingHandCursor" in done.stdout, done.stdout + done.stderr


def test_a_second_start_draws_the_cover_without_pyyaml(tmp_path) -> None:
    """story.yaml's parse is kept (story/parsecache.py): from the second start on, nothing
    before the first frame imports PyYAML (~20 ms); the first start parses as always."""
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from loosstory.story.head import load_head\n"
        "from loosstory.ui.reader.build import build_reader\n"
        f"head = load_head(Path({str(MINI)!r}), cache=True)\n"
        "state, loader, window = build_reader(head, loading=True)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "print(head.story.title, '|', 'yaml' in sys.modules)\n"
        "loader.wait_for_done()\n"
    )
    first, second = (done.stdout.strip() for done in _two_starts(code, tmp_path / "cache"))
    assert first.endswith("| True"), first  # parsed: the cache was empty
    assert second.endswith("| False"), second
    assert first.split("|")[0] == second.split("|")[0]  # the same title either way
    assert list((tmp_path / "cache").glob("*.head.marshal"))
