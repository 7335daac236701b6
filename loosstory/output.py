"""Writing the command line's report files (stats, fleet): one French message on failure."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from pathlib import Path


def write_files(outputs: Iterable[tuple[Path | None, Callable[[], str]]]) -> int:
    """Write each (file or None, text maker); 1 with a French message if one fails."""
    for file, make in outputs:
        if file is not None:
            try:
                file.write_text(make(), encoding="utf-8")
            except OSError as error:
                print(f"loosstory: impossible d'écrire {file} : {error.strerror}", file=sys.stderr)
                return 1
            print(f"écrit : {file}")
    return 0
