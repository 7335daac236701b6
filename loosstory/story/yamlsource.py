"""YAML read with `safe_load` semantics, keeping where every value was written.

Authors' mistakes must be reported at their line: the loader asks ``Located.where(*keys)``
for the line and column of any key or list item, falling back to the nearest parent.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from loosstory.story.located import Key, Located
from loosstory.story.model import Problem

# libyaml's parser when PyYAML was built with it (the wheels are): same events, same marks,
# several times faster than the pure-Python one, which stays the fallback.
try:
    from yaml.cyaml import CParser as _Parser
except ImportError:  # pragma: no cover - PyYAML without libyaml

    class _Parser(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            yaml.reader.Reader.__init__(self, stream)
            yaml.scanner.Scanner.__init__(self)
            yaml.parser.Parser.__init__(self)

__all__ = ["Key", "Located", "load_located"]

# Expanded size of a document, counting each alias (``*name``) as a copy of what it names:
# a story.yaml or a timeline has a few thousand values; 1.5 KB of nested aliases can stand
# for billions ("billion laughs"), which the checks below would otherwise walk.
MAX_YAML_NODES = 100_000
_NODES_TEXT = f"{MAX_YAML_NODES:,}".replace(",", "\u202f")


class _Stop(yaml.MarkedYAMLError):
    """A document refused: too large once expanded, an endless alias, a duplicate key."""


_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MERGE = "tag:yaml.org,2002:merge"


class _BoundedLoader(Composer, _Parser, SafeConstructor, Resolver):
    """``safe_load`` semantics, composed in Python over libyaml's events so that every
    node is counted as it is made (aliases by the size of what they repeat, stopping at
    :data:`MAX_YAML_NODES`). (A key written twice in one mapping is found by ``_walk``.)"""

    def __init__(self, stream: str, line_offset: int = 0) -> None:
        _Parser.__init__(self, stream)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        Composer.__init__(self)
        self.expanded = 0
        self.line_offset = line_offset

    def _count(self, weight: int, mark: yaml.Mark) -> None:
        self.expanded += weight
        if self.expanded > MAX_YAML_NODES:
            raise _Stop(
                None,
                None,
                f"document trop volumineux une fois les alias (*nom) développés : plus de "
                f"{_NODES_TEXT} valeurs (limite). Écrivez les valeurs elles-mêmes plutôt "
                "que des alias qui se répètent, ou découpez le fichier",
                mark,
            )

    def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
        event = self.peek_event()
        node = Composer.compose_node(self, parent, index)
        if type(event) is yaml.AliasEvent:
            weight = getattr(node, "weight", None)
            if weight is None:  # the alias is inside what it names: an endless document
                raise _Stop(None, None, f"l'alias *{event.anchor} est à l'intérieur de ce qu'il "
                            "répète (document sans fin) : écrivez les valeurs elles-mêmes",
                            event.start_mark)
            self._count(weight, event.start_mark)
            return node
        if type(node) is yaml.ScalarNode:
            node.weight = 1
        elif type(node) is yaml.MappingNode:
            node.weight = 1 + sum(k.weight + v.weight for k, v in node.value)
        else:
            node.weight = 1 + sum(item.weight for item in node.value)
        self._count(1, event.start_mark)
        return node


def _walk(
    loader: Any, node: yaml.Node, key: Key, out: dict[Key, tuple[int, int]], line_offset: int
) -> None:
    out[key] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[tuple[str, str], yaml.Mark] = {}
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag != _MERGE:
                first = seen.setdefault((key_node.tag, key_node.value), key_node.start_mark)
                if first is not key_node.start_mark:
                    raise _Stop(
                        None,
                        None,
                        f"clé « {key_node.value} » écrite deux fois dans le même bloc (lignes "
                        f"{first.line + 1 + line_offset} et "
                        f"{key_node.start_mark.line + 1 + line_offset}) : seule la dernière "
                        "compterait ; gardez-en une",
                        key_node.start_mark,
                    )
            try:
                name = loader.construct_object(key_node, deep=True)
            except yaml.YAMLError:
                continue
            if not isinstance(name, Hashable):
                continue
            # A key's own position is where the key is written, which is what authors look for.
            _walk(loader, value_node, key + (name,), out, line_offset)
            out[key + (name,)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(loader, item, key + (index,), out, line_offset)


def load_located(
    text: str, path: str, line_offset: int = 0
) -> tuple[Located | None, Problem | None]:
    """Parse one YAML document. On a syntax error returns (None, Problem at its line)."""
    try:
        # No alias in a short text: about one node per character at most (two in the worst
        # flow mappings), so it cannot go far past the limit and libyaml composes it (twice
        # as fast); otherwise every node is counted as it is composed.
        small = len(text) <= MAX_YAML_NODES and "*" not in text
        loader = _FastLoader(text) if small else _BoundedLoader(text, line_offset)
    except yaml.reader.ReaderError as error:
        return None, _reader_problem(text, path, line_offset, error)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, path, line_offset, {(): (1, 1)}), None
        value = loader.construct_document(node)
        positions: dict[Key, tuple[int, int]] = {}
        _walk(loader, node, (), positions, line_offset)
        return Located(value, path, line_offset, positions), None
    except yaml.reader.ReaderError as error:
        return None, _reader_problem(text, path, line_offset, error)
    except _Stop as error:
        mark = error.problem_mark
        return None, Problem(
            path,
            (mark.line + 1 if mark else 1) + line_offset,
            mark.column + 1 if mark else 1,
            "error",
            f"YAML refusé : {error.problem}",
        )
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
    except (yaml.YAMLError, ValueError, TypeError, RecursionError, MemoryError) as error:
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
