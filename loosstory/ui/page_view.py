"""A chapter page: the chapter's colour band with title and progress, text, figures, controls."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from loosstory.story.model import Page
from loosstory.ui.figure import FigureWidget
from loosstory.ui.images import FIT, ImageLoader
from loosstory.ui.page_parts import ChapterBand, PageText, Preferred
from loosstory.ui.progress import PathProgress
from loosstory.ui.state import ReaderState
from loosstory.ui.theme import Palette, TypeScale, body_font, mix
from loosstory.ui.views import create_view


class PageScreen(QWidget):
    """Shows the state's current page; rebuilt on every position change."""

    def __init__(
        self,
        state: ReaderState,
        loader: ImageLoader,
        palette: Palette,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pageScreen")
        self._state = state
        self._loader = loader
        self._palette = palette
        self._scale = TypeScale.for_size(1280, 800)
        self.figures: list[FigureWidget] = []
        self.view: QWidget | None = None
        self.page: Page | None = None
        self._mode = ""
        self._dirty = True
        self._last_box = QSize()
        self._measure = QTextDocument(self)  # reused to measure the text's height
        self._chapter_text = ""

        self.band = ChapterBand(palette, self)
        self.text = PageText(palette.background, self)
        self.text.setObjectName("pageText")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName(self.tr("Texte de la page"))
        self.text.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text.anchorClicked.connect(self._on_link)
        self.media = Preferred(self)
        self.media.setObjectName("pageMedia")
        self.media_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self.media)
        self.media_layout.setContentsMargins(0, 0, 0, 0)

        self.sommaire_button = self._button(self.tr("Sommaire"), "sommaireButton",
                                            self.tr("Retour au sommaire"), state.show_sommaire)
        self.previous_button = self._button(self.tr("‹  Précédent"), "previousButton",
                                            self.tr("Page précédente"), state.previous)
        self.next_button = self._button(self.tr("Suivant  ›"), "nextButton",
                                        self.tr("Page suivante"), state.next)
        self.chapter_button = self._button("", "nextChapterButton", "", state.next_chapter)
        self.chapter_button.setProperty("primary", True)
        self.path_label = QLabel(self)
        self.path_label.setObjectName("progressLabel")
        self.path_progress = PathProgress(mix(palette.background, palette.ink, 0.14),
                                          palette.accent, self)
        self.path_progress.setMinimumWidth(90)

        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.addWidget(self.text, 5)
        self.body.addWidget(self.media, 6)
        footer = QHBoxLayout()
        footer.addWidget(self.sommaire_button)
        footer.addSpacing(24)
        footer.addWidget(self.path_label)
        footer.addWidget(self.path_progress, 1)
        footer.addSpacing(24)
        footer.addWidget(self.previous_button)
        footer.addWidget(self.next_button)
        footer.addWidget(self.chapter_button)
        self.footer = footer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.band)
        layout.addLayout(self.body, 1)
        layout.addLayout(footer)
        self._layout = layout
        state.position_changed.connect(self.show_position)

    def _button(self, text: str, name: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(accessible)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.clicked.connect(slot)
        return button

    # -- showing a page -------------------------------------------------------------------
    def show_position(self, chapter_index: int, page_index: int) -> None:
        story, path = self._state.story, self._state.path
        if story is None or path is None:
            return
        chapter = story.chapters[chapter_index]
        page = chapter.pages[page_index]
        self.page = page
        self.band.show_page(chapter_index + 1, chapter, page, path.chapter_progress())
        self.text.document().setDefaultStyleSheet(self._document_css())
        self.text.setHtml(page.html)
        self.text.verticalScrollBar().setValue(0)
        self._show_media(page)
        step, total = path.story_progress()
        self.path_label.setText(self.tr("Étape %1 / %2").replace("%1", str(step))
                                .replace("%2", str(total)))
        self.path_progress.set_progress(step, total)
        self.previous_button.setEnabled(not path.at_start)
        at_chapter_end = path.at_chapter_end
        self.next_button.setVisible(not at_chapter_end)
        self.chapter_button.setVisible(at_chapter_end)
        following = path.next_chapter()
        if following is not None:
            text = self.tr("Chapitre suivant : %1").replace("%1", following.title)
        else:
            text = self.tr("Retour au sommaire")
        self._chapter_text = text
        self._fit_chapter_button()
        self.chapter_button.setAccessibleName(text)
        self._relayout()
        self._prefetch_next()

    def _fit_chapter_button(self) -> None:
        """The "Chapitre suivant : …" label, shortened with "…" to leave the progress bar room."""
        s = self._scale
        room = round(self.width() * 0.42) - 2 * round(s.body) - 2 * s.focus_width
        metrics = QFontMetrics(body_font(s.label, bold=True))
        text = metrics.elidedText(self._chapter_text, Qt.TextElideMode.ElideRight, max(80, room))
        self.chapter_button.setText(text.replace("&", "&&"))

    def _show_media(self, page: Page) -> None:
        for widget in [*self.figures, self.view]:
            if widget is not None:
                self.media_layout.removeWidget(widget)
                widget.hide()
                widget.deleteLater()
        self.figures, self.view = [], None
        story = self._state.story
        if page.view and story is not None:
            self.view = create_view(page.view, story, self._state, self.media)
            if self.view is not None:
                self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
                self.media_layout.addWidget(self.view, 3)
                self.view.show()
        for figure in page.figures:
            widget = FigureWidget(figure, self._loader, self._palette, self._scale, self.media)
            self.figures.append(widget)
            self.media_layout.addWidget(widget, 2)
            widget.show()
        self.media.setVisible(bool(self.figures) or self.view is not None)

    def figure_box(self) -> QSize:
        """The size figures are decoded at: this page's, or the last page that had one."""
        if self.figures and self.figures[0].image.width() > 40:
            self._last_box = self.figures[0].image.box()
        return QSize(self._last_box)

    def _prefetch_next(self) -> None:
        path = self._state.path
        if not self._state.config.prefetch or path is None:
            return
        following = path.peek_next()
        box = self.figure_box()
        if following is None or box.isEmpty():
            return
        self._loader.prefetch((f.file for f in following.figures), box, FIT)

    def _on_link(self, url: QUrl) -> None:
        self._state.navigate(url.toString())

    # -- layout ---------------------------------------------------------------------------
    def _document_css(self) -> str:
        p, s = self._palette, self._scale
        return (
            f"body {{ color: {p.ink.name()}; }}"
            f"p, li {{ line-height: 145%; }}"
            f"p {{ margin-top: 0; margin-bottom: {round(s.body * 0.75)}px; }}"
            f"a {{ color: {p.accent_text.name()}; font-weight: bold; text-decoration: underline; }}"
            f"h3, h4 {{ font-size: {round(s.body * 1.15)}px; margin-top: {round(s.body * 0.6)}px; }}"
            f"blockquote {{ margin-left: {round(s.body)}px; font-style: italic; }}"
        )

    def apply_scale(self, scale: TypeScale) -> None:
        self._scale = scale
        m = scale.margin
        self.band.apply_scale(scale)
        self.body.setContentsMargins(m, round(m * 0.8), m, round(m * 0.5))
        self.body.setSpacing(round(m * 1.2))
        inner = scale.focus_width * 3  # the text's own inset: figures line up with it
        self.media_layout.setContentsMargins(inner, 0, 0, 0)
        self.footer.setContentsMargins(m, round(scale.gap * 0.7), m, round(scale.gap * 1.0))
        self.footer.setSpacing(scale.gap)
        self.path_label.setFont(body_font(scale.caption))
        self.path_progress.thickness = max(6.0, scale.body * 0.3)
        self.path_progress.setFixedHeight(round(self.path_progress.thickness * 2))
        font = body_font(scale.body)
        self.text.setFont(font)
        self.text.document().setDefaultFont(font)
        self.text.document().setDocumentMargin(round(scale.focus_width * 2))
        self.text.document().setDefaultStyleSheet(self._document_css())
        if self.page is not None:
            self.text.setHtml(self.page.html)
        for figure in self.figures:
            figure.apply_scale(scale)
        self._relayout()

    @property
    def wide(self) -> bool:
        return self.width() >= 1.45 * max(1, self.height()) * 0.98 and self.width() >= 900

    def _relayout(self) -> None:
        s = self._scale
        has_media = bool(self.figures) or self.view is not None
        mode = "none" if not has_media else ("wide" if self.wide else "narrow")
        if self.view is not None:
            mode = "view"  # an interactive view gets the page's full width, under the text
        column = round(s.body * 34)  # a comfortable line length
        self.media_layout.setSpacing(s.gap)
        available = self.width() - 2 * s.margin
        self.text.setMaximumHeight(16777215)
        if mode == "view":
            self.media.preferred = QSize()
            self.media.setMaximumSize(16777215, 16777215)
            document, source = self._measure, self.text.document()
            document.setDefaultFont(source.defaultFont())
            document.setDefaultStyleSheet(source.defaultStyleSheet())
            document.setDocumentMargin(source.documentMargin())
            document.setHtml(self.page.html if self.page is not None else "")
            document.setTextWidth(min(column, available) - 2 * s.focus_width)
            wanted = round(document.size().height()) + 4 * s.focus_width
            self.text.setMaximumHeight(max(round(s.body * 3), min(wanted, round(self.height() * 0.3))))
        elif mode == "narrow":
            height = round(max(160, self.height() * 0.42))
            self.media.preferred = QSize(min(round(s.body * 40), available), height)
            self.media.setMaximumSize(min(round(s.body * 40), available), height)
        else:
            self.media.preferred = QSize()
            self.media.setMaximumSize(16777215, 16777215)
        if mode == "narrow":
            column = round(s.body * 40)
        self.text.setMaximumWidth(column)
        # A preferred (not minimum) width: the window can always shrink.
        self.text.preferred = QSize(min(column, available), 0) if mode != "wide" else QSize()
        self.text.updateGeometry()
        self.media.updateGeometry()
        self.body.setSpacing(round(s.gap) if mode == "view" else round(s.margin * 1.2))
        if mode == self._mode and not self._dirty:
            return
        self._dirty = False
        self._mode = mode
        self.body.removeWidget(self.text)
        self.body.removeWidget(self.media)
        if mode == "view":  # text (a short invitation) above the interactive view
            self.body.setDirection(QBoxLayout.Direction.TopToBottom)
            self.media_layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self.body.addWidget(self.text, 0, Qt.AlignmentFlag.AlignLeft)
            self.body.addWidget(self.media, 1)
        elif mode == "narrow":  # figure above the text
            self.body.setDirection(QBoxLayout.Direction.TopToBottom)
            self.media_layout.setDirection(QBoxLayout.Direction.LeftToRight)
            self.body.addWidget(self.media, 2, Qt.AlignmentFlag.AlignHCenter)
            self.body.addWidget(self.text, 3, Qt.AlignmentFlag.AlignHCenter)
        elif mode == "wide":  # text column and figure side by side
            self.body.setDirection(QBoxLayout.Direction.LeftToRight)
            self.media_layout.setDirection(QBoxLayout.Direction.TopToBottom)
            self.body.addWidget(self.text, 5)
            self.body.addWidget(self.media, 6)
        else:  # text alone, centred
            self.body.setDirection(QBoxLayout.Direction.LeftToRight)
            self.body.addWidget(self.text, 1, Qt.AlignmentFlag.AlignHCenter)
            self.body.addWidget(self.media, 0)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._relayout()
        self._fit_chapter_button()

    @property
    def images_ready(self) -> bool:
        return all(f.image.is_ready for f in self.figures)
