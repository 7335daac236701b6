"""The attract loop: the pack's own chapter covers, titles and guiding questions, slowly
panning and zooming, with « Touchez l'écran pour commencer ».

Everything comes from the story (its cover, each chapter's cover, title, question and
colour); nothing is specific to Loos-en-Gohelle. Images are decoded off the UI thread by an
:class:`ImageLoader`. ``slide_ms`` and ``frame_ms`` come from the kiosk settings (tests use
tens of milliseconds); ``motion=False`` (reduced motion) shows still pictures and plain cuts.
Any touch, click or key emits ``touched``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QElapsedTimer,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QLinearGradient, QPainter, QPainterPath
from PySide6.QtWidgets import QWidget

from loosstory.modes.kiosk.theme import KioskLook, scale_for, shade
from loosstory.story.model import Story
from loosstory.ui.look.theme import body_font, ink_on, title_font
from loosstory.ui.pictures.images import COVER, ImageLoader, image_key

INVITATION = QT_TRANSLATE_NOOP("AttractLoop", "Touchez l'écran pour commencer")
UNAVAILABLE = QT_TRANSLATE_NOOP("AttractLoop", "L'exposition revient dans un instant")
ZOOM = 0.10  # the picture grows by 10 % over a slide
FADE = 0.12  # fraction of a slide spent cross-fading into it


@dataclass(frozen=True)
class Slide:
    eyebrow: str
    title: str
    text: str
    image: Path | None
    colour: str
    ref: str = ""  # the chapter a tap on this slide opens ("" : the story's beginning)


def slides_from(story: Story | None) -> list[Slide]:
    if story is None:
        return [Slide("", "loosstory", "", None, "#2b3a42")]
    slides = [Slide(QCoreApplication.translate("AttractLoop", "Une exposition à parcourir"), story.title, story.subtitle,
                    story.cover.file if story.cover else None, story.look.accent)]
    for number, chapter in enumerate(story.chapters, start=1):
        slides.append(Slide(QCoreApplication.translate("AttractLoop", "Chapitre %1").replace("%1", str(number)), chapter.title, chapter.question,
                            chapter.cover.file if chapter.cover else None, chapter.colour,
                            chapter.id))
    return slides


class AttractLoop(QWidget):
    touched = Signal()
    slide_changed = Signal(int)

    def __init__(self, story: Story | None, look: KioskLook, slide_ms: int = 9000,
                 frame_ms: int = 40, motion: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attractLoop")
        self.setAccessibleName(QCoreApplication.translate("AttractLoop", INVITATION))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.look = look
        self.motion = motion
        self.slide_ms = max(1, slide_ms)
        self.loader = ImageLoader(64 * 1024 * 1024, 1)
        self.loader.setParent(self)
        self.loader.image_ready.connect(lambda *_: self.update())
        self.slides: list[Slide] = []
        self.unavailable = False  # no playable story: no invitation to touch
        self.index = 0
        self.previous = -1
        self._clock = QElapsedTimer()
        self._next = QTimer(self)
        self._next.timeout.connect(self.advance)
        self._frame = QTimer(self)
        self._frame.setInterval(max(10, frame_ms))
        self._frame.timeout.connect(self.update)
        self.set_story(story)
        self.hide()

    def set_story(self, story: Story | None) -> None:
        self.slides = slides_from(story)
        self.index, self.previous = 0, -1
        self.update()

    # -- running ---------------------------------------------------------------------------
    def begin(self) -> None:
        self.index, self.previous = 0, -1
        self._clock.start()
        self._next.start(self.slide_ms)
        if self.motion:
            self._frame.start()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def stop(self) -> None:
        self._next.stop()
        self._frame.stop()
        self.hide()

    @property
    def shown_ref(self) -> str:
        """The chapter on screen ("" for the story's own cover): a tap opens it."""
        return self.slides[self.index].ref if self.slides else ""

    @property
    def running(self) -> bool:
        return self._next.isActive()

    def advance(self) -> None:
        self.previous = self.index
        self.index = (self.index + 1) % len(self.slides)
        self._clock.start()
        self._prefetch(self.slides[(self.index + 1) % len(self.slides)])
        self.slide_changed.emit(self.index)
        self.update()

    # -- input -----------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:  # noqa: N802
        event.accept()
        self.touched.emit()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        self.touched.emit()

    def event(self, event) -> bool:
        if event.type().name == "TouchBegin":
            event.accept()
            self.touched.emit()
            return True
        return super().event(event)

    # -- drawing ---------------------------------------------------------------------------
    def _box(self) -> QSize:
        grow = 1.0 + ZOOM if self.motion else 1.0
        return QSize(max(1, round(self.width() * grow)), max(1, round(self.height() * grow)))

    def _image(self, slide: Slide) -> QImage | None:
        return self.loader.request(slide.image, self._box(), COVER) if slide.image else None

    def _prefetch(self, slide: Slide) -> None:
        if slide.image is not None and not self.loader.is_pending(
                image_key(slide.image, self._box(), COVER)):
            self.loader.request(slide.image, self._box(), COVER)

    def progress(self) -> float:
        if not self._clock.isValid():
            return 0.0
        return min(1.0, self._clock.elapsed() / self.slide_ms)

    def _draw_picture(self, p: QPainter, index: int, t: float, opacity: float) -> None:
        slide = self.slides[index]
        image = self._image(slide)
        p.setOpacity(opacity)
        if image is None or image.isNull():
            band = QLinearGradient(QPointF(0, 0), QPointF(self.width(), self.height()))
            band.setColorAt(0, QColor(slide.colour))
            band.setColorAt(1, self.look.night)
            p.fillRect(self.rect(), band)
        else:
            w, h = self.width(), self.height()
            zoom = 1.0 + ZOOM * t if self.motion else 1.0
            # slow Ken Burns: zoom in while drifting, alternating direction per slide
            drift = (t - 0.5) * 0.04 * (1 if index % 2 else -1) if self.motion else 0.0
            sw, sh = image.width() / zoom, image.height() / zoom
            x = (image.width() - sw) / 2 + drift * image.width()
            y = (image.height() - sh) / 2
            x = max(0.0, min(image.width() - sw, x))
            p.drawImage(QRectF(0, 0, w, h), image, QRectF(x, y, sw, sh))
        p.setOpacity(1.0)

    def paintEvent(self, event) -> None:  # noqa: N802
        if not self.slides:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        p.fillRect(self.rect(), self.look.night)
        t = self.progress()
        fading = self.motion and self.previous >= 0 and t < FADE
        if fading:
            self._draw_picture(p, self.previous, 1.0, 1.0)
        self._draw_picture(p, self.index, t, t / FADE if fading else 1.0)
        self._draw_text(p, self.slides[self.index])

    def _draw_text(self, p: QPainter, slide: Slide) -> None:
        w, h = self.width(), self.height()
        s = scale_for(w, h)
        # a dark band from the bottom keeps white text >= 4.5:1 on any picture
        shade_grad = QLinearGradient(QPointF(0, h * 0.25), QPointF(0, h))
        shade_grad.setColorAt(0.0, shade(self.look.night, 0.0))
        shade_grad.setColorAt(0.45, shade(self.look.night, 0.82))
        shade_grad.setColorAt(1.0, shade(self.look.night, 0.94))
        p.fillRect(self.rect(), shade_grad)
        margin = round(96 * s)
        width = w - 2 * margin
        # the invitation: a pill in the chapter colour, centred near the bottom
        pill_font = body_font(max(26, 46 * s), bold=True)
        fm = QFontMetricsF(pill_font)
        pill_h = max(64.0, 112 * s)
        pill_w = min(w - 2 * margin, fm.horizontalAdvance(QCoreApplication.translate("AttractLoop", INVITATION)) + pill_h * 1.2)
        pulse = 1.0
        if self.motion:
            pulse = 0.92 + 0.08 * abs(1 - 2 * ((self._clock.elapsed() % 2400) / 2400)) \
                if self._clock.isValid() else 1.0
        pill = QRectF((w - pill_w) / 2, h - margin - pill_h, pill_w, pill_h)
        colour = QColor(slide.colour)
        fill = QColor(colour)
        fill.setAlphaF(pulse)
        path = QPainterPath()
        path.addRoundedRect(pill, pill_h / 2, pill_h / 2)
        p.fillPath(path, fill)
        p.setPen(ink_on(colour))
        p.setFont(pill_font)
        p.drawText(pill, Qt.AlignmentFlag.AlignCenter,
                   QCoreApplication.translate("AttractLoop", UNAVAILABLE if self.unavailable else INVITATION))
        # eyebrow, title, question above it, left-aligned on the dark band
        bottom = pill.top() - round(72 * s)
        question_font = body_font(max(22, 40 * s))
        title_px = max(40, 104 * s)
        title_f = title_font(title_px, 660)
        eyebrow_f = body_font(max(18, 30 * s), bold=True)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom | Qt.TextFlag.TextWordWrap
        text_w = min(width, round(1400 * s))
        q_rect = QFontMetricsF(question_font).boundingRect(
            QRectF(0, 0, text_w, h), int(flags), slide.text)
        t_rect = QFontMetricsF(title_f).boundingRect(QRectF(0, 0, text_w, h), int(flags),
                                                     slide.title)
        e_h = QFontMetricsF(eyebrow_f).height()
        y_q = bottom - q_rect.height()
        y_t = y_q - round(20 * s) - t_rect.height()
        y_e = y_t - round(16 * s) - e_h
        p.setPen(QColor("#ffffff"))
        p.setFont(question_font)
        p.drawText(QRectF(margin, y_q, text_w, q_rect.height()), int(flags), slide.text)
        p.setFont(title_f)
        p.drawText(QRectF(margin, y_t, text_w, t_rect.height()), int(flags), slide.title)
        p.setFont(eyebrow_f)
        p.setPen(QColor("#f1e3c8"))
        p.drawText(QRectF(margin, y_e, text_w, e_h), int(flags), slide.eyebrow.upper())
        # where we are in the loop: small dots, top right
        dot = max(8.0, 14 * s)
        gap = dot * 0.9
        x0 = w - margin - len(self.slides) * (dot + gap)
        for i in range(len(self.slides)):
            c = QColor("#ffffff")
            c.setAlphaF(0.95 if i == self.index else 0.35)
            p.setBrush(c)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QRectF(x0 + i * (dot + gap), margin * 0.6, dot, dot))
