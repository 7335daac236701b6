"""Rendering screens to PNG with no display, and starting the application."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from loosstory.resources import content_dir
from loosstory.story.loader import load_story
from loosstory.ui.reader.window import ReaderWindow
from loosstory.ui.snapshot import snapshot
from tests.packs import MINI


@pytest.fixture
def fake_pack(monkeypatch, load_result, tmp_path):
    """``load_story`` answers with the test story, whatever folder it is given."""
    import loosstory.story.loader as loader_module

    monkeypatch.setattr(loader_module, "load_story", lambda root, language=None: load_result)
    return tmp_path / "pack"


def _distinct_colours(image: QImage) -> int:
    step_x, step_y = max(1, image.width() // 60), max(1, image.height() // 40)
    return len({image.pixel(x, y) for x in range(0, image.width(), step_x)
                for y in range(0, image.height(), step_y)})


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
@pytest.mark.parametrize("page", ["cover", "sommaire", "culture", "culture/base", "problems"])
def test_snapshot_is_the_exact_size_and_not_blank(qapp, fake_pack, tmp_path, size, page):
    out = tmp_path / "shots" / f"{page.replace('/', '-')}.png"
    assert snapshot(fake_pack, page, size, out) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == size
    assert _distinct_colours(image) >= (3 if page == "problems" else 12)


def test_snapshot_waits_for_images(qapp, fake_pack, tmp_path):
    out = tmp_path / "cover.png"
    assert snapshot(fake_pack, "cover", (1024, 768), out) == 0
    image = QImage(str(out))
    # the test cover is a sky-blue SVG with hills: its sky shows through on the right
    # (below the « Aa » settings button, top right)
    right = image.pixelColor(image.width() - 20, 80)
    assert right.blue() > right.red()


def test_unknown_page_is_refused_in_french(qapp, fake_pack, tmp_path, capsys):
    out = tmp_path / "nope.png"
    assert snapshot(fake_pack, "chapitre-inconnu", (800, 600), out) == 2
    assert "page inconnue" in capsys.readouterr().err
    assert not out.exists()


def test_snapshot_of_the_bundled_pack(qapp, tmp_path):
    result = load_story(content_dir())
    if not result.ok:
        pytest.skip("the bundled pack does not load cleanly yet")
    first = result.story.chapters[0].id
    for page in ("cover", "sommaire", first):
        out = tmp_path / f"{page}.png"
        assert snapshot(content_dir(), page, (1280, 720), out) == 0
        assert _distinct_colours(QImage(str(out))) >= 12


def test_run_builds_the_window_and_returns():
    """run() in its own process, as the app runs: quitting a QApplication stops its timers
    for good, so it must not be the test session's shared one."""
    import subprocess
    import sys

    code = (
        "import os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QEvent, QObject, QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from loosstory.app import run\n"
        "from loosstory.ui.reader.window import ReaderWindow\n"
        "app = QApplication([])\n"
        "seen = {}\n"
        "def look_and_quit():\n"
        "    windows = [w for w in QApplication.topLevelWidgets()\n"
        "               if isinstance(w, ReaderWindow) and w.isVisible()]\n"
        "    seen['title'] = windows[-1].windowTitle()\n"
        "    seen['size'] = (windows[-1].width(), windows[-1].height())\n"
        "    app.quit()\n"
        "class FirstPaint(QObject):\n"  # look once the window has painted, then quit
        "    def eventFilter(self, obj, event):\n"
        "        if event.type() == QEvent.Type.Paint and obj.isWidgetType() \\\n"
        "                and isinstance(obj.window(), ReaderWindow):\n"
        "            app.removeEventFilter(self)\n"
        "            QTimer.singleShot(0, look_and_quit)\n"
        "        return False\n"
        "watch = FirstPaint()\n"
        "app.installEventFilter(watch)\n"
        "from pathlib import Path\n"
        f"code = run(Path({str(MINI)!r}))\n"
        "print(code, seen['title'], seen['size'])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0 Loos-en-Gohelle — loosstory (1280, 800)"  # WINDOW_TITLE
    assert "Traceback" not in done.stderr


def test_snapshot_leaves_no_window_or_event_filter_behind(tmp_path, qapp):
    """A snapshot taken inside a running application (the kiosk, the benchmarks) must not
    leave its window alive: its application-wide filters would swallow later input."""
    assert snapshot(MINI, "cover", (640, 400), tmp_path / "c.png") == 0
    alive = [w for w in qapp.allWidgets() if isinstance(w, ReaderWindow)]
    assert alive == []
