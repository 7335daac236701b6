"""A figure opened large: the picture over the whole screen, its caption and credit under it.

An overlay over the page screen (docs/architecture.md: a screen's own layer, not a screen
of the stack: the page stays where it was, and closing shows it again). A tap anywhere,
Esc, Backspace, Alt+← or the mouse's back button closes it; « Fermer » is a real button
(Enter and Space). "Next" and "previous" close it first (PageScreen.advance).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from loosstory.story.model import Figure
from loosstory.ui.look.theme import Palette, TypeScale, body_font
from loosstory.ui.pictures.figure import ImageView
from loosstory.ui.pictures.images import FIT, ImageLoader

TAP_SLOP_PX = 12  # a press and release closer than this is a tap, not a swipe

CLOSE_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_Backspace, Qt.Key.Key_Back)


def is_back(event: QKeyEvent) -> bool:
    """Esc, Backspace, the Back key or Alt+←: the visitor wants out."""
    if event.key() in CLOSE_KEYS:
        return True
    return (event.key() == Qt.Key.Key_Left
            and bool(event.modifiers() & Qt.KeyboardModifier.AltModifier))


class FigureZoom(QWidget):
    """The figure ``figure`` as large as ``host`` (covering it), until closed."""

    closed = Signal()

    def __init__(self, figure: Figure, loader: ImageLoader, palette: Palette,
                 scale: TypeScale, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("figureZoom")
        self.figure = figure
        self._palette = palette
        self._press: QPoint | None = None
        self.setAccessibleName(self.tr("Image agrandie : %1").replace(
            "%1", figure.caption or figure.alt))
        self.setAccessibleDescription(figure.alt)
        self.image = ImageView(loader, palette, FIT, self)
        self.image.set_file(figure.file, figure.alt, figure.caption)
        self.image.tint = palette.ink
        self.caption = QLabel(figure.caption, self)
        self.caption.setObjectName("zoomCaption")
        self.credit = QLabel(figure.credit, self)
        self.credit.setObjectName("zoomCredit")
        for label in (self.caption, self.credit):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)  # the author's text
            label.setStyleSheet(f"color: {palette.background.name()}; background: transparent;")
        self.caption.setVisible(bool(figure.caption))
        self.credit.setVisible(bool(figure.credit))
        self.close_button = QPushButton(self)  # text after construction (no QIcon: see cover)
        self.close_button.setText(self.tr("Fermer"))
        self.close_button.setObjectName("zoomClose")
        self.close_button.setAccessibleName(self.tr("Fermer l’image agrandie"))
        self.close_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.close_button.clicked.connect(self.close_zoom)
        captions = QVBoxLayout()
        captions.addWidget(self.caption)
        captions.addWidget(self.credit)
        foot = QHBoxLayout()
        foot.addLayout(captions, 1)
        foot.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.image, 1)
        layout.addLayout(foot)
        self._layout, self._captions = layout, captions
        self.apply_scale(scale)
        self.setGeometry(host.rect())
        host.installEventFilter(self)  # follows the host's size
        self.show()
        self.raise_()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def apply_scale(self, scale: TypeScale) -> None:
        m = scale.margin
        self._layout.setContentsMargins(m, m, m, round(m * 0.6))
        self._layout.setSpacing(scale.gap)
        self._captions.setSpacing(max(2, scale.gap // 4))
        self.caption.setFont(body_font(scale.body, bold=True))  # as large as the page's text
        self.credit.setFont(body_font(scale.caption))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.parent() and event.type() == event.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False

    def paintEvent(self, event) -> None:  # noqa: N802
        colour = self._palette.ink
        QPainter(self).fillRect(self.rect(), colour)

    # -- closing ------------------------------------------------------------------------
    def close_zoom(self) -> None:
        host = self.parentWidget()
        if host is not None:
            host.removeEventFilter(self)
        self.hide()
        self.closed.emit()
        self.deleteLater()

    def handle_key(self, event: QKeyEvent) -> bool:
        """Keys while open: Back closes; Enter and Space are the focused button's."""
        if is_back(event):
            self.close_zoom()
            return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if not self.handle_key(event):
            super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.BackButton:
            self.close_zoom()
            return
        self._press = event.position().toPoint()

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        press, self._press = self._press, None
        if press is not None and (event.position().toPoint() - press).manhattanLength() \
                <= TAP_SLOP_PX:
            self.close_zoom()  # a tap anywhere closes
