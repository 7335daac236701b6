"""« Glossaire »: every term of the pack's glossary, A–Z, with its definition (issue 18).

Reached from the sommaire; « Retour » (or Escape) goes back there.
"""

from __future__ import annotations

import html

from PySide6.QtWidgets import QWidget

from loosstory.story.glossary import fold
from loosstory.ui.info.ending import InfoScreen
from loosstory.ui.look.theme import Palette
from loosstory.ui.state import ReaderState

GLOSSARY = "glossary"


class GlossaryScreen(InfoScreen):
    column_em = 44

    def __init__(self, state: ReaderState, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(state, palette, "glossary", parent)
        self.back_button = self.add_button(self.tr("Retour"), "glossaryBackButton",
                                           self.tr("Retour au sommaire"), state.show_sommaire,
                                           primary=True)
        self.title.setText(self.tr("Glossaire"))
        self.setAccessibleName(self.tr("Glossaire"))
        self.text.setAccessibleName(self.tr("Les mots difficiles et leur définition, de A à Z"))
        self.refresh()

    def refresh(self) -> None:
        story = self._state.story
        glossary = story.glossary if story is not None else None
        if story is None:
            return
        self.eyebrow.setText(story.title)
        if glossary is None or not glossary.terms:
            self.set_html(f"<p>{html.escape(self.tr('Ce récit n’a pas de glossaire.'))}</p>")
            return
        parts: list[str] = []
        letter = ""
        for term in glossary.sorted():
            first = fold(term.term)[:1].upper()
            if first != letter:
                letter = first
                parts.append(f'<p class="h">{html.escape(letter)}</p>')
            parts.append(f"<p><b>{html.escape(term.term)}</b>\u00a0: "
                         f"{html.escape(term.definition)}</p>")
        self.set_html("".join(parts))

    def go_back(self) -> None:
        self._state.show_sommaire()
