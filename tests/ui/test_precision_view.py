"""A précision on screen: under its paragraph, smaller and in the muted ink."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from loosstory.resources import content_dir
from loosstory.story.loader import load_story
from loosstory.ui.look.theme import contrast_ratio
from tests.ui.conftest import make_reader


def test_a_precision_shows_small_and_muted_under_its_paragraph(qtbot):
    reader = make_reader(qtbot, load_story(content_dir()), size=(1920, 1080))
    reader.state.go_to_ref("resilience-et-transition/diagnostic-participatif")
    text = reader.window.page.text
    plain = text.toPlainText().replace("\u00a0", " ")
    note = plain.index("Précision — La Charte du cadre de vie date de 2000")
    assert plain.index("« Charte du cadre de vie » en 2001") < note
    # the page is cut after this précision: the next paragraph opens the continued page
    assert "La révision du POS constitue" not in plain
    document = text.document()
    block = document.findBlock(0)
    sizes = {}
    while block.isValid():
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        fmt = cursor.charFormat()
        kind = "note" if block.text().startswith("Précision") else "body"
        sizes.setdefault(kind, (fmt.font().pixelSize(), fmt.foreground().color()))
        block = block.next()
    (body_px, _), (note_px, note_colour) = sizes["body"], sizes["note"]
    assert 0 < note_px < body_px
    palette = reader.window.palette_
    assert note_colour.name() == palette.muted.name()
    assert contrast_ratio(note_colour, palette.background) >= 4.5
    reader.loader.wait_for_done()
