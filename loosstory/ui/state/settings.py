"""What a visitor may change while reading (issue 12): one typed record, held by the state.

The defaults are what every visitor finds; a kiosk reset goes back to them. Each change is
announced by :attr:`ReaderState.settings_changed`.
"""

from __future__ import annotations

from typing import NamedTuple


class Settings(NamedTuple):
    """A visitor's reading settings (a NamedTuple: immutable, compared by value)."""

    text_scale: float = 1.0  # factor on the type scale (1.0 = sized from the window alone)
    high_contrast: bool = False  # the palette with the strongest contrasts
    reduced_motion: bool = False  # no glides, no build-up animations, no page transitions
    read_aloud: bool = False  # texts read aloud when shown
    # "facile", "standard" or "approfondi" (issue 18): the text a page shows when it has it
    reading_level: str = "standard"


DEFAULT_SETTINGS = Settings()
