"""A YAML document's value with the line and column of everything in it (no YAML here).

Parsed by :mod:`loosstory.story.yamlsource`; kept apart so that code which only reads a
parsed document (the cover's path to its first frame reads story.yaml from
:mod:`loosstory.story.parsecache`) does not import PyYAML.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any

from loosstory.story.model import Problem

Key = tuple[Hashable, ...]


@dataclass
class Located:
    """A YAML document's value plus the (line, column) of each key path, 1-based."""

    value: Any
    path: str
    line_offset: int = 0  # added to every line (for front matter inside a Markdown file)
    positions: dict[Key, tuple[int, int]] = field(default_factory=dict)

    def where(self, *keys: Hashable) -> tuple[int, int]:
        """Line and column of ``keys`` (e.g. ``("events", 3, "date")``), or of its closest
        known parent."""
        probe: Key = tuple(keys)
        while probe:
            if probe in self.positions:
                line, column = self.positions[probe]
                return line + self.line_offset, column
            probe = probe[:-1]
        line, column = self.positions.get((), (1, 1))
        return line + self.line_offset, column

    def problem(self, keys: Key, severity: str, message: str) -> Problem:
        line, column = self.where(*keys)
        return Problem(self.path, line, column, severity, message)  # type: ignore[arg-type]
