"""« Tester mes connaissances »: a chapter's quiz, one question at a time (issue 18).

Opened from the chapter's last page (the quiz of that chapter) or from the sommaire (a
choice of the chapters that have one): :func:`loosstory.ui.state.quizrequest.open_quiz` then ``state.show_screen("quiz")``.
Each answer gets its feedback, a short explanation and a button to the page that tells it;
the end shows the score and « Recommencer ». A kiosk reset builds a fresh reader, so a
quiz never outlives a visitor.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from loosstory.story.quiz import Question, Quiz
from loosstory.ui.look.theme import Palette, TypeScale, body_font, title_font
from loosstory.ui.quiz.answers import Answers, answers_for
from loosstory.ui.screens.screen import Screen
from loosstory.ui.state import ReaderState
from loosstory.ui.state.quizrequest import QUIZ, register_screen, take_request


class QuizScreen(Screen):
    def __init__(self, state: ReaderState, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("quiz")
        self.setAccessibleName(self.tr("Quiz"))
        self._state = state
        self._palette = palette
        self._scale = TypeScale.for_size(1280, 800)
        self.quiz: Quiz | None = None
        self.index = 0
        self.score = 0
        self.answered = False
        self.answers: Answers | None = None
        self.results: list[bool] = []

        self.eyebrow = self._label("muted")
        self.title = self._label("quizTitle")
        self.progress = self._label("quizProgress")
        self.question = self._label("quizQuestion")
        self.tip = self._label("muted")
        self.feedback = self._label("quizFeedback")
        self.holder = QVBoxLayout()
        self.tip_button = self._button(self.tr("Un indice"), "quizTip", self._show_tip)
        self.check_button = self._button(self.tr("Valider"), "quizCheck", self.check)
        self.check_button.setProperty("primary", True)
        self.page_button = self._button(self.tr("Relire la page"), "quizPage", self._to_page)
        self.next_button = self._button(self.tr("Question suivante"), "quizNext", self.next)
        self.next_button.setProperty("primary", True)
        self.restart_button = self._button(self.tr("Recommencer"), "quizRestart", self.restart)
        self.restart_button.setProperty("primary", True)
        self.back_button = self._button(self.tr("Retour"), "quizBack", self.go_back)
        self.choices: list[QPushButton] = []
        self.choice_box = QVBoxLayout()

        body = QWidget()
        column = QVBoxLayout(body)
        for widget in (self.eyebrow, self.title, self.progress, self.question):
            column.addWidget(widget)
        column.addLayout(self.choice_box)
        column.addLayout(self.holder, 1)
        column.addWidget(self.tip)
        column.addWidget(self.feedback)
        column.addStretch(1)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(body)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        for button in (self.tip_button, self.page_button, self.check_button, self.next_button,
                       self.restart_button):
            row.addWidget(button)
        self._row = row
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(row)
        self._layout = layout
        state.screen_changed.connect(self._on_screen)
        register_screen(state, self)
        if state.screen == QUIZ:
            self._on_screen(QUIZ)

    def _label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _button(self, text: str, name: str, slot) -> QPushButton:
        button = QPushButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        button.clicked.connect(slot)
        return button

    # -- choosing and starting ----------------------------------------------------------
    def _on_screen(self, name: str) -> None:
        if name != QUIZ:
            return
        self.open_request(take_request(self._state))

    def open_request(self, chapter_id: str | None) -> None:
        story = self._state.story
        quizzes = story.quizzes if story is not None else {}
        if chapter_id is None and self.quiz is not None:
            return  # back to a quiz under way
        if chapter_id and chapter_id in quizzes:
            self.start(quizzes[chapter_id])
        else:
            self.show_chooser()

    def show_chooser(self) -> None:
        self.quiz = None
        self._clear_answers()
        story = self._state.story
        self.eyebrow.setText(story.title if story else "")
        self.title.setText(self.tr("Tester mes connaissances"))
        self.progress.setText("")
        self.question.setText(self.tr("Choisissez un chapitre :"))
        self.tip.hide()
        self.feedback.hide()
        for index, chapter in enumerate(story.chapters if story else []):
            quiz = story.quizzes.get(chapter.id)
            if quiz is None:
                continue
            text = self.tr("%1. %2 — %3 questions").replace("%1", str(index + 1)).replace(
                "%2", chapter.title).replace("%3", str(len(quiz.questions)))
            button = self._button(text, f"quizChapter-{chapter.id}",
                                  lambda _=False, q=quiz: self.start(q))
            self.choice_box.addWidget(button)
            self.choices.append(button)
        for button in (self.tip_button, self.check_button, self.page_button, self.next_button,
                       self.restart_button):
            button.hide()
        if self.choices:
            self.choices[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def start(self, quiz: Quiz) -> None:
        self.quiz = quiz
        self.index = 0
        self.score = 0
        self.results = []
        story = self._state.story
        chapter = story.chapter(quiz.chapter_id) if story else None
        self.eyebrow.setText(chapter.title if chapter else "")
        self.title.setText(quiz.title or self.tr("Tester mes connaissances"))
        self._state.report_opened("quiz", f"start:{quiz.chapter_id}")
        self._show_question()

    def restart(self) -> None:
        if self.quiz is not None:
            self.start(self.quiz)

    # -- one question -----------------------------------------------------------------
    @property
    def current(self) -> Question | None:
        if self.quiz is None or self.index >= len(self.quiz.questions):
            return None
        return self.quiz.questions[self.index]

    def _clear_answers(self) -> None:
        for button in self.choices:
            button.deleteLater()
        self.choices = []
        if self.answers is not None:
            self.answers.hide()
            self.answers.deleteLater()
            self.answers = None

    def _show_question(self) -> None:
        self._clear_answers()
        question = self.current
        if question is None:
            self._show_end()
            return
        self.answered = False
        total = len(self.quiz.questions)
        self.progress.setText(self.tr("Question %1 sur %2").replace("%1", str(self.index + 1))
                              .replace("%2", str(total)))
        self.question.setText(question.question)
        self.question.setAccessibleName(question.question)
        story = self._state.story
        self.answers = answers_for(question, story, self._state.reduced_motion)
        self.answers.changed.connect(self._update_buttons)
        self.holder.addWidget(self.answers)
        self.answers.show()
        self.tip.setText(question.tip)
        self.tip.hide()
        self.feedback.hide()
        self.tip_button.setVisible(bool(question.tip))
        self.page_button.hide()
        self.next_button.hide()
        self.restart_button.hide()
        self.check_button.show()
        self._update_buttons()
        self.apply_scale(self._scale)
        first = self.answers.buttons[0] if self.answers.buttons else self.answers
        first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_buttons(self) -> None:
        ready = self.answers is not None and self.answers.complete() and not self.answered
        self.check_button.setEnabled(ready)
        # filled only when it can be pressed: a filled « Valider » looks ready to press
        self.check_button.setProperty("primary", ready)
        self.check_button.style().unpolish(self.check_button)
        self.check_button.style().polish(self.check_button)

    def _show_tip(self) -> None:
        self.tip.setText(self.tr("Indice : %1").replace("%1", self.current.tip))
        self.tip.show()

    def check(self) -> None:
        question = self.current
        if question is None or self.answers is None or not self.answers.complete():
            return
        self.answered = True
        right = question.is_right(self.answers.value())
        self.results.append(right)
        self.score += int(right)
        self.answers.lock()
        if right:
            head = "✓ " + self.tr("Bonne réponse\u00a0!")
        else:
            head = "✗ " + self.tr("Pas tout à fait. La bonne réponse\u00a0: %1").replace(
                "%1", self._right_answer(question))
        text = head + ("\n" + question.feedback if question.feedback else "")
        self.feedback.setText(text)
        self.feedback.setProperty("right", right)
        self.feedback.setAccessibleName(text)
        self.feedback.show()
        self.check_button.hide()
        self.tip_button.hide()
        self.page_button.setVisible(bool(question.page))
        last = self.index + 1 >= len(self.quiz.questions)
        self.next_button.setText(self.tr("Voir mon score") if last else
                                 self.tr("Question suivante"))
        self.next_button.setAccessibleName(self.next_button.text())
        self.next_button.show()
        self.next_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _right_answer(self, question: Question) -> str:
        if question.type == "find":
            from loosstory.ui.views.links import build_titles

            return build_titles(self._state.story)(question.correct[0]) or question.correct[0]
        return question.right_answer()

    def next(self) -> None:
        if not self.answered:
            return
        self.index += 1
        self._show_question()

    def _show_end(self) -> None:
        total = len(self.quiz.questions)
        self.progress.setText(self.tr("Quiz terminé"))
        self.question.setText(self.tr("Votre score\u00a0: %1 sur %2").replace(
            "%1", str(self.score)).replace("%2", str(total)))
        self.question.setAccessibleName(self.question.text())
        self.feedback.hide()
        self.tip.hide()
        for button in (self.tip_button, self.check_button, self.page_button, self.next_button):
            button.hide()
        self.restart_button.show()
        self.restart_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self._state.report_opened("quiz", f"score:{self.quiz.chapter_id}:{self.score}/{total}")

    def _to_page(self) -> None:
        question = self.current
        if question is not None and question.page:
            self._state.go_to_ref(question.page)

    def go_back(self) -> None:
        chapter = self._state.chapter
        if self.quiz is not None and chapter is not None and chapter.id == self.quiz.chapter_id:
            self._state.go_to_ref(f"{chapter.id}/{chapter.pages[-1].id}")
        else:
            self._state.show_sommaire()

    def handle_key(self, event) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.go_back()
            return True
        return False

    def apply_scale(self, scale: TypeScale) -> None:
        self._scale = scale
        m = scale.margin
        self._layout.setContentsMargins(m, round(m * 0.8), m, round(scale.gap * 1.2))
        self._row.setSpacing(scale.gap)
        self.eyebrow.setFont(body_font(scale.label, bold=True))
        self.title.setFont(title_font(scale.page_title, 640))
        self.progress.setFont(body_font(scale.label))
        self.question.setFont(title_font(scale.body * 1.25))
        for label in (self.tip, self.feedback):
            label.setFont(body_font(scale.body))
        if self.answers is not None:  # choices in a readable column; the house or frise big
            find = self.answers.question.type == "find"
            self.answers.setMaximumWidth(16777215 if find else round(scale.body * 40))
            self.answers.setMinimumHeight(round(scale.height * 0.5) if find else 0)
        font = body_font(scale.body)
        for button in self.findChildren(QPushButton):
            button.setFont(font)
            button.setMinimumHeight(max(48, scale.touch))
