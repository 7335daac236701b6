"""The cover: a full-bleed hero image, the story's title and a big "Commencer" button."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loosstory.ui.look.styles import gradient_background
from loosstory.ui.look.theme import Palette, TypeScale, body_font, title_font
from loosstory.ui.pictures.figure import ImageView
from loosstory.ui.pictures.images import COVER, ImageLoader
from loosstory.ui.qtlazy import Qt, set_enum_property
from loosstory.ui.screens.screen import Screen
from loosstory.ui.state.state import ReaderState

SCRIM = (18, 20, 23)  # the dark under the cover's text


class _Foreground(QWidget):
    """The text side of the cover, over a dark gradient so white text reads on any image:
    darkest under the text (``solid_until`` of the width), and shaded along the bottom.

    The gradients are two plain child widgets drawn by their style sheets: Qt paints them,
    no Python does, and no PySide6 gradient or brush type is built before the cover's first
    frame (QGradient alone ~2 ms: its Preset enum has ~180 values; see qtlazy).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.scrim = QWidget(self)  # under the labels: made first
        self.shade = QWidget(self)
        self.shade.setStyleSheet(gradient_background(SCRIM, ((0.7, 0.0), (1.0, 0.7)),
                                                     vertical=True))
        self.solid_until = 0.0
        self.set_solid_until(0.45)
        self.first_painted: Callable[[], None] | None = None  # called once, after that paint

    def set_solid_until(self, fraction: float) -> None:
        if fraction != self.solid_until:
            self.solid_until = fraction
            self.scrim.setStyleSheet(gradient_background(
                SCRIM, ((0.0, 0.8), (fraction, 0.8), (min(1.0, fraction + 0.35), 0.0)),
                vertical=False))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.scrim.setGeometry(self.rect())
        self.shade.setGeometry(self.rect())

    def paintEvent(self, event) -> None:  # noqa: N802 - the children draw the scrim
        if self.first_painted is not None:
            QTimer.singleShot(0, self, self.first_painted)
            self.first_painted = None


class CoverScreen(Screen):
    def __init__(
        self,
        state: ReaderState,
        loader: ImageLoader,
        palette: Palette,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cover")
        self._state = state
        story = state.story
        self.hero = ImageView(loader, palette, COVER, self, state.config.resize_debounce_ms)
        self.hero.tint = QColor("#3b4046")
        self.hero.decode_after_paint = True  # the title and buttons first, the picture next
        cover = story.cover if story else None
        self.hero.set_file(cover.file if cover else None, cover.alt if cover else "")
        self.front = _Foreground(self)

        # Colours and the start button's size come from the window's style sheet (styles.py),
        # by these object names: one sheet, polished once.
        self.eyebrow = QLabel(self.front)
        self.eyebrow.setObjectName("coverEyebrow")
        self.title = QLabel(self.front)
        self.title.setObjectName("coverTitle")
        self.title.setWordWrap(True)
        self.subtitle = QLabel(self.front)
        self.subtitle.setObjectName("coverSubtitle")
        self.subtitle.setWordWrap(True)
        for label in (self.title, self.subtitle):  # the author's text, never rich text
            set_enum_property(label, "textFormat", "PlainText")
        # QPushButton(parent) then setText: given (text, parent), PySide6 tries the (icon,
        # text, parent) overload first and builds QIcon's type (~1.5 ms, see qtlazy).
        self.start_button = QPushButton(self.front)
        self.start_button.setObjectName("startButton")
        self.start_button.setProperty("primary", True)
        self.start_button.clicked.connect(state.start)
        self.sommaire_button = QPushButton(self.front)
        self.sommaire_button.setObjectName("coverSommaireButton")
        self.sommaire_button.clicked.connect(state.show_sommaire)
        self.credit = QLabel(self.front)
        self.credit.setObjectName("coverCredit")
        set_enum_property(self.credit, "textFormat", "PlainText")
        set_enum_property(self.credit, "alignment", "AlignRight|AlignBottom")
        self._scale: TypeScale | None = None
        self.retranslate()

        column = QVBoxLayout()
        column.addStretch(3)
        column.addWidget(self.eyebrow)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addSpacing(24)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.sommaire_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addStretch(2)
        self._column = column
        self._buttons = buttons
        row = QHBoxLayout(self.front)
        row.addLayout(column, 11)
        row.addStretch(9)
        self._row = row
        self._fitted: tuple[TypeScale | None, int, str] = (None, 0, "")  # what _fit last did
        self.apply_scale(TypeScale.for_size(1280, 800))  # the window gives its own when shown
        self.front.first_painted = self._after_first_frame

    def retranslate(self) -> None:
        """The interface's words in the language installed, the story's in its language
        (a story replaced by its other language keeps this cover)."""
        story = self._state.story
        self.eyebrow.setText(self.tr("Une exposition à parcourir"))
        self.title.setText(story.title if story else "")
        self.subtitle.setText(story.subtitle if story else "")
        label = story.start_label if story and story.start_label else self.tr("Commencer")
        self.start_button.setText(label.replace("&", "&&"))
        self.start_button.setAccessibleName(self.tr("Commencer la visite"))
        self.sommaire_button.setText(self.tr("Sommaire"))
        self.sommaire_button.setAccessibleName(self.tr("Voir le sommaire des chapitres"))
        cover = story.cover if story else None
        credit_text = ""
        if cover is not None:
            credit_text = " — ".join(t for t in (cover.caption, cover.credit) if t)
        self.credit.setText(credit_text)
        self.credit.setAccessibleName(self.tr("Crédit de l’image : %1").replace("%1", credit_text))
        if self._scale is not None and self.isVisible():
            self._fit()

    def _after_first_frame(self) -> None:
        """What the first frame does not show: the buttons' hand cursor (its enum is in
        PySide6's ``Qt`` namespace, built now rather than before that frame, see qtlazy)."""
        for button in (self.start_button, self.sommaire_button):
            button.setCursor(Qt.CursorShape.PointingHandCursor)

    def apply_scale(self, scale: TypeScale) -> None:
        """Sizes for ``scale``; the title fitted to the width when the cover is on screen."""
        if scale == self._scale:
            return
        self._scale = scale
        m = scale.margin * 2
        self._row.setContentsMargins(m, m, m, round(scale.margin * 1.2))
        self._column.setSpacing(round(scale.gap * 0.8))
        self._buttons.setSpacing(scale.gap)
        self.eyebrow.setFont(body_font(scale.label, bold=True))
        self.subtitle.setFont(title_font(scale.body * 1.35, 420))
        self.credit.setFont(body_font(scale.small))
        self.credit.setWordWrap(True)
        if self.isVisible():  # else when shown (resizeEvent)
            self._fit()

    def _column_width(self) -> int:
        narrow = self.width() < 1.5 * max(1, self.height())
        self._row.setStretch(0, 15 if narrow else 11)
        self._row.setStretch(1, 5 if narrow else 9)
        share = 15 / 20 if narrow else 11 / 20
        self.front.set_solid_until(0.72 if narrow else 0.45)
        return max(200, round((self.width() - 4 * self._scale.margin) * share))

    def _fit(self) -> None:
        """The title as large as the scale allows, never broken inside a word."""
        scale = self._scale
        width = self._column_width()
        text = self.title.text()
        if self._fitted == (scale, width, text):
            self._place_credit()
            return
        self._fitted = (scale, width, text)
        words = text.split() or [""]
        floor = scale.body * 1.6
        px = scale.display
        # Advances grow in proportion to the size: one measure gives the size to try, 5 %
        # under it (hinting rounds advances up), a second one checks it, then 5 % steps.
        # Each size measured loads the variable font anew (~1.3 ms): two, most of the time.
        for attempt in range(12):
            metrics = QFontMetrics(title_font(px, 640))
            longest = max(metrics.horizontalAdvance(word) for word in words)
            whole = metrics.horizontalAdvance(text)
            fits = min(width * 0.98 / max(1, longest), width * 1.9 / max(1, whole))
            if fits >= 1.0 or px <= floor:
                break
            px = max(floor, px * (fits if attempt == 0 else 1.0) * 0.95)
        self.title.setFont(title_font(px, 640))
        self.title.setMaximumWidth(width)
        self.subtitle.setMaximumWidth(width)
        self._place_credit()

    def _place_credit(self) -> None:
        margin = self._scale.margin
        width = max(200, self.width() // 2 - margin)
        self.credit.setFixedWidth(width)
        self.credit.setFixedHeight(self.credit.heightForWidth(width))
        self.credit.move(self.width() - width - margin,
                         self.height() - self.credit.height() - margin // 2)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.hero.setGeometry(self.rect())
        self.front.setGeometry(self.rect())
        self._fit()

    @property
    def images_ready(self) -> bool:
        return self.hero.is_ready
