"""A YAML document's value with the line and column of everything in it (no YAML here).

Parsed by :mod:`loosstory.story.yamlsource`; kept apart so that code which only reads a
parsed document (the cover's path to its first frame reads story.yaml from
:mod:`loosstory.story.parsecache`) does not import PyYAML.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, NamedTuple

from loosstory.story.model import Problem

Key = tuple[Hashable, ...]


class Located(NamedTuple):
    """A YAML document's value plus the (line, column) of each key path, 1-based.

    (The records on the cover's path to its first frame are named tuples, not data
    classes: ~0.15 ms to define each, against ~0.8 ms; bench/README.md, start-up.)
    """

    value: Any
    path: str
    line_offset: int  # added to every line (for front matter inside a Markdown file)
    positions: dict[Key, tuple[int, int]]

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

    def section(
        self, key: str, known: set[str], contents: str, problems: list[Problem]
    ) -> dict[Any, Any] | None:
        """The mapping under ``key`` (e.g. story.yaml's ``cover``), or None when it is absent
        or not a mapping (then an error: « key doit contenir ``contents`` »). Each key in
        it that is not in ``known`` is a warning."""
        value = self.value.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            problems.append(self.problem((key,), "error", f"{key} doit contenir {contents}"))
            return None
        for name in value:
            if name not in known:
                problems.append(
                    self.problem((key, name), "warning", f"clé « {name} » inconnue dans {key}")
                )
        return value

    def problem(self, keys: Key, severity: str, message: str) -> Problem:
        line, column = self.where(*keys)
        return Problem(self.path, line, column, severity, message)  # type: ignore[arg-type]
