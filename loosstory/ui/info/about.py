"""« À propos »: who made the exhibition, its sources, images and fonts with their licences,
and the version. Reached from the sommaire and the closing screen; « Retour » (or Escape)
goes back there.

The credits and the images' licences come from the pack (story.yaml ``about``, the images'
own credits); the engine adds only what is its own: its fonts, its version, Qt's licence.
"""

from __future__ import annotations

import html

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QWidget

from loosstory import __version__
from loosstory.ui.info.ending import InfoScreen
from loosstory.ui.look.fonts import FONT_CREDITS as FONTS
from loosstory.ui.look.theme import Palette
from loosstory.ui.state import ReaderState


def _e(text: str) -> str:
    return html.escape(text)


class AboutScreen(InfoScreen):
    column_em = 48  # credits read as a list: a wider column, less scrolling
    def __init__(self, state: ReaderState, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(state, palette, "about", parent)
        self.back_button = self.add_button(self.tr("Retour"), "aboutBackButton",
                                           self.tr("Retour à l’écran précédent"),
                                           state.close_about, primary=True)
        self.title.setText(self.tr("À propos"))
        self.setAccessibleName(self.tr("À propos de l’exposition"))
        self.text.setAccessibleName(self.tr("Crédits, sources, images, polices et version"))
        self.refresh()

    def refresh(self) -> None:
        story = self._state.story
        if story is None:
            return
        self.eyebrow.setText(story.title)
        about = story.about
        parts = [_heading(self.tr("L’exposition"))]
        if story.subtitle:
            parts.append(f"<p><b>{_e(story.title)}</b> — {_e(story.subtitle)}</p>")
        credits = list(about.credits) if about is not None else []
        role = self.tr("%1\u00a0: ")  # "%1: " in English
        if credits:
            parts.append("<ul>" + "".join(
                f'<li><span class="muted">{_e(role.replace("%1", c.role)) if c.role else ""}'
                f"</span>{_e(c.name)}</li>"
                for c in credits) + "</ul>")

        used = {s.key: s for chapter in story.chapters for s in chapter.sources}
        parts.append(_heading(self.tr("Les sources")))
        parts.append("<p>" + _e(self.tr(
            "Les faits de l’exposition viennent de %1 sources publiques. Chacune est citée, "
            "avec son adresse, sur la page «\u00a0Sources\u00a0» à la fin de son chapitre.")
            .replace("%1", str(len(used)))) + "</p>")

        parts.append(_heading(self.tr("Les images")))
        counts: dict[str, int] = {}
        for figure in story.figures():
            if figure.credit:
                counts[figure.credit] = counts.get(figure.credit, 0) + 1
        licences = about.image_licences if about is not None else {}
        rows = []
        for credit, count in counts.items():
            line = self.tr("%1\u00a0: %2 image(s)").replace("%1", credit).replace("%2", str(count))
            licence = licences.get(credit)
            rows.append(f"<li>{_e(line)}"
                        + (f' — <span class="muted">{_e(licence)}</span>' if licence else "")
                        + "</li>")
        parts.append("<ul>" + "".join(rows) + "</ul>")

        parts.append(_heading(self.tr("Les polices de caractères")) + "<ul>")
        uses = {"titres": self.tr("titres"), "texte": self.tr("texte")}
        for family, author, licence, use in FONTS:
            parts.append(f"<li><b>{_e(family)}</b> ({_e(author)}), {_e(uses.get(use, use))} — "
                         f'<span class="muted">{_e(licence)}</span></li>')
        parts.append("</ul>")

        parts.append(_heading(self.tr("Version")))
        version = self.tr("Application loosstory %1, logiciel libre sous licence MIT\u00a0; Qt "
                          "et PySide6 %2 sous licence LGPL-3.0.")
        version = version.replace("%1", __version__).replace("%2", pyside_version)
        parts.append(f"<p>{_e(version)}</p>")
        edition = about.version if about is not None else ""
        pack = self.tr("Contenu «\u00a0%1\u00a0»").replace("%1", story.id)
        if edition:
            pack += self.tr(", édition %1").replace("%1", edition)
        parts.append(f'<p class="muted">{_e(pack)}</p>')
        self.set_html("".join(parts))

    def go_back(self) -> None:
        self._state.close_about()


def _heading(text: str) -> str:
    return f'<p class="h">{_e(text)}</p>'
