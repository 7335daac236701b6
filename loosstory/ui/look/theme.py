"""The exhibition's look, in one place: colours and their contrast maths, the font families,
the type scale (from the window size, times the visitor's text size), the sizes of the
interactive views' text and of touch targets. The reader, the views and the kiosk's own
screens all take their look from here."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtGui import QColor, QFont

from loosstory.story.model import Look
from loosstory.ui.look.fonts import COVER_FONTS, load_fonts  # noqa: F401 - re-exported

BODY_FAMILY = "Atkinson Hyperlegible"
TITLE_FAMILY = "Fraunces"
DARK_INK = "#1f2326"
WHITE = "#ffffff"
MIN_CONTRAST = 4.5



# -- colour -----------------------------------------------------------------------------
def to_colour(value: str | QColor) -> QColor:
    # A copy by toRgb(), not QColor(QColor): PySide6 tries the Qt.GlobalColor overload
    # first, which builds the whole `Qt` namespace before the cover's first frame (qtlazy).
    colour = value.toRgb() if isinstance(value, QColor) else QColor(value)
    return colour if colour.isValid() else QColor(DARK_INK)


def relative_luminance(colour: str | QColor) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0 = black, 1 = white)."""
    c = to_colour(colour)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
    )


def contrast_ratio(fg: str | QColor, bg: str | QColor) -> float:
    """WCAG contrast ratio between two colours, from 1.0 (same) to 21.0 (black on white)."""
    a, b = relative_luminance(fg), relative_luminance(bg)
    lighter, darker = max(a, b), min(a, b)
    return (lighter + 0.05) / (darker + 0.05)


def ink_on(background: str | QColor, dark: str = DARK_INK, light: str = WHITE) -> QColor:
    """White or dark ink on ``background``: whichever contrasts more (>= 4.5:1 always).

    On mid-tones where neither reaches 4.5:1, pure black does (black or white always
    reaches at least 4.58:1).
    """
    best = max((dark, light), key=lambda ink: contrast_ratio(ink, background))
    if contrast_ratio(best, background) < MIN_CONTRAST:
        best = max(("#000000", "#ffffff"), key=lambda ink: contrast_ratio(ink, background))
    return to_colour(best)


def readable_on(fg: str | QColor, bg: str | QColor, minimum: float = MIN_CONTRAST) -> QColor:
    """``fg`` darkened (or lightened) step by step until it reaches ``minimum`` on ``bg``."""
    colour = to_colour(fg)
    darken = relative_luminance(bg) > 0.18
    for _ in range(40):
        if contrast_ratio(colour, bg) >= minimum:
            return colour
        colour = colour.darker(108) if darken else colour.lighter(108)
        if darken and colour.value() == 0 or not darken and colour.value() == 255:
            break
    return ink_on(bg)


def mix(a: str | QColor, b: str | QColor, amount: float) -> QColor:
    """``a`` blended towards ``b`` by ``amount`` (0 = a, 1 = b)."""
    ca, cb = to_colour(a), to_colour(b)
    return QColor.fromRgbF(
        ca.redF() + (cb.redF() - ca.redF()) * amount,
        ca.greenF() + (cb.greenF() - ca.greenF()) * amount,
        ca.blueF() + (cb.blueF() - ca.blueF()) * amount,
    )


class Palette(NamedTuple):
    """The story's colours, each text colour checked against its background."""

    background: QColor
    ink: QColor
    muted: QColor  # secondary text (credits, labels), still >= 4.5:1
    accent: QColor  # fills, focus ring, progress
    accent_text: QColor  # accent used as text on the background, >= 4.5:1
    on_accent: QColor  # text on an accent fill
    surface: QColor  # cards, panels

    @classmethod
    def from_look(cls, look: Look) -> Palette:
        background = to_colour(look.background)
        ink = readable_on(look.ink, background, 7.0)
        accent = to_colour(look.accent)
        return cls(
            background=background,
            ink=ink,
            muted=readable_on(mix(ink, background, 0.3), background),
            accent=accent,
            accent_text=readable_on(accent, background),
            on_accent=ink_on(accent),
            surface=mix(background, WHITE, 0.6),
        )

    @classmethod
    def high_contrast(cls) -> Palette:
        """The visitor's high-contrast setting: black on white (21:1), every other text
        >= 7:1, a dark blue accent and focus ring (> 9:1). Light, like the story's own
        palettes, so that a screen still drawn in the story's dark ink stays readable."""
        background, ink = to_colour(WHITE), to_colour("#000000")
        accent = to_colour("#003c9e")
        return cls(
            background=background, ink=ink, muted=readable_on("#333333", background, 7.0),
            accent=accent, accent_text=readable_on(accent, background, 7.0),
            on_accent=ink_on(accent), surface=to_colour(WHITE),
        )

    def chapter_band(self, colour: str) -> tuple[QColor, QColor]:
        """(band colour, ink on it) for a chapter colour."""
        band = to_colour(colour)
        return band, ink_on(band)


# -- fonts ------------------------------------------------------------------------------
def title_font(px: float, weight: int = 620) -> QFont:
    """Fraunces (variable font) at a real weight, set through its ``wght`` axis."""
    font = QFont(TITLE_FAMILY)
    font.setPixelSize(max(1, round(px)))
    font.setVariableAxis(QFont.Tag("wght"), float(weight))
    font.setVariableAxis(QFont.Tag("opsz"), float(min(144, max(9, px * 0.75))))
    return font


def body_font(px: float, bold: bool = False) -> QFont:
    font = QFont(BODY_FAMILY)
    font.setPixelSize(max(1, round(px)))
    font.setBold(bold)
    return font


# -- type scale -------------------------------------------------------------------------
class TypeScale(NamedTuple):
    """Sizes in pixels derived from the window size, so a kiosk and a laptop both read well."""

    body: float
    width: int
    height: int

    @classmethod
    def for_size(cls, width: int, height: int, factor: float = 1.0) -> TypeScale:
        """From the window's size; ``factor`` is the visitor's text size (Settings.text_scale)."""
        body = max(18.0, min(height * 0.025, width * 0.0155))
        if factor != 1.0:
            body *= factor
        return cls(body=body, width=width, height=height)

    @property
    def small(self) -> float:  # credits
        return max(14.0, self.body * 0.68)

    @property
    def caption(self) -> float:
        return max(15.0, self.body * 0.8)

    @property
    def label(self) -> float:  # chapter name, progress, buttons
        return max(16.0, self.body * 0.85)

    @property
    def page_title(self) -> float:
        return self.body * 1.85

    @property
    def card_title(self) -> float:
        return self.body * 1.08

    @property
    def display(self) -> float:  # the cover's title
        return min(self.body * 4.2, self.width * 0.075)

    @property
    def margin(self) -> int:
        return round(max(20.0, self.body * 1.8))

    @property
    def gap(self) -> int:
        return round(max(10.0, self.body * 0.8))

    @property
    def touch(self) -> int:
        """Minimum side of a control: 44 px, bigger on large screens."""
        return round(max(44.0, self.body * 2.3))

    @property
    def focus_width(self) -> int:
        return round(max(3.0, self.body * 0.16))


# -- sizes outside the reader's type scale ------------------------------------------------
MIN_TARGET_PX = 44  # the smallest side of anything a finger must hit


def area_body_px(width: float, height: float, ratio: float, smallest: int, largest: int,
                 factor: float = 1.0) -> int:
    """The body text size of a view drawn in an area (the house, the timeline): ``ratio``
    of the area's unit (its height, or its width / 1.6 when wider than that), kept within
    ``smallest``..``largest`` pixels, times ``factor`` (the visitor's text size)."""
    unit = min(width / 1.6, height)
    px = max(smallest, min(largest, unit * ratio))
    return int(px * factor if factor != 1.0 else px)


def screen_factor(width: int, height: int) -> float:
    """1.0 at 1080p; the kiosk's own screens size everything from it (never below 0.6)."""
    return max(0.6, min(width / 1920, height / 1080))


def touch_px(scale: float, base: int = 96) -> int:
    """A touch target of ``base`` pixels at 1080p, scaled, never below 44 px."""
    return max(MIN_TARGET_PX, round(base * scale))
