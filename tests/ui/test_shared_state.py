"""One state, owned by whoever builds the windows: two readers on it stay in step, the
story can be replaced under them, settings and language are typed and announced."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from loosstory.story.loader import load_story
from loosstory.ui.reader.build import build_reader
from loosstory.ui.state import ReaderConfig, ReaderState, Settings
from loosstory.ui.state.state import COVER, PAGE, SOMMAIRE
from loosstory.ui.views.timeline import TimelineView
from tests.story.packs import FIRST, SECOND, write_pack

Key = Qt.Key

THIRD = """\
---
id: troisieme
title: Troisième chapitre
question: Et la frise ?
---

## Un texte {#texte}

Voir [la grève](#greve).

## La frise {#frise view=timeline}

Les dates de l'histoire.
"""

TIMELINE = """\
format: 1
title: La frise d'essai
description: Deux dates.
periods:
  - id: etape-une
    title: Une étape
    start: 1900
    end: 2000
    summary: Ce qui s'est passé.
events:
  - id: greve
    date: 1950
    title: La grève
    text: Un texte sur la grève.
    sources: [SRC-A]
    period: etape-une
  - id: fete
    date: 1980
    title: La fête
    text: Un texte sur la fête.
    sources: [SRC-B]
    period: etape-une
"""


@pytest.fixture
def pack(tmp_path):
    root = write_pack(tmp_path / "pack", chapters={"01-premier.md": FIRST,
                                                   "02-second.md": SECOND,
                                                   "03-troisieme.md": THIRD})
    (root / "fr" / "timeline.yaml").write_text(TIMELINE, encoding="utf-8")
    story = (root / "story.yaml").read_text(encoding="utf-8")
    (root / "story.yaml").write_text(story.replace("  - second\n", "  - second\n  - troisieme\n"),
                                     encoding="utf-8")
    result = load_story(root)
    assert result.playable, [p.format() for p in result.problems]
    return result


@pytest.fixture
def two_readers(qtbot, pack):
    state = ReaderState(pack, ReaderConfig(transition_ms=0, prefetch=False,
                                           resize_debounce_ms=0))
    windows = []
    for _ in range(2):
        _, loader, window = build_reader(pack, state=state)
        qtbot.addWidget(window)
        window.resize(1024, 768)
        window.show()
        qtbot.waitExposed(window)
        windows.append((window, loader))
    yield state, windows[0][0], windows[1][0]
    for _window, loader in windows:
        loader.wait_for_done()
    assert state.parent() is None  # the state is its owner's, not a window's


def shown(window) -> str:
    """What a window shows: its current screen, and the page its page screen is on."""
    screen = window.current_screen()
    if screen is window.page:
        return f"page:{window.page.band.title.text()}"
    return "cover" if screen is window.cover else "sommaire" if screen is window.sommaire else "?"


def test_two_windows_on_one_state_stay_in_step(qtbot, two_readers) -> None:
    state, one, other = two_readers
    assert shown(one) == shown(other) == "cover"
    qtbot.keyClick(one, Key.Key_Right)  # "Commencer" from the keyboard, in the first window
    assert state.screen == PAGE and state.page.ref == "premier/intro"
    qtbot.keyClick(one, Key.Key_Right)
    assert state.page.ref == "premier/debut"
    assert shown(other) == shown(one) == "page:Le début"
    qtbot.keyClick(one, Key.Key_Right)
    assert shown(other) == "page:Le milieu"
    qtbot.mouseClick(other.page.previous_button, Qt.MouseButton.LeftButton)  # the other one
    assert state.page.ref == "premier/debut" and shown(one) == "page:Le début"
    qtbot.keyClick(other, Key.Key_Escape)
    assert state.screen == SOMMAIRE and shown(one) == "sommaire"
    qtbot.mouseClick(one.sommaire.cards[1], Qt.MouseButton.LeftButton)
    assert state.page.ref == "second/suite" and shown(other) == "page:La suite"
    qtbot.keyClick(other, Key.Key_Escape)
    qtbot.keyClick(other, Key.Key_Escape)
    assert state.screen == COVER and shown(one) == "cover"


def test_a_link_to_an_event_opens_its_card_in_both_windows(qtbot, two_readers) -> None:
    state, one, other = two_readers
    assert state.go_to_ref("troisieme/texte")
    opened = []
    state.entity_opened.connect(lambda view, entity: opened.append((view, entity)))
    assert state.navigate("#greve")  # what a click on [la grève](#greve) does
    assert state.page.ref == "troisieme/frise"
    views = [window.page.view for window in (one, other)]
    assert all(isinstance(view, TimelineView) for view in views) and views[0] is not views[1]
    qtbot.waitUntil(lambda: all(view.panel_open() for view in views))
    assert [view.panel.current_id for view in views] == ["greve", "greve"]
    assert opened == [("timeline", "greve"), ("timeline", "greve")]
    assert state.opening == ""
    # A tap on another event in one window is reported to the state.
    views[0].open_entity("fete")
    assert opened[-1] == ("timeline", "fete")


def test_replacing_the_story_keeps_the_position_by_page_id(qtbot, two_readers, tmp_path) -> None:
    state, one, other = two_readers
    assert state.go_to_ref("second/fin")
    # The same pack with a new first chapter: the page is elsewhere in the guided path.
    new_first = SECOND.replace("id: second", "id: zero").replace("Second chapitre", "Zéro")
    root = write_pack(tmp_path / "new", chapters={"00-zero.md": new_first,
                                                  "01-premier.md": FIRST,
                                                  "02-second.md": SECOND})
    story = (root / "story.yaml").read_text(encoding="utf-8")
    (root / "story.yaml").write_text(story.replace("  - premier\n", "  - zero\n  - premier\n"),
                                     encoding="utf-8")
    replacement = load_story(root)
    assert replacement.playable
    before = state.path.index
    with qtbot.waitSignal(state.story_loaded):
        state.replace_story(replacement)
    assert state.story is replacement.story
    assert state.page.ref == "second/fin" and state.path.index == before + 2
    assert shown(one) == shown(other) == "page:La fin"
    assert [c.chapter.id for c in one.sommaire.cards] == ["zero", "premier", "second"]
    # A page that is gone: its chapter's first page, or else the start.
    gone = load_story(write_pack(tmp_path / "short", chapters={"02-second.md": SECOND.replace(
        "## La fin {#fin}\n\nTexte de la fin.\n", "")}))
    state.replace_story(gone)
    assert state.page.ref == "second/suite"


def test_settings_language_and_mode_are_typed_and_announced(qtbot, two_readers) -> None:
    state, one, other = two_readers
    assert state.settings == Settings() and state.mode == "reader" and state.language == "fr"
    with qtbot.waitSignal(state.settings_changed) as blocker:
        state.change_settings(text_scale=1.5)
    assert blocker.args == [Settings(text_scale=1.5)]
    with qtbot.assertNotEmitted(state.settings_changed):
        state.change_settings(text_scale=1.5)  # no change, no signal
    with pytest.raises(ValueError):
        state.change_settings(text_size=2)  # not a field of Settings
    with qtbot.waitSignal(state.mode_changed) as blocker:
        state.set_mode("presenter")
    assert blocker.args == ["presenter"]
    with qtbot.waitSignal(state.language_changed) as blocker:
        state.set_language("en")
    assert blocker.args == ["en"] and state.language == "en"


def test_the_text_scale_setting_scales_every_window(qtbot, two_readers) -> None:
    state, one, other = two_readers
    state.start()
    before = [w.page.band.title.font().pixelSize() for w in (one, other)]
    state.change_settings(text_scale=1.5)
    after = [w.page.band.title.font().pixelSize() for w in (one, other)]
    assert all(a >= round(b * 1.4) for a, b in zip(after, before, strict=True))
    state.change_settings(text_scale=1.0)
    assert [w.page.band.title.font().pixelSize() for w in (one, other)] == before


def test_reduced_motion_turns_transitions_off(qtbot, pack) -> None:
    state = ReaderState(pack, ReaderConfig(transition_ms=280))
    _, loader, window = build_reader(pack, state=state)
    qtbot.addWidget(window)
    assert window.transition.duration_ms == 280 and not state.reduced_motion
    state.change_settings(reduced_motion=True)
    assert state.reduced_motion and window.transition.duration_ms == 0
    loader.wait_for_done()


def test_a_new_screen_is_one_class_and_one_registry_line(qtbot, two_readers, monkeypatch) -> None:
    """What docs/architecture.md tells a newcomer to do, done: a Screen subclass and one
    entry in SCREENS; the state shows it by name in every window, keys included."""
    from PySide6.QtWidgets import QLabel

    from loosstory.ui.reader import screens as registry
    from loosstory.ui.screens.screen import Screen

    class AboutScreen(Screen):
        def __init__(self, state) -> None:
            super().__init__()
            self.label = QLabel(state.story.title, self)
            self.scaled = None

        def apply_scale(self, scale) -> None:
            self.scaled = scale

        def retranslate(self) -> None:
            self.label.setText("retranslated")

    monkeypatch.setitem(registry.SCREENS, "about", registry.ScreenSpec(
        lambda state, loader, palette: AboutScreen(state), "À propos", lambda s: s.playable,
        eager=False))
    state, one, other = two_readers
    state.show_screen("about")
    for window in (one, other):
        about = window.current_screen()
        assert isinstance(about, AboutScreen) and about.label.text() == "Une histoire d\u2019essai"
        assert about.accessibleName() == "À propos" and about.scaled is not None
    qtbot.keyClick(one, Key.Key_Right)  # no binding on this screen: the key is not used
    assert state.screen == "about"
    with pytest.raises(ValueError):
        state.show_screen(PAGE)
    state.set_language("en")  # the root installed its translations: screens say it again
    assert [w.current_screen().label.text() for w in (one, other)] == ["retranslated"] * 2


def test_a_mode_extends_the_keymap(qtbot, two_readers) -> None:
    """A mode adds keys (and overrides the reader's) on one window, with its own actions."""
    from loosstory.ui.reader.keymap import Binding, reader_keymap

    state, one, other = two_readers
    state.start()
    blanked = []
    one.keymap = reader_keymap().extend([
        Binding(PAGE, (Key.Key_B,), "blank"),
        Binding(PAGE, (Key.Key_Escape,), "blank"),  # the presenter's clicker: no sommaire
    ])
    one.actions["blank"] = lambda: blanked.append(state.page.ref)
    qtbot.keyClick(one, Key.Key_B)
    qtbot.keyClick(one, Key.Key_Escape)
    assert blanked == ["premier/intro", "premier/intro"] and state.screen == PAGE
    qtbot.keyClick(one, Key.Key_Right)  # the reader's own keys still work
    assert state.page.ref == "premier/debut"
    qtbot.keyClick(other, Key.Key_Escape)  # the other window keeps the reader's keymap
    assert state.screen == SOMMAIRE and len(blanked) == 2
