"""The screen shown instead of the story when the content pack has errors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from loosstory.story.model import Problem
from loosstory.ui.look.theme import Palette, TypeScale, body_font, readable_on, title_font
from loosstory.ui.screens.screen import Screen
from loosstory.ui.state.state import ReaderState

ERROR_RED = "#b3261e"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ProblemItem(QFrame):
    """One problem: where (file, line) and what, in plain French."""

    def __init__(self, problem: Problem, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problem = problem
        self.setObjectName("problem")
        error = problem.is_error
        mark = readable_on(ERROR_RED if error else "#8a5a00", palette.surface)
        where = problem.path or self.tr("(contenu)")
        if problem.line:
            where = self.tr("%1, ligne %2").replace("%1", where).replace("%2", str(problem.line))
        kind = self.tr("Erreur") if error else self.tr("Avertissement")
        self.where = QLabel(f"<b style='color:{mark.name()}'>{_escape(kind)}</b> — "
                            f"<span>{_escape(where)}</span>", self)
        self.where.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(problem.message, self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.setAccessibleName(f"{kind} : {where} : {problem.message}")
        self.setStyleSheet(
            f"QFrame#problem {{ background: {palette.surface.name()};"
            f" border-left: 6px solid {mark.name()}; border-radius: 6px; }}"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.message)
        self._layout = layout

    def apply_scale(self, scale: TypeScale) -> None:
        self._layout.setContentsMargins(scale.gap * 2, scale.gap, scale.gap, scale.gap)
        self.where.setFont(body_font(scale.caption))
        self.message.setFont(body_font(scale.body))


class ProblemsScreen(Screen):
    def __init__(self, state: ReaderState, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsScreen")
        errors = state.errors
        count = len(errors)
        if count == 1:
            heading = self.tr("Le contenu contient 1 erreur")
        elif count:
            heading = self.tr("Le contenu contient %1 erreurs").replace("%1", str(count))
        else:
            heading = self.tr("Le contenu ne peut pas être affiché")
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("problemsTitle")
        self.heading.setWordWrap(True)
        self.intro = QLabel(self.tr(
            "L’histoire ne peut pas être présentée tant que ces erreurs ne sont pas corrigées. "
            "Chaque erreur indique le fichier et la ligne à modifier dans le dossier du contenu."
        ), self)
        self.intro.setWordWrap(True)
        self.intro.setObjectName("muted")
        ordered = sorted(state.problems, key=lambda p: (not p.is_error, p.path, p.line))
        host = QWidget()
        host_layout = QVBoxLayout(host)
        host_layout.setContentsMargins(0, 0, 16, 0)
        self.items = [ProblemItem(problem, palette, host) for problem in ordered]
        for item in self.items:
            host_layout.addWidget(item)
        host_layout.addStretch(1)
        self._host_layout = host_layout
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(host)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setAccessibleName(self.tr("Liste des erreurs du contenu"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.scroll, 1)
        self._layout = layout

    def apply_scale(self, scale: TypeScale) -> None:
        m = scale.margin * 2
        self._layout.setContentsMargins(m, scale.margin, m, 0)
        self._layout.setSpacing(scale.gap)
        self._host_layout.setSpacing(scale.gap)
        self.heading.setFont(title_font(scale.page_title, 640))
        self.intro.setFont(body_font(scale.body))
        for item in self.items:
            item.apply_scale(scale)
