"""The closing screen, after the story's last page: what the visitor has seen, and where to
go next (« Recommencer », « Sommaire », « À propos »).

:class:`InfoScreen` is the frame it shares with the « À propos » screen: a title, a text
that scrolls, and a row of big buttons; Tab moves between them, Enter and Space press the
focused button, Escape does the screen's way back.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from loosstory.ui.look.theme import Palette, TypeScale, body_font, title_font
from loosstory.ui.page.parts import PageText
from loosstory.ui.screens.screen import Screen
from loosstory.ui.state import ReaderState


class InfoScreen(Screen):
    """Title, scrolling rich text and buttons, centred; subclasses fill them."""

    column_em = 38  # the column's width, in body sizes

    def __init__(self, state: ReaderState, palette: Palette, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._state = state
        self._palette = palette
        self._scale = TypeScale.for_size(1280, 800)
        self.eyebrow = QLabel(self)
        self.eyebrow.setObjectName("muted")
        self.title = QLabel(self)
        self.title.setObjectName(f"{name}Title")
        self.title.setWordWrap(True)
        for label in (self.eyebrow, self.title):  # the story's title: never rich text
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.text = PageText(palette.background, self)  # with its fade while more waits below
        self.text.setObjectName(f"{name}Text")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setTabChangesFocus(True)  # Tab goes on to the buttons
        self.text.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons: list[QPushButton] = []
        self._row = QHBoxLayout()
        self._row.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(self.eyebrow)
        column.addWidget(self.title)
        column.addWidget(self.text, 100)  # all the height it needs; the stretches the rest
        column.addLayout(self._row)
        column.addStretch(1)
        self._column = column
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(column, 0)
        outer.addStretch(1)
        self._outer = outer

    def add_button(self, text: str, name: str, accessible: str, slot: Callable[[], object],
                   *, primary: bool = False) -> QPushButton:
        button = QPushButton(self)
        button.setText(text)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        if primary:
            button.setProperty("primary", True)
        button.clicked.connect(slot)
        self._row.insertWidget(self._row.count() - 1, button)
        self.buttons.append(button)
        return button

    def set_html(self, body: str) -> None:
        self.text.setHtml(body)
        self.text.setAccessibleDescription(self.text.toPlainText())
        self._fit()

    def document_css(self) -> str:
        p, s = self._palette, self._scale
        return (
            f"body {{ color: {p.ink.name()}; }}"
            f"p, li {{ line-height: 145%; }}"
            f"p {{ margin-top: 0; margin-bottom: {round(s.body * 0.6)}px; }}"
            f"p.h {{ font-size: {round(s.body * 1.15)}px; font-weight: bold;"
            f" margin-top: {round(s.body * 0.9)}px; margin-bottom: {round(s.body * 0.3)}px; }}"
            f".muted {{ color: {p.muted.name()}; }}"
            f".seen {{ color: {p.accent_text.name()}; font-weight: bold; }}"
        )

    def apply_scale(self, scale: TypeScale) -> None:
        self._scale = scale
        m = scale.margin
        self._outer.setContentsMargins(m, round(m * 0.8), m, round(scale.gap * 1.2))
        self._column.setSpacing(round(scale.gap * 0.7))
        self._row.setSpacing(scale.gap)
        self.eyebrow.setFont(body_font(scale.label, bold=True))
        self.title.setFont(title_font(scale.page_title, 640))
        font = body_font(scale.body)
        self.text.setFont(font)
        self.text.document().setDefaultFont(font)
        self.text.document().setDefaultStyleSheet(self.document_css())
        self.text.scale_cue(scale)
        self.refresh()
        self._fit()

    def refresh(self) -> None:
        """Fill the texts (again): subclasses."""

    def _fit(self) -> None:
        """The column's width; the text as tall as it is (the block is then centred), or
        scrolling when the screen is too short for it."""
        width = max(200, min(round(self._scale.body * self.column_em),
                             self.width() - 2 * self._scale.margin))
        for widget in (self.eyebrow, self.title, self.text):
            widget.setFixedWidth(width)
        measure = self.text.document().clone(self)  # the shown document keeps its own width
        measure.setTextWidth(width - 2)
        self.text.setMaximumHeight(round(measure.size().height()) + 2 * self.text.frameWidth()
                                   + 4)
        measure.deleteLater()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self.refresh()

    def go_back(self) -> None:
        """Escape: subclasses."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        focus = self.focusWidget()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            target = focus if isinstance(focus, QPushButton) and focus.isVisible() else None
            if target is None and self.buttons:  # nothing chosen yet: the main action
                target = self.buttons[0]
            if target is not None:
                target.click()
                event.accept()
                return
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_Up):
            # the text taller than the screen: a screenful at a time, as on a page
            down = key in (Qt.Key.Key_PageDown, Qt.Key.Key_Down)
            if self.text.show_more(1 if down else -1):
                event.accept()
                return
        if key == Qt.Key.Key_Escape:
            self.go_back()
            event.accept()
            return
        super().keyPressEvent(event)


class EndingScreen(InfoScreen):
    """« Fin de la visite »: the chapters, those seen marked; start again, sommaire, about."""

    def __init__(self, state: ReaderState, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(state, palette, "ending", parent)
        self.restart_button = self.add_button(
            self.tr("Recommencer"), "restartButton",
            self.tr("Recommencer la visite au premier chapitre"), state.start, primary=True)
        self.sommaire_button = self.add_button(
            self.tr("Sommaire"), "endingSommaireButton", self.tr("Retour au sommaire"),
            state.show_sommaire)
        self.about_button = self.add_button(
            self.tr("À propos"), "endingAboutButton", self.tr("À propos de l’exposition"),
            state.show_about)
        self.title.setText(self.tr("Merci de votre visite"))
        self.setAccessibleName(self.tr("Fin de la visite"))
        self.text.setAccessibleName(self.tr("Les chapitres de l’exposition"))
        self.refresh()

    def refresh(self) -> None:
        story = self._state.story
        if story is None:
            return
        self.eyebrow.setText(story.title)
        chapters = story.chapters
        seen = [c for c in chapters if c.id in self._state.visited]
        if len(seen) == len(chapters):
            lead = self.tr("Vous avez parcouru les %1 chapitres de l’exposition :")
        elif seen:
            lead = self.tr("Vous avez parcouru %2 chapitre(s) sur %1 :").replace(
                "%2", str(len(seen)))
        else:
            lead = self.tr("Les %1 chapitres de l’exposition :")
        lead = lead.replace("%1", str(len(chapters)))
        seen_mark, unseen_mark = self.tr("vu"), self.tr("à découvrir")
        items = []
        for number, chapter in enumerate(chapters, 1):
            if not seen:
                mark = ""
            elif chapter in seen:
                mark = f' — <span class="seen">✓ {html.escape(seen_mark)}</span>'
            else:
                mark = f' — <span class="muted">{html.escape(unseen_mark)}</span>'
            items.append(f"<li><b>{number}. {html.escape(chapter.title)}</b>{mark}</li>")
        subtitle = f"<p>{html.escape(story.subtitle)}</p>" if story.subtitle else ""
        after = self.tr("Touchez « Recommencer » pour revoir l’histoire depuis le début, ou "
                        "« Sommaire » pour choisir un chapitre.").replace("« ", "« ").replace(
                        " »", " »")
        self.set_html(f"{subtitle}<p>{html.escape(lead)}</p><ul>{''.join(items)}</ul>"
                      f'<p class="muted">{html.escape(after)}</p>')

    def go_back(self) -> None:
        self._state.show_sommaire()
