"""Pictures on screen: an image box fed by the loader, a placeholder, and a captioned figure."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from loosstory.story.model import Figure
from loosstory.ui.look.theme import BODY_FAMILY, Palette, TypeScale, body_font, mix
from loosstory.ui.pictures.images import COVER, FIT, ImageLoader, image_key
from loosstory.ui.qtlazy import Qt  # the cover's picture is an ImageView: see qtlazy


def draw_placeholder(
    painter: QPainter, rect: QRectF, tint: QColor, ink: QColor, text: str = ""
) -> None:
    """A tinted box with a drawn picture icon (frame, sun, hills) and an optional text."""
    from PySide6.QtGui import QPainterPath, QPen  # only here: not on the cover's first frame

    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(rect, tint)
    side = max(24.0, min(rect.width(), rect.height()) * 0.22)
    has_text = bool(text) and rect.height() > side * 2.2
    icon = QRectF(0, 0, side * 1.3, side)
    icon.moveCenter(QPointF(rect.center().x(), rect.center().y() - (side * 0.4 if has_text else 0)))
    pen = QPen(ink, max(2.0, side * 0.06))
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(icon, side * 0.08, side * 0.08)
    painter.setBrush(ink)
    painter.drawEllipse(QPointF(icon.right() - side * 0.32, icon.top() + side * 0.3), side * 0.1, side * 0.1)
    hills = QPainterPath()
    hills.moveTo(icon.left() + side * 0.1, icon.bottom() - side * 0.1)
    hills.lineTo(icon.left() + side * 0.45, icon.top() + side * 0.42)
    hills.lineTo(icon.left() + side * 0.7, icon.bottom() - side * 0.35)
    hills.lineTo(icon.left() + side * 0.85, icon.top() + side * 0.6)
    hills.lineTo(icon.right() - side * 0.1, icon.bottom() - side * 0.1)
    hills.closeSubpath()
    painter.drawPath(hills)
    if has_text:
        font = QFont(BODY_FAMILY)
        font.setPixelSize(max(14, round(side * 0.3)))
        painter.setFont(font)
        painter.setPen(ink)
        text_rect = QRectF(rect.left() + side * 0.3, icon.bottom() + side * 0.25,
                           rect.width() - side * 0.6, rect.bottom() - icon.bottom() - side * 0.35)
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                         | Qt.TextFlag.TextWordWrap, text)
    painter.restore()


class ImageView(QWidget):
    """Shows one image file decoded at this widget's size, off the UI thread.

    ``mode`` is "fit" (whole image, centred) or "cover" (fills the box, centred crop).
    While decoding, the previous image (if any) is drawn scaled; a missing or unreadable
    file shows the placeholder with ``placeholder_text``.
    """

    def __init__(
        self,
        loader: ImageLoader,
        palette: Palette,
        mode: str = FIT,
        parent: QWidget | None = None,
        debounce_ms: int = 60,
    ) -> None:
        super().__init__(parent)
        self._loader = loader
        self._palette = palette
        self._mode = mode
        self._path: Path | None = None
        self._image: QImage | None = None
        self._key = ""
        self._missing = False
        self.placeholder_text = ""
        self.bottom_left = False  # "fit": the picture in the box's bottom-left corner, not centred
        self.hug = False  # narrow to the image's width, so what follows sits next to it
        # "cover": the image fills the box, so the tint is the box's background, filled by Qt
        # before paintEvent (QPainter.fillRect would build PySide6's `Qt` enums before the
        # cover's first frame: see qtlazy).
        self.setAutoFillBackground(mode == COVER)
        self.tint = mix(palette.background, palette.accent, 0.14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(40, 40)
        self._resize_timer = QTimer(self, singleShot=True, interval=max(0, debounce_ms))
        self._deferred = False  # a decode request waits for the layout to settle
        # The cover asks for its picture only once its first frame is painted: decoding
        # it meanwhile delayed that frame by ~20 ms (bench/README.md, start-up).
        self.decode_after_paint = False
        self._painted = False
        self._resize_timer.timeout.connect(self._request_later)
        loader.image_ready.connect(self._on_ready)
        loader.image_failed.connect(self._on_failed)

    # -- state ---------------------------------------------------------------------------
    def set_file(self, path: Path | None, alt: str = "", placeholder_text: str = "") -> None:
        self._path = path
        self._image = None
        self._missing = path is None or not Path(path).is_file()
        self.placeholder_text = placeholder_text
        self.setAccessibleName(alt or self.tr("Image"))
        self.setAccessibleDescription(alt)
        self._request()
        self.update()

    @property
    def tint(self) -> QColor:
        """The colour shown while the image is on its way."""
        return self._tint

    @tint.setter
    def tint(self, colour: QColor) -> None:
        self._tint = colour
        if self._mode == COVER:
            palette = self.palette()
            palette.setColor(QPalette.ColorRole.Window, colour)
            self.setPalette(palette)
        self.update()

    @property
    def is_placeholder(self) -> bool:
        return self._missing

    @property
    def is_ready(self) -> bool:
        """True when what should be drawn is drawn (image decoded at size, or placeholder)."""
        if self._missing or self._path is None:
            return True
        return (self._image is not None and not self._loader.is_pending(self._key)
                and not self._resize_timer.isActive() and not self._deferred)

    @property
    def image(self) -> QImage | None:
        return self._image

    def box(self) -> QSize:
        ratio = self.devicePixelRatioF()
        return QSize(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))

    def _request(self, now: bool = False) -> None:
        """Show a cached image that suits the current size at once (or wait for one on its
        way). On a miss, the decode is asked for from a 0-ms timer (unless ``now``), at the
        size the widget has then: a new widget passes through sizes before the layout
        settles, and each would otherwise be a full decode."""
        if self._missing or self._path is None or not self.isVisible():
            return
        box = self.box()
        image = self._loader.lookup(self._path, box, self._mode)
        if image is None:
            pending = self._loader.pending_key(self._path, box, self._mode)
            if pending is not None:  # already on its way (a prefetch): wait for it
                self._key = pending
                return
            if not now:
                if not self._deferred and (self._painted or not self.decode_after_paint):
                    self._deferred = True
                    QTimer.singleShot(0, self, self._request_later)
                return
            self._key = image_key(self._path, box, self._mode)
            image = self._loader.request(self._path, box, self._mode)
            if image is None:
                if self._loader.has_failed(self._path, box, self._mode):
                    self._missing = True
                    self.update()
                return
        self._key = image_key(self._path, box, self._mode)
        if image is not self._image:
            self._image = image
            self._hug()
            self.update()

    def _request_later(self) -> None:
        self._deferred = False
        self._request(now=True)

    def _on_ready(self, key: str, image: QImage) -> None:
        if key == self._key:
            self._image = image
            self._hug()
            self.update()

    def _hug(self) -> None:
        if self.hug and self._image is not None and self._image.height() > 0:
            width = round(self.height() * self._image.width() / self._image.height())
            if abs(width - self.maximumWidth()) > 2:
                self.setMaximumWidth(max(40, width))

    def _on_failed(self, key: str) -> None:
        if key == self._key:
            self._missing = True
            self.update()

    # -- Qt ------------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().height() != event.size().height():
            self._hug()
        if self._image is None:
            self._request()
        else:
            self._resize_timer.start()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.decode_after_paint and not self._painted:
            return  # asked for by the first paint
        if self.testAttribute(Qt.WidgetAttribute.WA_Resized):
            self._request()  # otherwise the first resize (by the layout) asks, at the right size

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self._painted:
            self._painted = True
            if self.decode_after_paint and self._image is None:
                self._request()  # from a 0-ms timer: after this paint pass
        painter = QPainter(self)
        rect = QRectF(self.rect())
        if self._missing:
            draw_placeholder(painter, rect, self.tint, self._palette.muted, self.placeholder_text)
            return
        if self._image is None:
            if self._mode != COVER:  # else filled already (autoFillBackground)
                painter.fillRect(rect, self.tint)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        ratio = self.devicePixelRatioF()
        size = QSize(round(self._image.width() / ratio), round(self._image.height() / ratio))
        if self._mode == COVER:
            size = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatioByExpanding)
        else:
            size = size.scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(0, 0, size.width(), size.height())
        target.moveCenter(rect.center())
        if self._mode == FIT and self.bottom_left:
            target.moveBottomLeft(rect.bottomLeft())
        painter.setClipRect(rect)
        painter.drawImage(target, self._image)


class FigureWidget(QWidget):
    """A figure as the story wants it: the image large, its caption and, smaller, its credit.

    Captions sit under the image, or beside it (``set_side_captions``) when the figure is
    wide and short, as above the text on a narrow window. A tap on it (not a swipe) or
    Enter while it has the focus emits ``activated``: the page opens it large.
    """

    activated = Signal()

    def __init__(
        self,
        figure: Figure,
        loader: ImageLoader,
        palette: Palette,
        scale: TypeScale,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.figure = figure
        self.setObjectName("figure")
        self._ring = palette.accent
        self._press: QPoint | None = None
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.image = ImageView(loader, palette, FIT, self)
        self.image.set_file(figure.file, figure.alt, figure.caption)
        self.image.bottom_left = True
        self.captions = QWidget(self)
        self.caption = QLabel(figure.caption, self.captions)
        self.caption.setObjectName("caption")
        self.caption.setWordWrap(True)
        self.credit = QLabel(figure.credit, self.captions)
        self.credit.setObjectName("credit")
        self.credit.setWordWrap(True)
        for label in (self.caption, self.credit):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
            label.setTextFormat(Qt.TextFormat.PlainText)  # the author's text, never rich text
        self.caption.setAccessibleName(self.tr("Légende : %1").replace("%1", figure.caption))
        self.credit.setAccessibleName(self.tr("Crédit : %1").replace("%1", figure.credit))
        self.setAccessibleName(figure.caption or figure.alt)
        self.setAccessibleDescription(figure.alt)
        text = QVBoxLayout(self.captions)
        text.setContentsMargins(0, 0, 0, 0)
        text.addWidget(self.caption)
        text.addWidget(self.credit)
        self._text = text
        self.caption.setVisible(bool(figure.caption))
        self.credit.setVisible(bool(figure.credit))
        layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.image, 1)
        layout.addWidget(self.captions, 0)
        self._layout = layout
        self._side = False
        self.apply_scale(scale)

    # -- opening it large -----------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        press, self._press = self._press, None
        super().mouseReleaseEvent(event)
        if press is not None and event.button() == Qt.MouseButton.LeftButton and \
                (event.position().toPoint() - press).manhattanLength() <= 12:
            self.activated.emit()  # a tap; a swipe across the figure still turns the page

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.activated.emit()
            return
        super().keyPressEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.hasFocus():  # the focus ring, as on the buttons
            from PySide6.QtGui import QPen

            painter = QPainter(self)
            width = max(3, round(self.font().pixelSize() / 6)) if self.font().pixelSize() > 0 else 3
            painter.setPen(QPen(self._ring, width))
            inset = width // 2
            painter.drawRect(self.rect().adjusted(inset, inset, -inset - 1, -inset - 1))

    def focusInEvent(self, event) -> None:  # noqa: N802
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.update()

    def set_side_captions(self, side: bool) -> None:
        self._side = side
        self._layout.setDirection(
            QBoxLayout.Direction.LeftToRight if side else QBoxLayout.Direction.TopToBottom)
        self.image.hug = side
        if side and self._text.count() == 2:
            self._text.insertStretch(0, 1)  # captions at the image's foot
        elif not side and self._text.count() == 3:
            self._text.takeAt(0)
            self.image.setMaximumWidth(16777215)
        self.captions.setMaximumWidth(self._caption_width if side else 16777215)
        self.image.update()

    def apply_scale(self, scale: TypeScale) -> None:
        self._layout.setSpacing(max(4, scale.gap // 2) if not self._side else scale.gap)
        self._text.setSpacing(max(2, scale.gap // 4))
        self._caption_width = round(scale.body * 12)
        if self._side:
            self.captions.setMaximumWidth(self._caption_width)
        self.caption.setFont(body_font(scale.caption, bold=True))
        self.credit.setFont(body_font(scale.small))
