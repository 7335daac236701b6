"""Quizzes on screen (issue 18): every question type by tap and by keyboard, feedback,
score, « Recommencer », the entry points, and the figures a kiosk keeps."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from loosstory.story.loader import load_story
from tests.ui.conftest import make_reader

Key = Qt.Key
LEFT = Qt.MouseButton.LeftButton
PACK = Path(__file__).resolve().parents[1] / "packs" / "workshop"


@pytest.fixture
def quiz(qtbot):
    reader = make_reader(qtbot, load_story(PACK))
    reader.window.activateWindow()
    qtbot.waitUntil(reader.window.isActiveWindow)
    reader.state.start()
    reader.state.go_to_ref("code-source/sources")  # the chapter’s last page
    page = reader.window.page
    assert page.quiz_button.isVisible()
    qtbot.mouseClick(page.quiz_button, LEFT)
    assert reader.state.screen == "quiz"
    screen = reader.window.current_screen()
    assert screen.quiz.chapter_id == "code-source"
    return reader, screen


def press(qtbot, button, by_key: bool) -> None:
    if by_key:
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(button, Key.Key_Space)
    else:
        qtbot.mouseClick(button, LEFT)


def answer(reader, screen, by_key: bool, right: bool) -> None:
    """Answer the current question as a pupil would, rightly or not."""
    qtbot = reader.qtbot
    question = screen.current
    widget = screen.answers
    buttons = widget.buttons
    if question.type in ("single", "truefalse"):
        index = question.correct[0] if right else (question.correct[0] + 1) % len(buttons)
        press(qtbot, buttons[index], by_key)
    elif question.type == "multiple":
        for index in (question.correct if right else question.correct[:1]):
            press(qtbot, buttons[index], by_key)
    elif question.type == "order":
        wanted = list(range(len(question.answers)))
        if not right:
            wanted[0], wanted[1] = wanted[1], wanted[0]
        for index in wanted:
            press(qtbot, buttons[widget.order.index(index)], by_key)
    elif question.type == "match":
        for left in range(len(question.pairs)):
            partner = left if right else (left + 1) % len(question.pairs)
            press(qtbot, widget.left[left], by_key)
            press(qtbot, widget.right[widget.order.index(partner)], by_key)
    else:  # find: the real house; keyboard: Tab into it, arrows, Enter
        view = widget.view
        target = question.correct[0] if right else "pilier-implication"
        qtbot.waitUntil(lambda: view.isVisible() and view.canvas.width() > 200)
        if by_key:
            view.canvas.setFocus(Qt.FocusReason.TabFocusReason)
            qtbot.waitUntil(lambda: view.focus_item is not None)
            for _ in range(len(view.items)):
                if view.focus_item.element.id == target:
                    break
                qtbot.keyClick(view.canvas, Key.Key_Tab)
            qtbot.keyClick(view.canvas, Key.Key_Return)
        else:
            qtbot.mouseClick(view.canvas.viewport(), LEFT,
                             pos=view.element_centre(target).toPoint())
        qtbot.waitUntil(lambda: widget.found == target)
    assert screen.check_button.isEnabled()
    press(qtbot, screen.check_button, by_key)


@pytest.mark.parametrize("by_key", [False, True], ids=["tap", "keyboard"])
def test_every_type_gives_feedback_and_the_end_shows_the_score(quiz, by_key):
    reader, screen = quiz
    qtbot = reader.qtbot
    seen = []
    for number in range(6):
        question = screen.current
        seen.append(question.type)
        assert not screen.check_button.isEnabled()  # nothing chosen yet
        right = number % 2 == 0
        answer(reader, screen, by_key, right)
        text = screen.feedback.text()
        assert text.startswith("✓ Bonne réponse" if right else "✗ Pas tout à fait"), text
        assert question.feedback in text
        assert screen.page_button.isVisible()
        assert QApplication.focusWidget() is screen.next_button
        press(qtbot, screen.next_button, by_key)
    assert seen == ["single", "multiple", "truefalse", "order", "match", "find"]
    assert screen.question.text() == "Votre score\u00a0: 3 sur 6"
    assert screen.restart_button.isVisible()
    press(qtbot, screen.restart_button, by_key)
    assert screen.index == 0 and screen.score == 0 and screen.current.type == "single"


def test_the_feedback_leads_to_the_page_that_tells_it(quiz):
    reader, screen = quiz
    answer(reader, screen, False, right=False)
    reader.qtbot.mouseClick(screen.page_button, LEFT)
    assert reader.state.screen == "page" and reader.state.page.ref == "code-source/maison"


def test_the_sommaire_offers_the_chapters_with_a_quiz(qtbot):
    reader = make_reader(qtbot, load_story(PACK))
    reader.state.show_sommaire()
    sommaire = reader.window.current_screen()
    qtbot.mouseClick(sommaire.quiz_button, LEFT)
    screen = reader.window.current_screen()
    assert screen.quiz is None
    assert [b.objectName() for b in screen.choices] == ["quizChapter-code-source"]
    qtbot.mouseClick(screen.choices[0], LEFT)
    assert screen.quiz.chapter_id == "code-source" and screen.current.type == "single"
