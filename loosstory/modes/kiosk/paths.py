"""Where the kiosk keeps its files — plain XDG rules, no Qt, so the CLI can use them.

- configuration: ``$LOOSSTORY_KIOSK_CONFIG`` or ``$XDG_CONFIG_HOME/loosstory/kiosk.yaml``
  (default ``~/.config/loosstory/kiosk.yaml``);
- data: ``$LOOSSTORY_DATA_DIR`` or ``$XDG_DATA_HOME/loosstory/`` (default
  ``~/.local/share/loosstory/``): ``stats.sqlite3``, ``logs/loosstory.log``, ``packs/``.
"""

from __future__ import annotations

import os
from pathlib import Path


def _xdg(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    return Path(value) if value and Path(value).is_absolute() else Path.home() / fallback


def config_file() -> Path:
    explicit = os.environ.get("LOOSSTORY_KIOSK_CONFIG", "")
    if explicit:
        return Path(explicit)
    return _xdg("XDG_CONFIG_HOME", ".config") / "loosstory" / "kiosk.yaml"


def data_dir() -> Path:
    explicit = os.environ.get("LOOSSTORY_DATA_DIR", "")
    if explicit:
        return Path(explicit)
    return _xdg("XDG_DATA_HOME", ".local/share") / "loosstory"


def stats_file() -> Path:
    return data_dir() / "stats.sqlite3"


def log_file() -> Path:
    return data_dir() / "logs" / "loosstory.log"


def packs_dir() -> Path:
    """Validated copies of new content packs (the kiosk plays the copy, never the drop folder)."""
    return data_dir() / "packs"
