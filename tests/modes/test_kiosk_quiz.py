"""A quiz in the kiosk (issue 18): the idle reset clears it; the figures count quiz starts,
completions and scores, anonymously like every kiosk event."""

from __future__ import annotations

from PySide6.QtCore import Qt

from loosstory.stats.store import read_events
from loosstory.story.loader import load_story
from loosstory.ui.quiz.screen import QuizScreen
from loosstory.ui.state.quizrequest import open_quiz
from tests.modes.conftest import make_kiosk
from tests.modes.test_kiosk import visit
from tests.ui.test_quiz_ui import PACK, answer


class _Reader:  # what tests.ui.test_quiz_ui.answer needs
    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot


def test_the_idle_reset_clears_a_quiz_and_the_figures_count_it(qtbot, tmp_path):
    kiosk = make_kiosk(qtbot, load_story(PACK), tmp_path / "data")
    try:
        visit(kiosk, qtbot)
        open_quiz(kiosk.state, "code-source")
        assert kiosk.state.screen == "quiz"
        screen = kiosk.reader.findChild(QuizScreen)
        for _ in range(len(screen.quiz.questions)):
            answer(_Reader(qtbot), screen, False, right=screen.current.type != "order")
            qtbot.mouseClick(screen.next_button, Qt.MouseButton.LeftButton)
        assert screen.question.text() == "Votre score\u00a0: 5 sur 6"
        open_quiz(kiosk.state, "code-source")  # started again, left half-way
        answer(_Reader(qtbot), screen, False, right=True)
        kiosk.reset("idle")
        assert kiosk.state.screen != "quiz"
        assert kiosk.reader.findChild(QuizScreen) is None  # a fresh reader: no quiz kept
        events = [e for e in read_events(kiosk.settings.stats_file)
                  if e.kind.startswith("quiz")]
        assert [(e.kind, e.ref) for e in events] == [
            ("quiz_start", "code-source"), ("quiz_end", "code-source"),
            ("quiz_start", "code-source")]
        assert abs(events[1].value - 5 / 6) < 1e-9
    finally:
        kiosk.stop()
        kiosk.window.allow_close()
        kiosk.window.close()
