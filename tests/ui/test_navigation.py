"""The reader driven as a visitor would: keys, buttons, swipes, links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtTest import QTest

from loosstory.ui.state import state as screens
from loosstory.ui.views.registry import VIEW_FACTORIES

Key = Qt.Key


def start(reader) -> None:
    reader.qtbot.mouseClick(reader.window.cover.start_button, Qt.MouseButton.LeftButton)
    assert reader.state.screen == screens.PAGE


def test_opens_on_cover_and_commencer_starts(reader):
    assert reader.state.screen == screens.COVER
    assert reader.window.current_screen() is reader.window.cover
    assert reader.window.windowTitle() == "Loos-en-Gohelle — loosstory"
    start(reader)
    assert reader.where() == "resilience/intro"
    assert reader.window.current_screen() is reader.window.page


def test_arrow_keys_and_page_keys_turn_one_page(reader):
    start(reader)
    window = reader.window
    for key, expected in [
        (Key.Key_Right, "resilience/mine"),
        (Key.Key_PageDown, "resilience/frise"),
        (Key.Key_Right, "culture/debut"),  # the guided path goes on into the next chapter
        (Key.Key_Left, "resilience/frise"),
        (Key.Key_PageUp, "resilience/mine"),
    ]:
        reader.qtbot.keyClick(window, key)
        assert reader.where() == expected


def test_space_and_shift_space(reader):
    start(reader)
    reader.qtbot.keyClick(reader.window, Key.Key_Space)
    assert reader.where() == "resilience/mine"
    reader.qtbot.keyClick(reader.window, Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert reader.where() == "resilience/intro"


def test_keys_work_while_the_text_has_focus(reader):
    start(reader)
    text = reader.window.page.text
    text.setFocus()
    reader.qtbot.keyClick(text, Key.Key_Right)
    assert reader.where() == "resilience/mine"
    reader.qtbot.keyClick(text, Key.Key_Space)
    assert reader.where() == "resilience/frise"


def test_home_end_escape(reader):
    start(reader)
    reader.qtbot.keyClick(reader.window, Key.Key_End)
    assert reader.where() == "resilience/frise"
    reader.qtbot.keyClick(reader.window, Key.Key_Home)
    assert reader.where() == "resilience/intro"
    reader.qtbot.keyClick(reader.window, Key.Key_Escape)
    assert reader.state.screen == screens.SOMMAIRE
    assert reader.window.current_screen() is reader.window.sommaire
    reader.qtbot.keyClick(reader.window, Key.Key_Escape)
    assert reader.state.screen == screens.COVER


def test_buttons_next_previous_sommaire(reader):
    start(reader)
    page = reader.window.page
    assert not page.previous_button.isEnabled()
    reader.qtbot.mouseClick(page.next_button, Qt.MouseButton.LeftButton)
    assert reader.where() == "resilience/mine"
    reader.qtbot.mouseClick(page.previous_button, Qt.MouseButton.LeftButton)
    assert reader.where() == "resilience/intro"
    reader.qtbot.mouseClick(page.sommaire_button, Qt.MouseButton.LeftButton)
    assert reader.state.screen == screens.SOMMAIRE


def test_chapter_card_opens_its_chapter(reader):
    reader.qtbot.mouseClick(reader.window.cover.sommaire_button, Qt.MouseButton.LeftButton)
    sommaire = reader.window.sommaire
    assert [c.chapter.id for c in sommaire.cards] == ["resilience", "culture", "energie"]
    reader.qtbot.mouseClick(sommaire.cards[1], Qt.MouseButton.LeftButton)
    assert reader.where() == "culture/debut"
    reader.qtbot.keyClick(reader.window, Key.Key_Escape)
    sommaire.cards[2].setFocus()
    reader.qtbot.keyClick(sommaire.cards[2], Key.Key_Return)
    assert reader.where() == "energie/constat"


def test_chapitre_suivant_then_back_to_sommaire_at_the_end(reader):
    start(reader)
    page = reader.window.page
    reader.qtbot.keyClick(reader.window, Key.Key_End)
    assert page.chapter_button.isVisible() and not page.next_button.isVisible()
    assert page.chapter_button.accessibleName() == "Chapitre suivant : Culture & Patrimoine"
    assert page.chapter_button.text() == "Chapitre suivant : Culture && Patrimoine"
    reader.qtbot.mouseClick(page.chapter_button, Qt.MouseButton.LeftButton)
    assert reader.where() == "culture/debut"
    reader.state.go_to_ref("energie/suite")
    assert page.chapter_button.text() == "Fin de la visite"
    reader.qtbot.mouseClick(page.chapter_button, Qt.MouseButton.LeftButton)
    assert reader.state.screen == screens.ENDING


def test_progress_shows_chapter_and_path(reader):
    start(reader)
    reader.qtbot.keyClick(reader.window, Key.Key_Right)
    band = reader.window.page.band
    assert band.progress_label.text() == "2 / 3"
    assert band.chapter_label.text() == "Chapitre 1 · Résilience"
    assert band.title.text() == "La mine"
    assert reader.window.page.path_label.text() == "Étape 2 / 7"
    assert reader.window.page.path_progress.step == 2


def test_mouse_swipe_turns_exactly_one_page(reader):
    start(reader)
    viewport = reader.window.page.text.viewport()
    reader.drag(viewport, -300)
    assert reader.where() == "resilience/mine"
    reader.drag(viewport, +300)
    assert reader.where() == "resilience/intro"
    reader.drag(viewport, -20)  # too short: not a swipe
    reader.drag(viewport, -60, 200)  # mostly vertical: a scroll, not a swipe
    assert reader.where() == "resilience/intro"


def test_fast_double_swipe_never_skips(qtbot, load_result):
    from tests.ui.conftest import make_reader

    reader = make_reader(qtbot, load_result, transition_ms=400)
    reader.state.start()
    viewport = reader.window.page.text.viewport()
    reader.drag(viewport, -300)
    assert reader.window.transition.running  # the second swipe lands mid-transition
    reader.drag(viewport, -300)
    assert reader.where() == "resilience/frise"  # two gestures, two pages, no more


def _touch_swipe(widget, fingers: int, dx: int) -> None:
    device = QTest.createTouchDevice()
    centre = widget.rect().center()
    starts = [centre + QPoint(0, 40 * i) for i in range(fingers)]
    seq = QTest.touchEvent(widget, device)
    for i, point in enumerate(starts):
        seq.press(i, point, widget)
    seq.commit()
    for step in (1, 2, 3, 4):
        seq = QTest.touchEvent(widget, device)
        for i, point in enumerate(starts):
            seq.move(i, point + QPoint(dx * step // 4, 0), widget)
        seq.commit()
    seq = QTest.touchEvent(widget, device)
    for i, point in enumerate(starts):
        seq.release(i, point + QPoint(dx, 0), widget)
    seq.commit()


@pytest.mark.parametrize("fingers", [1, 2, 3])
def test_touch_swipe_with_any_fingers_turns_one_page(reader, fingers):
    start(reader)
    _touch_swipe(reader.window.page.text.viewport(), fingers, -400)
    reader.qtbot.waitUntil(lambda: reader.where() != "resilience/intro", timeout=2000)
    assert reader.where() == "resilience/mine"
    _touch_swipe(reader.window.page.text.viewport(), fingers, +400)
    reader.qtbot.waitUntil(lambda: reader.where() == "resilience/intro", timeout=2000)


def test_a_key_during_a_transition_finishes_it_and_moves_on(qtbot, load_result):
    from tests.ui.conftest import make_reader

    reader = make_reader(qtbot, load_result, transition_ms=5000)
    reader.state.start()
    reader.qtbot.keyClick(reader.window, Key.Key_Right)
    assert reader.window.transition.running
    reader.qtbot.keyClick(reader.window, Key.Key_Right)
    assert reader.where() == "resilience/frise"
    reader.qtbot.keyClick(reader.window, Key.Key_Left)
    assert reader.where() == "resilience/mine"
    reader.window.transition.finish()
    assert not reader.window.transition.running


def test_transition_ends_by_itself(qtbot, load_result):
    from tests.ui.conftest import make_reader

    reader = make_reader(qtbot, load_result, transition_ms=30)
    reader.state.start()
    reader.qtbot.waitUntil(lambda: not reader.window.transition.running, timeout=2000)


def test_f11_toggles_full_screen(reader):
    window = reader.window
    assert not window.isFullScreen()
    reader.qtbot.keyClick(window, Key.Key_F11)
    reader.qtbot.waitUntil(window.isFullScreen, timeout=2000)
    reader.qtbot.keyClick(window, Key.Key_F11)
    reader.qtbot.waitUntil(lambda: not window.isFullScreen(), timeout=2000)


def test_links_navigate_inside_the_app(reader):
    start(reader)
    text = reader.window.page.text
    assert not text.openLinks() and not text.openExternalLinks()
    text.anchorClicked.emit(QUrl("#culture/base"))
    assert reader.where() == "culture/base"
    text.anchorClicked.emit(QUrl("#energie"))
    assert reader.where() == "energie/constat"
    with reader.qtbot.waitSignal(reader.state.entity_requested) as blocker:
        text.anchorClicked.emit(QUrl("#pilier-etoile"))
    assert blocker.args == ["pilier-etoile"]
    assert reader.where() == "energie/constat"
    with reader.qtbot.assertNotEmitted(reader.state.entity_requested):
        text.anchorClicked.emit(QUrl("https://example.org"))
    assert reader.where() == "energie/constat"


def test_clicking_a_link_in_the_text(reader):
    start(reader)  # the intro page's text holds four links
    text = reader.window.page.text
    document = text.document()
    cursor = document.find("le chapitre Énergie")
    assert not cursor.isNull()
    rect = text.cursorRect(cursor)
    point = rect.center() - QPoint(rect.width() // 2 + 20, 0)
    QTest.mouseClick(text.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point)
    reader.qtbot.waitUntil(lambda: reader.where() == "energie/constat", timeout=2000)


def test_registered_view_is_shown_on_its_page(reader, monkeypatch):
    from PySide6.QtWidgets import QLabel

    made = []

    def factory(story, state, parent):
        view = QLabel("frise", parent)
        view.setObjectName("fakeTimeline")
        made.append(view)
        return view

    monkeypatch.setitem(VIEW_FACTORIES, "timeline", factory)
    reader.state.go_to_ref("resilience/frise")
    page = reader.window.page
    assert made and page.view is made[0]
    assert page.view.isVisible()
    reader.qtbot.waitUntil(lambda: page.view.width() > 300 and page.view.height() > 280)  # under the whole instruction (issue 15)
    reader.state.next()
    assert page.view is None


def test_unregistered_view_leaves_the_page_usable(reader, monkeypatch):
    from loosstory.ui.views import registry as views

    monkeypatch.setattr(views, "VIEW_FACTORIES", {})
    reader.state.go_to_ref("resilience/frise")
    assert reader.window.page.view is None
    assert reader.window.page.band.title.text() == "La frise"


def test_sommaire_arrow_keys_reach_the_cards(reader):
    reader.state.show_sommaire()
    sommaire = reader.window.sommaire
    reader.qtbot.waitUntil(sommaire.hasFocus)
    reader.qtbot.keyClick(sommaire, Key.Key_Right)
    assert sommaire.cards[0].hasFocus()
    reader.qtbot.keyClick(sommaire.cards[0], Key.Key_Right)
    assert sommaire.cards[1].hasFocus()
    reader.qtbot.keyClick(sommaire.cards[1], Key.Key_Space)
    assert reader.where() == "culture/debut"


def test_cover_keys_start_the_visit(reader):
    reader.window.cover.setFocus()
    reader.qtbot.keyClick(reader.window.cover, Key.Key_Right)
    assert reader.where() == "resilience/intro"


def test_next_at_the_very_end_shows_the_closing_screen(reader):
    reader.state.go_to_ref("energie/suite")
    reader.qtbot.keyClick(reader.window, Key.Key_Right)
    assert reader.state.screen == screens.ENDING
