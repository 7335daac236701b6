"""loosstory: the story of Loos-en-Gohelle's transition, as a guided exhibition app."""

from __future__ import annotations

# The one place the version is written: pyproject.toml reads it from here (hatch), so the
# app does not pay importlib.metadata at start-up.
__version__ = "0.1.0"
