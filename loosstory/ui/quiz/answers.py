"""The answer widgets of a quiz question, one per type (issue 18).

Every choice is a button: a tap, a click, or Tab then Space/Enter chooses it. Each widget
says ``value()`` (what :meth:`Question.is_right` scores), ``complete()`` (enough chosen to
validate) and emits ``changed`` on every choice; ``lock()`` freezes it after validation.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loosstory.story.model import Story
from loosstory.story.quiz import Question


def _choice(text: str, name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setText(text)
    button.setObjectName(name)
    button.setAccessibleName(text)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    button.setMinimumHeight(48)
    return button


def _mark(button: QPushButton, chosen: bool) -> None:
    """A chosen answer is drawn filled (the « primary » look) and says so to screen readers."""
    button.setProperty("primary", chosen)
    chosen_text = QCoreApplication.translate("QuizAnswers", "choisi")
    button.setAccessibleDescription(chosen_text if chosen else "")
    button.style().unpolish(button)
    button.style().polish(button)


class Answers(QWidget):
    changed = Signal()

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.buttons: list[QPushButton] = []

    def value(self) -> object:
        raise NotImplementedError

    def complete(self) -> bool:
        return True

    def lock(self) -> None:
        for button in self.buttons:
            button.setEnabled(False)


class ChoiceAnswers(Answers):
    """single, truefalse (one answer) and multiple (several): buttons that stay chosen."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.chosen: set[int] = set()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for index, text in enumerate(question.answers):
            button = _choice(text, f"answer{index}", self)
            button.clicked.connect(lambda _=False, i=index: self.choose(i))
            layout.addWidget(button)
            self.buttons.append(button)

    def choose(self, index: int) -> None:
        if self.question.type == "multiple":
            self.chosen ^= {index}
        else:
            self.chosen = {index}
        for i, button in enumerate(self.buttons):
            _mark(button, i in self.chosen)
        self.changed.emit()

    def value(self) -> object:
        if self.question.type == "multiple":
            return set(self.chosen)
        return next(iter(self.chosen), None)

    def complete(self) -> bool:
        return bool(self.chosen)


class OrderAnswers(Answers):
    """Tap the events in order: each gets its number; « Effacer » starts again."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.order = question.shuffled()  # shown position -> answer index
        self.tapped: list[int] = []  # answer indexes in the order tapped
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for shown, index in enumerate(self.order):
            button = _choice(question.answers[index], f"answer{shown}", self)
            button.clicked.connect(lambda _=False, i=index: self.tap(i))
            layout.addWidget(button)
            self.buttons.append(button)
        self.clear_button = _choice(self.tr("Effacer l’ordre"), "clearOrder", self)
        self.clear_button.clicked.connect(self.clear)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)

    def tap(self, index: int) -> None:
        if index in self.tapped:
            return
        self.tapped.append(index)
        self._show()

    def clear(self) -> None:
        self.tapped = []
        self._show()

    def _show(self) -> None:
        for shown, index in enumerate(self.order):
            button = self.buttons[shown]
            text = self.question.answers[index]
            if index in self.tapped:
                text = f"{self.tapped.index(index) + 1}. {text}"
            button.setText(text)
            button.setAccessibleName(text)
            _mark(button, index in self.tapped)
        self.changed.emit()

    def value(self) -> object:
        return list(self.tapped)

    def complete(self) -> bool:
        return len(self.tapped) == len(self.question.answers)

    def lock(self) -> None:
        super().lock()
        self.clear_button.setEnabled(False)


class MatchAnswers(Answers):
    """Tap an item on the left, then its partner on the right."""

    def __init__(self, question: Question, parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        self.order = question.shuffled()  # shown row -> right index
        self.pairs: dict[int, int] = {}  # left index -> right index
        self.current: int | None = None
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.left: list[QPushButton] = []
        self.right: list[QPushButton] = []
        for index, (left, _right) in enumerate(question.pairs):
            button = _choice(left, f"left{index}", self)
            button.clicked.connect(lambda _=False, i=index: self.pick_left(i))
            grid.addWidget(button, index, 0)
            self.left.append(button)
        for row, index in enumerate(self.order):
            button = _choice(question.pairs[index][1], f"right{row}", self)
            button.clicked.connect(lambda _=False, i=index: self.pick_right(i))
            grid.addWidget(button, row, 1)
            self.right.append(button)
        self.buttons = self.left + self.right

    def pick_left(self, index: int) -> None:
        self.current = index
        self._show()

    def pick_right(self, index: int) -> None:
        if self.current is None:
            return
        for left, right in list(self.pairs.items()):
            if right == index:
                del self.pairs[left]
        self.pairs[self.current] = index
        self.current = None
        self._show()

    def _show(self) -> None:
        for index, button in enumerate(self.left):
            left = self.question.pairs[index][0]
            partner = self.pairs.get(index)
            text = left if partner is None else f"{left} → {self.question.pairs[partner][1]}"
            button.setText(text)
            button.setAccessibleName(text)
            _mark(button, index == self.current or partner is not None)
        used = set(self.pairs.values())
        for row, index in enumerate(self.order):
            _mark(self.right[row], index in used)
        self.changed.emit()

    def value(self) -> object:
        return dict(self.pairs)

    def complete(self) -> bool:
        return len(self.pairs) == len(self.question.pairs)


class FindAnswers(Answers):
    """The real house or timeline: tap (or Tab and Enter) the element asked for."""

    def __init__(self, question: Question, story: Story, reduced_motion: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(question, parent)
        from loosstory.ui.views.links import build_titles

        self.found = ""
        self._titles = build_titles(story)
        if question.view == "schematic":
            from loosstory.ui.views.schematic.view import SchematicView

            self.view = SchematicView(story.schematic, story.look, self,
                                      reduced_motion=reduced_motion, titles=self._titles)
        else:
            from loosstory.ui.views.timeline.view import TimelineView

            self.view = TimelineView(story.timeline, story.look, self,
                                     reduced_motion=reduced_motion, titles=self._titles,
                                     sources=story.sources)
        self.view.setObjectName("quizFindView")
        self.view.opened.connect(self.pick)
        self.choice = QLabel(self)
        self.choice.setObjectName("muted")
        self.choice.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.choice)
        self.setMinimumHeight(360)

    def pick(self, entity_id: str) -> None:
        if not self.isEnabled():
            return
        self.found = entity_id
        self.choice.setText(self.tr("Votre choix : %1").replace("%1", self._titles(entity_id)
                                                                 or entity_id))
        self.changed.emit()

    def value(self) -> object:
        return self.found

    def complete(self) -> bool:
        return bool(self.found)

    def lock(self) -> None:
        self.setEnabled(False)


def answers_for(question: Question, story: Story, reduced_motion: bool,
                parent: QWidget | None = None) -> Answers:
    if question.type == "order":
        return OrderAnswers(question, parent)
    if question.type == "match":
        return MatchAnswers(question, parent)
    if question.type == "find":
        return FindAnswers(question, story, reduced_motion, parent)
    return ChoiceAnswers(question, parent)
