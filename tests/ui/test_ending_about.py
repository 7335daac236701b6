"""The closing screen and « À propos », driven by keyboard and mouse as a visitor would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from loosstory.story.about import About, Credit
from loosstory.story.model import LoadResult
from loosstory.ui.look.theme import contrast_ratio
from loosstory.ui.state import state as screens
from tests.conftest import build_story
from tests.ui.conftest import make_reader

Key = Qt.Key


def read_to_the_end(reader) -> None:
    reader.state.start()
    reader.state.go_to_ref("energie/suite")
    reader.qtbot.keyClick(reader.window, Key.Key_Right)
    assert reader.state.screen == screens.ENDING


def test_the_last_page_leads_to_the_closing_screen_which_lists_what_was_seen(reader):
    reader.state.start()
    reader.state.go_to_ref("energie/suite")
    page = reader.window.page
    assert page.chapter_button.text() == "Fin de la visite"
    reader.qtbot.mouseClick(page.chapter_button, Qt.MouseButton.LeftButton)
    ending = reader.window.current_screen()
    assert reader.state.screen == screens.ENDING and ending is reader.window.screens["ending"]
    assert ending.title.text() == "Merci de votre visite"
    text = ending.text.toPlainText().replace("\u00a0", " ")
    # seen: the first and the last chapter; "Culture & Patrimoine" was skipped
    assert "Vous avez parcouru 2 chapitre(s) sur 3" in text
    lines = {line.split(" — ")[0]: line for line in text.splitlines() if " — " in line}
    assert lines["1. Résilience"].endswith("✓ vu")
    assert lines["2. Culture & Patrimoine"].endswith("à découvrir")
    assert lines["3. Énergie"].endswith("✓ vu")


def test_closing_screen_keyboard_tab_enter_space_and_escape(reader):
    read_to_the_end(reader)
    ending = reader.window.current_screen()
    # Enter before choosing anything: the main action, « Recommencer »
    reader.qtbot.keyClick(QApplication.focusWidget(), Key.Key_Return)
    assert reader.state.screen == screens.PAGE and reader.where() == "resilience/intro"
    read_to_the_end(reader)
    # Tab walks the text, then the buttons in order; Space presses the focused one
    order = []
    for _ in range(4):
        reader.qtbot.keyClick(QApplication.focusWidget(), Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert [w.objectName() for w in order if isinstance(w, QAbstractButton)][:3] == [
        "restartButton", "endingSommaireButton", "endingAboutButton"]
    ending.about_button.setFocus(Qt.FocusReason.TabFocusReason)
    reader.qtbot.keyClick(ending.about_button, Key.Key_Space)
    assert reader.state.screen == screens.ABOUT
    about = reader.window.current_screen()
    reader.qtbot.keyClick(QApplication.focusWidget(), Key.Key_Escape)
    assert reader.state.screen == screens.ENDING  # « À propos » goes back where it came from
    ending.sommaire_button.setFocus(Qt.FocusReason.TabFocusReason)
    reader.qtbot.keyClick(ending.sommaire_button, Key.Key_Enter)
    assert reader.state.screen == screens.SOMMAIRE
    read_to_the_end(reader)
    reader.qtbot.keyClick(QApplication.focusWidget(), Key.Key_Escape)
    assert reader.state.screen == screens.SOMMAIRE
    assert about.back_button.accessibleName() == "Retour à l’écran précédent"


def test_closing_screen_buttons_by_mouse(reader):
    read_to_the_end(reader)
    ending = reader.window.current_screen()
    reader.qtbot.mouseClick(ending.about_button, Qt.MouseButton.LeftButton)
    assert reader.state.screen == screens.ABOUT
    reader.qtbot.mouseClick(reader.window.current_screen().back_button, Qt.MouseButton.LeftButton)
    assert reader.state.screen == screens.ENDING
    reader.qtbot.mouseClick(ending.sommaire_button, Qt.MouseButton.LeftButton)
    assert reader.state.screen == screens.SOMMAIRE
    read_to_the_end(reader)
    reader.qtbot.mouseClick(ending.restart_button, Qt.MouseButton.LeftButton)
    assert reader.where() == "resilience/intro" and reader.state.screen == screens.PAGE


def test_about_from_the_sommaire_shows_the_packs_credits_not_the_engines(qtbot, tmp_path):
    story = build_story(tmp_path / "pack")
    story.title, story.subtitle = "Ville d’essai", "Une exposition de test"
    story.about = About(credits=(Credit("Textes", "Mairie d’essai"),),
                        image_licences={"Illustration de test": "licence d’essai"},
                        version="2026-12")
    reader = make_reader(qtbot, LoadResult(story=story, problems=[]))
    reader.state.show_sommaire()
    sommaire = reader.window.sommaire
    reader.qtbot.mouseClick(sommaire.about_button, Qt.MouseButton.LeftButton)
    about = reader.window.current_screen()
    assert reader.state.screen == screens.ABOUT and about.title.text() == "À propos"
    text = about.text.toPlainText().replace("\u00a0", " ")
    for expected in ("Ville d’essai — Une exposition de test", "Textes : Mairie d’essai",
                     "Illustration de test : 8 image(s) — licence d’essai",
                     "Fraunces (The Fraunces Project Authors), titres — SIL Open Font License 1.1",
                     "Atkinson Hyperlegible", "Application loosstory", "édition 2026-12"):
        assert expected in text, expected
    assert "Loos" not in text  # nothing about the town is written in the engine
    # Space on « Retour » goes back to the sommaire
    about.back_button.setFocus(Qt.FocusReason.TabFocusReason)
    reader.qtbot.keyClick(about.back_button, Key.Key_Space)
    assert reader.state.screen == screens.SOMMAIRE


def test_closing_and_about_screens_are_readable_and_big_enough(reader):
    palette = reader.window.palette_
    for show in (reader.state.show_ending, reader.state.show_about):
        show()
        screen = reader.window.current_screen()
        for button in screen.buttons:
            assert button.height() >= 44 and button.width() >= 44
            assert button.accessibleName()
        assert contrast_ratio(palette.ink, palette.background) >= 4.5
        assert contrast_ratio(palette.muted, palette.background) >= 4.5
        assert screen.accessibleName() and screen.text.accessibleName()


def test_about_taller_than_the_screen_says_so_and_pagedown_shows_the_rest(qtbot, tmp_path):
    story = build_story(tmp_path / "pack")
    story.about = About(credits=tuple(Credit(f"Rôle {n}", f"Personne {n}") for n in range(30)))
    reader = make_reader(qtbot, LoadResult(story=story, problems=[]), size=(1024, 600))
    reader.state.show_about()
    about = reader.window.current_screen()
    bar = about.text.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0 and about.text.more.isVisible())
    # the cue is set in the screen's type, as on a page (it was left at a few pixels)
    assert about.text.more.font().pixelSize() >= 12
    about.back_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(about.back_button, Key.Key_PageDown)
    assert bar.value() > 0 and reader.state.screen == screens.ABOUT
    qtbot.keyClick(about.back_button, Key.Key_PageUp)
    assert bar.value() == 0
