"""Colours of the interactive views, taken from the pack's look (never hard-coded words)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from PySide6.QtGui import QColor

from loosstory.story.model import Look
from loosstory.story.viewfile import resolve_colour

DARK = "#1f2326"
LIGHT = "#ffffff"


def _luminance(colour: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF()))


def contrast(a: str | QColor, b: str | QColor) -> float:
    la, lb = _luminance(QColor(a)), _luminance(QColor(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def blend(a: str | QColor, b: str | QColor, amount: float) -> QColor:
    ca, cb = QColor(a), QColor(b)
    return QColor.fromRgbF(
        ca.redF() + (cb.redF() - ca.redF()) * amount,
        ca.greenF() + (cb.greenF() - ca.greenF()) * amount,
        ca.blueF() + (cb.blueF() - ca.blueF()) * amount,
    )


class QtColours:
    """A view's colours as QColors, parsed once: paint code asks for them at every frame."""

    def __init__(self, colours: ViewColours) -> None:
        self.background = QColor(colours.background)
        self.surface = QColor(colours.surface)
        self.ink = QColor(colours.ink)
        self.muted = QColor(colours.muted)


@dataclass(frozen=True)
class ViewColours:
    """Background, ink and palette of a view; every text colour checked for contrast."""

    background: str = "#f6f1e7"
    ink: str = DARK
    palette: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_look(cls, look: Look | Mapping[str, str] | None) -> ViewColours:
        """From a :class:`loosstory.story.model.Look`, a palette mapping, or None."""
        if look is None:
            return cls()
        if isinstance(look, Mapping):
            palette = dict(look)
            return cls(background=palette.get("creme", "#f6f1e7"),
                       ink=palette.get("charbon", DARK), palette=palette)
        if not isinstance(look, Look):
            return cls()
        palette = dict(look.palette or {})
        background = resolve_colour(look.background, palette, "#f6f1e7")
        ink = resolve_colour(look.ink, palette, DARK)
        return cls(background=background, ink=ink, palette=palette)

    def resolve(self, value: str, fallback: str | None = None) -> str:
        return resolve_colour(value, dict(self.palette), fallback or self.ink)

    def text_on(self, fill: str | QColor) -> str:
        """Light or dark ink on ``fill``: whichever reads better (≥ 4.5:1 with the pack's colours)."""
        light = self.background if _luminance(QColor(self.background)) > 0.8 else LIGHT
        return light if contrast(light, fill) >= contrast(self.ink, fill) else self.ink

    # derived colours are asked for by every paint: worked out once per ViewColours

    @cached_property
    def surface(self) -> str:
        return blend(self.background, LIGHT, 0.6).name()

    @cached_property
    def muted(self) -> str:
        """Secondary text: as light as possible while keeping 4.5:1 on the surface."""
        for amount in (0.35, 0.3, 0.25, 0.2, 0.1, 0.0):
            colour = blend(self.ink, self.background, amount)
            if contrast(colour, self.surface) >= 4.6 and contrast(colour, self.background) >= 4.6:
                return colour.name()
        return self.ink

    @cached_property
    def border(self) -> str:
        return blend(self.ink, self.background, 0.7).name()

    @cached_property
    def qt(self) -> QtColours:
        return QtColours(self)

    @property
    def focus(self) -> str:
        """The focus ring: the ink, thick, with a light halo drawn around it."""
        return self.ink
