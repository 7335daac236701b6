"""The code-source house as a visitor uses it: taps, keys, resizes, links, snapshots."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
import yaml  # noqa: E402
from PySide6.QtCore import QEvent, QPoint, Qt  # noqa: E402
from PySide6.QtGui import QFocusEvent, QFontDatabase, QMouseEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QLabel, QWidget  # noqa: E402

from loosstory.story.model import Look  # noqa: E402
from loosstory.story.schematic import parse_schematic  # noqa: E402
from loosstory.ui.look.theme import contrast_ratio as contrast  # noqa: E402
from loosstory.ui.views import schematic as schematic_ui  # noqa: E402
from loosstory.ui.views.colours import ViewColours  # noqa: E402
from loosstory.ui.views.panel import repeats_lead  # noqa: E402
from loosstory.ui.views.schematic import SchematicView  # noqa: E402
from loosstory.ui.views.schematic.items import ElementItem  # noqa: E402
from tests.packs import MINI  # noqa: E402
from tests.ui.fakes import FakeState  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
PACK = MINI  # made for the tests (tests/packs/README.md); not the bundled story
SHOTS = ROOT / "docs" / "screenshots"
# The screenshots for the docs (LOOSSTORY_SCREENSHOTS=1) show the bundled story.
SHOTS_PACK = ROOT / "content" if os.environ.get("LOOSSTORY_SCREENSHOTS") else PACK
PILLAR_WORDS = {
    "pilier-implication": "Les habitants d’essai participent à tout.",
    "pilier-systemique": "« en silo » jamais",
    "pilier-innovation": "on apprend en faisant",
    "pilier-etoile": "« étoile » qui donne envie d’agir",
}


@pytest.fixture(scope="module", autouse=True)
def fonts(qapp) -> None:
    for file in sorted((ROOT / "assets" / "fonts").glob("*/*.ttf")):
        QFontDatabase.addApplicationFont(str(file))


@pytest.fixture(scope="module")
def schematic():
    text = (PACK / "fr" / "schematic.yaml").read_text(encoding="utf-8")
    house, problems = parse_schematic(text, "fr/schematic.yaml")
    assert house is not None and not problems
    return house


@pytest.fixture(scope="module")
def look() -> Look:
    data = yaml.safe_load((PACK / "story.yaml").read_text(encoding="utf-8"))["look"]
    palette = data["palette"]
    return Look(background=data["background"], ink=data["ink"], accent=data["accent"],
                palette=palette)


@pytest.fixture
def view(qtbot, schematic, look) -> SchematicView:
    widget = SchematicView(schematic, look, reduced_motion=True)
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def tab_into(widget: QWidget) -> None:
    """The visitor presses Tab and the focus enters the picture."""
    widget.activateWindow()
    widget.clearFocus()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    if not widget.hasFocus():  # no window manager offscreen: deliver what Tab would
        QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusIn,
                                                   Qt.FocusReason.TabFocusReason))


def tap(qtbot, view: SchematicView, element_id: str) -> None:
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.element_centre(element_id).toPoint())


def test_tapping_each_pillar_opens_its_own_text(qtbot, view) -> None:
    for element_id, words in PILLAR_WORDS.items():
        tap(qtbot, view, element_id)
        qtbot.waitUntil(lambda eid=element_id: view.panel.current_id == eid)
        assert view.panel.isVisible()
        assert words in view.panel.body.toPlainText()
        assert view.panel.title.text() == view.schematic.element(element_id).label
        view.close_panel()
        assert not view.panel.isVisible()


def test_the_star_pillar_links_to_energie_and_the_star_opens_it(qtbot, view) -> None:
    star = view.canvas.mapFromScene(view.star.shape().boundingRect().center())
    qtbot.mouseClick(view.canvas.viewport(), Qt.MouseButton.LeftButton, pos=star)
    qtbot.waitUntil(lambda: view.panel.current_id == "pilier-etoile")
    assert "« cailloux blancs »" in view.panel.body.toPlainText()
    targets = [b.property("target") for b in view.panel.link_buttons]
    assert "energie" in targets and "code-source/pilier-etoile" in targets
    button = view.panel.link_buttons[targets.index("energie")]
    assert button.height() >= 44
    with qtbot.waitSignal(view.link_activated) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert signal.args == ["energie"]


def test_a_link_to_another_element_opens_it_in_place(qtbot, view) -> None:
    view.open_element("resultats-thematiques")
    assert view.panel.current_id == "resultats-thematiques"
    view.panel.link_activated.emit("pilier-etoile")
    assert view.panel.current_id == "pilier-etoile"


def test_hover_highlights_the_element_under_the_mouse(qtbot, view) -> None:
    pos = view.element_centre("pilier-systemique").toPoint()
    move = QMouseEvent(QMouseEvent.Type.MouseMove, pos, view.canvas.viewport().mapToGlobal(pos),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.canvas.viewport(), move)
    assert view.items["pilier-systemique"].hovered
    assert not view.items["pilier-etoile"].hovered


def test_keyboard_alone_reaches_every_element_and_opens_it(qtbot, view) -> None:
    tab_into(view.canvas)
    assert view.focus_item is not None
    seen = [view.focus_item.element.id]
    for _ in range(len(view.items) - 1):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Tab)
        seen.append(view.focus_item.element.id)
    assert seen == [e.id for e in view.schematic.reading_order]
    for _ in range(len(view.items) - 1):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Left)
    assert view.focus_item.element.id == "fondations-memoire"
    qtbot.keyClick(view.canvas, Qt.Key.Key_Up)  # foundation -> a pillar
    assert view.focus_item.element.kind == "pillar"
    qtbot.keyClick(view.canvas, Qt.Key.Key_End)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Down)  # top roof band -> lower band
    assert view.focus_item.element.id == "resultats-thematiques"
    for _ in range(3):
        qtbot.keyClick(view.canvas, Qt.Key.Key_Down)
    assert view.focus_item.element.kind == "foundation"
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    qtbot.keyClick(view.canvas, Qt.Key.Key_Right)
    assert view.focus_item.element.id == "pilier-etoile"
    qtbot.keyClick(view.canvas, Qt.Key.Key_Return)
    assert view.panel.current_id == "pilier-etoile"
    qtbot.keyClick(view.canvas, Qt.Key.Key_Escape)
    assert not view.panel.isVisible()


def test_every_element_has_an_accessible_name_and_description(qtbot, view) -> None:
    for item in view.items_in_order:
        view.set_focus_item(item)
        assert view.canvas.accessibleName().startswith(item.element.label)
        assert view.canvas.accessibleDescription()
        assert item.accessible_name and item.accessible_description
    view.open_element("pilier-innovation")
    assert view.panel.accessibleName().endswith(view.schematic.element("pilier-innovation").label)
    assert all(b.accessibleName().startswith("Voir aussi") for b in view.panel.link_buttons)


def test_text_contrast_on_every_part_is_at_least_4_5(view) -> None:
    for item in view.items.values():
        assert contrast(item.ink, item.fill) >= 4.5, item.element.id
    colours = view.colours
    assert contrast(colours.muted, colours.surface) >= 4.5
    assert contrast(colours.ink, colours.background) >= 4.5


@pytest.mark.parametrize("size", [(1024, 600), (1024, 768), (1920, 1080), (3840, 2160),
                                  (700, 900)])
def test_hit_areas_follow_the_drawing_after_a_resize(qtbot, view, size) -> None:
    view.resize(*size)
    qtbot.waitUntil(lambda: view.canvas.viewport().width() == size[0])
    for element_id, item in view.items.items():
        pos = view.element_centre(element_id)
        assert view.canvas.element_at(pos) is item, (element_id, size)
        assert item.sceneBoundingRect().width() >= 44 and item.sceneBoundingRect().height() >= 44
    rects = [item.shape().boundingRect() for item in view.items.values()]
    for i, a in enumerate(rects):  # no two parts of the house overlap
        for b in rects[i + 1:]:
            assert a.intersected(b).isEmpty() or a.intersected(b).width() * a.intersected(b).height() < 1
        assert view.rect().contains(a.toRect().adjusted(1, 1, -1, -1))
    tap(qtbot, view, "pilier-innovation")
    assert view.panel.current_id == "pilier-innovation"
    view.close_panel()


def test_the_house_builds_itself_and_any_input_skips_it(qtbot, schematic, look) -> None:
    widget = SchematicView(schematic, look, build_ms=60_000)
    qtbot.addWidget(widget)
    widget.resize(1024, 768)
    widget.show()
    qtbot.waitUntil(lambda: widget.building)
    qtbot.waitUntil(lambda: widget.items["fondations-memoire"].progress > 0)
    assert widget.items["resultats-systemiques"].progress == 0  # the roof comes last
    qtbot.keyClick(widget.canvas, Qt.Key.Key_Space)
    assert not widget.building
    assert all(item.progress == 1 for item in widget.items.values())
    widget.hide()
    widget.show()
    qtbot.waitUntil(lambda: widget.building)  # plays again when the page opens again
    qtbot.mouseClick(widget.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert not widget.building


def test_reduced_motion_shows_the_house_at_once(qtbot, view) -> None:
    assert not view.building
    assert all(item.progress == 1 for item in view.items.values())




class FakeStory:
    def __init__(self, schematic, timeline=None, look=None) -> None:
        self.schematic = schematic
        self.timeline = timeline
        self.look = look
        self.chapters = []
        self.sources = {}

    def view_page_ref(self, view: str) -> str:  # no chapter shows the view
        return ""


def test_create_wires_links_to_the_state_and_pages_can_open_an_element(qtbot, schematic,
                                                                        look) -> None:
    state = FakeState()
    widget = schematic_ui.create(FakeStory(schematic, look=look), state, None)
    qtbot.addWidget(widget)
    assert isinstance(widget, SchematicView)
    widget.resize(1024, 768)
    widget.show()
    state.entity_requested.emit("pilier-etoile")  # a chapter page linked to #pilier-etoile
    assert widget.panel.current_id == "pilier-etoile"
    state.entity_requested.emit("fermeture-11-19")  # not an element of the house
    assert widget.panel.current_id == "pilier-etoile"
    widget.panel.link_buttons[1].click()
    assert state.navigated == [widget.panel.link_buttons[1].property("target")]


def test_a_broken_file_gives_a_notice_and_the_rest_still_plays(qtbot, schematic, look) -> None:
    broken = (PACK / "fr" / "schematic.yaml").read_text(encoding="utf-8").replace(
        "    kind: pillar\n", "    kind: pillar\n  oops: [\n", 1)
    house, problems = parse_schematic(broken, "fr/schematic.yaml")
    assert house is None
    assert problems[0].is_error and problems[0].line > 1
    assert problems[0].format().startswith(f"fr/schematic.yaml:{problems[0].line}:")
    notice = schematic_ui.create(FakeStory(None, look=look), FakeState(), None)
    qtbot.addWidget(notice)
    assert isinstance(notice, QWidget) and not isinstance(notice, SchematicView)
    assert "schematic.yaml" in notice.findChild(QLabel).text()
    from loosstory.story.timeline import parse_timeline
    from loosstory.ui.views import timeline as timeline_ui

    timeline, _ = parse_timeline((PACK / "fr" / "timeline.yaml").read_text(encoding="utf-8"),
                                 "fr/timeline.yaml")
    other = timeline_ui.create(FakeStory(None, timeline, look), FakeState(), None)
    qtbot.addWidget(other)
    assert type(other).__name__ == "TimelineView"


def test_no_word_of_the_house_is_written_in_python() -> None:
    source = "".join(p.read_text(encoding="utf-8")
                     for p in (ROOT / "loosstory" / "ui" / "views" / "schematic").glob("*.py"))
    for words in ("habitant", "cailloux", "systémique", "Code source", "#8c3b2e"):
        assert words not in source


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768), (1024, 600)])
def test_snapshots(qtbot, size, tmp_path) -> None:
    """The view as the app builds it from a pack, rendered for review (the bundled story
    into docs/screenshots with LOOSSTORY_SCREENSHOTS=1)."""
    from loosstory.story.loader import load_story

    story = load_story(SHOTS_PACK).story
    view = schematic_ui.create(story, FakeState(), None)
    qtbot.addWidget(view)
    assert isinstance(view, SchematicView)
    view.show()
    folder = SHOTS if os.environ.get("LOOSSTORY_SCREENSHOTS") else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    w, h = size
    view.resize(w, h)
    qtbot.waitUntil(lambda: view.canvas.viewport().width() == w)
    image = view.grab().toImage()
    assert image.width() == w and image.height() == h
    assert len({image.pixel(x, h // 2) for x in range(0, w, 7)}) > 4  # not blank
    assert view.grab().save(str(folder / f"schematic-{w}x{h}.png"))
    view.set_focus_item(view.items["pilier-systemique"])
    view.open_element("pilier-etoile")
    assert view.grab().save(str(folder / f"schematic-{w}x{h}-panel.png"))
    assert isinstance(view.colours, ViewColours)
    assert all(isinstance(i, ElementItem) for i in view.items.values())


# -- in the reader, with a whole pack ---------------------------------------------------------
@pytest.fixture
def pack_reader(qtbot, monkeypatch):
    from loosstory.story.loader import load_story
    from loosstory.ui.views import timeline as timeline_ui
    from loosstory.ui.views.registry import VIEW_FACTORIES
    from tests.ui.conftest import make_reader

    monkeypatch.setitem(VIEW_FACTORIES, "schematic", schematic_ui.create)
    monkeypatch.setitem(VIEW_FACTORIES, "timeline", timeline_ui.create)
    result = load_story(PACK)
    assert result.ok, [p.format() for p in result.errors]
    made = make_reader(qtbot, result, size=(1280, 800))
    yield made
    made.loader.wait_for_done()


def test_visitor_taps_the_star_pillar_goes_to_energie_and_comes_back(qtbot, pack_reader) -> None:
    state = pack_reader.state
    assert state.go_to_ref("code-source/maison")
    house = pack_reader.window.page.view
    assert isinstance(house, SchematicView)
    qtbot.waitUntil(lambda: not house.building)
    qtbot.waitUntil(lambda: house.canvas.viewport().width() > 200)
    tap(qtbot, house, "pilier-etoile")
    assert house.panel.current_id == "pilier-etoile"
    assert "« cailloux blancs »" in house.panel.body.toPlainText()
    button = next(b for b in house.panel.link_buttons if b.property("target") == "energie")
    assert "Énergie" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert state.page.ref.startswith("energie/")
    state.navigate("pilier-etoile")  # what a link [l’étoile](#pilier-etoile) on a page does
    assert state.page.ref == "code-source/maison"
    house = pack_reader.window.page.view
    assert house.panel.isVisible() and house.panel.current_id == "pilier-etoile"


def test_escape_in_the_house_closes_a_panel_first_then_goes_to_the_sommaire(qtbot, pack_reader):
    state = pack_reader.state
    assert state.go_to_ref("code-source/maison")
    house = pack_reader.window.page.view
    qtbot.waitUntil(lambda: not house.building)
    house.canvas.setFocus()
    qtbot.waitUntil(house.canvas.hasFocus)
    house.open_element("pilier-etoile")
    assert house.panel.isVisible()
    qtbot.keyClick(house.canvas, Qt.Key.Key_Escape)
    assert not house.panel.isVisible() and state.screen == "page"  # the panel closes
    qtbot.keyClick(house.canvas, Qt.Key.Key_Escape)
    assert state.screen == "sommaire"  # with no panel open, Esc does what it does elsewhere


def test_a_page_link_opens_the_house_on_its_element_even_before_any_visit(qtbot,
                                                                          pack_reader) -> None:
    """The Énergie page's link [l’étoile…](#pilier-etoile), clicked by a visitor who has not
    yet seen the house: the reader goes to the house and opens the star pillar's panel."""
    from PySide6.QtCore import QUrl

    state, window = pack_reader.state, pack_reader.window
    energie = state.story.chapter("energie")
    page = next(p for p in energie.pages if any(k.target == "pilier-etoile" for k in p.links))
    assert state.go_to_ref(page.ref)
    assert window.page.view is None
    window.page.text.anchorClicked.emit(QUrl("#pilier-etoile"))  # what a click on it sends
    assert state.page.ref == "code-source/maison"
    house = window.page.view
    assert isinstance(house, SchematicView)
    qtbot.waitUntil(house.panel_open)  # opened once the house is shown at its size
    assert house.panel.current_id == "pilier-etoile"
    # ... so the panel makes room: no part of the house is under it.
    panel_left = house.panel.mapTo(house, house.panel.rect().topLeft()).x()
    for item in house.items.values():
        right = house.canvas.mapFromScene(item.sceneBoundingRect().topRight()).x()
        assert house.canvas.mapTo(house, house.canvas.rect().topLeft()).x() + right <= panel_left


def test_a_link_to_a_timeline_event_opens_the_frise_on_its_card(qtbot, pack_reader) -> None:
    story = pack_reader.state.story
    event = story.timeline.events[5]
    state, window = pack_reader.state, pack_reader.window
    assert state.go_to_ref("energie")
    assert state.navigate(f"#{event.id}")
    assert state.page.ref == "resilience-et-transition/frise"
    frise = window.page.view
    qtbot.waitUntil(frise.panel_open)
    assert frise.panel.current_id == event.id
    # Back on a text page, the same link again: the kept view opens the card again.
    assert state.go_to_ref("energie")
    assert state.navigate(f"#{event.id}")
    assert window.page.view is frise and frise.panel.current_id == event.id


@pytest.mark.parametrize("size, opened", [((1024, 600), False), ((1024, 600), True),
                                          ((1024, 768), False), ((1024, 768), True),
                                          ((1920, 1080), False), ((1920, 1080), True)])
def test_every_label_is_drawn_inside_its_shape(qtbot, pack_reader, size, opened) -> None:
    """No label spills out of (or is cut by) its pillar, band or foundation, panel or not."""
    pack_reader.window.resize(*size)
    assert pack_reader.state.go_to_ref("code-source/maison")
    house = pack_reader.window.page.view
    house.skip_build()
    if opened:
        assert house.open_element("pilier-innovation")
    QApplication.processEvents()
    qtbot.waitUntil(lambda: house.canvas.viewport().width() > 200)
    for element_id, item in house.items.items():
        inner = item.placement.text_rect.adjusted(-0.5, -0.5, 0.5, 0.5)
        drawn = item.text_bounds()
        assert not drawn.isEmpty(), (size, opened, element_id)
        assert inner.contains(drawn), (size, opened, element_id, drawn, inner, item._laid)
        assert item.text_size >= 11, (size, opened, element_id)


def test_a_pillar_card_does_not_repeat_its_lead_sentence(qtbot, view) -> None:
    for element in view.schematic.elements:
        view.open_element(element.id)
        text = view.panel.plain_text()
        lead = element.summary
        assert text.count(lead.rstrip(".")) <= 1, element.id
    assert repeats_lead("C’est le concept d’habitant-acteur.",
                        "<p>C’est le concept d’habitant-acteur. Chacun est appelé…</p>")
    assert not repeats_lead("Une ligne qui dit autre chose.", "<p>Le texte du panneau.</p>")
