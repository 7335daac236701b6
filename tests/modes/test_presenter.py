"""Presenter mode on the test story: two windows on one state, the clicker's keys, the
curtain, the overview, the notes (never on the projector), the timer and the pace."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QLabel, QTextBrowser

from loosstory.modes.presenter.controller import Presenter
from loosstory.modes.presenter.curtain import BLACK, FROZEN, WHITE
from loosstory.modes.presenter.timing import AHEAD, BEHIND, ON_TIME, TalkTimer, pace
from loosstory.story.loader import load_story
from loosstory.ui.state.config import ReaderConfig
from loosstory.ui.state.state import COVER, PAGE
from tests.story.packs import FIRST, SECOND, write_pack

Key = Qt.Key
NOTE = "Secret de l’orateur {n} : ne pas montrer."


def with_notes(text: str) -> str:
    """Each page section ends with a notes block (the format of story/notes.py)."""
    parts = text.split("\n## ")
    out = []
    for index, part in enumerate(parts):
        if index == 0 and not part.rstrip().endswith("---") and "## " not in part:
            head, _, body = part.partition("\n---\n")
            if body.strip():
                part = part.rstrip() + f"\n\n> [!notes]\n> {NOTE.format(n='intro')}\n"
        elif index:
            part = part.rstrip() + f"\n\n> [!notes]\n> {NOTE.format(n=index)}\n"
        out.append(part)
    return "\n## ".join(out)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def talk_pack(tmp_path):
    root = write_pack(tmp_path / "pack", chapters={"01-premier.md": with_notes(FIRST),
                                                   "02-second.md": with_notes(SECOND)})
    result = load_story(root)
    assert result.playable, [p.format() for p in result.problems]
    return result


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "presenter.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def presenter(qtbot, talk_pack, settings):
    clock = Clock()
    made = Presenter(talk_pack, duration_min=4, settings=settings, clock=clock,
                     config=ReaderConfig(transition_ms=0, prefetch=False,
                                         resize_debounce_ms=0))
    made.clock = clock
    qtbot.addWidget(made.window)
    qtbot.addWidget(made.audience)
    made.show()
    qtbot.waitExposed(made.window)
    yield made
    made.close()


def texts(widget) -> str:
    found = [label.text() for label in widget.findChildren(QLabel)]
    found += [browser.toPlainText() for browser in widget.findChildren(QTextBrowser)]
    return "\n".join(found)


def test_notes_are_parsed_and_kept_off_the_page(talk_pack) -> None:
    pages = [p for c in talk_pack.story.chapters for p in c.pages if p.kind != "sources"]
    assert [p.notes for p in pages] == [NOTE.format(n=n) for n in ("intro", 1, 2, 1, 2)]
    assert all("Secret" not in p.html for p in pages)


def test_clicker_keys_move_the_talk(qtbot, presenter) -> None:
    state, window = presenter.state, presenter.window
    assert state.screen == COVER
    qtbot.keyClick(window, Key.Key_F5)
    assert state.screen == PAGE and state.path.index == 0
    for key, step in ((Key.Key_Right, 1), (Key.Key_PageDown, 2), (Key.Key_Space, 3),
                      (Key.Key_Left, 2), (Key.Key_PageUp, 1), (Key.Key_End, state.path.total - 1),
                      (Key.Key_Home, 0)):
        qtbot.keyClick(window, key)
        assert state.path.index == step, key
    qtbot.keyClick(window, Key.Key_G)
    qtbot.keyClick(window, Key.Key_4)
    assert "Aller à l’étape : 4" in window.status.text()
    qtbot.keyClick(window, Key.Key_Return)
    assert state.path.index == 3
    qtbot.keyClick(window, Key.Key_2)  # a number alone, then Enter
    qtbot.keyClick(window, Key.Key_Enter)
    assert state.path.index == 1
    qtbot.keyClick(window, Key.Key_Escape)  # never leaves the story
    assert state.screen == PAGE and state.path.index == 1
    qtbot.keyClick(presenter.audience, Key.Key_Right)  # the projector's window too
    assert state.path.index == 2
    qtbot.keyClick(window, Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert state.path.index == 0


def test_black_white_and_freeze_cover_the_projector_only(qtbot, presenter) -> None:
    """One screen here: the live view is the projector's rehearsal, so it is covered."""
    state, window, curtain = presenter.state, presenter.window, presenter.rehearsal_curtain
    assert presenter.audience_on is None and not presenter.audience.isVisible()
    qtbot.keyClick(window, Key.Key_F5)
    for key, kind in ((Key.Key_B, BLACK), (Key.Key_Period, BLACK), (Key.Key_W, WHITE)):
        qtbot.keyClick(window, key)
        assert curtain.kind == kind and curtain.isVisible()
        assert curtain.grab().toImage().pixelColor(5, 5).name() == (
            "#000000" if kind == BLACK else "#ffffff")
        qtbot.keyClick(window, key)
        assert not curtain.isVisible()
    before = presenter.live.grab().toImage()
    qtbot.keyClick(window, Key.Key_F)
    assert curtain.kind == FROZEN
    qtbot.keyClick(window, Key.Key_Right)
    assert state.path.index == 1  # the talk moves on underneath
    assert curtain.grab().toImage() == before.scaled(curtain.size())
    qtbot.keyClick(window, Key.Key_F)
    assert not curtain.isVisible()
    qtbot.keyClick(window, Key.Key_B)
    qtbot.keyClick(window, Key.Key_Escape)  # Esc opens the curtain, stays in the story
    assert not curtain.isVisible() and state.screen == PAGE


def test_overview_with_o_tab_arrows_enter_and_esc(qtbot, presenter) -> None:
    state, window = presenter.state, presenter.window
    qtbot.keyClick(window, Key.Key_F5)
    qtbot.keyClick(window, Key.Key_O)
    assert state.screen == "overview"
    grid = presenter.audience.screens["overview"].grid
    assert len(grid.items) == state.path.total and grid.current == 0
    qtbot.keyClick(window, Key.Key_Right)
    qtbot.keyClick(window, Key.Key_Right)
    qtbot.keyClick(window, Key.Key_Return)
    assert state.screen == PAGE and state.path.index == 2
    qtbot.keyClick(window, Key.Key_Tab)
    assert state.screen == "overview"
    qtbot.keyClick(window, Key.Key_Escape)
    assert state.screen == PAGE and state.path.index == 2
    qtbot.keyClick(window, Key.Key_O)
    live_grid = presenter.live.screens["overview"].grid
    qtbot.mouseClick(live_grid, Qt.MouseButton.LeftButton,
                     pos=live_grid.card_rect(4).center().toPoint())
    assert state.screen == PAGE and state.path.index == 4


def test_notes_on_the_presenter_never_on_the_projector(qtbot, presenter) -> None:
    state, window = presenter.state, presenter.window
    qtbot.keyClick(window, Key.Key_F5)
    for step in range(state.path.total):
        if state.page.kind != "sources":
            assert "Secret de l’orateur" in window.notes.toPlainText()
        assert "Secret" not in texts(presenter.audience)
        assert "Secret" not in texts(presenter.live)
        assert window.step_label.text() == f"Étape {step + 1} / {state.path.total}"
        qtbot.keyClick(window, Key.Key_Right)
    before = window.notes_px
    qtbot.keyClick(window, Key.Key_Plus)
    assert window.notes_px == before + 4 and window.notes.font().pixelSize() == before + 4


def test_500_random_moves_keep_both_windows_in_step(qtbot, presenter) -> None:
    rng = random.Random(17)
    state = presenter.state
    keys = [Key.Key_Right, Key.Key_Left, Key.Key_PageDown, Key.Key_PageUp, Key.Key_Space,
            Key.Key_Home, Key.Key_End, Key.Key_O, Key.Key_Escape, Key.Key_F5]
    for _ in range(500):
        target = rng.choice((presenter.window, presenter.audience))
        qtbot.keyClick(target, rng.choice(keys))
        shown = presenter.audience.current_screen(), presenter.live.current_screen()
        assert presenter.audience.screens[state.screen] is shown[0]
        assert presenter.live.screens[state.screen] is shown[1]
        if state.screen == PAGE:
            titles = {reader.page.band.title.text() for reader in (presenter.audience,
                                                                    presenter.live)}
            assert titles == {state.page.title}


def test_timer_starts_at_first_move_and_pace_says_in_colour_and_words(qtbot, presenter) -> None:
    window, clock = presenter.window, presenter.clock
    clock.now += 300  # waiting before the talk does not count
    window.refresh_times()
    assert window.elapsed_label.text().startswith("Écoulé 0:00") and not window.pace_label.text()
    qtbot.keyClick(window, Key.Key_F5)  # step 1 of 5 in 4 min: expected 24 s
    clock.now += 24
    window.refresh_times()
    assert window.elapsed_label.text() == "Écoulé 0:24"
    assert window.pace_label.text() == "Dans les temps"
    assert window.pace_label.property("pace") == ON_TIME
    clock.now += 120
    window.refresh_times()
    assert window.pace_label.text() == "En retard de 2 min"
    assert window.pace_label.property("pace") == BEHIND and "#a1260d" in \
        window.pace_label.styleSheet()
    qtbot.keyClick(window, Key.Key_End)  # step 5: expected 216 s, elapsed 144 s
    assert window.pace_label.text() == "En avance de 1 min"
    assert window.pace_label.property("pace") == AHEAD
    qtbot.keyClick(window, Key.Key_P)
    clock.now += 1000
    window.refresh_times()
    assert window.elapsed_label.text() == "Écoulé 2:24 (en pause)"
    qtbot.keyClick(window, Key.Key_P)
    qtbot.keyClick(window, Key.Key_R)
    assert window.elapsed_label.text() == "Écoulé 0:00"


def test_pace_formula() -> None:
    assert pace(0, 1, 10, 45).expected_s == pytest.approx(45 * 60 * 0.5 / 10)
    assert pace(45 * 60 * 9.5 / 10 + 61, 10, 10, 45).verdict == BEHIND
    assert pace(0, 3, 10, 45).verdict == AHEAD
    timer = TalkTimer(Clock())
    assert not timer.started and timer.elapsed() == 0


def test_a_tap_on_the_laptop_opens_the_panel_on_the_projector(qtbot, tmp_path, settings) -> None:
    from tests.ui.test_shared_state import THIRD, TIMELINE

    root = write_pack(tmp_path / "p3", chapters={"01-premier.md": FIRST, "02-second.md": SECOND,
                                                 "03-troisieme.md": THIRD})
    (root / "fr" / "timeline.yaml").write_text(TIMELINE, encoding="utf-8")
    story = (root / "story.yaml").read_text(encoding="utf-8")
    (root / "story.yaml").write_text(story.replace("  - second\n", "  - second\n  - troisieme\n"),
                                     encoding="utf-8")
    made = Presenter(load_story(root), settings=settings,
                     config=ReaderConfig(transition_ms=0, prefetch=False, resize_debounce_ms=0))
    qtbot.addWidget(made.window)
    qtbot.addWidget(made.audience)
    made.show()
    try:
        assert made.state.go_to_ref("troisieme/frise")
        laptop, wall = made.live.page.view, made.audience.page.view
        laptop.open_entity("fete")  # what a tap on the event does
        qtbot.waitUntil(lambda: wall.panel.current_id == "fete" and wall.panel.isVisibleTo(wall))
    finally:
        made.close()


def test_next_walks_the_tour_of_an_interactive_page(qtbot, tmp_path, settings) -> None:
    from tests.ui.test_shared_state import THIRD, TIMELINE

    root = write_pack(tmp_path / "p4", chapters={"01-premier.md": FIRST, "02-second.md": SECOND,
                                                 "03-troisieme.md": THIRD})
    (root / "fr" / "timeline.yaml").write_text(TIMELINE + "tour: [fete, etape-une]\n",
                                               encoding="utf-8")
    story = (root / "story.yaml").read_text(encoding="utf-8")
    (root / "story.yaml").write_text(story.replace("  - second\n", "  - second\n  - troisieme\n"),
                                     encoding="utf-8")
    result = load_story(root)
    assert result.story.timeline.tour == ("fete", "etape-une")
    made = Presenter(result, settings=settings,
                     config=ReaderConfig(transition_ms=0, prefetch=False, resize_debounce_ms=0))
    qtbot.addWidget(made.window)
    qtbot.addWidget(made.audience)
    made.show()
    try:
        assert made.state.go_to_ref("troisieme/frise")
        wall = made.audience.page.view
        opened = lambda: wall.panel.current_id if wall.panel.isVisibleTo(wall) else ""  # noqa: E731
        qtbot.keyClick(made.window, Key.Key_Right)
        qtbot.waitUntil(lambda: opened() == "fete")
        qtbot.keyClick(made.window, Key.Key_PageDown)
        qtbot.waitUntil(lambda: opened() == "etape-une")
        assert made.state.page.ref == "troisieme/frise"
        qtbot.keyClick(made.window, Key.Key_Left)
        qtbot.waitUntil(lambda: opened() == "fete")
        qtbot.keyClick(made.window, Key.Key_Left)  # the tour's start: the panel closes
        qtbot.waitUntil(lambda: opened() == "")
        assert made.state.page.ref == "troisieme/frise"
        for _ in range(3):  # fete, etape-une, then on to the next step
            qtbot.keyClick(made.window, Key.Key_Right)
        assert made.state.screen == "ending"  # the frise is the story's last page
    finally:
        made.close()


def test_rehearsal_shows_the_audience_full_screen_and_chapters_jump(qtbot, presenter) -> None:
    state, window, audience = presenter.state, presenter.window, presenter.audience
    assert presenter.audience_on is None and not audience.isVisible()
    assert "répétition" in window.status.text()
    qtbot.keyClick(window, Key.Key_A)
    qtbot.waitUntil(audience.isVisible)
    assert audience.geometry() == window.screen().geometry()
    qtbot.keyClick(audience, Key.Key_A)  # again: back to the rehearsal
    assert not audience.isVisible()
    chapters = window.chapters
    item = chapters.item(1)
    qtbot.mouseClick(chapters.viewport(), Qt.MouseButton.LeftButton,
                     pos=chapters.visualItemRect(item).center())
    assert state.screen == PAGE and state.chapter.id == "second" and state.page.id == "suite"
