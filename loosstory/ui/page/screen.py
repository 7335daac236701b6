"""A chapter page: the chapter's colour band with title and progress, text, figures, controls."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from loosstory.story.model import Page
from loosstory.ui.look.theme import Palette, TypeScale, body_font, mix
from loosstory.ui.page.fit import fitting_column, text_height
from loosstory.ui.page.levelswitch import LevelSwitch
from loosstory.ui.page.media import MediaColumn, estimate_column, figure_boxes
from loosstory.ui.page.parts import (
    BODY_SPACING,
    MIN_MEDIA_PX,
    NARROW_COLUMN_EM,
    NARROW_MEDIA_SHARE,
    TEXT_COLUMN_EM,
    ChapterBand,
    PageText,
    document_css,
)
from loosstory.ui.page.progress import PathProgress
from loosstory.ui.page.reading import ReadingMixin
from loosstory.ui.pictures.figure import FigureWidget
from loosstory.ui.pictures.images import ImageLoader
from loosstory.ui.pictures.zoom import FigureZoom
from loosstory.ui.screens.screen import Screen
from loosstory.ui.state.quizrequest import open_quiz
from loosstory.ui.state.state import ReaderState

BAND_SHARE = 0.2  # the chapter band's most, as a share of the page's height (large text)


class PageScreen(ReadingMixin, Screen):
    """Shows the state's current page; its text, band and figures change on every position
    change. An interactive view is built once and kept (hidden) while other pages show."""

    swipes_turn_pages = True

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
        self._prepare_pending = False  # the next page is prepared after this one's paint
        self.page: Page | None = None
        self._mode = ""
        self._dirty = True
        self._last_box = QSize()
        self._measure = QTextDocument(self)  # reused to measure the text's height
        self._chapter_text = ""
        self._arrive_at_end = False  # set when "previous" turns back to this page

        self.band = ChapterBand(palette, self)
        self.text = PageText(palette.background, self)
        self.text.setObjectName("pageText")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setAccessibleName(self.tr("Texte de la page"))
        self.text.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text.anchorClicked.connect(self._on_link)
        self.media = MediaColumn(state, loader, palette, self)
        self.media_layout = self.media.box_layout
        self.media.figure_activated.connect(self.open_figure)
        self.zoom: FigureZoom | None = None  # a figure opened large, over the page

        self.sommaire_button = self._button(self.tr("Sommaire"), "sommaireButton",
                                            self.tr("Retour au sommaire"), state.show_sommaire)
        self.previous_button = self._button(self.tr("‹  Précédent"), "previousButton",
                                            self.tr("Page précédente"), self._previous)
        self.next_button = self._button(self.tr("Suivant  ›"), "nextButton",
                                        self.tr("Page suivante"), self._next)
        # « Tester mes connaissances » on a chapter's last page when it has a quiz (issue 18)
        self.quiz_button = self._button(self.tr("Tester mes connaissances"), "quizButton",
                                        self.tr("Tester mes connaissances : le quiz du chapitre"),
                                        self._open_quiz)
        self.quiz_button.hide()
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
        self.level_switch = LevelSwitch(state, self)  # reading levels (issue 18)
        footer.addWidget(self.level_switch)
        footer.addSpacing(24)
        footer.addWidget(self.path_label)
        footer.addWidget(self.path_progress, 1)
        footer.addSpacing(24)
        footer.addWidget(self.previous_button)
        footer.addWidget(self.next_button)
        footer.addWidget(self.quiz_button)
        footer.addWidget(self.chapter_button)
        self.footer = footer
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.band)
        layout.addLayout(self.body, 1)
        layout.addLayout(footer)
        self._layout = layout
        state.position_changed.connect(self.show_position)
        # glossary terms (issue 18): a pop-up over the page, built on first use
        self.term_popup = None
        self._shown = ""  # the HTML shown (the page at the reading level)
        self._term_anchor = None
        state.term_requested.connect(self.show_term)
        state.settings_changed.connect(self._on_settings)

    def _button(self, text: str, name: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(self)  # then its text: see CoverScreen (no QIcon type built)
        button.setText(text)
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
        if self.term_popup is not None:
            self.term_popup.close_popup()
        if self.zoom is not None:
            self.zoom.close_zoom()
        self.band.show_page(chapter_index + 1, chapter, page, path.chapter_progress())
        self.band.fit_title(page.title, round(self.height() * BAND_SHARE))
        css = self._document_css()
        if css != self.text.document().defaultStyleSheet():
            self.text.document().setDefaultStyleSheet(css)
        self._shown = self._html()
        self.text.setHtml(self._shown)
        self.text.verticalScrollBar().setValue(0)
        self.media.show_page(page, self._scale)
        self.level_switch.show_page(page)
        arrive_at_end, self._arrive_at_end = self._arrive_at_end, False
        step, total = path.story_progress()
        self.path_label.setText(self.tr("Étape %1 / %2").replace("%1", str(step))
                                .replace("%2", str(total)))
        self.path_progress.set_progress(step, total)
        self.previous_button.setEnabled(not path.at_start)
        at_chapter_end = path.at_chapter_end
        self.next_button.setVisible(not at_chapter_end)
        self.chapter_button.setVisible(at_chapter_end)
        self.quiz_button.setVisible(at_chapter_end and chapter.id in story.quizzes)
        self.quiz_button.setToolTip(self.tr("Tester mes connaissances"))
        following = path.next_chapter()
        if following is not None:
            text = self.tr("Chapitre suivant : %1").replace("%1", following.title)
        else:
            text = self.tr("Fin de la visite")
        self._chapter_text = text
        self._fit_chapter_button()
        self.chapter_button.setAccessibleName(text)
        self._relayout()
        self.media.reveal(self.layout())
        if arrive_at_end:  # back from the following page: its end first, as "previous" left it
            self.layout().activate()
            bar = self.text.verticalScrollBar()
            bar.setValue(bar.maximum())
        # The next page is prepared once this page is painted (see paintEvent): the work
        # then does not delay its first frame, and the media column has its final size.
        self._prepare_pending = True

    def _fit_chapter_button(self) -> None:
        """The "Chapitre suivant : …" label, shortened with "…" to leave the progress bar room."""
        s = self._scale
        room = round(self.width() * 0.42) - 2 * round(s.body) - 2 * s.focus_width
        metrics = QFontMetrics(body_font(s.label, bold=True))
        if self.quiz_button.isVisibleTo(self):  # the quiz's button shares that room
            full = self.tr("Tester mes connaissances")
            short = full if self.width() >= 1500 else self.tr("Quiz")
            self.quiz_button.setText(short)
            room -= metrics.horizontalAdvance(short) + 6 * round(s.body)
        text = metrics.elidedText(self._chapter_text, Qt.TextElideMode.ElideRight, max(80, room))
        self.chapter_button.setText(text.replace("&", "&&"))

    @property
    def figures(self) -> list[FigureWidget]:
        return self.media.figures

    @property
    def view(self) -> QWidget | None:
        """The interactive view shown (kept in ``media.views`` while other pages show)."""
        return self.media.view

    def figure_box(self) -> QSize:
        """The size figures are decoded at: this page's, or the last page that had one."""
        if self.figures and self.figures[0].image.width() > 40:
            self._last_box = self.figures[0].image.box()
        return QSize(self._last_box)

    def media_column(self, page: Page) -> tuple[QSize, bool]:
        """The contents size of the media column when ``page`` shows (without a view), and
        whether its figures sit side by side: measured when this page's column is laid out
        the same way, else computed as the layout will give it."""
        wide = self.wide
        delta = self._band_delta(page)
        if not delta and self.figures and self.view is None and self.media.isVisible() \
                and self._mode == ("wide" if wide else "narrow"):
            return self.media_layout.contentsRect().size(), not wide
        body = self.body.contentsRect().size()
        body.setHeight(body.height() + delta)
        text = self._wide_text_width(page) if wide else 0
        return estimate_column(body, self._scale, wide, self.size(), text), not wide

    def _band_delta(self, page: Page) -> int:
        """How much taller the body is for ``page`` than for this page: the band grows or
        shrinks with the number of lines of the page's title."""
        if self.page is None or page.title == self.page.title:
            return 0
        return self.band.height_for(self.page.title) - self.band.height_for(page.title)

    def _view_size(self, page: Page) -> QSize:
        """The size ``page``'s interactive view will get: the body's width, under the text."""
        s = self._scale
        body = self.body.contentsRect()
        text = self._text_limit(page.html_at(self._state.settings.reading_level))
        return QSize(body.width() - s.focus_width * 3,
                     body.height() + self._band_delta(page) - text - round(s.gap))

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self._prepare_pending:
            self._prepare_pending = False
            QTimer.singleShot(0, self, self._prepare_next)  # after this paint pass

    def _prepare_next(self) -> None:
        """While the visitor reads: decode the next page's figures (``prefetch``) at the
        size they will be shown at, and build its interactive view if it has one not built
        yet (built once, then kept), laid out and drawn once off screen."""
        path = self._state.path
        following = path.peek_next() if path is not None and self.isVisible() else None
        if following is None:
            return
        for layout in (self.layout(), self.media_layout):
            layout.activate()  # sizes are final (a no-op when nothing changed)
        if self._state.config.prefetch and following.figures:
            if following.view:  # figures beside a view: this page's figure size
                box = self.figure_box()
                boxes = [box] * len(following.figures) if not box.isEmpty() else []
            else:
                column, side_by_side = self.media_column(following)
                boxes = figure_boxes(following, column, side_by_side, self._scale,
                                     self.devicePixelRatioF())
            self.media.prefetch(following, boxes)
        if following.figures:
            self.media.prepare(following, self._scale)
        if following.view:
            view = self.media.view_for(following.view)
            if view is not None and view is not self.view:
                self.media.lay_out_hidden(view, self._view_size(following))

    def _on_link(self, url: QUrl) -> None:
        rect = self.text.cursorRect(self.text.textCursor())
        self._term_anchor = self.text.viewport().mapTo(self, rect.bottomLeft())
        self._state.navigate(url.toString())

    def _html(self) -> str:
        """The page's text at the reading level set (its standard text without one)."""
        return self.page.html_at(self._state.settings.reading_level) if self.page else ""

    def _on_settings(self, _settings: object) -> None:
        if self.page is not None and self._html() != self._shown:
            self._shown = self._html()
            self.text.setHtml(self._shown)
            self._dirty = True
            self._relayout()

    def _open_quiz(self) -> None:
        chapter = self._state.chapter
        if chapter is not None:
            open_quiz(self._state, chapter.id)

    def show_term(self, term_id: str) -> None:
        """The pop-up with a glossary term's definition (a link in the text or a panel)."""
        story = self._state.story
        term = story.glossary.term(term_id) if story is not None and story.glossary else None
        if term is None or not self.isVisible():
            return
        if self.term_popup is None:
            from loosstory.ui.page.termpopup import GlossaryPopup

            self.term_popup = GlossaryPopup(self._palette, self)
            self.term_popup.apply_scale(self._scale)
        anchor, self._term_anchor = self._term_anchor, None
        self.term_popup.show_term(term, anchor)

    # -- layout ---------------------------------------------------------------------------
    def _document_css(self) -> str:
        return document_css(self._palette, self._scale)

    def apply_scale(self, scale: TypeScale) -> None:
        self._scale = scale
        m = scale.margin
        self.band.apply_scale(scale)
        if self.term_popup is not None:
            self.term_popup.apply_scale(scale)
        self.body.setContentsMargins(m, round(m * 0.8), m, round(m * 0.5))
        self.body.setSpacing(round(m * BODY_SPACING))
        inner = scale.focus_width * 3  # the text's own inset: figures line up with it
        self.media_layout.setContentsMargins(inner, 0, 0, 0)
        self.footer.setContentsMargins(m, round(scale.gap * 0.7), m, round(scale.gap * 1.0))
        self.footer.setSpacing(scale.gap)
        self.path_label.setFont(body_font(scale.caption))
        self.text.scale_cue(scale)
        self.path_progress.thickness = max(6.0, scale.body * 0.3)
        self.path_progress.setFixedHeight(round(self.path_progress.thickness * 2))
        font = body_font(scale.body)
        self.text.setFont(font)
        self.text.document().setDefaultFont(font)
        self.text.document().setDocumentMargin(round(scale.focus_width * 2))
        self.text.document().setDefaultStyleSheet(self._document_css())
        if self.page is not None:
            self.text.setHtml(self._html())
        for figure in self.figures:
            figure.apply_scale(scale)
        if self.zoom is not None:
            self.zoom.apply_scale(scale)
        self._relayout()

    def _text_limit(self, html: str) -> int:
        """The text's height above an interactive view: all of it (the instruction is never
        clipped into a scroll box), at most 30% of the page ("next" shows the rest)."""
        s = self._scale
        width = min(round(s.body * TEXT_COLUMN_EM), self.width() - 2 * s.margin)
        wanted = text_height(self._measure, self.text.document(), html, width, s.focus_width)
        wanted += 2 * s.focus_width  # as before: the ring's room above and below
        return max(round(s.body * 3), min(wanted, round(self.height() * 0.3)))

    def _body_size(self, page: Page) -> QSize:
        """The page body's contents size when ``page`` shows (from the window's size: the
        layout may not have run yet)."""
        m = self._scale.margin
        band = self.band.height_for(page.title) if self.band.width() > 0 else 0
        footer = self.footer.sizeHint().height()
        spacing = 2 * max(0, self._layout.spacing())  # band | body | footer
        return QSize(self.width() - 2 * m,
                     self.height() - band - footer - spacing - round(m * 0.8) - round(m * 0.5))

    def _wide_text_width(self, page: Page | None, beside: bool = True) -> int:
        """The text column beside ``page``'s figures (or alone): wider when the text needs
        it to fit (fit.py); with no page, the comfortable column."""
        body = self._body_size(page or self.page)
        room = body.width() - (round(self._scale.margin * BODY_SPACING) if beside else 0)
        bar = self.text.verticalScrollBar().sizeHint().width()
        return fitting_column(self._measure, self.text.document(),
                              page.html if page is not None else "", self._scale, room,
                              body.height() if page is not None else 0, beside, bar)

    @property
    def wide(self) -> bool:
        return self.width() >= 1.45 * max(1, self.height()) * 0.98 and self.width() >= 900

    def _relayout(self) -> None:
        s = self._scale
        has_media = bool(self.figures) or self.view is not None
        mode = "none" if not has_media else ("wide" if self.wide else "narrow")
        if self.view is not None:
            mode = "view"  # an interactive view gets the page's full width, under the text
        elif self.figures and not self.text.document().toPlainText().strip():
            mode = "pictures"  # a continued page of figures only: they take the width
        self.text.setVisible(mode != "pictures")
        column = round(s.body * TEXT_COLUMN_EM)
        self.media_layout.setSpacing(s.gap)
        available = self.width() - 2 * s.margin
        self.text.setMinimumHeight(0)
        self.text.setMaximumHeight(16777215)
        self.text.setMinimumWidth(0)
        if mode == "view":
            self.media.preferred = QSize()
            self.media.setMaximumSize(16777215, 16777215)
            limit = self._text_limit(self._html())
            self.text.setMinimumHeight(limit)
            self.text.setMaximumHeight(limit)
        elif mode == "narrow":
            height = round(max(MIN_MEDIA_PX, self.height() * NARROW_MEDIA_SHARE))
            width = min(round(s.body * NARROW_COLUMN_EM), available)
            self.media.preferred = QSize(width, height)
            self.media.setMaximumSize(width, height)
        else:
            self.media.preferred = QSize()
            self.media.setMaximumSize(16777215, 16777215)
        if mode == "narrow":
            column = round(s.body * NARROW_COLUMN_EM)
        elif mode in ("wide", "none") and self.page is not None:
            beside = mode == "wide"
            fitted = self._wide_text_width(self.page, beside)
            comfortable = self._wide_text_width(None, beside)
            if fitted > comfortable:  # the empty room beside the figure holds the rest
                column = fitted
                self.text.setMinimumWidth(fitted)
        self.text.setMaximumWidth(column)
        # A preferred (not minimum) width: the window can always shrink.
        self.text.preferred = QSize(min(column, available), 0) if mode != "wide" else QSize()
        self.text.updateGeometry()
        self.media.updateGeometry()
        self.body.setSpacing(round(s.gap) if mode == "view" else round(s.margin * BODY_SPACING))
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
        elif mode == "pictures":  # figures side by side over the whole body
            self.body.setDirection(QBoxLayout.Direction.LeftToRight)
            self.media_layout.setDirection(QBoxLayout.Direction.LeftToRight)
            self.body.addWidget(self.text, 0)
            self.body.addWidget(self.media, 1)
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
        if self.page is not None:
            self.band.fit_title(self.page.title, round(self.height() * BAND_SHARE))
        self._relayout()
        self._fit_chapter_button()

    @property
    def images_ready(self) -> bool:
        return self.media.images_ready
