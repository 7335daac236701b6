"""Text an author wrote is shown as plain text on every screen (issue 13): HTML in a title,
subtitle, question, page heading or caption is shown as written, never interpreted (an
``<img src=/abs/path>`` there would draw a file of the machine)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from loosstory.story.loader import load_story
from tests.hostile.make_packs import BY_NAME, make
from tests.ui.conftest import make_reader


def _labels_with_html(window) -> list[QLabel]:
    return [label for label in window.findChildren(QLabel)
            if "<img" in label.text() or "<b>" in label.text()]


def test_author_text_is_plain_on_every_screen(qtbot, tmp_path):
    pack, _ = make(BY_NAME["html-in-labels"], tmp_path)
    story = pack / "story.yaml"
    story.write_text(story.read_text(encoding="utf-8").replace(
        "title: Une histoire d'essai", "title: <b>Une</b> histoire d'essai"), encoding="utf-8")
    reader = make_reader(qtbot, load_story(pack))
    state, window = reader.state, reader.window
    seen: dict[str, int] = {}
    for name, show in (("cover", state.show_cover), ("sommaire", state.show_sommaire),
                       ("page", lambda: state.go_to_ref("premier/debut")),
                       ("ending", state.show_ending), ("about", state.show_about)):
        show()
        QApplication.processEvents()
        labels = _labels_with_html(window)
        seen[name] = len(labels)
        for label in labels:
            assert label.textFormat() == Qt.TextFormat.PlainText, (name, label.text())
    # the subtitle on the cover, the question on the sommaire, heading and caption on the
    # page, the subtitle's title on the closing and about screens
    assert min(seen.values()) >= 1 and seen["cover"] >= 2 and seen["page"] >= 2
    reader.loader.wait_for_done()
