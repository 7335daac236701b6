"""The bundled fonts, registered with Qt (Fraunces for titles, Atkinson Hyperlegible for text).

Registering a font file parses it and, the first time, sets up Qt's font database (~7 ms).
All of QFontDatabase is thread-safe and PySide6 lets other Python code run meanwhile, so
the app registers the cover's fonts in a thread while it imports the rest of itself
(:func:`register_in_background`), and the others after the first frame.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtGui import QFontDatabase

from loosstory.resources import assets_dir

# The fonts the engine ships (assets/fonts/*/OFL.txt): (family, author, licence, use),
# credited on the « À propos » screen.
FONT_CREDITS = (
    ("Fraunces", "The Fraunces Project Authors", "SIL Open Font License 1.1", "titres"),
    ("Atkinson Hyperlegible", "Braille Institute of America", "SIL Open Font License 1.1",
     "texte"),
)

# What the cover is drawn with (titles, text and buttons): registered before its first frame;
# the italics are registered after it (:mod:`loosstory.ui.reader.loading`).
COVER_FONTS = (
    "fraunces/Fraunces-Variable.ttf",
    "atkinson-hyperlegible/AtkinsonHyperlegible-Regular.ttf",
    "atkinson-hyperlegible/AtkinsonHyperlegible-Bold.ttf",
)

_loaded_fonts: dict[str, list[str]] = {}
_lock = threading.Lock()


def load_fonts(
    folder: Path | None = None, only: tuple[str, ...] | None = None
) -> dict[str, list[str]]:
    """Register the bundled fonts once (``only``: these files, relative to ``folder``);
    returns {file name: families} of all registered so far."""
    folder = folder or assets_dir() / "fonts"
    paths = [folder / name for name in only] if only else sorted(folder.glob("*/*.ttf"))
    with _lock:
        for path in paths:
            if path.name in _loaded_fonts or not path.is_file():
                continue
            font_id = QFontDatabase.addApplicationFont(str(path))
            _loaded_fonts[path.name] = (
                QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
            )
        return dict(_loaded_fonts)


def register_in_background(only: tuple[str, ...] | None = None) -> threading.Thread:
    """Start registering fonts in a thread; ``join()`` it before anything draws text.

    Needs the QApplication. QFontDatabase is imported above, on the calling thread, so the
    thread only calls its static functions (PySide must not set a type up in two threads).
    """
    thread = threading.Thread(target=load_fonts, kwargs={"only": only},
                              name="loosstory-fonts", daemon=True)
    thread.start()
    return thread
