"""loosstory: the story of Loos-en-Gohelle's transition, as a guided exhibition app."""

from __future__ import annotations

from importlib import metadata

try:
    __version__ = metadata.version("loosstory")
except metadata.PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
