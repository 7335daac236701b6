"""PySide6's ``Qt`` namespace, looked up when first used, and enum properties set by name.

``from PySide6.QtCore import Qt`` makes PySide6 build the whole namespace — about a hundred
Python enum classes, 15–25 ms — as soon as the importing module loads. The modules on the
cover's first-frame path (the window, the cover, the image box, transitions) import the
stand-in :data:`Qt` from here instead: same spelling (``Qt.Key.Key_Right``), but the real
namespace is looked up the first time one of its enums is used, which for the cover is after
its first frame (bench/README.md, start-up; ``tests/ui/test_startup.py`` checks it). Other
modules import ``Qt`` from PySide6 as usual.
"""

from __future__ import annotations

from typing import Any

from PySide6 import QtCore
from PySide6.QtCore import QObject


class _LazyQt:
    """Forwards attribute look-ups to ``PySide6.QtCore.Qt``; keeps each one it made."""

    def __getattr__(self, name: str) -> Any:
        value = getattr(QtCore.Qt, name)
        setattr(self, name, value)  # the next look-up of this enum is a plain attribute
        return value


Qt: Any = _LazyQt()


def set_enum_property(obj: QObject, name: str, keys: str) -> None:
    """Set the Qt property ``name`` (an enum or flags) from its C++ key names, as a ``.ui``
    file or a style sheet's ``qproperty-`` does: ``set_enum_property(label, "alignment",
    "AlignRight|AlignBottom")``. Needs no Python enum, so no ``Qt`` namespace.

    Raises ValueError when Qt refuses it (no such property, or a misspelt key).
    """
    if not obj.setProperty(name, keys):
        raise ValueError(f"{type(obj).__name__}.{name} cannot be set to {keys!r}")
