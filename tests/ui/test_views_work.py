"""The interactive views do no work twice: a page turn onto them, a resize and an opened
card cost what they must, and no more (issue 5). Counts calls, never times them."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import dataclasses  # noqa: E402
from bisect import bisect_right  # noqa: E402

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from loosstory.resources import content_dir  # noqa: E402
from loosstory.story.dates import EventDate  # noqa: E402
from loosstory.story.loader import load_story  # noqa: E402
from loosstory.ui.views import schematic as schematic_ui  # noqa: E402
from loosstory.ui.views import timeline as timeline_ui  # noqa: E402
from loosstory.ui.views.panel import DetailPanel  # noqa: E402
from loosstory.ui.views.schematic.items import ElementItem  # noqa: E402
from loosstory.ui.views.timeline import layout as timeline_layout  # noqa: E402
from loosstory.ui.views.timeline import view as timeline_view  # noqa: E402
from tests.packs import MINI  # noqa: E402
from tests.ui.fakes import FakeState  # noqa: E402

PACK = MINI  # made for the tests (tests/packs/README.md); not the bundled story
SIZES = [(1920, 1080), (1024, 768), (1024, 600), (700, 900), (3840, 2160), (480, 360)]




@pytest.fixture(scope="module")
def story():
    return load_story(PACK).story


def shown(qtbot, widget: QWidget, size: tuple[int, int]) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def count_calls(monkeypatch, owner, name: str) -> list:
    """Record the calls of ``owner.name`` (a class or an instance), still making them."""
    calls: list = []
    original = getattr(owner, name)

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


# -- the timeline's layout ----------------------------------------------------------------
def reference_layout(timeline, viewport_w: float, viewport_h: float):
    """layout_timeline as it was before issue 5: every try counted the events of every
    stretch again (quadratic). Kept to prove the faster one gives the very same numbers."""
    lay = timeline_layout.layout_timeline(timeline, viewport_w, viewport_h)
    years = timeline_layout._breaks(timeline)
    label_w, rows, gap = lay.label_w, lay.rows, 12.0

    def scale_of(slots):
        xs = [40.0]
        positions = [e.date.position for e in timeline.events]
        for index, (a, b) in enumerate(zip(years, years[1:], strict=False)):
            count = sum(1 for p in positions if a <= p < b)
            xs.append(xs[-1] + max((b - a) * 6.0, count * slots[index]))
        return timeline_layout.TimeScale(years, xs)

    slots = [label_w / rows * 0.6] * max(1, len(years) - 1)
    for _ in range(400):
        scale = scale_of(slots)
        positions = sorted(((e.id, scale.x(e.date.position)) for e in timeline.events),
                           key=lambda item: item[1])
        found, crowded = timeline_layout.stagger(positions, label_w, rows, gap)
        if found is not None:
            break
        year = next(e.date.position for e in timeline.events if e.id == crowded)
        index = max(0, min(len(slots) - 1, bisect_right(years, year) - 1))
        counts = [sum(1 for e in timeline.events if a <= e.date.position < b)
                  for a, b in zip(years, years[1:], strict=False)]
        timeline_layout.slots_grow(slots, counts, index, (label_w + gap) * 2)
        if slots[index] > (label_w + gap) * 2 * 1.12 ** 2:
            break
    width = max(scale.xs[-1] + label_w + 40, viewport_w)
    return dataclasses.replace(lay, scale=scale, width=width, event_rows=found,
                               event_x=dict(positions))


@pytest.mark.parametrize("size", SIZES + [(1366, 768), (2560, 1440), (800, 1280)])
def test_the_timeline_layout_is_the_one_computed_the_old_way(story, size) -> None:
    new = timeline_layout.layout_timeline(story.timeline, *size)
    old = reference_layout(story.timeline, *size)
    assert dataclasses.asdict(new) == dataclasses.asdict(old)


def test_one_timeline_layout_reads_each_date_once(story, monkeypatch) -> None:
    reads = []
    position = EventDate.position
    monkeypatch.setattr(EventDate, "position",
                        property(lambda date: reads.append(date) or position.fget(date)))
    timeline_layout.layout_timeline(story.timeline, 1920, 880)  # ~50 tries at this size
    assert len(reads) <= 2 * len(story.timeline.events)  # was ~100 reads per try


# -- the timeline view --------------------------------------------------------------------
def test_a_page_turn_onto_the_timeline_lays_it_out_once_and_builds_no_card(
        qtbot, story, monkeypatch) -> None:
    layouts = count_calls(monkeypatch, timeline_view, "layout_timeline")
    sheets = count_calls(monkeypatch, DetailPanel, "setStyleSheet")
    view = shown(qtbot, timeline_ui.create(story, FakeState(), None), (1920, 1080))
    qtbot.waitUntil(lambda: view.layout_info is not None)
    assert len(layouts) == 1
    assert view._panel is None and not sheets  # the card is built when first opened
    assert not view.wants_key(Qt.Key.Key_Escape)  # no card built to answer that either
    assert view._panel is None


def test_a_timeline_resize_lays_out_once_and_restyles_only_for_a_new_type_size(
        qtbot, story, monkeypatch) -> None:
    view = shown(qtbot, timeline_ui.create(story, FakeState(), None), (1920, 1080))
    qtbot.waitUntil(lambda: view.layout_info is not None)
    view.open_event("fermeture-11-19")
    layouts = count_calls(monkeypatch, timeline_view, "layout_timeline")
    view_sheets = count_calls(monkeypatch, view, "setStyleSheet")
    panel_sheets = count_calls(monkeypatch, view.panel, "setStyleSheet")
    view.resize(1900, 1080)  # the same type size
    assert len(layouts) == 1 and not view_sheets and not panel_sheets
    view.resize(1024, 768)  # a smaller type size: the header's fonts change, then the strip
    assert view.header.scale == 16 and view.layout_info.body_px == 16
    assert len(layouts) == 2  # was 3: once with the old header, once more with the new
    assert not view_sheets and len(panel_sheets) == 1


def test_opening_cards_one_after_the_other_sets_no_new_style_sheet(
        qtbot, story, monkeypatch) -> None:
    view = shown(qtbot, timeline_ui.create(story, FakeState(), None), (1280, 800))
    view.open_event("fermeture-11-19")
    sheets = count_calls(monkeypatch, view.panel, "setStyleSheet")
    for entry in ("etape-diagnostic", "eglise-solaire", "village-agricole-1820"):
        view.open_entity(entry)
        assert view.panel.current_id == entry
    view.panel.close_panel()
    view.open_event("fermeture-11-19")
    assert not sheets


# -- the house ----------------------------------------------------------------------------
def test_a_page_turn_onto_the_house_places_each_part_once(qtbot, story, monkeypatch) -> None:
    places = count_calls(monkeypatch, ElementItem, "place")
    view = shown(qtbot, schematic_ui.create(story, FakeState(), None), (1920, 1080))
    assert len(places) == len(view.items)  # the canvas and the view both asked: once
    assert view._panel is None
    view.relayout()  # nothing changed: nothing to do
    view.resize(1920, 1080)
    assert len(places) == len(view.items)


def test_the_house_panel_sets_its_style_sheet_once_per_type_size(
        qtbot, story, monkeypatch) -> None:
    view = shown(qtbot, schematic_ui.create(story, FakeState(), None), (1920, 1080))
    sheets = count_calls(monkeypatch, DetailPanel, "setStyleSheet")
    view.open_element("pilier-etoile")  # built, styled for the narrower house it shows by
    assert len(sheets) == 1
    view.panel.apply_scale(view.body_px)  # an unchanged size
    view.open_element("fondations-memoire")  # another accent: a property, not a style sheet
    view.close_panel()
    view.open_element("resultats-systemiques")
    view.resize(1910, 1080)  # the same type size
    assert len(sheets) == 1
    assert view.panel.property("accent") == view.items["resultats-systemiques"].fill.name()


def test_switching_elements_looks_like_opening_the_second_one_directly(qtbot, story) -> None:
    first = shown(qtbot, schematic_ui.create(story, FakeState(), None), (1280, 800))
    first.open_element("pilier-etoile")
    first.open_element("fondations-memoire")
    second = shown(qtbot, schematic_ui.create(story, FakeState(), None), (1280, 800))
    second.open_element("fondations-memoire")
    for view in (first, second):  # the focus went into each panel (its ring is not compared)
        view.panel.close_button.clearFocus()
    # once both layouts have settled, the two panels are drawn pixel for pixel alike
    qtbot.waitUntil(lambda: first.panel.grab().toImage() == second.panel.grab().toImage())


def test_the_panel_text_follows_its_viewport_after_resizes(qtbot, story) -> None:
    view = shown(qtbot, schematic_ui.create(story, FakeState(), None), (700, 900))
    view.open_element("pilier-etoile")
    body = view.panel.body
    for size in [(1280, 800), (700, 900)]:
        view.resize(*size)
        # wrapped at the width it shows, as tall as its text (once the layout has settled:
        # the scroll bar comes and goes meanwhile)
        qtbot.waitUntil(lambda: body.document().textWidth() == body.viewport().width()
                        and body.document().size().height() <= body.viewport().height())


@pytest.mark.parametrize("which", ["schematic", "timeline"])
def test_leaving_the_page_resets_a_kept_view_without_building_its_card(qtbot, story,
                                                                     which) -> None:
    module = schematic_ui if which == "schematic" else timeline_ui
    view = shown(qtbot, module.create(story, FakeState(), None), (1280, 800))
    view.step_focus(1)
    view.reset_view()
    assert view.focus_item is None and view._panel is None
    if which == "timeline":
        view.open_entity("fermeture-11-19")
    else:
        view.open_element("pilier-etoile")
    view.reset_view()
    assert not view.panel.isVisible() and view.focus_item is None
    assert view.canvas.horizontalScrollBar().value() == 0


def test_a_period_boundary_on_a_crowded_date_still_gives_labels_that_never_overlap() -> None:
    """The closure (31 January 1986) opens the crisis band (1986): its stretch starts on it,
    the 1985 lustrum leaves an empty stretch before it; labels must still find their rows
    (issue 14, honest periods), at every height."""
    from loosstory.story.timeline import parse_timeline

    timeline, _ = parse_timeline((content_dir() / "fr" / "timeline.yaml").read_text("utf-8"),
                                 "fr/timeline.yaml")
    for height in (300, 360, 420, 560):
        lay = timeline_layout.layout_timeline(timeline, 1024, height)
        rects = {e.id: lay.label_rect(e.id) for e in timeline.events}
        for a, ra in rects.items():
            for b, rb in rects.items():
                if a < b and lay.event_rows[a] == lay.event_rows[b]:
                    assert ra[0] + ra[2] <= rb[0] or rb[0] + rb[2] <= ra[0], (height, a, b)
