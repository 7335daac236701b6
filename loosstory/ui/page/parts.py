"""Parts of a chapter page: the colour band, the text column and its scroll fade."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTextBrowser, QVBoxLayout, QWidget

from loosstory.story.model import Chapter, Page
from loosstory.ui.look.styles import gradient_background
from loosstory.ui.look.theme import Palette, TypeScale, body_font, title_font
from loosstory.ui.page.progress import ProgressDots

_WRAP = int(Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap)

# Page geometry, shared by PageScreen's layout and the prefetch's estimate of it
# (page_media.estimate_column): the next page's pictures are decoded at the size they get.
TEXT_COLUMN_EM = 34  # a comfortable line length, in body sizes
NARROW_COLUMN_EM = 40  # text and figure width when the figure sits above the text
NARROW_MEDIA_SHARE = 0.42  # that figure's height, as a share of the window's height
MIN_MEDIA_PX = 160  # ... and never less
BODY_SPACING = 1.2  # between the text and the media, in margins


def text_height(text: str, font: QFont, width: int) -> int:
    """Height of ``text`` word-wrapped at ``width`` (as a word-wrapped QLabel lays it out)."""
    if not text:
        return 0
    return QFontMetrics(font).boundingRect(QRect(0, 0, max(1, width), 100000), _WRAP,
                                           text).height()


class Preferred(QWidget):
    """A widget whose size hint is set from outside (centred columns in the page layout)."""

    preferred = QSize()

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        if self.preferred.isValid():
            return QSize(self.preferred.width(), self.preferred.height() or hint.height())
        return hint


def _fade(colour: QColor, parent: QWidget) -> QWidget:
    """A soft fade at the foot of the text while more of it waits below (scroll), drawn by
    its style sheet."""
    fade = QWidget(parent)
    fade.setObjectName("textFade")
    fade.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    fade.setStyleSheet(gradient_background((colour.red(), colour.green(), colour.blue()),
                                           ((0.0, 0.0), (1.0, 1.0)), vertical=True))
    return fade


class PageText(QTextBrowser):
    """The page's text; its width hint is the comfortable reading column."""

    preferred = QSize()

    def __init__(self, background: QColor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The viewport by its object name first: viewport() returns a widget Qt made, whose
        # Python type PySide6 finds by building every QWidget subclass it wraps (~70 types,
        # ~10 ms, on the first page shown); findChild names the type. Later viewport()
        # calls reuse the wrapper.
        viewport = self.findChild(QWidget, "qt_scrollarea_viewport") or self.viewport()
        self.fade = _fade(background, viewport)
        # The visible cue that the page goes on (not only the fade): "next" shows the rest.
        self.more = QLabel(viewport)
        self.more.setObjectName("moreText")
        self.more.setText(self.tr("Suite du texte ↓"))
        self.more.setAccessibleName(self.tr("La page continue : « Suivant » montre la suite"))
        self.more.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.more.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more.hide()
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._place_fade)
        bar.rangeChanged.connect(self._place_fade)

    def _place_fade(self, *_: int) -> None:
        viewport = self.viewport()
        height = round(self.fontMetrics().lineSpacing() * 1.6)
        self.fade.setGeometry(0, viewport.height() - height, viewport.width(), height)
        bar = self.verticalScrollBar()
        more = bar.value() < bar.maximum()
        self.fade.setVisible(more)
        self.more.setVisible(more)
        if more:
            hint = self.more.sizeHint()
            size = QSize(hint.width() + round(hint.height() * 0.8), round(hint.height() * 1.25))
            self.more.setFixedSize(size)
            self.more.move(viewport.width() - size.width() - 4,
                           viewport.height() - size.height() - 4)
            self.more.raise_()

    def scale_cue(self, scale: TypeScale) -> None:
        """The « more » cue's type size, from the screen's type scale."""
        self.more.setFont(body_font(min(scale.label, scale.caption), bold=True))

    @property
    def hidden_below(self) -> int:
        """Pixels of text below the visible part (0 when the rest is shown)."""
        bar = self.verticalScrollBar()
        return bar.maximum() - bar.value()

    def page_step(self) -> int:
        """A screenful, less one line kept as a bridge from the part read."""
        line = self.fontMetrics().lineSpacing()
        return max(line, self.viewport().height() - round(line * 1.5))

    def show_more(self, step: int) -> bool:
        """Scroll a screenful down (``step`` 1) or up (-1); False when already at that end."""
        bar = self.verticalScrollBar()
        if (step > 0 and bar.value() >= bar.maximum()) or (step < 0 and bar.value() <= 0):
            return False
        bar.setValue(bar.value() + step * self.page_step())
        return True

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_fade()

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        if self.preferred.isValid() and self.preferred.width() > 0:
            return QSize(self.preferred.width(), hint.height())
        return hint


class ChapterBand(QWidget):
    """The header in the chapter's colour: chapter name, page title, "3 / 7" and dots."""

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chapterBand")
        self._palette = palette
        self._scale: TypeScale | None = None
        self.colour, self.ink = palette.chapter_band("#1f2326")
        self.chapter_label = QLabel(self)
        self.chapter_label.setObjectName("chapterLabel")
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        for label in (self.chapter_label, self.title):  # the author's text, never rich text
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("chapterProgress")
        self.progress_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.dots = ProgressDots(self.ink, self)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.chapter_label)
        text.addWidget(self.title)
        self._text, self._side = text, QVBoxLayout()
        side = self._side
        side.addStretch(1)
        side.addWidget(self.progress_label, 0, Qt.AlignmentFlag.AlignRight)
        side.addWidget(self.dots, 0, Qt.AlignmentFlag.AlignRight)
        side.addStretch(1)
        row = QHBoxLayout(self)
        row.addLayout(text, 1)
        row.addLayout(side, 0)
        self._row = row

    def show_page(self, number: int, chapter: Chapter, page: Page, position: tuple[int, int]) -> None:
        self.colour, self.ink = self._palette.chapter_band(chapter.colour)
        sheet = f"color: {self.ink.name()}; background: transparent;"
        if sheet != self.title.styleSheet():  # a style sheet costs a re-polish: per chapter
            for label in (self.chapter_label, self.title, self.progress_label):
                label.setStyleSheet(sheet)
        self.dots.colour = self.ink
        label = self.tr("Chapitre %1 · %2").replace("%1", str(number)).replace("%2", chapter.title)
        if page.fallback:  # missing in this language: played from the default one
            label += "  —  " + self.tr("Page en français")
        self.chapter_label.setText(label)
        self.title.setText(page.title)
        current, count = position
        self.progress_label.setText(f"{current} / {count}")
        self.progress_label.setAccessibleName(
            self.tr("Page %1 sur %2 du chapitre").replace("%1", str(current)).replace("%2", str(count))
        )
        self.dots.set_progress(current, count)
        self.update()

    def height_for(self, title: str) -> int:
        """The band's height with ``title`` as the page title (at its current width)."""
        text = (self.chapter_label.sizeHint().height() + self._text.spacing()
                + text_height(title, self.title.font(), self.title.width()))
        margins = self._row.contentsMargins()
        return max(text, self._side.sizeHint().height()) + margins.top() + margins.bottom()

    def apply_scale(self, scale: TypeScale) -> None:
        m = scale.margin
        self._scale = scale
        self._row.setContentsMargins(m, round(m * 0.55), m, round(m * 0.6))
        self._row.setSpacing(m)
        self.chapter_label.setFont(body_font(scale.label, bold=True))
        self.title.setFont(title_font(scale.page_title, 620))
        self.progress_label.setFont(body_font(scale.label * 1.1, bold=True))
        self.dots.set_dot_size(min(16.0, max(8.0, scale.body * 0.42)))

    def fit_title(self, title: str, most: int) -> None:
        """The page title a step smaller (down to the body size) while the band would be
        taller than ``most`` pixels: with large text the band must leave the page room."""
        scale = self._scale
        if scale is None:
            return
        size = scale.page_title
        self.title.setFont(title_font(size, 620))
        while size > scale.body and self.height_for(title) > most:
            size = max(scale.body, size * 0.9)
            self.title.setFont(title_font(size, 620))

    def paintEvent(self, event) -> None:  # noqa: N802
        QPainter(self).fillRect(self.rect(), self.colour)


def document_css(p: Palette, s: TypeScale) -> str:
    """The page text's style sheet (its sizes from the type scale)."""
    return (
        f"body {{ color: {p.ink.name()}; }}"
        f"p, li {{ line-height: 145%; }}"
        f"p {{ margin-top: 0; margin-bottom: {round(s.body * 0.75)}px; }}"
        f"a {{ color: {p.accent_text.name()}; font-weight: bold; text-decoration: underline; }}"
        # a glossary term: the text's own ink, a discreet underline (issue 18)
        f"a.gloss {{ color: {p.ink.name()}; font-weight: normal; }}"
        f"h3, h4 {{ font-size: {round(s.body * 1.15)}px; margin-top: {round(s.body * 0.6)}px; }}"
        f"blockquote {{ margin-left: {round(s.body)}px; font-style: italic; }}"
        # a précision: a discreet note under its paragraph (muted ink is >= 4.5:1)
        f"p.precision {{ font-size: {round(s.caption)}px; color: {p.muted.name()}; "
        f"margin-left: {round(s.body)}px; margin-top: -{round(s.body * 0.35)}px; }}"
    )
