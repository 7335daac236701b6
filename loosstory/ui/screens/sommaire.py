"""The sommaire: one card per chapter (cover image, title, guiding question, colour)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from loosstory.story.model import Chapter
from loosstory.ui.look.theme import Palette, TypeScale, body_font, mix, readable_on, title_font
from loosstory.ui.pictures.figure import ImageView
from loosstory.ui.pictures.images import COVER, ImageLoader
from loosstory.ui.screens.screen import Screen
from loosstory.ui.state.quizrequest import open_quiz
from loosstory.ui.state.state import ReaderState

QUESTION_LINES = 6  # the guiding questions are read whole; 6 lines fit the longest at 1024 px


def elide_lines(text: str, font: QFont, width: int, lines: int) -> str:
    """``text`` cut at a word and ended with "…" so that it wraps in at most ``lines`` lines."""
    metrics = QFontMetrics(font)

    def fits(candidate: str) -> bool:
        rect = metrics.boundingRect(0, 0, width, 100000, Qt.TextFlag.TextWordWrap, candidate)
        return rect.height() < metrics.lineSpacing() * (lines + 0.5)

    if fits(text):
        return text
    words = text.split()
    low, high = 0, len(words)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(" ".join(words[:middle]) + " …"):
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low]).rstrip(",;:") + " …"


class ChapterCard(QAbstractButton):
    """A big tappable card; its whole surface is the button."""

    def __init__(
        self,
        number: int,
        chapter: Chapter,
        loader: ImageLoader,
        palette: Palette,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.chapter = chapter
        self._palette = palette
        self._colour, _ = palette.chapter_band(chapter.colour)
        self.setObjectName(f"card-{chapter.id}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(
            self.tr("Chapitre %1 : %2").replace("%1", str(number)).replace("%2", chapter.title)
        )
        self.setAccessibleDescription(chapter.question)
        self.image = ImageView(loader, palette, COVER, self)
        self.image.tint = palette.chapter_band(chapter.colour)[0].lighter(130)
        cover = chapter.cover
        self.image.set_file(cover.file if cover else None, cover.alt if cover else chapter.title)
        self.number = QLabel(self.tr("Chapitre %1").replace("%1", str(number)), self)
        number_ink = readable_on(self._colour, palette.surface)
        self.number.setStyleSheet(f"color: {number_ink.name()};")
        self.title = QLabel(chapter.title, self)
        self.title.setWordWrap(True)
        self.question = QLabel(chapter.question, self)
        self.question.setWordWrap(True)
        self.question.setObjectName("muted")
        for child in (self.image, self.number, self.title, self.question):
            child.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        for label in (self.title, self.question):  # the author's text, never rich text
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image)
        layout.addWidget(self.number)
        layout.addWidget(self.title)
        layout.addWidget(self.question)
        layout.addStretch(1)
        self._layout = layout
        self._scale = TypeScale.for_size(1280, 800)

    def text_height(self, scale: TypeScale, width: int) -> int:
        """Height of everything under the image for a card ``width`` wide (measured)."""
        self._prepare(scale, width)
        return self._layout.totalHeightForWidth(width) - self.image.height() + max(
            6, round(scale.gap * 0.5))

    def _prepare(self, scale: TypeScale, width: int) -> None:
        self._scale = scale
        self._set_fonts(scale)
        inset = round(scale.gap * 1.1)
        ring = scale.focus_width
        self._layout.setContentsMargins(ring + 1, ring + 1, ring + 1, inset)
        self._layout.setSpacing(round(scale.gap * 0.45))
        self.number.setContentsMargins(inset, round(scale.gap * 0.9), inset, 0)
        self.title.setContentsMargins(inset, 0, inset, 0)
        self.question.setContentsMargins(inset, 0, inset, 0)
        text_w = max(1, width - 2 * inset - 2 * ring - 2)
        self.question.setText(elide_lines(self.chapter.question, self.question.font(), text_w,
                                          QUESTION_LINES))

    def _set_fonts(self, scale: TypeScale) -> None:
        self.number.setFont(body_font(scale.label * 0.9, bold=True))
        self.title.setFont(title_font(scale.card_title, 620))
        self.question.setFont(body_font(scale.caption))

    def apply_scale(self, scale: TypeScale, width: int, image_h: int, height: int) -> None:
        self._prepare(scale, width)
        self.image.setFixedHeight(image_h)
        self.setFixedHeight(height)

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ring = self._scale.focus_width
        radius = self._scale.gap * 0.9
        rect = QRectF(self.rect()).adjusted(ring / 2, ring / 2, -ring / 2, -ring / 2)
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        painter.fillPath(path, self._palette.surface)
        band = QRectF(rect.left(), self.image.geometry().bottom() + 1, rect.width(),
                      max(6.0, self._scale.gap * 0.5))
        painter.fillRect(band, self._colour)
        if self.hasFocus():
            pen = QPen(self._palette.accent, ring)
        else:
            pen = QPen(mix(self._palette.ink, self._palette.background, 0.78), 1.5)
        painter.setPen(pen)
        painter.drawPath(path)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.click()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.focusNextChild()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.focusPreviousChild()
        else:
            super().keyPressEvent(event)


class SommaireScreen(Screen):
    """The chapter cards in a grid that reflows with the window."""

    def __init__(
        self,
        state: ReaderState,
        loader: ImageLoader,
        palette: Palette,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sommaire")
        self._state = state
        story = state.story
        self.heading = QLabel(self.tr("Sommaire"), self)
        self.heading.setObjectName("sommaireTitle")
        self.story_title = QLabel(story.title if story else "", self)
        self.story_title.setObjectName("muted")
        self.story_title.setTextFormat(Qt.TextFormat.PlainText)  # the author's text
        self.home_button = QPushButton(self.tr("Accueil"), self)
        self.home_button.setObjectName("homeButton")
        self.home_button.setAccessibleName(self.tr("Retour à l’accueil"))
        self.home_button.clicked.connect(state.show_cover)
        self.about_button = QPushButton(self.tr("À propos"), self)
        self.about_button.setObjectName("sommaireAboutButton")
        self.about_button.setAccessibleName(self.tr("À propos de l’exposition"))
        self.about_button.clicked.connect(state.show_about)
        self.pages_button = QPushButton(self.tr("Toutes les pages"), self)
        self.pages_button.setObjectName("sommairePagesButton")
        self.pages_button.setAccessibleName(self.tr("Toutes les pages, en vignettes"))
        self.pages_button.clicked.connect(lambda: state.show_screen("overview"))
        # « Glossaire » (issue 18), when the pack has one
        self.glossary_button = QPushButton(self.tr("Glossaire"), self)
        self.glossary_button.setObjectName("sommaireGlossaryButton")
        self.glossary_button.setAccessibleName(self.tr("Glossaire : les mots difficiles"))
        self.glossary_button.clicked.connect(lambda: state.show_screen("glossary"))
        self.glossary_button.setVisible(story is not None and story.glossary is not None)
        self.quiz_button = QPushButton(self.tr("Quiz"), self)
        self.quiz_button.setObjectName("sommaireQuizButton")
        self.quiz_button.setAccessibleName(self.tr("Tester mes connaissances : les quiz"))
        self.quiz_button.clicked.connect(lambda: open_quiz(state, ""))
        self.quiz_button.setVisible(bool(story is not None and story.quizzes))
        self.start_button = QPushButton(self.tr("Commencer la visite"), self)
        self.start_button.setObjectName("sommaireStartButton")
        self.start_button.setProperty("primary", True)
        self.start_button.setAccessibleName(self.tr("Commencer la visite au premier chapitre"))
        self.start_button.clicked.connect(state.start)

        self.cards: list[ChapterCard] = []
        grid_host = QWidget()
        grid_host.setObjectName("cardGrid")
        self.grid = QGridLayout(grid_host)
        for index, chapter in enumerate(story.chapters if story else []):
            card = ChapterCard(index + 1, chapter, loader, palette, grid_host)
            card.clicked.connect(lambda _=False, i=index: state.open_chapter(i))
            self.cards.append(card)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(grid_host)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setAccessibleName(self.tr("Chapitres"))

        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.story_title)
        titles.addWidget(self.heading)
        head.addLayout(titles, 1)
        self._head = head
        self._titles = titles
        # the header's buttons beside the title when they fit, on a row of their own under it
        # when they do not (1024x768, large text): never squeezed into clipped labels
        self._head_buttons = [self.home_button, self.glossary_button, self.quiz_button,
                              self.about_button, self.pages_button, self.start_button]
        self._button_row = QHBoxLayout()
        self._button_row.addStretch(1)
        self._buttons_in_head = False
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(self._button_row)
        layout.addWidget(self.scroll, 1)
        self._layout = layout
        self._scale = TypeScale.for_size(1280, 800)
        self._columns = 0

    def apply_scale(self, scale: TypeScale) -> None:
        self._scale = scale
        m = scale.margin
        self._layout.setContentsMargins(m, round(m * 0.8), m, 0)
        self._layout.setSpacing(round(scale.gap * 1.2))
        self._head.setSpacing(scale.gap)
        story = self._state.story
        # The window's language button (« English ») sits in the top right corner: the
        # header's buttons stay clear of it (its width: the style sheet's button sizes).
        room = round(scale.label * 5.5 + scale.body * 2 + 40) if (
            story is not None and len(story.languages) > 1) else 0
        self._head.setContentsMargins(0, 0, room, 0)
        self._button_row.setSpacing(scale.gap)
        self.heading.setFont(title_font(scale.page_title, 640))
        self.story_title.setFont(body_font(scale.label, bold=True))
        self._place_buttons(force=True)
        self._reflow(force=True)

    def _place_buttons(self, force: bool = False) -> None:
        """The header's buttons beside the title if all of them fit there at their full
        width, else on their own row under it."""
        shown = [b for b in self._head_buttons if not b.isHidden()]
        gap = self._scale.gap
        needed = (self._titles.sizeHint().width() + sum(b.sizeHint().width() + gap for b in shown)
                  + self._head.contentsMargins().right() + 2 * self._scale.margin)
        in_head = needed <= self.width()
        if in_head == self._buttons_in_head and not force:
            return
        self._buttons_in_head = in_head
        for button in self._head_buttons:
            self._head.removeWidget(button)
            self._button_row.removeWidget(button)
        for button in self._head_buttons:
            if in_head:
                self._head.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            else:
                self._button_row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

    def _reflow(self, force: bool = False) -> None:
        scale = self._scale
        available = max(1, self.scroll.viewport().width())
        minimum = scale.body * 13
        columns = max(1, min(4, len(self.cards) or 1, int(available // minimum)))
        if columns == 3 and len(self.cards) in (4, 7, 8) and available / 4 >= scale.body * 10:
            columns = 4
        spacing = round(scale.gap * 1.4)
        self.grid.setSpacing(spacing)
        self.grid.setContentsMargins(0, 0, 0, scale.gap)
        width = (available - spacing * (columns - 1)) // columns
        if self.cards:
            rows = -(-len(self.cards) // columns)
            text_h = max(card.text_height(scale, width) for card in self.cards)
            room = (self.scroll.viewport().height() - scale.gap - spacing * (rows - 1)) // rows
            image_h = round(min(width * 0.56, max(width * 0.26, room - text_h)))
            for start in range(0, len(self.cards), columns):
                row = self.cards[start:start + columns]
                height = image_h + max(card.text_height(scale, width) for card in row)
                for card in row:
                    card.apply_scale(scale, width, image_h, height)
        if columns == self._columns and not force:
            return
        self._columns = columns
        for card in self.cards:
            self.grid.removeWidget(card)
        for index, card in enumerate(self.cards):
            self.grid.addWidget(card, index // columns, index % columns, Qt.AlignmentFlag.AlignTop)
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.grid.setRowStretch(len(self.cards) // columns + 1, 1)

    @property
    def columns(self) -> int:
        return self._columns

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._place_buttons()
        self._reflow()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        self._reflow()

    @property
    def images_ready(self) -> bool:
        return all(card.image.is_ready for card in self.cards)

    def handle_key(self, event: QKeyEvent) -> bool:
        """With the focus on the screen itself (just shown), an arrow goes to the first card;
        Tab follows the screen (« Accueil » … « Commencer la visite », then the cards)."""
        keys = (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up)
        if self.cards and QApplication.focusWidget() is self and event.key() in keys:
            self.cards[0].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return False
