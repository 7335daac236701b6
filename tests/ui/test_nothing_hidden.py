"""Issue 15, "nothing hidden": a page longer than the screen shows its rest before "next"
turns it (keys, the button, a swipe), "previous" does the reverse, a cue says there is
more, and ``loosstory check --layout`` warns where a page needs scrolling."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from loosstory.cli import main
from loosstory.story.loader import load_story
from loosstory.ui.layoutcheck import find_overflows
from tests.story.packs import FIRST, SECOND, write_pack
from tests.ui.conftest import make_reader

Key = Qt.Key
PARAGRAPH = ("Un paragraphe d’essai assez long pour remplir quelques lignes de la colonne de "
             "texte, écrit pour les tests et qui ne dit rien de vrai sur aucune ville. ")
LONG = FIRST + "\n## Une longue page {#longue}\n\n" + "\n\n".join([PARAGRAPH * 3] * 14) + "\n"


@pytest.fixture
def long_pack(tmp_path: Path) -> Path:
    return write_pack(tmp_path / "pack", chapters={"01-premier.md": LONG, "02-second.md": SECOND})


@pytest.fixture
def long_reader(qtbot, long_pack):
    made = make_reader(qtbot, load_story(long_pack), size=(1024, 768))
    made.state.start()
    made.state.go_to_ref("premier/longue")
    return made


def _bar(reader):
    return reader.window.page.text.verticalScrollBar()


def _screenfuls(reader, press) -> int:
    """Press "next" until the page turns; how many presses stayed on the page."""
    stayed = 0
    while reader.where() == "premier/longue":
        before = _bar(reader).value()
        press()
        if reader.where() == "premier/longue":
            assert _bar(reader).value() > before  # each press shows more, never nothing
            stayed += 1
        assert stayed < 30
    return stayed


@pytest.mark.parametrize("key", [Key.Key_PageDown, Key.Key_Right, Key.Key_Space])
def test_next_key_shows_the_rest_a_screenful_at_a_time_then_turns(long_reader, key):
    page = long_reader.window.page
    assert page.overflow() > 0
    assert page.text.more.isVisible()  # the cue: "Suite du texte ↓"
    stayed = _screenfuls(long_reader, lambda: long_reader.qtbot.keyClick(long_reader.window, key))
    assert stayed >= 2  # several screenfuls at 1024×768
    assert long_reader.where() == "premier/sources"


def test_the_button_and_a_swipe_show_the_rest_first(long_reader):
    page = long_reader.window.page
    long_reader.qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert long_reader.where() == "premier/longue" and _bar(long_reader).value() > 0
    viewport = page.text.viewport()
    assert _screenfuls(long_reader, lambda: long_reader.drag(viewport, -300)) >= 1
    assert long_reader.where() == "premier/sources"


def test_previous_shows_the_page_from_its_end_back_to_its_start(long_reader):
    reader = long_reader
    reader.state.go_to_ref("premier/sources")
    reader.qtbot.keyClick(reader.window, Key.Key_PageUp)
    assert reader.where() == "premier/longue"
    bar = _bar(reader)
    assert bar.value() == bar.maximum() > 0  # back where "next" left it: at its end
    assert not reader.window.page.text.more.isVisible()  # nothing more below
    ups = 0
    while reader.where() == "premier/longue":
        reader.qtbot.keyClick(reader.window, Key.Key_PageUp)
        ups += 1
        assert ups < 30
    assert ups >= 2 and reader.where() == "premier/milieu"
    assert _bar(reader).value() == 0  # a short page, shown from its top


def test_a_page_that_fits_turns_at_once(long_reader):
    reader = long_reader
    reader.state.go_to_ref("premier/milieu")
    assert reader.window.page.overflow() == 0
    assert not reader.window.page.text.more.isVisible()
    reader.qtbot.keyClick(reader.window, Key.Key_PageDown)
    assert reader.where() == "premier/longue"
    assert _bar(reader).value() == 0  # a page reached forwards starts at its top


def test_layout_check_names_the_file_and_line_of_a_long_page(long_pack, qapp):
    overflows = find_overflows(long_pack, sizes=((1920, 1080), (1024, 768)))
    refs = {(o.ref, o.size) for o in overflows}
    assert ("premier/longue", (1920, 1080)) in refs
    assert ("premier/longue", (1024, 768)) in refs
    assert all(o.ref == "premier/longue" for o in overflows)
    lines = (long_pack / "fr" / "01-premier.md").read_text(encoding="utf-8").splitlines()
    found = next(o for o in overflows if o.size == (1920, 1080))
    assert found.file == "fr/01-premier.md"
    assert lines[found.line - 1].startswith("## Une longue page")
    assert found.format(True).startswith(f"fr/01-premier.md:{found.line}:1: warning:")


def test_check_layout_command_prints_the_warning(long_pack, qapp, capsys):
    assert main(["check", "--layout", str(long_pack)]) == 0
    out = capsys.readouterr().out
    assert "fr/01-premier.md:" in out and "premier/longue" in out and "1920×1080" in out
    assert "1 page(s) à faire tenir" not in out  # 1920×1080 and 1366×768: two warnings
    assert "2 page(s) à faire tenir" in out


def test_the_text_column_widens_beside_a_figure_only_when_the_text_needs_it(qtbot, long_pack):
    from loosstory.ui.page.fit import WIDEST_COLUMN_EM
    from loosstory.ui.page.parts import TEXT_COLUMN_EM

    reader = make_reader(qtbot, load_story(long_pack), size=(1920, 1080))
    reader.state.start()
    page = reader.window.page
    reader.state.go_to_ref("premier/debut")  # a figure and two lines
    qtbot.waitUntil(lambda: page.text.width() > 0)
    body = page.text.font().pixelSize()
    assert page.wide and page.text.width() <= round(body * TEXT_COLUMN_EM)
    reader.state.go_to_ref("premier/longue")  # no figure, too long for any column
    qtbot.waitUntil(lambda: page.text.width() > round(body * TEXT_COLUMN_EM))
    assert page.text.width() <= round(body * WIDEST_COLUMN_EM)
