"""Where the bundled story and the engine's assets live.

From a source checkout they are the repository's `content/` and `assets/`; from an
installed wheel they are copies inside the package (`loosstory/_bundled/`).
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[0]


def content_dir() -> Path:
    """The bundled Loos-en-Gohelle story pack."""
    return _first_existing(_PACKAGE.parent / "content", _PACKAGE / "_bundled" / "content")


def assets_dir() -> Path:
    """The engine's own look: fonts (with their licences), icons, styles."""
    return _first_existing(_PACKAGE.parent / "assets", _PACKAGE / "_bundled" / "assets")
