"""Colours of the interactive views, taken from the pack's look (never hard-coded words)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from PySide6.QtGui import QColor

from loosstory.story.model import Look
from loosstory.story.viewfile import resolve_colour
from loosstory.ui.look.theme import contrast_ratio, mix, relative_luminance

DARK = "#1f2326"
LIGHT = "#ffffff"


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
        light = self.background if relative_luminance(QColor(self.background)) > 0.8 else LIGHT
        return light if contrast_ratio(light, fill) >= contrast_ratio(self.ink, fill) else self.ink

    # derived colours are asked for by every paint: worked out once per ViewColours

    @cached_property
    def surface(self) -> str:
        return mix(self.background, LIGHT, 0.6).name()

    @cached_property
    def muted(self) -> str:
        """Secondary text: as light as possible while keeping 4.5:1 on the surface."""
        for amount in (0.35, 0.3, 0.25, 0.2, 0.1, 0.0):
            colour = mix(self.ink, self.background, amount)
            if contrast_ratio(colour, self.surface) >= 4.6 and contrast_ratio(colour, self.background) >= 4.6:
                return colour.name()
        return self.ink

    @cached_property
    def border(self) -> str:
        return mix(self.ink, self.background, 0.7).name()

    @cached_property
    def qt(self) -> QtColours:
        return QtColours(self)

    @property
    def focus(self) -> str:
        """The focus ring: the ink, thick, with a light halo drawn around it."""
        return self.ink
