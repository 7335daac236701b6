"""Page turns (bench figure 3): each image decoded once, at the size it is shown at; the next
page prepared while the visitor reads; interactive views built once and kept; reader keys
and swipes without application-wide event filters."""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QSize, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from loosstory.ui.pictures.images import COVER, FIT, ImageLoader, _DecodeTask, _Relay, image_key
from loosstory.ui.reader.gestures import SwipeDetector
from loosstory.ui.reader.window import ReaderWindow
from tests.packs import MINI
from tests.ui.conftest import make_reader

Key = Qt.Key
PACK = MINI  # made for the tests (tests/packs/README.md); not the bundled story


def record_decodes(monkeypatch, loader: ImageLoader) -> list[tuple[str, int, int]]:
    """(file name, width, height) of every decode the loader starts from now on."""
    started: list[tuple[str, int, int]] = []
    request = loader.request

    def counting(path, box, mode=FIT):
        key = image_key(path, box, mode) if path is not None else ""
        if path is not None and key not in loader._cache and not loader.is_pending(key):
            started.append((Path(path).name, box.width(), box.height()))
        return request(path, box, mode)

    monkeypatch.setattr(loader, "request", counting)
    return started


def cached(loader: ImageLoader, page) -> bool:
    """Every figure of ``page`` has an image in the cache (at whatever size)."""
    return all(any(k.endswith(f"|{f.file}") for k in loader._cache) for f in page.figures)


# -- decoding -----------------------------------------------------------------------------
def test_figures_are_decoded_once_at_their_final_size(reader, monkeypatch):
    started = record_decodes(monkeypatch, reader.loader)
    reader.state.go_to_ref("culture/debut")  # two figures side by side or stacked
    page = reader.window.page
    reader.qtbot.waitUntil(lambda: page.images_ready, timeout=5000)
    shown = sorted((f.figure.file.name, f.image.box().width(), f.image.box().height())
                   for f in page.figures)
    names = {name for name, _, _ in shown}
    # not at the sizes a new widget passes through before the layout settles
    assert sorted(s for s in started if s[0] in names) == shown


@pytest.mark.parametrize("ref", ["resilience/intro", "energie/constat", "resilience/frise"])
def test_the_next_page_is_decoded_at_the_box_it_will_get(reader, monkeypatch, ref):
    state, loader = reader.state, reader.loader
    state.go_to_ref(ref)
    following = state.path.peek_next()
    assert following.figures
    # decoded once this page is painted, while the visitor reads
    reader.qtbot.waitUntil(lambda: cached(loader, following) and loader.pending == 0,
                           timeout=5000)
    started = record_decodes(monkeypatch, loader)
    state.next()
    page = reader.window.page
    assert page.figures and all(f.image.image is not None for f in page.figures), \
        "the first frame of the page already has its pictures"
    reader.qtbot.waitUntil(lambda: page.images_ready, timeout=5000)
    assert started == []


def test_lookup_takes_an_image_a_little_larger_never_a_smaller_one(qtbot, story):
    loader = ImageLoader()
    svg = story.root / "images" / "mine.svg"  # 800x500
    assert loader.request(svg, QSize(400, 400)) is None
    qtbot.waitUntil(lambda: loader.pending == 0, timeout=5000)
    image = loader.lookup(svg, QSize(400, 400))
    assert image is not None and (image.width(), image.height()) == (400, 250)
    assert loader.lookup(svg, QSize(360, 300)) is image  # drawn at 360x225: 1.11x
    assert loader.lookup(svg, QSize(401, 401)) is image  # a pixel off: still sharp
    assert loader.lookup(svg, QSize(300, 300)) is None  # 1.33x larger than needed
    assert loader.lookup(svg, QSize(480, 480)) is None  # would be drawn enlarged
    assert loader.lookup(svg, QSize(400, 400), COVER) is None
    assert loader.pending_key(svg, QSize(380, 380)) is None
    loader.request(svg, QSize(600, 600))
    assert loader.pending_key(svg, QSize(590, 590)) == image_key(svg, QSize(600, 600))
    qtbot.waitUntil(lambda: loader.pending == 0, timeout=5000)
    small = story.root / "images" / "champ.png"  # 320x200: never decoded beyond 640x400
    loader.request(small, QSize(1000, 1000))
    qtbot.waitUntil(lambda: loader.pending == 0, timeout=5000)
    assert loader.lookup(small, QSize(1200, 1100)) is not None  # the same 640x400 image
    loader.wait_for_done()


def test_a_finished_decode_task_keeps_nothing(story):
    task = _DecodeTask(_Relay(), "key", story.root / "images" / "mine.svg", QSize(20, 20), FIT)
    task.setAutoDelete(False)
    task.run()
    assert task._relay is None and task._path is None and task._box is None


# -- interactive views ----------------------------------------------------------------------
@pytest.fixture
def pack_reader(qtbot, monkeypatch):
    from loosstory.story.loader import load_story
    from loosstory.ui.views import schematic, timeline
    from loosstory.ui.views.registry import VIEW_FACTORIES

    monkeypatch.setitem(VIEW_FACTORIES, "schematic", schematic.create)
    monkeypatch.setitem(VIEW_FACTORIES, "timeline", timeline.create)
    result = load_story(PACK)
    assert result.ok
    made = make_reader(qtbot, result, size=(1280, 800))
    yield made
    made.loader.wait_for_done()


def test_a_view_is_built_once_and_shown_again_as_new(qtbot, pack_reader):
    state, page = pack_reader.state, pack_reader.window.page
    state.go_to_ref("code-source/maison")
    house = page.view
    qtbot.waitUntil(lambda: not house.building)
    house.canvas.setFocus()
    house.open_element("pilier-etoile")
    assert house.panel.isVisible()
    state.next()
    assert page.view is not house and house.isHidden()
    assert not house.isAncestorOf(pack_reader.window.focusWidget())
    state.previous()
    assert page.view is house  # the same widget: not built again
    assert not house.panel_open() and house.focus_item is None  # as a new house looks
    state.go_to_ref("energie/constat")
    state.navigate("pilier-etoile")  # a link [l’étoile](#pilier-etoile) on a page
    assert state.page.ref == "code-source/maison" and page.view is house
    assert house.panel.isVisible() and house.panel.current_id == "pilier-etoile"


def test_the_next_pages_view_is_built_while_the_visitor_reads(qtbot, pack_reader):
    state, page = pack_reader.state, pack_reader.window.page
    state.go_to_ref("code-source/fondations")
    assert state.path.peek_next().view == "schematic"
    qtbot.waitUntil(lambda: "schematic" in page.media.views, timeout=5000)
    house = page.media.views["schematic"]
    assert house.isHidden()
    qtbot.waitUntil(lambda: house.width() > 400, timeout=5000)  # laid out at its size
    size = house.size()
    state.next()
    assert page.view is house
    qtbot.waitUntil(lambda: house.isVisible())
    assert house.size() == size


# -- input without application-wide filters --------------------------------------------------
@pytest.fixture
def filter_calls(monkeypatch) -> list:
    """Objects whose events reached the reader's or the swipe detector's event filter."""
    calls: list = []
    for cls in (ReaderWindow, SwipeDetector):
        original = cls.eventFilter

        def spy(self, obj, event, original=original):
            calls.append(obj)
            return original(self, obj, event)

        monkeypatch.setattr(cls, "eventFilter", spy)
    return calls


def test_reader_keys_work_with_no_application_event_filter(qtbot, load_result, filter_calls):
    reader = make_reader(qtbot, load_result)
    reader.state.start()
    page = reader.window.page
    for widget, key, expected in [
        (page.next_button, Key.Key_Right, "resilience/mine"),  # a button would move focus
        (page.text, Key.Key_Left, "resilience/intro"),  # the text would scroll
        (page, Key.Key_PageDown, "resilience/mine"),
        (page.previous_button, Key.Key_Right, "resilience/frise"),
    ]:
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        QTest.keyClick(widget, key)
        assert reader.where() == expected, (widget, key)
    QTest.keyClick(reader.window, Key.Key_Left)  # sent to the window itself
    assert reader.where() == "resilience/mine"
    stranger = QPushButton("ailleurs")
    qtbot.addWidget(stranger)
    stranger.show()
    qtbot.waitExposed(stranger)
    filter_calls.clear()
    QTest.keyClick(stranger, Key.Key_Right)
    QTest.mouseClick(stranger, Qt.MouseButton.LeftButton)
    assert filter_calls == []  # the filters see the reader's widgets only
    assert reader.where() == "resilience/mine"


def test_a_swipe_over_a_figure_turns_the_page(reader):
    reader.state.go_to_ref("resilience/mine")
    page = reader.window.page
    reader.qtbot.waitUntil(lambda: page.images_ready, timeout=5000)
    reader.drag(page.figures[0].image, -300)  # a widget made after the detector started
    assert reader.where() == "resilience/frise"
    reader.drag(page.band, +300)
    assert reader.where() == "resilience/mine"


def test_closing_the_reader_stops_its_filters(qtbot, load_result):
    reader = make_reader(qtbot, load_result)
    swipes, window = reader.window.swipes, reader.window
    reader.state.start()
    window.page.text.setFocus()
    qtbot.waitUntil(window.page.text.hasFocus)
    window.close()
    assert window._key_widget is None
    assert shiboken6.isValid(swipes)
