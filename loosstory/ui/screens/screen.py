"""The contract every screen of the reader's stack keeps (cover, sommaire, page, problems…).

A screen is a widget built from the state (and the image loader, and the palette) by its
entry in :data:`loosstory.ui.reader.screens.SCREENS`; the window asks it, through this
class only, to take a new type scale, to say whether its pictures are drawn, to show its
texts in a new language, and for the keys it handles itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the cover is on the first frame's path: no more imports than needed
    from PySide6.QtGui import QKeyEvent

    from loosstory.ui.look.theme import TypeScale


class Screen(QWidget):
    """A screen of the reader. Subclasses override what they need; the defaults do nothing."""

    #: horizontal swipes on this screen turn pages (the window installs the detector)
    swipes_turn_pages = False

    def apply_scale(self, scale: TypeScale) -> None:
        """Sizes from the window's type scale (called on every change of it)."""

    @property
    def images_ready(self) -> bool:
        """True when every picture shown is decoded at its displayed size."""
        return True

    def retranslate(self) -> None:
        """Show the interface's texts in the language just installed."""

    def advance(self, step: int) -> bool:
        """Show more of this screen before "next" (``step`` 1) or "previous" (-1) moves on:
        True when the screen used the move itself (the page shows the rest of its text)."""
        return False

    def overlay_key(self, event: QKeyEvent) -> bool:
        """A key for a layer open over this screen (a figure opened large), read before the
        keymap: True if used (Esc then closes the layer, not the screen)."""
        return False

    def handle_key(self, event: QKeyEvent) -> bool:
        """A key the reader's keymap left unused on this screen; True if used here."""
        return False
