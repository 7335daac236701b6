"""Screens as a visitor sees them: problems, accessibility, layout at several sizes."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTextBrowser, QWidget

from loosstory.story.model import LoadResult, Problem
from loosstory.ui.state import state as screens
from loosstory.ui.views.registry import VIEW_FACTORIES, create_view
from tests.ui.conftest import make_reader

PROBLEMS = [
    Problem("fr/05-energie.md", 12, 3, "error", "image introuvable : images/toit.svg"),
    Problem("story.yaml", 4, 1, "error", "clé obligatoire manquante : « path »"),
    Problem("fr/02-culture.md", 30, 1, "warning", "légende manquante pour l'image « base »"),
]


def test_problems_screen_lists_errors_in_plain_french(qtbot, story):
    reader = make_reader(qtbot, LoadResult(story=story, problems=PROBLEMS))
    assert reader.state.screen == screens.PROBLEMS
    problems = reader.window.problems
    assert reader.window.current_screen() is problems
    assert problems.heading.text() == "Le contenu contient 2 erreurs"
    assert len(problems.items) == 3
    first = problems.items[0]
    assert "fr/05-energie.md, ligne 12" in first.where.text()
    assert first.message.text() == "image introuvable : images/toit.svg"
    assert problems.items[-1].problem.severity == "warning"  # errors first
    text = " ".join(label.text() for label in problems.findChildren(QLabel))
    assert "Traceback" not in text
    # keys do nothing harmful here
    reader.qtbot.keyClick(reader.window, Qt.Key.Key_Right)
    reader.qtbot.keyClick(reader.window, Qt.Key.Key_Escape)
    assert reader.state.screen == screens.PROBLEMS


def test_problems_screen_without_a_story(qtbot):
    result = LoadResult(story=None, problems=[PROBLEMS[1]])
    reader = make_reader(qtbot, result)
    assert reader.window.problems.heading.text() == "Le contenu contient 1 erreur"
    assert reader.window.cover is None
    reader.state.start()
    reader.state.next()
    assert reader.state.screen == screens.PROBLEMS


def test_many_problems_scroll(qtbot, story):
    many = [Problem("fr/01.md", i, 1, "error", f"erreur numéro {i}") for i in range(1, 80)]
    reader = make_reader(qtbot, LoadResult(story=story, problems=many), size=(1024, 600))
    scroll = reader.window.problems.scroll
    reader.qtbot.waitUntil(lambda: scroll.verticalScrollBar().maximum() > 0)
    assert reader.window.problems.heading.text() == "Le contenu contient 79 erreurs"


def _focusable(window: QWidget) -> list[QWidget]:
    return [w for w in window.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(window)]


@pytest.mark.parametrize("where", ["cover", "sommaire", "culture/debut", "resilience/frise",
                                   "ending", "about"])
def test_every_focusable_control_has_a_french_name(reader, where):
    if where == "cover":
        reader.state.show_cover()
    elif where == "sommaire":
        reader.state.show_sommaire()
    elif where == "ending":
        reader.state.show_ending()
    elif where == "about":
        reader.state.show_about()
    else:
        reader.state.go_to_ref(where)
    screen = reader.window.current_screen()
    controls = _focusable(screen)
    assert len(controls) >= 2
    for control in controls:
        assert control.accessibleName().strip(), control
    for button in screen.findChildren(QAbstractButton):
        if button.isVisibleTo(screen):
            assert button.accessibleName().strip()
            assert min(button.sizeHint().height(), button.minimumHeight() or 99) >= 44 or \
                button.height() >= 44


def test_images_carry_alt_text(reader):
    reader.state.go_to_ref("culture/debut")
    for figure in reader.window.page.figures:
        assert figure.image.accessibleDescription() == figure.figure.alt
        assert figure.image.accessibleName()
    cover = reader.window.cover.hero
    assert cover.accessibleDescription() == reader.state.story.cover.alt


def test_focus_ring_is_thick_and_in_the_accent(reader):
    sheet = reader.window.styleSheet()
    accent = reader.window.palette_.accent.name()
    assert "QPushButton:focus { border: " in sheet and accent in sheet
    reader.state.show_sommaire()
    card = reader.window.sommaire.cards[0]
    card.setFocus()
    reader.qtbot.waitUntil(card.hasFocus)
    picture = card.grab().toImage()
    edge = picture.pixelColor(card.width() // 2, 1).name()
    assert edge == accent


def _inside(child: QWidget, window: QWidget) -> bool:
    top_left = child.mapTo(window, child.rect().topLeft())
    rect = QRect(top_left, child.size())
    return window.rect().contains(rect)


@pytest.mark.parametrize("size", [(1024, 600), (1280, 800), (1920, 1080), (3840, 2160)])
def test_page_layout_never_overflows(qtbot, load_result, size):
    reader = make_reader(qtbot, load_result, size=size)
    reader.state.go_to_ref("culture/debut")
    window, page = reader.window, reader.window.page
    reader.qtbot.waitUntil(lambda: page.figures and page.figures[0].width() > 50)
    QApplication.processEvents()
    for widget in (page.band.title, page.band.chapter_label, page.band.progress_label,
                   page.next_button, page.previous_button, page.sommaire_button, page.text):
        assert widget.isVisible() and _inside(widget, window), widget.objectName()
    body = page.text.font().pixelSize()
    assert body >= 18
    assert page.band.title.font().pixelSize() > 1.5 * body
    text, figure = page.text.geometry(), page.media.geometry()
    if page.wide:  # side by side
        assert figure.left() >= text.right()
    else:  # figure above the text
        assert figure.bottom() <= text.top()
    assert not text.intersects(figure)


def test_long_text_scrolls_inside_the_text_area(qtbot, load_result):
    story = load_result.story
    story.chapters[0].pages[0].html = "<p>" + "Un texte très long. " * 600 + "</p>"
    reader = make_reader(qtbot, load_result, size=(1024, 600))
    reader.state.start()
    bar = reader.window.page.text.verticalScrollBar()
    reader.qtbot.waitUntil(lambda: bar.maximum() > 0)
    assert reader.window.page.next_button.isVisible()


def test_sommaire_grid_reflows(qtbot, load_result):
    reader = make_reader(qtbot, load_result, size=(1920, 1080))
    reader.state.show_sommaire()
    sommaire = reader.window.sommaire
    reader.qtbot.waitUntil(lambda: sommaire.columns == 3)
    for _ in range(2):  # the minimum size follows the type scale: shrink, then shrink again
        reader.window.resize(620, 900)
        QApplication.processEvents()
    reader.qtbot.waitUntil(lambda: sommaire.columns <= 2)
    card = sommaire.cards[0]
    assert card.accessibleName() == "Chapitre 1 : Résilience"
    assert card.accessibleDescription() == "Comment une ville se relève-t-elle ?"


def test_chapter_band_ink_contrasts(reader):
    from loosstory.ui.look.theme import contrast_ratio

    for ref in ("resilience/intro", "culture/debut", "energie/constat"):
        reader.state.go_to_ref(ref)
        band = reader.window.page.band
        assert contrast_ratio(band.ink, band.colour) >= 4.5


def test_view_registry_is_empty_by_default_and_tolerates_failures(reader):
    assert "unknown" not in VIEW_FACTORIES
    assert create_view("unknown", reader.state.story, reader.state, reader.window) is None

    def broken(story, state, parent):
        raise RuntimeError("boum")

    VIEW_FACTORIES["broken"] = broken
    try:
        assert create_view("broken", reader.state.story, reader.state, reader.window) is None
    finally:
        del VIEW_FACTORIES["broken"]


def test_a_view_that_owns_gestures_keeps_its_drags_and_keys(reader, monkeypatch):
    from loosstory.ui.reader.gestures import OWNS_GESTURES

    def factory(story, state, parent):
        view = QTextBrowser(parent)
        view.setAccessibleName("Frise")
        view.setProperty(OWNS_GESTURES, True)
        return view

    monkeypatch.setitem(VIEW_FACTORIES, "timeline", factory)
    reader.state.go_to_ref("resilience/frise")
    view = reader.window.page.view
    reader.qtbot.waitUntil(lambda: view.isVisible() and view.width() > 100)
    reader.drag(view.viewport(), -300)
    view.setFocus()
    reader.qtbot.waitUntil(view.hasFocus)
    reader.qtbot.keyClick(view, Qt.Key.Key_Right)
    assert reader.where() == "resilience/frise"
    reader.qtbot.keyClick(view, Qt.Key.Key_PageDown)  # clicker keys still turn pages
    assert reader.where() == "culture/debut"


def test_excepthook_returns_to_the_cover(reader, caplog):
    from loosstory.app import make_excepthook

    reader.state.go_to_ref("culture/debut")
    hook = make_excepthook(reader.state)
    try:
        raise ValueError("panne")
    except ValueError:
        hook(*sys.exc_info())
    assert reader.state.screen == screens.COVER
    assert "panne" in caplog.text
