"""The reader's keys, in one table a mode can extend.

A :class:`Binding` maps a key on a screen to an action name; the window runs the action
(``ReaderWindow.actions``: the state's moves, full screen). A mode adds or overrides
bindings with :meth:`Keymap.extend` and its own actions with ``window.actions[name] = …``.

The table is built by a function, on the first key press, not at import: naming a ``Qt``
enum builds PySide6's whole ``Qt`` namespace (~20 ms), which the first frame does not need
(bench/README.md, start-up).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from loosstory.ui.qtlazy import Qt
from loosstory.ui.state.state import COVER, PAGE, SOMMAIRE

ANY_SCREEN = "*"


class Binding(NamedTuple):
    screen: str  # a screen name, or ANY_SCREEN
    keys: tuple[int, ...]
    action: str  # a name in ReaderWindow.actions
    shift: bool | None = None  # True / False: only with / without Shift; None: either
    not_on_a_button: bool = False  # not while a button has the focus (it uses the key)


class Keymap:
    """Bindings looked up by screen and key; the last binding added wins."""

    def __init__(self, bindings: Iterable[Binding] = ()) -> None:
        self.bindings: list[Binding] = list(bindings)

    def extend(self, bindings: Iterable[Binding]) -> Keymap:
        """A new keymap: these bindings first, then this one's (so they override it)."""
        return Keymap([*bindings, *self.bindings])

    def action_for(self, screen: str, key: int, shift: bool, on_a_button: bool) -> str | None:
        for binding in self.bindings:
            if binding.screen not in (screen, ANY_SCREEN) or key not in binding.keys:
                continue
            if binding.shift is not None and binding.shift != shift:
                continue
            if binding.not_on_a_button and on_a_button:
                continue
            return binding.action
        return None


def reader_keymap() -> Keymap:
    """The reader's keys (README, "In the reader")."""
    key = Qt.Key
    next_keys, previous_keys = (key.Key_Right, key.Key_PageDown), (key.Key_Left, key.Key_PageUp)
    return Keymap([
        Binding(ANY_SCREEN, (key.Key_F11,), "toggle_fullscreen"),
        Binding(PAGE, next_keys, "next"),
        Binding(PAGE, (key.Key_Space,), "next", shift=False, not_on_a_button=True),
        Binding(PAGE, previous_keys, "previous"),
        Binding(PAGE, (key.Key_Space,), "previous", shift=True, not_on_a_button=True),
        Binding(PAGE, (key.Key_Home,), "first_in_chapter"),
        Binding(PAGE, (key.Key_End,), "last_in_chapter"),
        Binding(PAGE, (key.Key_Escape,), "show_sommaire"),
        Binding(COVER, next_keys, "start"),
        Binding(COVER, (key.Key_Space, key.Key_Return, key.Key_Enter), "start",
                not_on_a_button=True),
        Binding(SOMMAIRE, (key.Key_Escape,), "show_cover"),
    ])
