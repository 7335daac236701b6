"""PySide6-Essentials 6.12.0 (abi3 wheels) on CPython < 3.12 drops one reference to ``None``
(and to ``True``/``False``) on every call that returns void or bool: ``None``'s count falls by
~100 per page turn and the interpreter aborts with ``Fatal Python error: none_dealloc`` after
about a hundred page turns (see bench/README.md).  6.11.3 does not; CPython 3.12+ makes
``None`` immortal, which hides it.

``immortalise()`` is the benchmark harness's stand-in for Python 3.12's immortal objects: it
adds 2**40 references to None, True and False so that the figures measuring time and memory
can finish.  It is applied only when the bug is present and only when
``LOOSSTORY_BENCH_IMMORTALISE`` is not "0"; the kiosk-day figure also runs without it, to
report where the application as shipped stops.
"""

from __future__ import annotations

import ctypes
import os
import sys

_DONE = False


def leaks_none() -> bool:
    """True when a void PySide6 call takes a reference to None away (measured, not guessed)."""
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    return sys.getrefcount(None) < before - 50


def immortalise(force: bool = False) -> bool:
    """Make None/True/False unkillable if PySide6 leaks them; returns True when applied."""
    global _DONE
    if _DONE:
        return True
    if os.environ.get("LOOSSTORY_BENCH_IMMORTALISE", "1") == "0" and not force:
        return False
    if sys.version_info >= (3, 12) or not leaks_none():
        return False
    for obj in (None, True, False):
        ctypes.c_ssize_t.from_address(id(obj)).value += 1 << 40
    _DONE = True
    return True
