"""YAML read with `safe_load` semantics, keeping where every value was written.

Authors' mistakes must be reported at their line: the loader asks ``Located.where(*keys)``
for the line and column of any key or list item, falling back to the nearest parent.
"""

from __future__ import annotations

from collections.abc import Hashable

import yaml

from loosstory.story.located import Key, Located
from loosstory.story.model import Problem

__all__ = ["Key", "Located", "load_located"]

# libyaml's parser when PyYAML was built with it (the wheels are): same documents, same
# marks, about 4x faster than the pure-Python one, which stays the fallback.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _walk(loader: yaml.SafeLoader, node: yaml.Node, key: Key, out: dict[Key, tuple[int, int]]):
    out[key] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            try:
                name = loader.construct_object(key_node, deep=True)
            except yaml.YAMLError:
                continue
            if not isinstance(name, Hashable):
                continue
            # A key's own position is where the key is written, which is what authors look for.
            _walk(loader, value_node, key + (name,), out)
            out[key + (name,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(loader, item, key + (index,), out)


def load_located(
    text: str, path: str, line_offset: int = 0
) -> tuple[Located | None, Problem | None]:
    """Parse one YAML document. On a syntax error returns (None, Problem at its line)."""
    try:
        loader = _Loader(text)
    except yaml.reader.ReaderError as error:
        return None, _reader_problem(text, path, line_offset, error)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, path, line_offset, {(): (1, 1)}), None
        value = loader.construct_document(node)
        positions: dict[Key, tuple[int, int]] = {}
        _walk(loader, node, (), positions)
        return Located(value, path, line_offset, positions), None
    except yaml.reader.ReaderError as error:
        return None, _reader_problem(text, path, line_offset, error)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        column = mark.column + 1 if mark else 1
        what = error.problem or error.context or "syntaxe incorrecte"
        return None, Problem(
            path,
            line,
            column,
            "error",
            f"YAML illisible : {what}. Vérifiez l'indentation, les deux-points et les guillemets "
            "autour des textes qui contiennent « : » ou « # ».",
        )
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as error:
        return None, Problem(path, 1 + line_offset, 1, "error", f"YAML illisible : {error}")
    finally:
        loader.dispose()


def _reader_problem(
    text: str, path: str, line_offset: int, error: yaml.reader.ReaderError
) -> Problem:
    position = max(0, min(error.position, len(text)))
    line = text.count("\n", 0, position) + 1 + line_offset
    column = position - (text.rfind("\n", 0, position) + 1) + 1
    return Problem(
        path,
        line,
        column,
        "error",
        f"caractère interdit en YAML (code {error.character!r}) : supprimez-le ou retapez la ligne",
    )
