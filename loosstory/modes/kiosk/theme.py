"""Colours and sizes shared by the kiosk's own screens (countdown, attract, PIN, admin)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor

from loosstory.story.model import Look
from loosstory.ui.look.theme import Palette, contrast_ratio, ink_on, mix
from loosstory.ui.look.theme import screen_factor as scale_for  # 1.0 at 1080p
from loosstory.ui.look.theme import touch_px as touch  # >= 44 px

NIGHT = "#15181b"  # the attract loop's and the overlays' dark ground


@dataclass(frozen=True)
class KioskLook:
    palette: Palette
    night: QColor
    card: QColor  # the overlay cards
    accent: QColor  # buttons on the card
    on_accent: QColor

    @classmethod
    def from_look(cls, look: Look | None) -> KioskLook:
        palette = Palette.from_look(look or Look())
        accent = QColor(palette.accent)
        # the accent must read (>= 4.5:1) as a button on the light card
        card = QColor(palette.background)
        while contrast_ratio(accent, card) < 4.5 and accent.value() > 0:
            accent = accent.darker(110)
        return cls(palette, QColor(NIGHT), card, accent, ink_on(accent))


def shade(colour: QColor, alpha: float) -> QColor:
    c = QColor(colour)
    c.setAlphaF(alpha)
    return c


__all__ = ["KioskLook", "NIGHT", "mix", "scale_for", "shade", "touch"]
